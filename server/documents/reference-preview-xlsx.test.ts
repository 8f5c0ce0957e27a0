import { describe, expect, it } from 'vitest';
import { referencePreviewSheets } from './reference-preview-xlsx.js';
import type { ReferencePreview } from '../../common/schemas/reference.js';

const base: ReferencePreview = {
  table: 'base_salaries',
  tableLabel: 'Mức lương cơ sở',
  action: 'insert',
  actionLabel: 'Thêm dòng mới',
  rowKey: { effectiveFrom: '2027-07-01' },
  before: null,
  after: { effectiveFrom: '2027-07-01', amountVnd: 2_800_000, instrument: 'NĐ mới' },
  beforeText: null,
  afterText: '2.800.000 đồng/tháng — hiệu lực từ 01/07/2027 (NĐ mới)',
  period: { from: '2027-07-01', to: null },
  screening: null,
  training: null,
  entitlements: {
    considered: 3,
    oneOffDeltaVnd: 2_700_000,
    monthlyDeltaVnd: 810_000,
    items: [
      {
        secondmentId: 's',
        personCode: 'T1',
        fullName: 'Trần Thị Đúng',
        sendingUnitName: 'Sở A',
        status: 'decided',
        startDate: '2027-07-01',
        oneOff: { before: 25_300_000, after: 28_000_000 },
        monthly: { before: 7_590_000, after: 8_400_000 },
      },
    ],
  },
  budgets: null,
  repayments: null,
  ratings: null,
  notes: [],
};

describe('the what-if workbook', () => {
  it('has a summary and one sheet per effect that applies, each moved line with its difference and a total row', () => {
    const sheets = referencePreviewSheets(base, { today: '2026-12-03', authorName: 'Chuyên viên' });
    expect(sheets.map((s) => s.name)).toEqual(['Tóm tắt', 'Chế độ tăng cường']);
    const rows = [...(sheets[1].rows as Iterable<unknown[]>)];
    expect(rows[0]).toEqual([
      1,
      'T1',
      'Trần Thị Đúng',
      'Sở A',
      'Đã có quyết định cử, chờ tiếp nhận',
      '2027-07-01',
      25_300_000,
      28_000_000,
      2_700_000,
      7_590_000,
      8_400_000,
      810_000,
    ]);
    expect(rows[1][8]).toBe(2_700_000);
    const summary = [...(sheets[0].rows as Iterable<unknown[]>)];
    expect(summary).toContainEqual(['Dòng hiện có', 'Chưa có (thêm dòng mới)']);
    expect(summary).toContainEqual(['Dòng', '01/07/2027']);
    expect(summary).toContainEqual(['Lập ngày', '03/12/2026']);
  });
});
