import { describe, expect, it } from 'vitest';
import { computeEntitlements, salaryPeriods, type EntitlementInput } from './entitlements.js';
import { coefHundredths, coefTimes } from './pay/money.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';

const BASE = [
  { effectiveFrom: '2023-07-01', amountVnd: 1_800_000, instrument: 'Nghị định 24/2023/NĐ-CP' },
  { effectiveFrom: '2024-07-01', amountVnd: 2_340_000, instrument: 'Nghị định 73/2024/NĐ-CP' },
  { effectiveFrom: '2026-07-01', amountVnd: 2_530_000, instrument: 'Nghị định 161/2026/NĐ-CP' },
];
const MULT = [{ effectiveFrom: '2025-01-01', multiplier: 10, instrument: 'Điểm b khoản 1 Điều 12 Nghị định 178/2024/NĐ-CP' }];
// Chuyên viên (A1): 2.34 + 0.33 per step, 9 steps
const A1 = ['2.34', '2.67', '3.00', '3.33', '3.66', '3.99', '4.32', '4.65', '4.98'];

const input = (o: Partial<EntitlementInput> = {}): EntitlementInput => ({
  status: 'active',
  startDate: '2026-06-30',
  endDate: '2029-06-29',
  durationMonths: 36,
  hostUnitName: 'Xã Tiếp Nhận',
  hostEspeciallyDisadvantaged: false,
  outcomeRating: null,
  extraStepGranted: null,
  post: {
    rankCode: '01.003',
    rankName: 'Chuyên viên',
    salaryStep: 4,
    salaryCoefficient: '3.33',
    leadershipAllowanceCoef: '0.30',
    positionTitle: 'Phó Trưởng phòng',
    unitName: 'Sở Thử',
  },
  postSource: 'reserved',
  rankSteps: A1,
  baseSalaries: BASE,
  allowanceMultipliers: MULT,
  today: '2026-01-10',
  minSecondmentMonths: PLAN_131_PARAMS.minSecondmentMonths,
  ...o,
});
const get = (r: ReturnType<typeof computeEntitlements>, code: string) => r.entitlements.find((e) => e.code === code)!;

describe('a special case below the plan’s minimum term (plan parameter oneOffAllowanceBelowMinimum)', () => {
  const special = { durationMonths: 24, endDate: '2028-06-29', shortDurationReason: 'Dự án của xã kết thúc sau 24 tháng' };
  it('Plan 131 reads Art. 12 cl. 1 b as for cadres sent 3 years: no one-off allowance, with the reading explained', () => {
    expect(PLAN_131_PARAMS.oneOffAllowanceBelowMinimum).toBe(false);
    const b = get(computeEntitlements(input({ ...special, oneOffAllowanceBelowMinimum: PLAN_131_PARAMS.oneOffAllowanceBelowMinimum })), 'one_off_allowance');
    expect(b).toMatchObject({ state: 'not_applicable', applies: false, amountVnd: null, payer: null });
    expect(b.explanation).toMatch(/cử 24 tháng, dưới thời gian tối thiểu 36 tháng/);
    expect(b.explanation).toMatch(/Dự án của xã kết thúc sau 24 tháng/);
    expect(b.explanation).toMatch(/3 năm/);
  });
  it('a plan that grants it pays the allowance and says why', () => {
    const b = get(computeEntitlements(input({ ...special, oneOffAllowanceBelowMinimum: true })), 'one_off_allowance');
    expect(b).toMatchObject({ state: 'entitled', applies: true, amountVnd: 23_400_000 });
    expect(b.explanation).toMatch(/kế hoạch cho phép hưởng trợ cấp một lần/);
  });
  it('only a recorded special case below the minimum is concerned: the full term, or a shorter one without a reason, is paid as before', () => {
    expect(get(computeEntitlements(input({ oneOffAllowanceBelowMinimum: false })), 'one_off_allowance').amountVnd).toBe(23_400_000);
    expect(get(computeEntitlements(input({ durationMonths: 24, oneOffAllowanceBelowMinimum: false })), 'one_off_allowance').amountVnd).toBe(23_400_000);
    expect(
      get(computeEntitlements(input({ durationMonths: 36, shortDurationReason: 'x', oneOffAllowanceBelowMinimum: false })), 'one_off_allowance').amountVnd,
    ).toBe(23_400_000);
  });
  it('in an ĐBKK commune the Decree 76/2019 package stands instead, whatever the parameter', () => {
    const r = computeEntitlements(input({ ...special, hostEspeciallyDisadvantaged: true, oneOffAllowanceBelowMinimum: false }));
    expect(get(r, 'one_off_allowance').explanation).toMatch(/Nghị định 76\/2019/);
    expect(get(r, 'disadvantaged_package').state).toBe('entitled');
  });
});

