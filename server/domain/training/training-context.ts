import type { Tx } from '../../db/client.js';
import { findTrainingRegulationOn } from '../../db/repositories/training.repository.js';
import { findRatingLevels, findRetirementAges } from '../../db/repositories/eligibility.repository.js';
import { trainingRegulationSchema, type TrainingRegulation } from '../../../common/training.js';
import { planCodeOn, planParamsOn } from '../plans/plan-in-force.js';
import { AppError } from '../errors.js';
import type { TrainingRuleContext } from '../rules/training/types.js';

/** The training regulation (Decree 171/2025 …) in force on a date. */
export async function regulationOn(tx: Tx, on: string): Promise<TrainingRegulation> {
  const row = (await findTrainingRegulationOn(tx, on)) ?? (await findTrainingRegulationOn(tx, '2100-12-31'));
  if (!row) throw new AppError('conflict', 'Chưa có văn bản quy định về đào tạo, bồi dưỡng trong danh mục.');
  return trainingRegulationSchema.parse(row.params);
}

/** Everything the training rules need besides the person and the course, on the course's start date. */
export async function trainingRuleContext(tx: Tx, on: string, today: string): Promise<TrainingRuleContext> {
  const regulation = await regulationOn(tx, on);
  const ratingLevels = await findRatingLevels(tx);
  const retirementAges = await findRetirementAges(tx);
  const params = await planParamsOn(tx, on, today);
  // the clauses cite the plan governing the course's start (plans/plan-in-force.ts)
  const planCode = await planCodeOn(tx, on);
  return { regulation, ratingLevels, retirementAges, disciplineBarMonths: params.disciplineBarMonths, planCode };
}
