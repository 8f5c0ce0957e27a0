import { describe, expect, it } from 'vitest';
import { RULE_REGISTRY } from './screen-person.js';
import { TRAINING_RULES } from './training/judge-training.js';
import { ENTITLEMENT_CLAUSES } from './entitlements.js';
import { placementClause } from './placement-not-lower.js';
import { DECREE_171_2025, REPAYMENT_REASONS } from '../../../common/training.js';
import { serviceCommitment } from './training/commitment.js';
import { repaymentClause } from './training/repayment.js';
import { partyOpinionClause, TERM_REVIEW_CLAUSE } from '../../../common/secondment.js';
import { DISCIPLINE_FORMS, KEY_POSTS, RETIREMENT_AGES } from '../../db/reference/reference-data.js';
import { eligibleFacts, ruleContext } from '../../../test/support/rule-facts.js';
import { DOMAIN_INSTRUMENTS, NOT_IN_DOMAIN } from '../../../test/fixtures/domain-instruments.js';
import type { DestinationPost, PersonFacts } from './types.js';
import type { CourseFacts, TrainingFacts, TrainingRuleContext } from './training/types.js';

/** The instruments a clause names: 'Nghị định 178/2024/NĐ-CP' → 178/2024, 'Quy định 65-QĐ/TW' → 65-QĐ/TW, … */
function instrumentsIn(clause: string): string[] {
  const found = new Set<string>();
  for (const m of clause.matchAll(/\b(\d+)-([A-ZĐ]+)\/TW\b/gu)) found.add(`${m[1]}-${m[2]}/TW`);
  for (const m of clause.matchAll(/\b(\d+)\/(\d{4})(?:\/[A-ZĐ0-9-]+)?/gu)) found.add(`${m[1]}/${m[2]}`);
  // "Nghị định 112/2020/NĐ-CP và 234/2026/NĐ-CP" names both; the date "(31/10/2025)" is not an instrument
  for (const m of clause.matchAll(/\((\d{2})\/(\d{2})\/(\d{4})\)/g)) found.delete(`${m[2]}/${m[3]}`);
  for (const m of clause.matchAll(/\b(\d+)\/(KH-UBND|QĐ-UBND)\b/gu)) found.add(`${m[1]}/${m[2]}`);
  for (const m of clause.matchAll(/Bộ luật Lao động (\d{4})/g)) found.add(`Bộ luật Lao động ${m[1]}`);
  // laws cited by name (their number may follow, read above)
  for (const name of ['Luật Viên chức', 'Luật Thi đua, khen thưởng', 'Luật Nhà ở']) if (clause.includes(name)) found.add(name);
  return [...found];
}

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

/** People that take each rule down its branches: eligible, missing facts, failing, by category. */
const people: PersonFacts[] = [
  eligibleFacts(),
  eligibleFacts({ category: 'vien_chuc' }),
  eligibleFacts({ category: 'can_bo', homeCommuneIds: [] }),
  eligibleFacts({ ratingCodes: [null, 'KHT'], healthStatus: null, healthCheckedOn: null, assessment: null, planningActive: false, openSecondmentStatus: 'active' }),
  eligibleFacts({
    birthDate: '1966-01-01',
    educationLevel: null,
    politicalTheory: null,
    disciplines: [
      { formCode: 'KT', decidedOn: '2026-06-01', effectiveFrom: '2026-06-01', effectiveTo: null, barMonths: 12, instrument: 'Nghị định 172/2025/NĐ-CP' },
    ],
  }),
  // the exclusions of Law 80/2025 Art. 38 and Decree 170/2025 Art. 25
  eligibleFacts({
    proceedings: [{ kind: 'investigation', openedOn: '2025-01-10', closedOn: null, documentNo: null }],
    circumstances: [{ kind: 'child_under_36_months', fromDate: '2025-02-01', toDate: null, childBirthDate: null, consentOn: null }],
  }),
];

function screeningClauses(): string[] {
  const out: string[] = [];
  for (const f of people)
    for (const c of [ruleContext(), ruleContext({ destination: post }), ruleContext({ referenceDate: '2025-06-30', destination: post })])
      for (const r of RULE_REGISTRY) out.push(r.rule(f, c).clause);
  return out;
}

