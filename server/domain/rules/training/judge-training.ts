import type { Verdict } from '../../../../common/eligibility.js';
import { serviceYearsRule } from './service-years.rule.js';
import { ratingsRule } from './ratings.rule.js';
import { firstPostgraduateAgeRule } from './first-postgraduate-age.rule.js';
import { fieldFitRule } from './field-fit.rule.js';
import { foreignServiceLeftRule } from './foreign-service-left.rule.js';
import { trainingDisciplineRule } from './discipline.rule.js';
import { trainingProceedingsRule } from './proceedings.rule.js';
import { lastYearRatingRule } from './last-year-rating.rule.js';
import { politicalRule } from './political.rule.js';
import { trainingHealthRule } from './health.rule.js';
import { trainingInPlanningRule } from './in-planning.rule.js';
import {
  appliedInstrument,
  type CourseFacts,
  type TrainingEligibility,
  type TrainingFacts,
  type TrainingRule,
  type TrainingRuleContext,
  type TrainingVerdict,
} from './types.js';

/** Every training criterion, in the order of TRAINING_CRITERIA; each says itself when it does not apply. */
export const TRAINING_RULES: readonly TrainingRule[] = [
  serviceYearsRule,
  ratingsRule,
  firstPostgraduateAgeRule,
  fieldFitRule,
  foreignServiceLeftRule,
  trainingDisciplineRule,
  trainingProceedingsRule,
  lastYearRatingRule,
  trainingHealthRule,
  politicalRule,
  trainingInPlanningRule,
];

/** Any fail excludes; otherwise any unknown needs information; missing data is never a pass. */
export function combineTraining(criteria: TrainingVerdict[]): Verdict {
  if (criteria.some((c) => c.result === 'fail')) return 'not_eligible';
  if (criteria.some((c) => c.result === 'unknown')) return 'needs_info';
  return 'eligible';
}

/**
 * May this person be sent to this course (judged on its start date)? Each criterion with its reason and clause,
 * under the rule set of the person's category on that date (`ctx`, chosen by training-context.ts); `instrument`
 * says which applied, or that the catalogue has none for the category.
 */
export function judgeTraining(p: TrainingFacts, c: CourseFacts, ctx: TrainingRuleContext): TrainingEligibility {
  const criteria = TRAINING_RULES.map((r) => r(p, c, ctx));
  return { verdict: combineTraining(criteria), criteria, referenceDate: c.startDate, instrument: appliedInstrument(ctx) };
}
