import type { UseCaseContext } from '../context.js';
import { planInForce } from './plan-in-force.js';

/** The plan in force (newest issued) with the parameters of its version effective on `on` (default today). */
export async function getCurrentPlan(ctx: UseCaseContext, on = ctx.today) {
  const plan = await planInForce(ctx.tx, on);
  return { ...plan.row, params: plan.params };
}
