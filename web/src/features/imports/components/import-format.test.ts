import { describe, expect, it } from 'vitest';
import type { ImportChange } from '../../../api/types';
import { countsText, describeChange, issueGroups, previewCounts, refuseFile, valueLabel, type ValueLookups } from './import-format';
import { CADRE_SHEET } from '../../../../../common/import-columns';

const lookups: ValueLookups = { unitName: (id) => (id === 'u-1' ? 'Phòng Nghiệp vụ Y' : undefined) };
const sheet = (create: number, update: number, unchanged: number, rows = create + update + unchanged) => ({
  name: '',
  rows,
  valid: rows,
  create,
  update,
  unchanged,
  fields: {},
});

describe('describeChange', () => {
  it('lists what a new cadre will hold, in template order, by names and dd/mm/yyyy', () => {
    const c: ImportChange = {
      sheet: 'Cán bộ',
      rowNo: 3,
      key: 'NX1',
      action: 'create',
      fields: {
        changed: ['unitCode', 'fullName', 'birthDate', 'gender', 'phone'],
        before: null,
        after: { fullName: 'Lâm Quốc Khải', gender: 'male', birthDate: '1990-02-28', unitCode: 'u-1' },
      },
    };
    const d = describeChange(c, lookups);
    expect(d.who).toBe('NX1');
    expect(d.name).toBe('Lâm Quốc Khải');
    expect(d.fields.map((f) => `${f.label}: ${f.after}`)).toEqual([
      'Họ và tên: Lâm Quốc Khải',
      'Giới tính: Nam',
      'Ngày sinh: 28/02/1990',
      'Đơn vị: Phòng Nghiệp vụ Y',
    ]);
  });

  it('shows a change of an existing record before → after, empty as "(trống)"', () => {
    const c: ImportChange = {
      sheet: 'Cán bộ',
      rowNo: 7,
      key: 'CB000123',
      action: 'update',
      fields: { changed: ['phone', 'isLeader'], before: { phone: null, isLeader: false }, after: { phone: '0912345678', isLeader: true } },
    };
    expect(describeChange(c, lookups).fields).toEqual([
      { key: 'isLeader', label: 'Là lãnh đạo', before: 'Không', after: 'Có' },
      { key: 'phone', label: 'Điện thoại', before: '(trống)', after: '0912345678' },
    ]);
    expect(describeChange(c, lookups).name).toBeNull();
  });

  it('names a staffing row by its unit and year', () => {
    const c: ImportChange = {
      sheet: 'Đơn vị - Biên chế',
      rowNo: 2,
      key: 'u-1 2026',
      action: 'update',
      fields: { changed: ['assignedStaffing'], before: { assignedStaffing: 10 }, after: { assignedStaffing: 12 } },
    };
    expect(describeChange(c, lookups).who).toBe('Phòng Nghiệp vụ Y — năm 2026');
  });
});

describe('summaries', () => {
  it('splits the issue statistics into sheet, column and reason, biggest first', () => {
    const groups = issueGroups({
      issueStats: { errors: 3, warnings: 1, byColumnReason: { 'Xếp loại › — › Dòng ví dụ của mẫu được bỏ qua': 1, 'Cán bộ › Ngày sinh › Ngày không tồn tại': 2 } },
    });
    expect(groups.map((g) => [g.sheet, g.column, g.reason, g.count])).toEqual([
      ['Cán bộ', 'Ngày sinh', 'Ngày không tồn tại', 2],
      ['Xếp loại', '', 'Dòng ví dụ của mẫu được bỏ qua', 1],
    ]);
  });

  it('adds up new, changed and unchanged rows over the sheets', () => {
    const c = previewCounts({ summary: { templateVersion: 'x', skippedExampleRows: 0, sheets: { cadres: sheet(3, 1, 10), ratings: sheet(2, 0, 0) } } });
    expect(countsText(c.total)).toBe('5 mới, 1 thay đổi, 10 không đổi');
    expect(c.cadres).toEqual({ create: 3, update: 1, unchanged: 10 });
    expect(c.sheets.map((s) => s.kind)).toEqual(['cadres', 'ratings']);
  });

  it('names coded columns by what the preview shows', () => {
    const col = (key: string) => CADRE_SHEET.columns.find((c) => c.key === key)!;
    expect(valueLabel(col('unitCode'))).toBe('Đơn vị');
    expect(valueLabel(col('rankCode'))).toBe('Ngạch / chức danh nghề nghiệp');
    expect(valueLabel(col('code'))).toBe('Mã cán bộ');
  });
});

describe('refuseFile', () => {
  it('takes .xlsx up to 50 MB only', () => {
    expect(refuseFile({ name: 'Can bo.XLSX', size: 1000 })).toBeNull();
    expect(refuseFile({ name: 'cu.xls', size: 1000 })).toContain('Lưu thành');
    expect(refuseFile({ name: 'ghi-chu.docx', size: 1000 })).toContain('không phải tệp Excel');
    expect(refuseFile({ name: 'lon.xlsx', size: 51 * 1024 * 1024 })).toContain('vượt quá giới hạn 50 MB');
  });
});
