import type { UseCaseContext } from '../context.js';
import type { PlanParams } from '../../../common/plan-params.js';
import { findPlanCodes, findPlanVersionOn, insertPlanVersion, findPlanVersions } from '../../db/repositories/plans.repository.js';
import { findRatingLevels } from '../../db/repositories/eligibility.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid, notFound, type Issue } from '../errors.js';

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
 * Saves a change of the plan's parameters as a new version, effective from a date, with its author and
 * reason. Old versions stay as they were: every verdict names the version it used.
 */
export async function savePlanVersion(ctx: UseCaseContext, input: { effectiveFrom: string; note: string; params: PlanParams }) {
  const [code] = await findPlanCodes(ctx.tx);
  if (!code) throw notFound('Kế hoạch');
  const current = await findPlanVersionOn(ctx.tx, code, '2100-12-31');
  if (!current) throw notFound('Kế hoạch');
  const issues = await checkParams(ctx, input.params);
  if (input.effectiveFrom < current.issuedOn) issues.push({ path: 'effectiveFrom', message: 'Ngày hiệu lực trước ngày ban hành kế hoạch' });
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
    before: { version: current.version, params: current.params },
    after: { version: v.version, effectiveFrom: input.effectiveFrom, params: input.params, note: input.note },
  });
  return v;
}

export async function listPlanVersions(ctx: UseCaseContext) {
  const [code] = await findPlanCodes(ctx.tx);
  if (!code) throw notFound('Kế hoạch');
  return findPlanVersions(ctx.tx, code);
}

export { checkParams };
