import { describe, expect, it } from 'vitest';
import { DECREE_171_2025 } from '../../../../common/training.js';
import { ruleContext } from '../../../../test/support/rule-facts.js';
import { judgeTraining } from './judge-training.js';
import { firstPostgraduateAgeRule } from './first-postgraduate-age.rule.js';
import { serviceYearsRule } from './service-years.rule.js';
import { foreignServiceLeftRule } from './foreign-service-left.rule.js';
import { trainingDisciplineRule } from './discipline.rule.js';
import { trainingHealthRule } from './health.rule.js';
import { fieldFitRule } from './field-fit.rule.js';
import { lastYearRatingRule } from './last-year-rating.rule.js';
import { serviceCommitment, trainingMonths } from './commitment.js';
import { computeRepayment, repaymentDueOn, type RepaymentInput } from './repayment.js';
import { computeSupplementaryBudget, firstMonthAfter } from './supplementary-budget.js';
import { PLAN_131_PARAMS, planParamsSchema } from '../../../../common/plan-params.js';
import { coefficientHundredths, divRoundHalfUp, shareFraction } from '../pay/money.js';
import type { CourseFacts, TrainingFacts, TrainingRuleContext } from './types.js';

const base = ruleContext();
const ctx: TrainingRuleContext = {
  category: 'cong_chuc',
  regulation: DECREE_171_2025,
  healthCertificateMonths: 6,
  ratingLevels: base.ratingLevels,
  retirementAges: base.retirementAges,
  disciplineBarMonths: {},
  planCode: '131/KH-UBND',
};

const person = (over: Partial<TrainingFacts> = {}): TrainingFacts => ({
  personId: 'p1',
  fullName: 'Nguyễn Thị Lan',
  gender: 'female',
  birthDate: '1988-04-12',
  category: 'cong_chuc',
  recruitedOn: '2015-03-01',
  isMinority: false,
  ratings: { 2024: 'HTT', 2025: 'HTXS' },
  disciplines: [],
  proceedings: [],
  politicalOk: 'yes',
  assessedOn: '2025-12-01',
  planningActive: true,
  planningTitle: 'Trưởng phòng',
  hasPostgraduate: false,
  needFields: ['Kinh tế'],
  healthStatus: 'good',
  healthCheckedOn: '2026-01-05',
  ...over,
});
const master = (over: Partial<CourseFacts> = {}): CourseFacts => ({
  kind: 'master',
  location: 'domestic',
  fields: ['Kinh tế'],
  startDate: '2026-03-10',
  endDate: '2028-03-09',
  requiresPlanning: false,
  ...over,
});

