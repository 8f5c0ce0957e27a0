import type { PlanParams } from '../../../common/plan-params.js';
import type { Criterion, CriterionResult } from '../../../common/eligibility.js';
import type { DisciplineRecord } from './record/discipline-bar.js';
import type { CircumstanceRecord, ProceedingRecord } from './record/exclusions.js';
import type { RatingLevels } from './record/ratings-window.js';
import type { KeyPostRow } from './record/key-posts.js';
import type { RatingInstrumentRow } from '../../../common/ratings.js';

/** What the screening knows about one person on the reference date (loaded in bulk by eligibility.repository). */
export type PersonFacts = {
  personId: string;
  code: string;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  category: string;
  isLeader: boolean;
  positionTitle: string | null;
  unitId: string;
  unitName: string;
  /** The city-level unit (child of the People's Committee) the person belongs to; null for communes. */
  sendingUnitId: string | null;
  sendingUnitName: string | null;
  sendingUnitRestructuredOn: string | null;
  isMinority: boolean | null;
  educationLevel: string | null;
  rankGrade: string | null;
  politicalTheory: string | null;
  /** Today's communes that the person's pre-2025 home commune became part of. */
  homeCommuneIds: string[];
  planningActive: boolean;
  planningTitle: string | null;
  /** The years considered (ascending) and the rating of each, null where there is none. */
  ratingYears: number[];
  ratingCodes: (string | null)[];
  /** Discipline records that started within the five years before the reference date. */
  disciplines: DisciplineRecord[];
  /** Proceedings on the record opened on or before the reference date (closed ones included: the rule decides). */
  proceedings: ProceedingRecord[];
  /** Circumstances on the record that started on or before the reference date. */
  circumstances: CircumstanceRecord[];
  healthStatus: string | null;
  healthCheckedOn: string | null;
  openSecondmentStatus: string | null;
  assessment: {
    assessedOn: string;
    assessorName: string;
    capacityOk: string;
    prestigeOk: string;
    prospectsOk: string;
    politicalOk: string;
  } | null;
  hasGrassrootsExperience: boolean;
};

/** A destination post chosen for the screening (its standards, and whether it is a key post of that commune). */
export interface DestinationPost {
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  /** commune | ward (a destination is always commune-level); absent means commune. */
  unitKind?: string;
  isKeyPost: boolean;
  minEducation: string | null;
  requiredRankGrade: string | null;
  requiredPoliticalTheory: string | null;
}

export interface RuleContext {
  referenceDate: string;
  params: PlanParams;
  /** The code of the plan in force ('131/KH-UBND'): the clauses cite it (common/plan-clause.ts). */
  planCode: string;
  /** Rating levels: code → rank (1 is best) and name. */
  ratingLevels: RatingLevels;
  /** The dated rating instruments (rating_instruments), all rows: each rating year cites the one in force on its 31/12. */
  ratingInstruments: readonly RatingInstrumentRow[];
  /** Retirement age in months by gender, from the year it applies (ascending). */
  retirementAges: { gender: string; fromYear: number; ageMonths: number; instrument: string }[];
  destination?: DestinationPost | null;
  /** The dated key-posts table (key_posts), all rows: the non-local rule takes those in force on the reference date. */
  keyPosts: readonly KeyPostRow[];
}

export interface CriterionVerdict {
  criterion: Criterion;
  result: CriterionResult;
  /** Why, in Vietnamese, with the figures used. */
  reason: string;
  /** The legal clause the criterion comes from. */
  clause: string;
  /** The data the verdict used. */
  facts: Record<string, unknown>;
}

export type Rule = (f: PersonFacts, ctx: RuleContext) => CriterionVerdict;

/**
 * A criterion's verdict whose reason and facts are built only when read: the bulk screening of a province
 * needs every result but the words of only the page it shows. (A class, so the getters live on the
 * prototype and creating one costs no more than a plain object.)
 */
class LazyVerdict implements CriterionVerdict {
  #explained: { reason: string; facts: Record<string, unknown> } | undefined;
  constructor(
    readonly criterion: Criterion,
    readonly result: CriterionResult,
    readonly clause: string,
    private readonly explain: () => { reason: string; facts: Record<string, unknown> },
  ) {}
  get reason() {
    return (this.#explained ??= this.explain()).reason;
  }
  get facts() {
    return (this.#explained ??= this.explain()).facts;
  }
}

export function verdictOf(
  criterion: Criterion,
  result: CriterionResult,
  clause: string,
  explain: () => { reason: string; facts: Record<string, unknown> },
): CriterionVerdict {
  return new LazyVerdict(criterion, result, clause, explain);
}
