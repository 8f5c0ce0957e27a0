import { describe, expect, it } from 'vitest';
import { eligibleFacts, ruleContext } from '../../../test/support/rule-facts.js';
import { screenPerson, combine } from './screen-person.js';
import { disciplineRule } from './discipline.rule.js';
import { serviceLeftRule } from './service-left.rule.js';
import { ratingsRule } from './ratings.rule.js';
import { yearsConsidered } from './record/ratings-window.js';
import { healthRule } from './health.rule.js';
import { inPlanningRule } from './in-planning.rule.js';
import { notSecondedRule } from './not-seconded.rule.js';
import { unitAssessmentRule } from './unit-assessment.rule.js';
import { destinationPostRule } from './destination-post.rule.js';
import { nonLocalRule } from './non-local.rule.js';
import { retirementDate } from './retirement.js';
import { targetGroup } from './target-group.js';
import { priorityScore } from './priority.js';
import { addMonths, monthsBetween } from '../../../common/dates.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';
import type { DestinationPost } from './types.js';

const ctx = ruleContext();

describe('the eligible baseline', () => {
  it('passes every criterion, with a clause on each', () => {
    const s = screenPerson(eligibleFacts(), ctx);
    expect(s.verdict).toBe('eligible');
    expect(s.criteria.map((c) => c.result)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'na', 'na']);
    expect(s.criteria.every((c) => c.clause.length > 10 && c.reason.length > 5)).toBe(true);
  });
});

describe('dates', () => {
  it('adds months clamped to the month end and counts whole months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-26', 36)).toBe('2029-11-26');
    expect(monthsBetween('2026-11-26', '2029-11-26')).toBe(36);
    expect(monthsBetween('2026-11-26', '2029-11-25')).toBe(35);
  });
});

describe('discipline: 12 months from the effective date', () => {
  const kt = { formCode: 'KT', decidedOn: '2025-11-20', effectiveFrom: '2025-11-27', effectiveTo: null, barMonths: 12, instrument: 'Nghị định 172/2025/NĐ-CP' };
  it('bars up to and including the last day, frees the day after', () => {
    expect(disciplineRule(eligibleFacts({ disciplines: [kt] }), ruleContext({ referenceDate: '2026-11-26' })).result).toBe('fail');
    expect(disciplineRule(eligibleFacts({ disciplines: [kt] }), ruleContext({ referenceDate: '2026-11-27' })).result).toBe('pass');
  });
  it('uses a stated end date and the plan’s own bar when it sets one', () => {
    expect(disciplineRule(eligibleFacts({ disciplines: [{ ...kt, effectiveTo: '2026-12-31' }] }), ctx).result).toBe('fail');
    const shorter = ruleContext({ params: { ...PLAN_131_PARAMS, disciplineBarMonths: { KT: 6 } } });
    expect(disciplineRule(eligibleFacts({ disciplines: [kt] }), shorter).result).toBe('pass');
  });
  it('is unknown for a form whose period is not known (a discipline with no end)', () => {
    const r = disciplineRule(eligibleFacts({ disciplines: [{ ...kt, formCode: 'XX', barMonths: null }] }), ctx);
    expect(r.result).toBe('unknown');
    expect(r.reason).toMatch(/XX/);
  });
  it('ignores a decision that takes effect after the reference date', () => {
    expect(disciplineRule(eligibleFacts({ disciplines: [{ ...kt, effectiveFrom: '2026-12-01' }] }), ctx).result).toBe('pass');
  });
});

describe('retirement (Decree 135/2020) and service left', () => {
  it('raises the age by year reached: men 62 from 2028, women 57 y 4 m in 2027', () => {
    expect(retirementDate('male', '1966-05-15', ctx.retirementAges)).toMatchObject({ reachedOn: '2028-05-15', retiresOn: '2028-06-01', ageMonths: 744 });
    expect(retirementDate('female', '1970-03-10', ctx.retirementAges)).toMatchObject({ reachedOn: '2027-07-10', retiresOn: '2027-08-01', ageMonths: 688 });
    // a man born in 1961 reached 60 y 3 m in 2021
    expect(retirementDate('male', '1961-01-20', ctx.retirementAges)).toMatchObject({ reachedOn: '2021-04-20', retiresOn: '2021-05-01' });
  });
  it('needs 36 months before retirement: the boundary month passes, the day after fails', () => {
    const man = eligibleFacts({ gender: 'male', birthDate: '1966-05-15' });
    expect(serviceLeftRule(man, ruleContext({ referenceDate: '2025-06-01' })).result).toBe('pass');
    expect(serviceLeftRule(man, ruleContext({ referenceDate: '2025-06-02' })).result).toBe('fail');
    const r = serviceLeftRule(man, ruleContext({ referenceDate: '2026-11-26' }));
    expect(r.result).toBe('fail');
    expect(r.reason).toMatch(/01\/06\/2028/);
  });
});