describe('postgraduate sending (Decree 171/2025)', () => {
  it('a person meeting every condition is eligible, each criterion with a clause', () => {
    const j = judgeTraining(person(), master(), ctx);
    expect(j.verdict).toBe('eligible');
    expect(j.criteria.filter((c) => c.result !== 'na').map((c) => c.criterion)).toEqual([
      'service_years',
      'ratings',
      'first_postgraduate_age',
      'field_fit',
      // Law 80/2025 Art. 38 cl. 2: discipline bars every training, not only foreign courses
      'discipline',
      'proceedings',
      'political',
    ]);
    expect(j.instrument).toBe('Nghị định 171/2025/NĐ-CP');
    expect(j.criteria.find((c) => c.criterion === 'service_years')?.clause).toMatch(/^Điều 5 Nghị định 171\/2025\/NĐ-CP/);
    expect(j.criteria.every((c) => c.clause.includes('171/2025') || c.clause.includes('131') || c.clause.includes('80/2025/QH15'))).toBe(true);
  });
  it('not over 45: passes on the 45th birthday and until the day before the 46th, fails on the 46th', () => {
    const p = person({ birthDate: '1981-03-10' });
    expect(firstPostgraduateAgeRule(p, master({ startDate: '2026-03-09' }), ctx)).toMatchObject({ result: 'pass', facts: { age: 44 } });
    expect(firstPostgraduateAgeRule(p, master({ startDate: '2026-03-10' }), ctx)).toMatchObject({ result: 'pass', facts: { age: 45 } });
    expect(firstPostgraduateAgeRule(p, master({ startDate: '2027-03-09' }), ctx)).toMatchObject({ result: 'pass', facts: { age: 45 } });
    const over = firstPostgraduateAgeRule(p, master({ startDate: '2027-03-10' }), ctx);
    expect(over.result).toBe('fail');
    expect(over.reason).toMatch(/46 tuổi.*10\/03\/2027/);
    // not the first postgraduate sending: the age limit does not apply
    expect(firstPostgraduateAgeRule({ ...p, hasPostgraduate: true }, master({ startDate: '2030-01-01' }), ctx).result).toBe('na');
  });
  it('three years of service: the anniversary passes, the day before fails; no recruitment date is unknown', () => {
    expect(serviceYearsRule(person({ recruitedOn: '2023-03-10' }), master(), ctx).result).toBe('pass');
    expect(serviceYearsRule(person({ recruitedOn: '2023-03-11' }), master(), ctx).result).toBe('fail');
    expect(serviceYearsRule(person({ recruitedOn: null }), master(), ctx).result).toBe('unknown');
  });
  it('the last two years rated at least HTT; a missing year is unknown, never a pass', () => {
    expect(judgeTraining(person({ ratings: { 2024: 'HT', 2025: 'HTT' } }), master(), ctx).verdict).toBe('not_eligible');
    expect(judgeTraining(person({ ratings: { 2025: 'HTT' } }), master(), ctx).verdict).toBe('needs_info');
  });
  it('the field must fit a recorded need of the job post', () => {
    const j = judgeTraining(person({ needFields: ['Luật'] }), master(), ctx);
    expect(j.criteria.find((c) => c.criterion === 'field_fit')).toMatchObject({ result: 'fail' });
    expect(judgeTraining(person({ needFields: null }), master(), ctx).verdict).toBe('needs_info');
  });
  it('a course for leaders in planning needs the nominee in planning; a negative political assessment excludes', () => {
    expect(judgeTraining(person({ planningActive: false }), master({ requiresPlanning: true }), ctx).verdict).toBe('not_eligible');
    expect(judgeTraining(person({ politicalOk: 'no' }), master(), ctx).verdict).toBe('not_eligible');
  });
});

describe('foreign short courses', () => {
  const shortForeign = (startDate: string, endDate: string): CourseFacts => ({
    kind: 'short_course',
    location: 'foreign',
    fields: ['Logistics'],
    startDate,
    endDate,
    requiresPlanning: false,
  });
  it('18 months of service left for a course under one month, 24 for one of 1–12 months', () => {
    // a man born 1966-05-15 retires from 01/06/2028
    const man = person({ gender: 'male', birthDate: '1966-05-15' });
    expect(foreignServiceLeftRule(man, shortForeign('2026-12-01', '2026-12-20'), ctx).result).toBe('pass'); // 18 months to 01/06/2028
    expect(foreignServiceLeftRule(man, shortForeign('2026-12-02', '2026-12-20'), ctx).result).toBe('fail');
    expect(foreignServiceLeftRule(man, shortForeign('2026-06-01', '2026-08-31'), ctx).result).toBe('pass'); // 24 months
    expect(foreignServiceLeftRule(man, shortForeign('2026-06-02', '2026-08-31'), ctx)).toMatchObject({ result: 'fail', facts: { monthsNeeded: 24 } });
  });
  it('not under discipline on the start date; the last year rated at least HTT', () => {
    const kt = { formCode: 'KT', decidedOn: '2025-11-20', effectiveFrom: '2025-11-27', effectiveTo: null, barMonths: 12, instrument: 'Nghị định 172/2025/NĐ-CP' };
    const c = shortForeign('2026-11-26', '2026-12-10');
    expect(trainingDisciplineRule(person({ disciplines: [kt] }), c, ctx).result).toBe('fail');
    expect(trainingDisciplineRule(person({ disciplines: [kt] }), { ...c, startDate: '2026-11-27' }, ctx).result).toBe('pass');
    const j = judgeTraining(person({ ratings: { 2025: 'HT' } }), c, ctx);
    expect(j.criteria.find((x) => x.criterion === 'last_year_rating')?.result).toBe('fail');
    // postgraduate conditions do not apply to a short course
    expect(j.criteria.find((x) => x.criterion === 'first_postgraduate_age')?.result).toBe('na');
  });
});

