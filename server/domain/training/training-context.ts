import type { Tx } from '../../db/client.js';
import { findTrainingRegulationOn } from '../../db/repositories/training.repository.js';
import { findRatingLevels, findRetirementAges } from '../../db/repositories/eligibility.repository.js';
import { trainingRegulationSchema, type TrainingRegulation } from '../../../common/training.js';
import type { Category } from '../../../common/enums.js';
import { planCodeOn, planParamsOn } from '../plans/plan-in-force.js';
import type { TrainingRuleContext } from '../rules/training/types.js';

/**
 * The training regulation of a category in force on a date (Decree 171/2025 for công chức, Art. 1 cl. 2); null when
 * the catalogue has none for the category (or the person has no category): the rules then say so, and no other
 * category's numbers are borrowed. A date before the category's first row takes that first row's successor in force
 * (the earliest the catalogue holds), as before.
 */
export async function regulationOn(tx: Tx, category: string | null, on: string): Promise<TrainingRegulation | null> {
  if (!category) return null;
  const row = (await findTrainingRegulationOn(tx, category, on)) ?? (await findTrainingRegulationOn(tx, category, '2100-12-31'));
  return row ? trainingRegulationSchema.parse(row.params) : null;
}

/** Everything the training rules need besides the person and the course, on the course's start date, for the person's category. */
export async function trainingRuleContext(tx: Tx, on: string, today: string, category: Category | null): Promise<TrainingRuleContext> {
  const regulation = await regulationOn(tx, category, on);
  const ratingLevels = await findRatingLevels(tx);
  const retirementAges = await findRetirementAges(tx);
  const params = await planParamsOn(tx, on, today);
  // the clauses cite the plan governing the course's start (plans/plan-in-force.ts)
  const planCode = await planCodeOn(tx, on);
  return {
    category,
    regulation,
    ratingLevels,
    retirementAges,
    disciplineBarMonths: params.disciplineBarMonths,
    healthCertificateMonths: params.healthCertificateMonths,
    planCode,
  };
}
