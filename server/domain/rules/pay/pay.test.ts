import { describe, expect, it } from 'vitest';
import { baseSalaryOn } from './base-salary.js';
import { coefficientHundredths, coefHundredths, coefTimes, divRoundHalfUp, hundredthsText, vndText } from './money.js';
import { extraStep, extraStepOnReturn, isCompletedWell } from './salary-steps.js';

describe('the base salary on a date', () => {
  const rows = [
    { effectiveFrom: '2026-07-01', amountVnd: 2_530_000, instrument: 'Nghị định 161/2026/NĐ-CP' },
    { effectiveFrom: '2024-07-01', amountVnd: 2_340_000, instrument: 'Nghị định 73/2024/NĐ-CP' },
  ];
  it('is the row in force that day: the day before a change keeps the old one, the day of it takes the new one', () => {
    expect(baseSalaryOn(rows, '2026-06-30')?.amountVnd).toBe(2_340_000);
    expect(baseSalaryOn(rows, '2026-07-01')?.amountVnd).toBe(2_530_000);
    expect(baseSalaryOn(rows, '2030-01-01')?.amountVnd).toBe(2_530_000);
  });
  it('is none before the first row', () => {
    expect(baseSalaryOn(rows, '2024-06-30')).toBeNull();
    expect(baseSalaryOn([], '2026-01-01')).toBeNull();
  });
  it('serves BigInt amounts the same way, returning the row given', () => {
    const big = rows.map((r) => ({ ...r, amountVnd: BigInt(r.amountVnd) }));
    expect(baseSalaryOn(big, '2026-07-01')).toBe(big[0]);
    expect(baseSalaryOn(big, '2026-07-01')?.amountVnd).toBe(2_530_000n);
  });
});

describe('integer money', () => {
  it('coefficients in hundredths, without floats; malformed is null, or an error where one is required', () => {
    expect(coefHundredths('4.980')).toBe(498n);
    expect(coefHundredths(0.3)).toBe(30n);
    expect(coefHundredths('4.987')).toBeNull();
    expect(coefficientHundredths(' 2.34 ')).toBe(234n);
    expect(() => coefficientHundredths('2,34')).toThrow(RangeError);
  });
  it('rounds half up once: ,50 goes up, ,49 down', () => {
    expect(coefTimes(1n, 50)).toBe(1); // 0.5 đồng
    expect(coefTimes(1n, 49)).toBe(0);
    expect(divRoundHalfUp(0n, 3n)).toBe(0n);
    expect(() => divRoundHalfUp(-1n, 3n)).toThrow(RangeError);
  });
  it('writes amounts as Vietnamese documents do, for numbers and BigInts alike', () => {
    expect(vndText(1_234_567)).toBe('1.234.567 đồng');
    expect(vndText(1_234_567n)).toBe('1.234.567 đồng');
    expect(vndText(999)).toBe('999 đồng');
    expect(hundredthsText(123456n)).toBe('1.234,56');
  });
});

describe('the extra salary step (Decree 178/2024 Art. 12 cl. 1 d)', () => {
  const steps = ['2.34', '2.67', '3.00', '3.33'];
  it('the step before the last moves to the last; the last stays', () => {
    expect(extraStep({ salaryStep: 3 }, steps)).toMatchObject({
      stepBefore: 3,
      coefficientBefore: '3.00',
      stepAfter: 4,
      coefficientAfter: '3.33',
      lastStep: 4,
      atLastStep: false,
    });
    expect(extraStep({ salaryStep: 4 }, steps)).toMatchObject({ stepAfter: null, coefficientAfter: null, atLastStep: true });
  });
  it('keeps the recorded coefficient; without a step or the rank’s steps nothing is known', () => {
    expect(extraStep({ salaryStep: 1, salaryCoefficient: '2.35' }, steps).coefficientBefore).toBe('2.35');
    expect(extraStep({ salaryStep: null }, steps)).toMatchObject({ stepAfter: null, atLastStep: false });
    expect(extraStep({ salaryStep: 2 }, [])).toMatchObject({ lastStep: null, stepAfter: null, atLastStep: false });
  });
  it('is earned by completing the task well or better, not by merely completing it', () => {
    expect(['HTXS', 'HTT'].map(isCompletedWell)).toEqual([true, true]);
    expect(['HT', 'KHT', '', null].map(isCompletedWell)).toEqual([false, false, false, false]);
  });
  it('on return: granted from the same judgement, with the reason', () => {
    expect(extraStepOnReturn({ completedWell: true, salaryStep: 3, steps })).toEqual({
      granted: true,
      stepAfter: 4,
      coefficientAfter: '3.33',
      reason: expect.stringMatching(/bậc 3 lên bậc 4/),
    });
    expect(extraStepOnReturn({ completedWell: true, salaryStep: 4, steps }).reason).toMatch(/bậc 4\/4/);
    expect(extraStepOnReturn({ completedWell: true, salaryStep: 2, steps: null }).reason).toMatch(/Thiếu thông tin/);
    expect(extraStepOnReturn({ completedWell: true, salaryStep: 2, steps: [] }).reason).toMatch(/Thiếu thông tin/);
  });
});