describe('service commitment: 3 × the training time, from the day after the course', () => {
  it('a 24-month master commits 72 months', () => {
    expect(trainingMonths('2025-09-01', '2027-08-31')).toBe(24);
    expect(trainingMonths('2025-09-01', '2027-09-01')).toBe(25);
    expect(serviceCommitment({ kind: 'master', startDate: '2025-09-01', endDate: '2027-08-31' }, DECREE_171_2025)).toMatchObject({
      months: 72,
      from: '2027-09-01',
      to: '2033-08-31',
    });
    expect(serviceCommitment({ kind: 'short_course', startDate: '2025-09-01', endDate: '2025-09-10' }, DECREE_171_2025)).toBeNull();
  });
});

describe('repayment S = F × (T1 − T2) / T1', () => {
  const commitment = serviceCommitment({ kind: 'master', startDate: '2025-09-01', endDate: '2027-08-31' }, DECREE_171_2025)!;
  const input = (over: Partial<RepaymentInput> = {}): RepaymentInput => ({
    costVnd: 120_000_000n,
    commitment,
    completed: true,
    courseStart: '2025-09-01',
    courseEnd: '2027-08-31',
    leftOn: '2030-08-31',
    reason: 'quit',
    gender: 'male',
    isMinority: false,
    probationEndedOn: null,
    regulation: DECREE_171_2025,
    ...over,
  });
  it('pro rata of the months not served, rounded once to the đồng', () => {
    const r = computeRepayment(input());
    // served 01/09/2027–31/08/2030: 36 of 72 months
    expect(r).toMatchObject({ due: true, t1: 72, t2: 36, amountVnd: 60_000_000n });
    const odd = computeRepayment(input({ costVnd: 100_000_001n, leftOn: '2027-09-30' }));
    expect(odd).toMatchObject({ t2: 1, amountVnd: 98_611_112n }); // 100,000,001 × 71/72 = 98,611,111.68…
  });
  it('on the last day of the commitment nothing is due; the day before, one month is', () => {
    expect(computeRepayment(input({ leftOn: '2033-08-31' }))).toMatchObject({ due: false });
    expect(computeRepayment(input({ leftOn: '2033-08-30' }))).toMatchObject({ due: true, t2: 71, amountVnd: 1_666_667n });
  });
  it('100 % when leaving during training or without a degree', () => {
    expect(computeRepayment(input({ leftOn: '2026-05-01' }))).toMatchObject({ fullCost: true, amountVnd: 120_000_000n });
    expect(computeRepayment(input({ completed: false, leftOn: '2028-01-01' }))).toMatchObject({ fullCost: true, amountVnd: 120_000_000n });
  });
  it('reduced 1.5 %/year of prior service for women and ethnic minorities, 1 % for others; waived on transfer', () => {
    // recruited 01/09/2015: ten full years before the course
    const woman = computeRepayment(input({ gender: 'female', probationEndedOn: '2015-09-01' }));
    expect(woman).toMatchObject({ priorServiceYears: 10, reductionBp: 1500, amountVnd: 51_000_000n });
    const minority = computeRepayment(input({ isMinority: true, probationEndedOn: '2015-09-01' }));
    expect(minority).toMatchObject({ reductionBp: 1500 });
    const man = computeRepayment(input({ probationEndedOn: '2015-09-01' }));
    expect(man).toMatchObject({ reductionBp: 1000, amountVnd: 54_000_000n });
    expect(computeRepayment(input({ reason: 'transfer_in_system' }))).toMatchObject({ waived: true, amountVnd: 0n });
  });
});

