import type { UseCaseContext } from '../context.js';
import type { PlanParams } from '../../../common/plan-params.js';
import { unitsScope } from '../../db/scope.js';
import { findQuotaUnits } from '../../db/repositories/quota.repository.js';
import { buildRuleContext } from '../eligibility/rule-context.js';
import { planInForce } from './plan-in-force.js';
import { screenAll, screeningWhere, summarise } from '../eligibility/screen-people.js';
import { computeQuotas } from './get-quotas.js';
import { checkParams } from './save-plan-version.js';
import { invalid } from '../errors.js';

/**
 * What-if: how a draft change of the parameters (say 4 % or 24 months) would move quotas and eligibility,
 * next to the version in force, before anyone saves it. The facts are loaded once and judged twice.
 */
export async function previewPlanChange(ctx: UseCaseContext, draft: PlanParams, o: { referenceDate?: string; year?: number } = {}) {
  const issues = await checkParams(ctx, draft);
  if (issues.length) throw invalid(issues);
  const referenceDate = o.referenceDate ?? ctx.today;
  const year = o.year ?? Number(referenceDate.slice(0, 4));
  const plan = await planInForce(ctx.tx, referenceDate);
  const units = await findQuotaUnits(ctx.tx, unitsScope(ctx.actor), year);
  const quotasNow = computeQuotas(units, plan.params, plan.issuedOn);
  const quotasDraft = computeQuotas(units, draft, plan.issuedOn);

  const rulesNow = await buildRuleContext(ctx.tx, referenceDate, plan.params);
  const rulesDraft = { ...rulesNow, params: draft };
  const [now, after] = await screenAll(ctx, screeningWhere(ctx, {}), [rulesNow, rulesDraft]);
  let changed = 0;
  for (let i = 0; i < now.length; i++) if (now[i].verdict !== after[i].verdict) changed++;
  return {
    referenceDate,
    year,
    planVersion: plan.ref,
    quotas: {
      current: quotasNow.totals,
      draft: quotasDraft.totals,
      units: quotasNow.items
        .map((u, i) => ({ unitId: u.unitId, unitName: u.unitName, current: u.target, draft: quotasDraft.items[i].target }))
        .filter((u) => u.current !== u.draft),
    },
    eligibility: { current: summarise(now).byVerdict, draft: summarise(after).byVerdict, peopleWhoseVerdictChanges: changed },
  };
}