function trainingClauses(): string[] {
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
  const person: TrainingFacts = {
    personId: 'p1',
    fullName: 'Nguyễn Thị Lan',
    gender: 'female',
    birthDate: '1988-04-12',
    category: 'cong_chuc',
    recruitedOn: '2015-03-01',
    isMinority: false,
    ratings: { 2024: 'HTT', 2025: 'HTXS' },
    disciplines: [],
    proceedings: [{ kind: 'discipline_case', openedOn: '2025-11-01', closedOn: null, documentNo: null }],
    politicalOk: 'yes',
    assessedOn: '2025-12-01',
    planningActive: true,
    planningTitle: 'Trưởng phòng',
    hasPostgraduate: false,
    needFields: ['Kinh tế'],
    healthStatus: 'good',
    healthCheckedOn: '2026-01-05',
  };
  const courses: CourseFacts[] = [
    { kind: 'master', location: 'domestic', fields: ['Kinh tế'], startDate: '2026-03-10', endDate: '2028-03-09', requiresPlanning: false },
    { kind: 'short_course', location: 'foreign', fields: ['Luật'], startDate: '2026-03-10', endDate: '2026-04-09', requiresPlanning: true },
  ];
  const out: string[] = [];
  // a viên chức, a cán bộ and a person without a category: no rule set in the catalogue
  const contexts: TrainingRuleContext[] = [
    ctx,
    { ...ctx, category: 'vien_chuc', regulation: null },
    { ...ctx, category: 'can_bo', regulation: null },
    { ...ctx, category: null, regulation: null },
  ];
  for (const x of contexts)
    for (const c of courses)
      for (const p of [person, { ...person, ratings: {}, planningActive: false, politicalOk: null, healthStatus: null }])
        for (const r of TRAINING_RULES) out.push(r({ ...p, category: x.category } as TrainingFacts, c, x).clause);
  const commitment = serviceCommitment({ kind: 'master', startDate: '2026-03-10', endDate: '2028-03-09' }, DECREE_171_2025)!;
  out.push(commitment.clause);
  for (const reason of REPAYMENT_REASONS) out.push(repaymentClause(DECREE_171_2025, reason));
  return out;
}

describe('every clause names an instrument that DOMAIN.md names', () => {
  const clauses = [
    ...screeningClauses(),
    ...trainingClauses(),
    ...Object.values(ENTITLEMENT_CLAUSES),
    placementClause('131/KH-UBND'),
    // the steps of the plan's process (issue 12): the Party committee's opinion, the end-of-term reviews
    partyOpinionClause('131/KH-UBND'),
    TERM_REVIEW_CLAUSE,
    DECREE_171_2025.instrument,
    ...DISCIPLINE_FORMS.map((f) => f.instrument),
    ...RETIREMENT_AGES.map((r) => String(r[3])),
    ...KEY_POSTS.map((k) => k.instrument),
  ];
  const distinct = [...new Set(clauses)];

  it('reads the instruments out of a clause', () => {
    expect(instrumentsIn('Nghị định 112/2020/NĐ-CP và 234/2026/NĐ-CP (viên chức); Kế hoạch 131/KH-UBND, mục I.2').sort()).toEqual([
      '112/2020',
      '131/KH-UBND',
      '234/2026',
    ]);
    expect(instrumentsIn('Chỉ thị 45-CT/TW (2025); Kết luận 201-KL/TW (31/10/2025)').sort()).toEqual(['201-KL/TW', '45-CT/TW']);
    expect(instrumentsIn('Bộ luật Lao động 2019 (Điều 169)')).toEqual(['Bộ luật Lao động 2019']);
    expect(instrumentsIn('Luật Viên chức (sửa đổi 2019), Điều 56')).toEqual(['Luật Viên chức']);
    expect(instrumentsIn('Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 2')).toEqual(['80/2025']);
  });

  it('every clause names at least one instrument', () => {
    expect(distinct.length).toBeGreaterThan(15);
    expect(distinct.filter((c) => instrumentsIn(c).length === 0)).toEqual([]);
  });

  it('each instrument cited is in DOMAIN.md, but for the listed gaps (which must still occur, or be removed from the list)', () => {
    const cited = new Set(distinct.flatMap(instrumentsIn));
    const unknown = [...cited].filter((i) => !(i in DOMAIN_INSTRUMENTS)).sort();
    expect(unknown).toEqual(Object.keys(NOT_IN_DOMAIN).sort());
  });
});
