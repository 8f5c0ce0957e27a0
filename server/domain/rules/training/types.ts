import type { CriterionResult, Verdict } from '../../../../common/eligibility.js';
import { CATEGORY_LABELS, type Category } from '../../../../common/enums.js';
import {
  DECREE_171_2025,
  DECREE_171_CATEGORY,
  trainingArticle,
  type CourseKind,
  type CourseLocation,
  type TrainingArticle,
  type TrainingCriterion,
  type TrainingRegulation,
} from '../../../../common/training.js';
import type { RuleContext } from '../types.js';
import type { DisciplineRecord } from '../record/discipline-bar.js';
import type { ProceedingRecord } from '../record/exclusions.js';
import type { RatingLevels } from '../record/ratings-window.js';

/** What the training rules know about the person on the course's start date. */
export type TrainingFacts = {
  personId: string;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  /** can_bo / cong_chuc / vien_chuc: the rule set is chosen by it (Decree 171/2025 Art. 1 cl. 2). */
  category: Category | null;
  recruitedOn: string | null;
  isMinority: boolean | null;
  /** Annual ratings by year (code), of the recent years. */
  ratings: Record<number, string>;
  disciplines: DisciplineRecord[];
  /** Proceedings on the record opened on or before the start date and not closed before it. */
  proceedings: ProceedingRecord[];
  /** The latest assessment of the sending unit on political stance (Plan 131 I.3), if any. */
  politicalOk: 'yes' | 'no' | null;
  assessedOn: string | null;
  planningActive: boolean;
  planningTitle: string | null;
  /** Already holds, or was already sent for, a master's or doctorate (not the first postgraduate sending). */
  hasPostgraduate: boolean;
  /** Priority fields of the training needs recorded for this person; null when none is recorded. */
  needFields: string[] | null;
  /** The profile's health facts (people.health_status, health_checked_on), as the screening reads them. */
  healthStatus: string | null;
  healthCheckedOn: string | null;
};

export interface CourseFacts {
  kind: CourseKind;
  location: CourseLocation;
  fields: string[];
  startDate: string;
  endDate: string;
  requiresPlanning: boolean;
}

export interface TrainingRuleContext {
  /** The person's category the rule set was chosen for. */
  category: Category | null;
  /**
   * The numbers of the regulation in force for that category on the start date (Decree 171/2025 for công chức);
   * null when the catalogue has none for the category: its criteria are then unknown, never 171's numbers.
   */
  regulation: TrainingRegulation | null;
  /** Months a health certificate is valid (the plan's, as in the screening). */
  healthCertificateMonths: number;
  ratingLevels: RatingLevels;
  retirementAges: RuleContext['retirementAges'];
  /** The plan's own bar periods by discipline form, where it sets them. */
  disciplineBarMonths: Record<string, number>;
  /** The code of the plan in force: the clauses cite it (common/plan-clause.ts). */
  planCode: string;
}

export interface TrainingVerdict {
  criterion: TrainingCriterion;
  result: CriterionResult;
  /** Why, in Vietnamese, with the figures used. */
  reason: string;
  /** The legal clause the criterion comes from. */
  clause: string;
  facts: Record<string, unknown>;
}

export type TrainingRule = (p: TrainingFacts, c: CourseFacts, ctx: TrainingRuleContext) => TrainingVerdict;

export interface TrainingEligibility {
  verdict: Verdict;
  criteria: TrainingVerdict[];
  referenceDate: string;
  instrument: string;
}

/** What the verdict says applied: the regulation's instrument, or that the catalogue has none for the category. */
export function appliedInstrument(ctx: Pick<TrainingRuleContext, 'category' | 'regulation'>): string {
  if (ctx.regulation) return ctx.regulation.instrument;
  if (!ctx.category) return 'Chưa xác định đối tượng (cán bộ, công chức, viên chức): chưa chọn được văn bản quy định';
  return `Chưa có văn bản quy định đối với ${CATEGORY_LABELS[ctx.category].toLowerCase()} trong danh mục`;
}

/** Why a criterion of the regulation cannot be judged: no category, or no rule set for it in the catalogue. */
export function noRegulationReason(category: Category | null): string {
  if (!category) return 'Chưa xác định cán bộ là cán bộ, công chức hay viên chức: chưa xác định được văn bản quy định áp dụng';
  const none = `Chưa có văn bản quy định điều kiện cử đi đào tạo, bồi dưỡng đối với ${CATEGORY_LABELS[category].toLowerCase()} trong danh mục`;
  // công chức without a row (an empty catalogue): nothing else to say; another category must not borrow 171's numbers
  return category === DECREE_171_CATEGORY ? none : `${none}; không áp dụng ${DECREE_171_2025.instrument} (chỉ áp dụng với công chức)`;
}

/**
 * The clause of a criterion of the regulation: its article ("Điều 5 Nghị định 171/2025/NĐ-CP, …"); without a
 * regulation for the category, the scope article of the decree it does not borrow.
 */
export function regulationClause(ctx: Pick<TrainingRuleContext, 'regulation'>, article: TrainingArticle, what: string): string {
  return ctx.regulation
    ? `${trainingArticle(ctx.regulation.instrument, article)}, ${what}`
    : `${DECREE_171_2025.instrument}, Điều 1 khoản 2 (phạm vi: công chức); ${what}`;
}

/** A criterion of the regulation for a category without one (or a person without a category): unknown, with the reason. */
export const noRegulation = (criterion: TrainingCriterion, ctx: Pick<TrainingRuleContext, 'category' | 'regulation'>, clause: string): TrainingVerdict => ({
  criterion,
  result: 'unknown',
  reason: noRegulationReason(ctx.category),
  clause,
  facts: { category: ctx.category },
});

export const notApplicable = (criterion: TrainingCriterion, clause: string, reason: string): TrainingVerdict => ({
  criterion,
  result: 'na',
  reason,
  clause,
  facts: {},
});
