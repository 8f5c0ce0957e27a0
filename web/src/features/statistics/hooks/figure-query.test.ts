import { describe, expect, it } from 'vitest';
import { figureListPath, figureQueryFrom, quickPeriods } from './figure-query';

describe('the quick periods of the statistics page', () => {
  it('offers this quarter, the one before (across a year), the half-year and the year', () => {
    expect(quickPeriods('2026-02-10')).toEqual([
      { label: 'Quý 1/2026', from: '2026-01-01', to: '2026-03-31' },
      { label: 'Quý 4/2025', from: '2025-10-01', to: '2025-12-31' },
      { label: '6 tháng đầu năm 2026', from: '2026-01-01', to: '2026-06-30' },
      { label: 'Năm 2026', from: '2026-01-01', to: '2026-12-31' },
    ]);
    expect(quickPeriods('2026-12-04').slice(0, 3)).toEqual([
      { label: 'Quý 4/2026', from: '2026-10-01', to: '2026-12-31' },
      { label: 'Quý 3/2026', from: '2026-07-01', to: '2026-09-30' },
      { label: '6 tháng cuối năm 2026', from: '2026-07-01', to: '2026-12-31' },
    ]);
  });
});

describe("a figure's list address", () => {
  it('carries the period, unit, category and report, and reads back', () => {
    const path = figureListPath('sex.female', { from: '2026-01-01', to: '2026-03-31', unitId: 'u1', category: 'vien_chuc' }, 'r1');
    expect(path).toBe('/reports/figures/sex.female?from=2026-01-01&to=2026-03-31&unitId=u1&category=vien_chuc&report=r1');
    expect(figureQueryFrom(new URLSearchParams(path.split('?')[1]))).toEqual({ from: '2026-01-01', to: '2026-03-31', unitId: 'u1', category: 'vien_chuc' });
    expect(figureQueryFrom(new URLSearchParams('from=2026-01-01&category=khac'))).toBeNull();
    expect(figureQueryFrom(new URLSearchParams('from=2026-01-01&to=2026-02-01&category=khac'))).toEqual({ from: '2026-01-01', to: '2026-02-01' });
  });
});
