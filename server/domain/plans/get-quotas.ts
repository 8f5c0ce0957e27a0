import type { UseCaseContext } from '../context.js';
import type { PlanParams } from '../../../common/plan-params.js';
import { unitsScope } from '../../db/scope.js';
import { findQuotaUnits, type QuotaUnitRow } from '../../db/repositories/quota.repository.js';
import { quotaTarget } from '../rules/quota.js';
import { planInForce } from './plan-in-force.js';

/** Quota rows from units and parameters (pure, so the what-if preview reuses it with draft parameters). */
export function computeQuotas(units: QuotaUnitRow[], params: PlanParams, planIssuedOn: string) {
  const items = units.map(({ counted, ...u }) => {
    const q = quotaTarget(u.assignedStaffing, params);
    return {
      ...u,
      restructuredAfterPlan: !u.restructuredOn || u.restructuredOn > planIssuedOn,
      exact: q.exact,
      target: q.target,
      explanation: q.explanation,
      gap: q.target === null ? null : Math.max(0, q.target - counted),
    };
  });
  const sum = (f: (x: (typeof items)[number]) => number | null) => items.reduce((s, x) => s + (f(x) ?? 0), 0);
  return {
    items,
    totals: {
      assignedStaffing: sum((x) => x.assignedStaffing),
      target: sum((x) => x.target),
      proposed: sum((x) => x.proposed),
      decided: sum((x) => x.decided),
      active: sum((x) => x.active),
      gap: sum((x) => x.gap),
    },
  };
}

/** Each city-level unit's quota (about 5 % of assigned staffing) and how far it has got (Plan 131 III.1.c, S4). */
export async function getQuotas(ctx: UseCaseContext, year?: number) {
  const today = ctx.today;
  const y = year ?? Number(today.slice(0, 4));
  // a past year is judged by the version in force at its end; the current year by today's
  const on = `${y}-12-31` < today ? `${y}-12-31` : today;
  const plan = await planInForce(ctx.tx, on);
  const units = await findQuotaUnits(ctx.tx, unitsScope(ctx.actor), y);
  return { year: y, planVersion: plan.ref, rate: plan.params.quotaRate, rounding: plan.params.quotaRounding, ...computeQuotas(units, plan.params, plan.issuedOn) };
}
