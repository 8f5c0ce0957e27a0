import type { UseCaseContext } from '../context.js';
import { findPlanCodes, findPlanVersionOn } from '../../db/repositories/plans.repository.js';
import { planParamsSchema } from '../../../common/plan-params.js';
import { notFound } from '../errors.js';

/** The plan in force (newest issued) with the parameters of its version effective on `on`. */
export async function getCurrentPlan({ tx }: UseCaseContext, on = new Date().toISOString().slice(0, 10)) {
  const [code] = await findPlanCodes(tx);
  if (!code) throw notFound('Kế hoạch');
  const v = await findPlanVersionOn(tx, code, on);
  if (!v) throw notFound('Phiên bản tham số kế hoạch');
  return { ...v, params: planParamsSchema.parse(v.params) };
}
