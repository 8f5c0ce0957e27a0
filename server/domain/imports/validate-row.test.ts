import { describe, expect, it } from 'vitest';
import { SHEET_BY_KIND } from '../../../common/import-columns.js';
import { plainCell } from '../../documents/xlsx-cells.js';
import { IssueCollector } from './import-issues.js';
import { validateRow, type ImportRefs } from './validate-row.js';
import { RATING_INSTRUMENTS_SEED } from '../../../common/ratings.js';

const refs: ImportRefs = {
  today: '2026-11-26',
  currentYear: 2026,
  ethnic: new Map([
    ['kinh', '01'],
    ['khơme', '05'],
    ['khmer', '05'],
    ['05', '05'],
  ]),
  ranks: new Map([['01.003', '01.003']]),
  ratingInstruments: RATING_INSTRUMENTS_SEED,
  ratingLevels: new Map([
    ['htt', 'HTT'],
    ['hoànthànhtốtnhiệmvụ', 'HTT'],
  ]),
  disciplineForms: new Map([
    ['kt', 'KT'],
    ['khiểntrách', 'KT'],
  ]),
  units: new Map([
    ['DV1', { id: 'u1', editable: true }],
    ['DV2', { id: 'u2', editable: false }],
  ]),
  homeTownByCode: new Map([
    ['31201', 'Xã Tân An'],
    ['31777', 'Xã Tân An'],
    ['31117', 'Phường Cái Khế'],
  ]),
  homeTownByName: new Map([
    ['xãtânan', ['31201', '31777']],
    ['tânan', ['31201', '31777']],
    ['phườngcáikhế', ['31117']],
    ['cáikhế', ['31117']],
  ]),
  canSetStaffing: false,
  canManageOrg: false,
  examples: {},
};
const row = (o: Record<string, unknown>) => new Map(Object.entries(o).map(([k, v]) => [k, plainCell(v)]));
const cadre = (o: Record<string, unknown> = {}) =>
  row({ code: 'A1', fullName: 'Nguyễn Văn A', gender: 'Nam', birthDate: '01/01/1980', unitCode: 'DV1', category: 'Công chức', ...o });

describe('validateRow', () => {
  it('returns storage values for a good row: codes, ISO dates, unit id, resolved names', () => {
    const issues = new IssueCollector();
    const v = validateRow(
      SHEET_BY_KIND.cadres,
      2,
      cadre({ ethnicCode: 'Khơ-me', homeTownCode: 'Cái Khế', isLeader: 'có', salaryCoefficient: '2,34' }),
      refs,
      issues,
    );
    expect(issues.errors).toBe(0);
    expect(v).toMatchObject({
      gender: 'male',
      birthDate: '1980-01-01',
      unitCode: 'u1',
      category: 'cong_chuc',
      ethnicCode: '05',
      homeTownCode: '31117',
      isLeader: true,
      salaryCoefficient: '2.34',
    });
  });

  it('reports each bad cell with its column, value and a Vietnamese reason', () => {
    const issues = new IssueCollector();
    const v = validateRow(SHEET_BY_KIND.cadres, 7, cadre({ gender: 'X', birthDate: '', unitCode: 'DV2', homeTownCode: 'Tân An', phone: '12345' }), refs, issues);
    expect(v).toBeNull();
    expect(issues.kept.map((i) => [i.rowNo, i.column, i.value])).toEqual([
      [7, 'Giới tính', 'X'],
      [7, 'Ngày sinh', ''],
      [7, 'Mã đơn vị', 'DV2'],
      [7, 'Điện thoại', '12345'],
      [7, 'Quê quán (xã, phường trước 01/07/2025)', 'Tân An'],
    ]);
    expect(issues.kept[4].reason).toMatch(/không rõ ràng, có thể là: 31201 - Xã Tân An; 31777 - Xã Tân An/);
  });

  it('checks between fields: a discipline ending before it starts, a rating for a future year', () => {
    const issues = new IssueCollector();
    validateRow(
      SHEET_BY_KIND.discipline,
      2,
      row({ code: 'A1', formCode: 'Khiển trách', decidedOn: '01/10/2025', effectiveFrom: '01/10/2025', effectiveTo: '01/09/2025' }),
      refs,
      issues,
    );
    validateRow(SHEET_BY_KIND.ratings, 3, row({ code: 'A1', year: 2027, levelCode: 'HTT' }), refs, issues);
    expect(issues.kept.map((i) => i.reason)).toEqual(['Ngày hết hiệu lực không thể trước ngày có hiệu lực', 'Không thể xếp loại cho năm chưa đến']);
  });

  it('keeps the first 10,000 issues and counts them all', () => {
    const issues = new IssueCollector(10);
    for (let i = 0; i < 25; i++) issues.add({ sheet: 'Cán bộ', rowNo: i, column: 'Ngày sinh', value: 'x', reason: 'Ngày không tồn tại' });
    expect(issues.kept).toHaveLength(10);
    expect(issues.stats()).toMatchObject({ errors: 25, byColumnReason: { 'Cán bộ › Ngày sinh › Ngày không tồn tại': 25 } });
  });
});
