import type { CriterionResult, Verdict } from '../../../../common/eligibility.js';
import type { CourseKind, CourseLocation, TrainingCriterion, TrainingRegulation } from '../../../../common/training.js';
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
  /** The numbers of Decree 171/2025 (or the regulation in force on the start date). */
  regulation: TrainingRegulation;
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

export const notApplicable = (criterion: TrainingCriterion, clause: string, reason: string): TrainingVerdict => ({
  criterion,
  result: 'na',
  reason,
  clause,
  facts: {},
});