describe('supplementary budget = rate × basic salary fund of the first year after restructuring', () => {
  const baseSalaries = [
    { effectiveFrom: '2024-07-01', amountVnd: 2_340_000n, instrument: 'Nghị định 73/2024/NĐ-CP' },
    { effectiveFrom: '2026-07-01', amountVnd: 2_530_000n, instrument: 'Nghị định 161/2026/NĐ-CP' },
  ];
  it('starts with the month of restructuring only when it was on the first', () => {
    expect(firstMonthAfter('2026-01-01')).toBe('2026-01-01');
    expect(firstMonthAfter('2025-08-15')).toBe('2025-09-01');
  });
  it('weighs the base salary by months when it changes mid-year', () => {
    const b = computeSupplementaryBudget({
      restructuredOn: '2026-01-01',
      rate: 0.05,
      coefficientHundredths: 674n,
      peopleCounted: 2,
      peopleWithoutCoefficient: 0,
      baseSalaries,
    });
    expect(b.baseSalarySumVnd).toBe(6n * 2_340_000n + 6n * 2_530_000n);
    expect(b.fundVnd).toBe(196_942_800n); // 6.74 × 29,220,000
    expect(b.amountVnd).toBe(9_847_140n);
    expect(b.lines.join('\n')).toMatch(/6 tháng \(01\/2026–06\/2026\) × lương cơ sở 2\.340\.000 đồng/);
    expect(b.lines.join('\n')).toMatch(/6 tháng \(07\/2026–12\/2026\) × lương cơ sở 2\.530\.000 đồng/);
    const late = computeSupplementaryBudget({
      restructuredOn: '2025-08-15',
      rate: 0.05,
      coefficientHundredths: 100n,
      peopleCounted: 1,
      peopleWithoutCoefficient: 0,
      baseSalaries,
    });
    expect(late.baseSalarySumVnd).toBe(10n * 2_340_000n + 2n * 2_530_000n);
  });
  it('counts the assigned staffing at the paid staff’s average coefficient when the plan says so', () => {
    const paid = computeSupplementaryBudget({
      restructuredOn: '2026-01-01',
      rate: 0.05,
      coefficientHundredths: 674n,
      peopleCounted: 2,
      peopleWithoutCoefficient: 0,
      baseSalaries,
    });
    const assigned = computeSupplementaryBudget({
      restructuredOn: '2026-01-01',
      rate: 0.05,
      coefficientHundredths: 674n,
      peopleCounted: 2,
      peopleWithoutCoefficient: 0,
      baseSalaries,
      assignedStaffing: { year: 2026, headcount: 5, decisionNo: '12/QĐ-UBND' },
    });
    // 6.74 / 2 × 5 = 16.85; × 29,220,000 = 492,357,000; × 5 % = 24,617,850
    expect(assigned.fundVnd).toBe(492_357_000n);
    expect(assigned.amountVnd).toBe(24_617_850n);
    expect(assigned.amountVnd).not.toBe(paid.amountVnd);
    expect(assigned.lines.join('\n')).toContain('Tính theo biên chế được giao năm 2026 (12/QĐ-UBND): 5 người × hệ số lương bình quân (6,74 / 2) = 16,85');
    // an average that is not a whole hundredth is shown rounded, the amount stays exact
    const third = computeSupplementaryBudget({
      restructuredOn: '2026-01-01',
      rate: 0.05,
      coefficientHundredths: 700n,
      peopleCounted: 3,
      peopleWithoutCoefficient: 0,
      baseSalaries,
      assignedStaffing: { year: 2026, headcount: 4, decisionNo: null },
    });
    expect(third.fundVnd).toBe(272_720_000n); // 7.00 × 4 / 3 × 29,220,000
    expect(third.lines.join('\n')).toMatch(/= 9,33 \(làm tròn để hiển thị/);
    expect(() =>
      computeSupplementaryBudget({
        restructuredOn: '2026-01-01',
        rate: 0.05,
        coefficientHundredths: 0n,
        peopleCounted: 0,
        peopleWithoutCoefficient: 0,
        baseSalaries,
        assignedStaffing: { year: 2026, headcount: 4, decisionNo: null },
      }),
    ).toThrow(RangeError);
  });
  it('a plan version saved before the headcount basis existed counts the staff paid', () => {
    const { trainingBudgetHeadcount: _, ...older } = PLAN_131_PARAMS;
    expect(planParamsSchema.parse(older).trainingBudgetHeadcount).toBe('paid_staff');
    expect(planParamsSchema.safeParse({ ...PLAN_131_PARAMS, trainingBudgetHeadcount: 'headcount_quota' }).success).toBe(false);
  });
  it('rounds once, half up, in integers', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(4n, 3n)).toBe(1n);
    expect(shareFraction(0.05)).toEqual({ num: 50000n, den: 1000000n });
    expect(coefficientHundredths('2.34')).toBe(234n);
    expect(coefficientHundredths('10.4')).toBe(1040n);
    // 0.1 + 0.2 style drift cannot happen: 3 × 2.34 is exactly 702 hundredths
    const b = computeSupplementaryBudget({
      restructuredOn: '2025-04-01',
      rate: 0.045,
      coefficientHundredths: 3n * 234n,
      peopleCounted: 3,
      peopleWithoutCoefficient: 0,
      baseSalaries,
    });
    expect(b.amountVnd).toBe(divRoundHalfUp(702n * 28_080_000n * 45n, 100n * 1000n));
  });
});