describe('commendation on completing the term well (Decree 178/2024 Art. 12 as amended)', () => {
  const returned = { status: 'returned', actualEndDate: '2029-06-29', extraStepGranted: true };
  it('cites Art. 12 and the Law on Emulation and Commendation', () => {
    expect(get(computeEntitlements(input()), 'commendation').clause).toMatch(/Điều 12 Nghị định 178\/2024\/NĐ-CP.*Luật Thi đua, khen thưởng/);
  });
  it('pending once rated HTT or HTXS and nothing recorded; done when proposed or declined with reasons', () => {
    for (const rating of ['HTT', 'HTXS']) expect(get(computeEntitlements(input({ ...returned, outcomeRating: rating })), 'commendation').state).toBe('pending');
    const proposed = get(
      computeEntitlements(
        input({ ...returned, outcomeRating: 'HTT', commendation: { declined: false, documentNo: '12/TTr-ST', proposedOn: '2029-07-20', form: 'Giấy khen' } }),
      ),
      'commendation',
    );
    expect(proposed).toMatchObject({ state: 'done', applies: true });
    expect(proposed.explanation).toMatch(/Giấy khen.*12\/TTr-ST ngày 20\/07\/2029/);
    const declined = get(
      computeEntitlements(input({ ...returned, outcomeRating: 'HTXS', commendation: { declined: true, reason: 'Đã khen đột xuất' } })),
      'commendation',
    );
    expect(declined).toMatchObject({ state: 'done', applies: false });
  });
  it('not applicable below HTT; expected before the decision; pending while serving', () => {
    for (const rating of ['HT', 'KHT']) expect(get(computeEntitlements(input({ ...returned, outcomeRating: rating })), 'commendation').state).toBe('not_applicable');
    expect(get(computeEntitlements(input({ status: 'appraised' })), 'commendation').state).toBe('expected');
    expect(get(computeEntitlements(input()), 'commendation').state).toBe('pending');
  });
});

describe('coefficients are multiplied exactly, in hundredths', () => {
  it('parses numeric strings', () => {
    expect(coefHundredths('4.98')).toBe(498n);
    expect(coefHundredths('4.9')).toBe(490n);
    expect(coefHundredths('5')).toBe(500n);
    expect(coefHundredths('x')).toBeNull();
    expect(coefHundredths(null)).toBeNull();
  });
  it('4.98 × 2,340,000 is 11,653,200 đồng with no float drift', () => {
    expect(coefTimes(498n, 2_340_000)).toBe(11_653_200);
    expect(coefTimes(233n, 2_530_000)).toBe(5_894_900);
  });
});

describe('one-off allowance: 10 × base salary in force on the start date', () => {
  it('a start on 30/06/2026 takes 2,340,000: 23,400,000 đồng from the State budget', () => {
    const b = get(computeEntitlements(input({ startDate: '2026-06-30' })), 'one_off_allowance');
    expect(b.amountVnd).toBe(23_400_000);
    expect(b.applies).toBe(true);
    expect(b.payer).toMatch(/Ngân sách nhà nước/);
    expect(b.clause).toMatch(/Điểm b khoản 1 Điều 12 Nghị định 178\/2024/);
    expect(b.explanation).toContain('23.400.000 đồng');
  });
  it('a start on 01/07/2026 takes 2,530,000: 25,300,000 đồng', () => {
    const r = computeEntitlements(input({ startDate: '2026-07-01', endDate: '2029-06-30' }));
    expect(get(r, 'one_off_allowance').amountVnd).toBe(25_300_000);
    expect(r.baseSalaryOnStart?.amountVnd).toBe(2_530_000);
  });
  it('the multiplier is the row of the table in force on the start date, not a literal', () => {
    const mult = [...MULT, { effectiveFrom: '2027-01-01', multiplier: 12.5, instrument: 'Nghị định dự thảo' }];
    const before = get(computeEntitlements(input({ startDate: '2026-12-31', allowanceMultipliers: mult })), 'one_off_allowance');
    expect(before.amountVnd).toBe(25_300_000);
    const after = get(computeEntitlements(input({ startDate: '2027-01-01', endDate: '2029-12-31', allowanceMultipliers: mult })), 'one_off_allowance');
    expect(after.amountVnd).toBe(31_625_000);
    expect(after.explanation).toContain('12,5 × 2.530.000 đồng');
  });
  it('no multiplier in force on the start date: no amount, and says so', () => {
    const b = get(computeEntitlements(input({ allowanceMultipliers: [] })), 'one_off_allowance');
    expect(b.amountVnd).toBeNull();
    expect(b.explanation).toMatch(/Chưa có mức trợ cấp một lần/);
  });
});