describe('ratings over the years considered', () => {
  it('considers the last completed years', () => {
    expect(yearsConsidered('2026-11-26', 2)).toEqual([2024, 2025]);
    expect(yearsConsidered('2026-01-01', 3)).toEqual([2023, 2024, 2025]);
  });
  it('fails a year below the lowest level, is unknown for a missing year or an unknown level', () => {
    expect(ratingsRule(eligibleFacts({ ratingCodes: ['HTT', 'HT'] }), ctx).result).toBe('fail');
    expect(ratingsRule(eligibleFacts({ ratingYears: [2025], ratingCodes: ['HTXS'] }), ctx).result).toBe('unknown');
    expect(ratingsRule(eligibleFacts({ ratingYears: [], ratingCodes: [] }), ctx).result).toBe('unknown');
    expect(ratingsRule(eligibleFacts({ ratingCodes: ['HTT', 'ZZZ'] }), ctx).result).toBe('unknown');
    // a fail wins over a missing year
    expect(ratingsRule(eligibleFacts({ ratingYears: [2025], ratingCodes: ['KHT'] }), ctx).result).toBe('fail');
  });
  it('follows the plan’s lowest accepted level', () => {
    const lenient = ruleContext({ params: { ...PLAN_131_PARAMS, minRatingCode: 'HT' } });
    expect(ratingsRule(eligibleFacts({ ratingCodes: ['HT', 'HT'] }), lenient).result).toBe('pass');
  });
});

describe('health certificate validity (6 months)', () => {
  it('passes on the last valid day, needs a new certificate the day after', () => {
    expect(healthRule(eligibleFacts({ healthCheckedOn: '2026-05-26' }), ctx).result).toBe('pass');
    expect(healthRule(eligibleFacts({ healthCheckedOn: '2026-05-25' }), ctx).result).toBe('unknown');
  });
  it('fails poor health; is unknown without a status', () => {
    expect(healthRule(eligibleFacts({ healthStatus: 'poor' }), ctx).result).toBe('fail');
    expect(healthRule(eligibleFacts({ healthStatus: null }), ctx).result).toBe('unknown');
    expect(healthRule(eligibleFacts({ healthCheckedOn: null }), ctx).result).toBe('unknown');
  });
});

describe('other criteria', () => {
  it('planning, one secondment at a time', () => {
    expect(inPlanningRule(eligibleFacts({ planningActive: false, planningTitle: null }), ctx).result).toBe('fail');
    expect(notSecondedRule(eligibleFacts({ openSecondmentStatus: 'active' }), ctx).result).toBe('fail');
  });
  it('unit assessment: missing or stale is unknown, any "no" fails', () => {
    const a = eligibleFacts().assessment!;
    expect(unitAssessmentRule(eligibleFacts({ assessment: null }), ctx).result).toBe('unknown');
    expect(unitAssessmentRule(eligibleFacts({ assessment: { ...a, assessedOn: '2025-11-25' } }), ctx).result).toBe('unknown');
    expect(unitAssessmentRule(eligibleFacts({ assessment: { ...a, assessedOn: '2025-11-26' } }), ctx).result).toBe('pass');
    expect(unitAssessmentRule(eligibleFacts({ assessment: { ...a, prestigeOk: 'no' } }), ctx)).toMatchObject({
      result: 'fail',
      reason: expect.stringMatching(/uy tín/),
    });
  });
  const post: DestinationPost = {
    id: 'jp',
    title: 'Chủ tịch UBND',
    unitId: 'c-home',
    unitName: 'Xã Phương Bình',
    isKeyPost: true,
    minEducation: 'dai_hoc',
    requiredRankGrade: 'A1',
    requiredPoliticalTheory: 'cao_cap',
  };
  it('destination post standards: political theory below the post fails; missing data is unknown', () => {
    const c = ruleContext({ destination: post });
    expect(destinationPostRule(eligibleFacts(), c)).toMatchObject({ result: 'fail', reason: expect.stringMatching(/lý luận chính trị/) });
    expect(destinationPostRule(eligibleFacts({ politicalTheory: 'cao_cap' }), c).result).toBe('pass');
    expect(destinationPostRule(eligibleFacts({ politicalTheory: null }), c).result).toBe('unknown');
  });
  it('non-local rule: a key post in the home commune (after the 2025 merger) fails', () => {
    expect(nonLocalRule(eligibleFacts(), ruleContext({ destination: post })).result).toBe('fail');
    expect(nonLocalRule(eligibleFacts(), ruleContext({ destination: { ...post, unitId: 'c-other' } })).result).toBe('pass');
    expect(nonLocalRule(eligibleFacts({ homeCommuneIds: [] }), ruleContext({ destination: post })).result).toBe('unknown');
    expect(nonLocalRule(eligibleFacts(), ruleContext({ destination: { ...post, isKeyPost: false, title: 'Công chức Văn hóa - Xã hội' } })).result).toBe('na');
  });
});