describe('open proceedings bar all training (Law 80/2025 Art. 38 cl. 2)', () => {
  const investigation = { kind: 'investigation' as const, openedOn: '2026-01-10', closedOn: '2026-03-10', documentNo: null };
  it('a degree course starting while an investigation is open is refused; from the day it closes it is not', () => {
    const open = judgeTraining(person({ proceedings: [investigation] }), master({ startDate: '2026-03-09' }), ctx);
    expect(open.verdict).toBe('not_eligible');
    const v = open.criteria.find((x) => x.criterion === 'proceedings');
    expect(v).toMatchObject({ result: 'fail', clause: 'Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 2' });
    expect(v?.reason).toContain('Đang bị điều tra (từ 10/01/2026');
    expect(judgeTraining(person({ proceedings: [investigation] }), master({ startDate: '2026-03-10' }), ctx).verdict).toBe('eligible');
  });
  it('also a domestic short course, and an open discipline case; an inspection alone does not bar training', () => {
    const shortCourse = master({ kind: 'short_course', startDate: '2026-02-01', endDate: '2026-02-10' });
    const caseOpen = { kind: 'discipline_case' as const, openedOn: '2026-01-05', closedOn: null, documentNo: '3/TB-UBKT' };
    expect(judgeTraining(person({ proceedings: [caseOpen] }), shortCourse, ctx).criteria.find((x) => x.criterion === 'proceedings')?.result).toBe('fail');
    const inspection = { ...caseOpen, kind: 'inspection' as const };
    expect(judgeTraining(person({ proceedings: [inspection] }), shortCourse, ctx).criteria.find((x) => x.criterion === 'proceedings')?.result).toBe('pass');
  });
});

