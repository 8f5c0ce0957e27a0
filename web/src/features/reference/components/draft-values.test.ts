import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { draftFromValues, valuesFromRow } from './draft-values';

describe('the draft row form', () => {
  it('sends only the chosen table’s fields, dates as ISO', () => {
    const v = { effectiveFrom: dayjs('2027-07-01'), amountVnd: 2_800_000, multiplier: 12, code: 'KT' };
    expect(draftFromValues('base_salaries', v)).toEqual({ table: 'base_salaries', effectiveFrom: '2027-07-01', amountVnd: 2_800_000 });
    expect(draftFromValues('allowance_multipliers', v)).toEqual({ table: 'allowance_multipliers', effectiveFrom: '2027-07-01', multiplier: 12 });
  });
  it('closing a discipline row sends its end date, a cleared end as null', () => {
    const row = {
      rowKey: { code: 'KT', effectiveFrom: '2025-07-01' },
      values: {
        code: 'KT',
        name: 'Khiển trách',
        appliesTo: ['can_bo', 'cong_chuc'],
        barMonths: 12,
        effectiveFrom: '2025-07-01',
        effectiveTo: null,
        instrument: 'NĐ 172',
      },
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
      instrument: 'NĐ 172',
      summary: '',
      inForce: true,
      editable: 'close' as const,
    };
    const filled = valuesFromRow('discipline_forms', row);
    expect(draftFromValues('discipline_forms', { ...filled, effectiveTo: dayjs('2026-12-31') })).toEqual({
      table: 'discipline_forms',
      code: 'KT',
      name: 'Khiển trách',
      appliesTo: ['can_bo', 'cong_chuc'],
      barMonths: 12,
      effectiveFrom: '2025-07-01',
      effectiveTo: '2026-12-31',
    });
    expect(draftFromValues('discipline_forms', filled)).toMatchObject({ effectiveTo: null });
  });
  it('training rules: the numbers as JSON, with a Vietnamese message when they are not', () => {
    expect(draftFromValues('training_regulations', { category: 'vien_chuc', effectiveFrom: dayjs('2027-01-01'), params: '{"commitmentMultiplier": 2}' })).toEqual({
      table: 'training_regulations',
      category: 'vien_chuc',
      effectiveFrom: '2027-01-01',
      params: { commitmentMultiplier: 2 },
    });
    expect(() => draftFromValues('training_regulations', { params: '{x' })).toThrow(/JSON/);
  });
});