describe('target groups and priority', () => {
  it('classifies the three groups of III.1.a', () => {
    expect(targetGroup(eligibleFacts(), ctx).group).toBe(1);
    expect(targetGroup(eligibleFacts({ sendingUnitRestructuredOn: null }), ctx).group).toBe(2);
    expect(targetGroup(eligibleFacts({ sendingUnitRestructuredOn: null, hasGrassrootsExperience: true }), ctx).group).toBe(3);
    expect(targetGroup(eligibleFacts({ isLeader: false }), ctx).group).toBe(3);
  });
  it('scores young, female, minority and outstanding, each listed', () => {
    const p = priorityScore(eligibleFacts({ isMinority: true, ratingCodes: ['HTT', 'HTXS'] }), ctx);
    expect(p.parts.map((x) => x.factor)).toEqual(['young', 'female', 'ethnicMinority', 'outstandingRating']);
    expect(p.score).toBe(6);
    expect(priorityScore(eligibleFacts({ gender: 'male', birthDate: '1980-01-01' }), ctx).score).toBe(0);
    // 40 on the reference date is still young; 41 is not
    expect(priorityScore(eligibleFacts({ birthDate: '1986-11-26' }), ctx).parts[0].factor).toBe('young');
    expect(priorityScore(eligibleFacts({ birthDate: '1985-11-26' }), ctx).parts.some((x) => x.factor === 'young')).toBe(false);
  });
});

describe('properties over random people', () => {
  // a small deterministic generator: every field may be missing or odd
  let seed = 131;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const randomFacts = () =>
    eligibleFacts({
      gender: pick(['male', 'female'] as const),
      birthDate: `${1962 + Math.floor(rnd() * 40)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`,
      isLeader: rnd() < 0.3,
      planningActive: rnd() < 0.5,
      ratingYears: pick([[2024, 2025], [2025], []]),
      ratingCodes: [pick(['HTXS', 'HTT', 'HT', 'KHT', 'X']), pick(['HTXS', 'HTT', 'HT', 'KHT'])],
      healthStatus: pick(['good', 'fair', 'poor', null]),
      healthCheckedOn: pick(['2026-10-01', '2025-01-01', null]),
      openSecondmentStatus: pick([null, null, 'proposed', 'active']),
      assessment: pick([null, eligibleFacts().assessment]),
      disciplines: pick([
        [],
        [{ formCode: 'CC', decidedOn: '2026-01-01', effectiveFrom: '2026-01-05', effectiveTo: null, barMonths: pick([12, null]), instrument: null }],
      ]),
      proceedings: pick([[], [], [{ kind: 'investigation', openedOn: '2026-06-01', closedOn: pick([null, '2026-11-26', '2026-12-01']), documentNo: null }]]),
      circumstances: pick([
        [],
        [],
        [
          {
            kind: 'child_under_36_months',
            fromDate: '2024-01-01',
            toDate: null,
            childBirthDate: pick([null, '2023-11-26', '2024-01-01']),
            consentOn: pick([null, '2026-11-01']),
          },
        ],
      ]),
    });
  it('a fail excludes, an unknown never passes, eligibility needs every criterion to pass, priority only for the eligible', () => {
    for (let i = 0; i < 3000; i++) {
      const f = randomFacts();
      const s = screenPerson(f, ctx);
      const results = s.criteria.map((c) => c.result);
      expect(s.verdict).toBe(combine(s.criteria));
      if (results.includes('fail')) expect(s.verdict).toBe('not_eligible');
      if (s.verdict === 'eligible') expect(results.every((r) => r === 'pass' || r === 'na')).toBe(true);
      expect(s.priority === null).toBe(s.verdict !== 'eligible');
      if (f.healthStatus === null) expect(s.criteria.find((c) => c.criterion === 'health')?.result).not.toBe('pass');
      if (f.assessment === null) expect(s.criteria.find((c) => c.criterion === 'unit_assessment')?.result).toBe('unknown');
      const again = screenPerson(f, ctx);
      expect(again.verdict).toBe(s.verdict);
      expect(again.criteria.map((c) => [c.result, c.reason])).toEqual(s.criteria.map((c) => [c.result, c.reason]));
    }
  });
});