describe('rules by category (Decree 171/2025 Art. 1 cl. 2: công chức only)', () => {
  const noReg = (category: 'vien_chuc' | 'can_bo' | null): TrainingRuleContext => ({ ...ctx, category, regulation: null });
  const REG_CRITERIA = ['service_years', 'ratings', 'first_postgraduate_age'];
  it('a công chức is judged under Decree 171/2025', () => {
    const j = judgeTraining(person(), master(), ctx);
    expect(j.verdict).toBe('eligible');
    expect(j.criteria.filter((c) => REG_CRITERIA.includes(c.criterion)).every((c) => c.result === 'pass')).toBe(true);
  });
  it('a viên chức: the 171-specific criteria are unknown with the reason, never 171’s numbers; the instrument says none applied', () => {
    const vc = person({ category: 'vien_chuc' });
    const j = judgeTraining(vc, master(), noReg('vien_chuc'));
    expect(j.verdict).toBe('needs_info');
    expect(j.instrument).toBe('Chưa có văn bản quy định đối với viên chức trong danh mục');
    for (const k of REG_CRITERIA) {
      const v = j.criteria.find((c) => c.criterion === k)!;
      expect(v.result).toBe('unknown');
      expect(v.reason).toBe(
        'Chưa có văn bản quy định điều kiện cử đi đào tạo, bồi dưỡng đối với viên chức trong danh mục; không áp dụng Nghị định 171/2025/NĐ-CP (chỉ áp dụng với công chức)',
      );
    }
    // even a person who would fail 171's age limit is not failed by it
    expect(firstPostgraduateAgeRule(person({ category: 'vien_chuc', birthDate: '1970-01-01' }), master(), noReg('vien_chuc')).result).toBe('unknown');
    // the rules that are not 171's still judge: the plan's field fit, Law on Public Employees discipline, proceedings
    expect(j.criteria.find((c) => c.criterion === 'field_fit')?.result).toBe('pass');
    expect(j.criteria.find((c) => c.criterion === 'discipline')).toMatchObject({ result: 'pass', clause: expect.stringContaining('Luật Viên chức') });
  });
  it('a cán bộ likewise; a row for the category, when the catalogue holds one, applies with its own numbers', () => {
    const cb = person({ category: 'can_bo' });
    const j = judgeTraining(cb, master(), noReg('can_bo'));
    expect(j.criteria.find((c) => c.criterion === 'service_years')?.reason).toMatch(/đối với cán bộ trong danh mục/);
    const own = { ...DECREE_171_2025, instrument: 'Quy định 999-QĐ/TW', postgraduateMinServiceYears: 20 };
    const k = judgeTraining(cb, master(), { ...ctx, category: 'can_bo', regulation: own });
    expect(k.instrument).toBe('Quy định 999-QĐ/TW');
    expect(k.criteria.find((c) => c.criterion === 'service_years')).toMatchObject({ result: 'fail', clause: expect.stringMatching(/^Quy định 999-QĐ\/TW/) });
  });
  it('a công chức with no row in the catalogue is unknown, without the "công chức only" remark', () => {
    const v = serviceYearsRule(person(), master(), { ...ctx, regulation: null });
    expect(v).toMatchObject({ result: 'unknown', reason: 'Chưa có văn bản quy định điều kiện cử đi đào tạo, bồi dưỡng đối với công chức trong danh mục' });
  });
  it('a person with no category is unknown', () => {
    const j = judgeTraining(person({ category: null }), master(), noReg(null));
    expect(j.verdict).toBe('needs_info');
    expect(j.criteria.find((c) => c.criterion === 'ratings')?.reason).toMatch(/Chưa xác định cán bộ là cán bộ, công chức hay viên chức/);
  });
});

describe('discipline bars all training (Law 80/2025 Art. 38 cl. 2; Law on Public Employees Art. 56)', () => {
  const kt = { formCode: 'KT', decidedOn: '2025-11-20', effectiveFrom: '2025-11-27', effectiveTo: null, barMonths: 12, instrument: 'Nghị định 172/2025/NĐ-CP' };
  it('a domestic degree course during a discipline period is refused; the day the bar ends it is not', () => {
    const domestic = master({ startDate: '2026-11-26', endDate: '2028-11-25' });
    const v = trainingDisciplineRule(person({ disciplines: [kt] }), domestic, ctx);
    expect(v).toMatchObject({ result: 'fail', clause: expect.stringContaining('80/2025/QH15, Điều 38 khoản 2') });
    expect(judgeTraining(person({ disciplines: [kt] }), domestic, ctx).verdict).toBe('not_eligible');
    expect(trainingDisciplineRule(person({ disciplines: [kt] }), { ...domestic, startDate: '2026-11-27' }, ctx).result).toBe('pass');
    // a domestic short course too
    const short = master({ kind: 'short_course', startDate: '2026-06-01', endDate: '2026-06-10' });
    expect(trainingDisciplineRule(person({ disciplines: [kt] }), short, ctx).result).toBe('fail');
  });
  it('a domestic course is refused while a discipline case is open', () => {
    const caseOpen = { kind: 'discipline_case' as const, openedOn: '2026-01-05', closedOn: null, documentNo: '3/TB-UBKT' };
    const j = judgeTraining(person({ proceedings: [caseOpen] }), master(), ctx);
    expect(j.verdict).toBe('not_eligible');
    expect(j.criteria.find((c) => c.criterion === 'proceedings')?.result).toBe('fail');
  });
});

