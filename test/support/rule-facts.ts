import { PLAN_131_PARAMS } from '../../common/plan-params.js';
import { KEY_POSTS, RETIREMENT_AGES } from '../../server/db/reference/reference-data.js';
import type { PersonFacts, RuleContext } from '../../server/domain/rules/types.js';
import { RATING_INSTRUMENTS_SEED } from '../../common/ratings.js';

/** A person who meets every criterion on 2026-11-26 under Plan 131; tests change one fact at a time. */
export function eligibleFacts(over: Partial<PersonFacts> = {}): PersonFacts {
  return {
    personId: '00000000-0000-4000-8000-000000000001',
    code: 'CB0000001',
    fullName: 'Nguyễn Thị Lan',
    gender: 'female',
    birthDate: '1988-04-12',
    category: 'cong_chuc',
    isLeader: true,
    positionTitle: 'Phó Trưởng phòng',
    unitId: 'u-sub',
    unitName: 'Phòng Tổ chức cán bộ',
    sendingUnitId: 'u-dept',
    sendingUnitName: 'Sở Y tế',
    sendingUnitRestructuredOn: '2025-03-01',
    isMinority: false,
    educationLevel: 'dai_hoc',
    rankGrade: 'A1',
    politicalTheory: 'trung_cap',
    homeCommuneIds: ['c-home'],
    planningActive: true,
    planningTitle: 'Trưởng phòng Tổ chức cán bộ',
    ratingYears: [2024, 2025],
    ratingCodes: ['HTT', 'HTT'],
    disciplines: [],
    proceedings: [],
    circumstances: [],
    healthStatus: 'good',
    healthCheckedOn: '2026-09-01',
    openSecondmentStatus: null,
    assessment: { assessedOn: '2026-10-01', assessorName: 'Trần Văn Bình', capacityOk: 'yes', prestigeOk: 'yes', prospectsOk: 'yes', politicalOk: 'yes' },
    hasGrassrootsExperience: false,
    ...over,
  };
}

export function ruleContext(over: Partial<RuleContext> = {}): RuleContext {
  return {
    referenceDate: '2026-11-26',
    params: PLAN_131_PARAMS,
    planCode: '131/KH-UBND',
    ratingInstruments: RATING_INSTRUMENTS_SEED,
    ratingLevels: new Map([
      ['HTXS', { rank: 1, name: 'Hoàn thành xuất sắc nhiệm vụ' }],
      ['HTT', { rank: 2, name: 'Hoàn thành tốt nhiệm vụ' }],
      ['HT', { rank: 3, name: 'Hoàn thành nhiệm vụ' }],
      ['KHT', { rank: 4, name: 'Không hoàn thành nhiệm vụ' }],
    ]),
    retirementAges: RETIREMENT_AGES.map(([gender, fromYear, ageMonths, instrument]) => ({
      gender: String(gender),
      fromYear: Number(fromYear),
      ageMonths: Number(ageMonths),
      instrument: String(instrument),
    })),
    destination: null,
    keyPosts: KEY_POSTS.map((k) => ({ title: k.title, level: k.level, effectiveFrom: k.from, effectiveTo: k.to, instrument: k.instrument })),
    ...over,
  };
}
