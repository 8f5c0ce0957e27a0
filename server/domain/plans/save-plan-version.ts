import type { UseCaseContext } from '../context.js';
import type { PlanParams } from '../../../common/plan-params.js';
import { viDate } from '../../../common/dates.js';
import { findPlanStarts, findPlanVersionOn, insertPlanVersion, findPlanVersions, lockPlans } from '../../db/repositories/plans.repository.js';
import { findRatingLevels } from '../../db/repositories/eligibility.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid, notFound, type Issue } from '../errors.js';
import { choosePlan } from './plan-in-force.js';

/** Rules between parameters that zod cannot see: codes that must exist in the reference tables. */
async function checkParams(ctx: UseCaseContext, params: PlanParams): Promise<Issue[]> {
  const levels = await findRatingLevels(ctx.tx);
  const issues: Issue[] = [];
  if (!levels.has(params.minRatingCode)) issues.push({ path: 'params.minRatingCode', message: 'Mức xếp loại không có trong danh mục' });
  if (params.minServiceLeftMonths < params.minSecondmentMonths) {
    issues.push({ path: 'params.minServiceLeftMonths', message: 'Thời gian công tác còn lại phải không ít hơn thời gian tăng cường tối thiểu' });
  }
  return issues;
}

/**
 * Saves a change of a plan's parameters (the plan in force today unless one is named) as a new version,
 * effective from a date, with its author and reason. Old versions stay as they were: every verdict names the
 * version it used. A version may not move the plan's start earlier, nor take effect once the next plan has.
 */
export async function savePlanVersion(ctx: UseCaseContext, input: { planId?: string; effectiveFrom: string; note: string; params: PlanParams }) {
  await lockPlans(ctx.tx);
  const plan = await choosePlan(ctx.tx, ctx.today, input.planId);
  const current = await findPlanVersionOn(ctx.tx, plan.id, '2100-12-31');
  if (!current) throw notFound('Kế hoạch');
  const issues = await checkParams(ctx, input.params);
  if (input.effectiveFrom < current.issuedOn) issues.push({ path: 'effectiveFrom', message: 'Ngày hiệu lực trước ngày ban hành kế hoạch' });
  else if (input.effectiveFrom < plan.startsOn) {
    issues.push({ path: 'effectiveFrom', message: `Ngày hiệu lực trước ngày kế hoạch ${plan.code} bắt đầu áp dụng (${viDate(plan.startsOn)})` });
  }
  const next = (await findPlanStarts(ctx.tx)).filter((p) => p.startsOn > plan.startsOn).at(-1);
  if (next && input.effectiveFrom >= next.startsOn) {
    issues.push({ path: 'effectiveFrom', message: `Từ ngày ${viDate(next.startsOn)} áp dụng kế hoạch ${next.code}; phiên bản này sẽ không bao giờ có hiệu lực` });
  }
  if (issues.length) throw invalid(issues);
  const v = await insertPlanVersion(ctx.tx, {
    planId: current.planId,
    effectiveFrom: input.effectiveFrom,
    params: input.params,
    note: input.note,
    createdBy: ctx.actor.userId,
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'plan_version',
    entityId: v.id,
    before: { plan: plan.code, version: current.version, params: current.params },
    after: { plan: plan.code, version: v.version, effectiveFrom: input.effectiveFrom, params: input.params, note: input.note },
  });
  return v;
}

/** The versions of the plan in force today (or of the plan named), newest first. */
export async function listPlanVersions(ctx: UseCaseContext, planId?: string) {
  const plan = await choosePlan(ctx.tx, ctx.today, planId);
  return findPlanVersions(ctx.tx, plan.id);
}

export { checkParams };