describe('foreign short courses also check health and field fit (Decree 171/2025 Art. 28)', () => {
  const foreign = (over: Partial<CourseFacts> = {}): CourseFacts => ({
    kind: 'short_course',
    location: 'foreign',
    fields: ['Kinh tế'],
    startDate: '2026-03-10',
    endDate: '2026-03-25',
    requiresPlanning: false,
    ...over,
  });
  it('a valid certificate passes; six months later to the day still passes, the day after fails; none is unknown; poor fails', () => {
    const p = person({ healthCheckedOn: '2025-09-10' });
    expect(trainingHealthRule(p, foreign(), ctx)).toMatchObject({
      result: 'pass',
      clause: 'Điều 28 Nghị định 171/2025/NĐ-CP, điều kiện cử đi bồi dưỡng ở nước ngoài (sức khỏe)',
    });
    const expired = trainingHealthRule(p, foreign({ startDate: '2026-03-11', endDate: '2026-03-25' }), ctx);
    expect(expired.result).toBe('fail');
    expect(expired.reason).toMatch(/10\/09\/2025 đã quá 6 tháng/);
    expect(trainingHealthRule(person({ healthStatus: null, healthCheckedOn: null }), foreign(), ctx).result).toBe('unknown');
    expect(trainingHealthRule(person({ healthStatus: 'poor' }), foreign(), ctx).result).toBe('fail');
    // a domestic course does not check it
    expect(trainingHealthRule(person({ healthStatus: null }), master(), ctx).result).toBe('na');
    expect(judgeTraining(person({ healthCheckedOn: '2025-01-01' }), foreign(), ctx).verdict).toBe('not_eligible');
  });
  it('the field must fit the post, as for degree training; a domestic short course is not checked', () => {
    expect(fieldFitRule(person(), foreign(), ctx)).toMatchObject({ result: 'pass', clause: expect.stringMatching(/^Điều 28 Nghị định 171/) });
    expect(fieldFitRule(person({ needFields: ['Luật'] }), foreign(), ctx).result).toBe('fail');
    expect(fieldFitRule(person({ needFields: null }), foreign(), ctx).result).toBe('unknown');
    expect(fieldFitRule(person(), foreign({ location: 'domestic' }), ctx).result).toBe('na');
  });
  it('for a viên chức the Art. 28 conditions are unknown, not borrowed', () => {
    const vc: TrainingRuleContext = { ...ctx, category: 'vien_chuc', regulation: null };
    expect(trainingHealthRule(person({ category: 'vien_chuc' }), foreign(), vc).result).toBe('unknown');
    expect(lastYearRatingRule(person({ category: 'vien_chuc' }), foreign(), vc).result).toBe('unknown');
    expect(foreignServiceLeftRule(person({ category: 'vien_chuc' }), foreign(), vc).result).toBe('unknown');
  });
});

describe('the service commitment is for postgraduate training only (Art. 5 cl. 3)', () => {
  it('a university degree carries none; a master carries 3 × with the article cited; no regulation, none', () => {
    expect(serviceCommitment({ kind: 'university', startDate: '2025-09-01', endDate: '2029-08-31' }, DECREE_171_2025)).toBeNull();
    expect(serviceCommitment({ kind: 'master', startDate: '2025-09-01', endDate: '2027-08-31' }, DECREE_171_2025)?.clause).toMatch(
      /^Khoản 3 Điều 5 Nghị định 171\/2025\/NĐ-CP/,
    );
    expect(serviceCommitment({ kind: 'master', startDate: '2025-09-01', endDate: '2027-08-31' }, null)).toBeNull();
  });
});