describe('especially disadvantaged commune: Decree 76/2019 instead of the one-off allowance', () => {
  it('replaces (b) by (c) without inventing an amount', () => {
    const r = computeEntitlements(input({ hostEspeciallyDisadvantaged: true }));
    const b = get(r, 'one_off_allowance');
    const c = get(r, 'disadvantaged_package');
    expect(b.applies).toBe(false);
    expect(b.amountVnd).toBeNull();
    expect(b.state).toBe('not_applicable');
    expect(c.applies).toBe(true);
    expect(c.amountVnd).toBeNull();
    expect(c.explanation).toContain('theo Nghị định 76/2019/NĐ-CP');
    expect(c.explanation).toMatch(/thay cho trợ cấp một lần/);
  });
  it('an ordinary commune keeps (b) and (c) does not apply', () => {
    const r = computeEntitlements(input());
    expect(get(r, 'disadvantaged_package').applies).toBe(false);
    expect(get(r, 'one_off_allowance').applies).toBe(true);
  });
});

describe('salary kept: (coefficient + leadership allowance) × base salary, by period', () => {
  it('splits at 01/07/2026 when the base salary changes during the secondment', () => {
    const a = get(computeEntitlements(input()), 'keep_salary');
    // (3.33 + 0.30) = 3.63
    expect(a.periods).toEqual([
      { from: '2026-06-30', to: '2026-06-30', baseSalaryVnd: 2_340_000, instrument: 'Nghị định 73/2024/NĐ-CP', monthlyVnd: 8_494_200 },
      { from: '2026-07-01', to: '2029-06-29', baseSalaryVnd: 2_530_000, instrument: 'Nghị định 161/2026/NĐ-CP', monthlyVnd: 9_183_900 },
    ]);
    expect(a.payer).toMatch(/đơn vị cử đi/);
    expect(a.amountVnd).toBe(8_494_200);
  });
  it('one period when the base salary does not change', () => {
    expect(salaryPeriods(BASE, '2026-07-01', '2029-06-30', 498n)).toHaveLength(1);
  });
});

describe('extra salary step on completing the task well', () => {
  it('HTT at return: step 4 → 5, coefficient 3.33 → 3.66', () => {
    const d = get(computeEntitlements(input({ status: 'completed', outcomeRating: 'HTT' })), 'extra_step');
    expect(d.state).toBe('entitled');
    expect(d.step).toMatchObject({ stepBefore: 4, coefficientBefore: '3.33', stepAfter: 5, coefficientAfter: '3.66', lastStep: 9, atLastStep: false });
    expect(d.explanation).toContain('lên bậc 5/9 (hệ số 3,66)');
  });
  it('at the last step of the rank: says so, no step after', () => {
    const d = get(
      computeEntitlements(input({ status: 'returned', outcomeRating: 'HTXS', post: { rankCode: '01.003', salaryStep: 9, salaryCoefficient: '4.98' } })),
      'extra_step',
    );
    expect(d.state).toBe('not_applicable');
    expect(d.step).toMatchObject({ stepBefore: 9, stepAfter: null, coefficientAfter: null, atLastStep: true });
    expect(d.explanation).toMatch(/bậc cuối cùng/);
  });
  it('rating HT: no extra step', () => {
    const d = get(computeEntitlements(input({ status: 'completed', outcomeRating: 'HT' })), 'extra_step');
    expect(d.state).toBe('not_applicable');
    expect(d.applies).toBe(false);
    expect(d.explanation).toMatch(/Hoàn thành nhiệm vụ, chưa đạt/);
  });
  it('already granted is shown as done', () => {
    expect(get(computeEntitlements(input({ status: 'returned', outcomeRating: 'HTT', extraStepGranted: true })), 'extra_step').state).toBe('done');
    // an early end earns no extra step, before and after the placement
    const early = get(computeEntitlements(input({ status: 'ended_early', outcomeRating: 'HTXS' })), 'extra_step');
    expect(early.state).toBe('not_applicable');
    expect(early.explanation).toMatch(/trước thời hạn/);
    expect(get(computeEntitlements(input({ status: 'returned', outcomeRating: 'HTT', extraStepGranted: false })), 'extra_step').state).toBe('not_applicable');
  });
  it('while active the step waits for the outcome', () => {
    expect(get(computeEntitlements(input()), 'extra_step').state).toBe('pending');
  });
});

describe('status-aware', () => {
  it('before the decision everything is "dự kiến"', () => {
    const r = computeEntitlements(input({ status: 'proposed', startDate: null, endDate: null, postSource: 'current' }));
    expect(r.tentative).toBe(true);
    expect(r.note).toMatch(/dự kiến/);
    for (const code of ['keep_salary', 'one_off_allowance', 'extra_step']) expect(get(r, code).stateLabel).toBe('Dự kiến');
    // no start date: estimated with the base salary in force today (10/01/2026)
    expect(get(r, 'one_off_allowance').amountVnd).toBe(23_400_000);
    expect(get(r, 'one_off_allowance').explanation).toMatch(/tạm tính theo ngày 10\/01\/2026/);
  });
  it('a withdrawn proposal has no entitlement', () => {
    const r = computeEntitlements(input({ status: 'withdrawn' }));
    expect(r.applies).toBe(false);
    expect(r.entitlements).toEqual([]);
  });
});
