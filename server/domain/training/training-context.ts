import type { Tx } from '../../db/client.js';
import { findTrainingRegulationOn } from '../../db/repositories/training.repository.js';
import { findRatingLevels, findRetirementAges } from '../../db/repositories/eligibility.repository.js';
import { trainingRegulationSchema, type TrainingRegulation } from '../../../common/training.js';
import { planInForce, todayInVietnam } from '../eligibility/rule-context.js';
import { AppError } from '../errors.js';
import type { TrainingRuleContext } from '../rules/training/types.js';
import type { PlanParams } from '../../../common/plan-params.js';

/** The training regulation (Decree 171/2025 …) in force on a date. */
export async function regulationOn(tx: Tx, on: string): Promise<TrainingRegulation> {
  const row = (await findTrainingRegulationOn(tx, on)) ?? (await findTrainingRegulationOn(tx, '2100-12-31'));
  if (!row) throw new AppError('conflict', 'Chưa có văn bản quy định về đào tạo, bồi dưỡng trong danh mục.');
  return trainingRegulationSchema.parse(row.params);
}

/** The plan's parameters on a date, or those in force today when the date is before the plan. */
export async function planParamsOn(tx: Tx, on: string): Promise<PlanParams> {
  try {
    return (await planInForce(tx, on)).params;
  } catch {
    return (await planInForce(tx, todayInVietnam())).params;
  }
}

/** Everything the training rules need besides the person and the course, on the course's start date. */
export async function trainingRuleContext(tx: Tx, on: string): Promise<TrainingRuleContext> {
  const regulation = await regulationOn(tx, on);
  const ratingLevels = await findRatingLevels(tx);
  const retirementAges = await findRetirementAges(tx);
  const params = await planParamsOn(tx, on);
  return { regulation, ratingLevels, retirementAges, disciplineBarMonths: params.disciplineBarMonths };
}