describe('repayment reasons, probation and the due date', () => {
  const commitment = serviceCommitment({ kind: 'master', startDate: '2025-09-01', endDate: '2027-08-31' }, DECREE_171_2025)!;
  const input = (over: Partial<RepaymentInput> = {}): RepaymentInput => ({
    costVnd: 120_000_000n,
    commitment,
    completed: true,
    courseStart: '2025-09-01',
    courseEnd: '2027-08-31',
    leftOn: '2030-08-31',
    reason: 'quit',
    gender: 'male',
    isMinority: false,
    probationEndedOn: null,
    regulation: DECREE_171_2025,
    ...over,
  });
  it('quitting: owed under Art. 7, reductions Art. 8', () => {
    const r = computeRepayment(input());
    expect(r).toMatchObject({ due: true, waived: false, amountVnd: 60_000_000n });
    if (r.due) expect(r.clause).toBe('Điều 7 Nghị định 171/2025/NĐ-CP (cách tính chi phí đền bù); Điều 8 Nghị định 171/2025/NĐ-CP (giảm chi phí đền bù)');
  });
  it('buộc thôi việc: owed like quitting, citing Art. 6', () => {
    const r = computeRepayment(input({ reason: 'dismissed' }));
    expect(r).toMatchObject({ due: true, waived: false, amountVnd: 60_000_000n });
    if (r.due) {
      expect(r.clause).toMatch(/^Điều 6 Nghị định 171\/2025\/NĐ-CP/);
      expect(r.lines[0]).toMatch(/buộc thôi việc/);
    }
  });
  it('no degree because of serious illness or disaster: waived (Art. 8 cl. 1 a)', () => {
    const r = computeRepayment(input({ reason: 'illness_or_disaster', completed: false, leftOn: '2027-01-01' }));
    expect(r).toMatchObject({ due: true, waived: true, amountVnd: 0n });
    if (r.due) expect(r.clause).toMatch(/^Điểm a khoản 1 Điều 8 Nghị định 171\/2025\/NĐ-CP/);
  });
  it('leaving under Decree 178/2024, 67/2025 or 154/2025: waived (Art. 41 cl. 6)', () => {
    const r = computeRepayment(input({ reason: 'streamlining' }));
    expect(r).toMatchObject({ due: true, waived: true, amountVnd: 0n });
    if (r.due) {
      expect(r.clause).toMatch(/^Khoản 6 Điều 41 Nghị định 171\/2025\/NĐ-CP/);
      expect(r.clause).toContain('154/2025/NĐ-CP');
    }
  });
  it('transfer within the political system: waived', () => {
    expect(computeRepayment(input({ reason: 'transfer_in_system' }))).toMatchObject({ waived: true, amountVnd: 0n });
  });
  it('a university course carries no commitment: nothing is owed, even leaving during it', () => {
    expect(computeRepayment(input({ commitment: null, leftOn: '2026-01-01' }))).toMatchObject({ due: false, reason: expect.stringContaining('Khoản 3 Điều 5') });
  });
  it('probation does not count: the reduction counts whole years from its end', () => {
    // course starts 01/09/2025: probation ended 01/09/2015 → 10 years (10 %); ended 02/09/2015 → 9 years (9 %)
    expect(computeRepayment(input({ probationEndedOn: '2015-09-01' }))).toMatchObject({ priorServiceYears: 10, reductionBp: 1000, amountVnd: 54_000_000n });
    expect(computeRepayment(input({ probationEndedOn: '2015-09-02' }))).toMatchObject({ priorServiceYears: 9, reductionBp: 900, amountVnd: 54_600_000n });
    const unknown = computeRepayment(input({ probationEndedOn: null }));
    expect(unknown).toMatchObject({ priorServiceYears: 0, reductionBp: 0, amountVnd: 60_000_000n });
    if (unknown.due) expect(unknown.lines.join('\n')).toContain('Chưa có ngày hết thời gian tập sự');
  });
  it('payment is due 120 days after the decision', () => {
    expect(repaymentDueOn('2027-03-01', DECREE_171_2025)).toBe('2027-06-29');
    expect(repaymentDueOn('2027-12-15', DECREE_171_2025)).toBe('2028-04-13');
    // a later regulation's own period
    expect(repaymentDueOn('2027-03-01', { repaymentPayDays: 90 })).toBe('2027-05-30');
  });
});
