import { personIs, unitIs } from '../../db/scope.js';
import type { UseCaseContext } from '../context.js';
import { buildRuleContext } from '../eligibility/rule-context.js';
import { planInForce } from '../plans/plan-in-force.js';
import { screenFew } from '../eligibility/screen-people.js';
import { combine } from '../rules/screen-person.js';
import { computeQuotas } from '../plans/get-quotas.js';
import { findQuotaUnits } from '../../db/repositories/quota.repository.js';
import type { PersonFacts } from '../rules/types.js';
import type { Screening } from '../rules/screen-person.js';

export type VerdictSnapshot = {
  verdict: string;
  referenceDate: string;
  planVersionId: string;
  criteria: { criterion: string; result: string; reason: string; clause: string }[];
  quota?: Record<string, unknown>;
};

/**
 * The person's screening today, by the same rules as the screening page. While their own secondment is being
 * appraised, that secondment is not held against them (the "not already seconded" criterion looks at others).
 */
export async function screenForSecondment(
  ctx: UseCaseContext,
  personId: string,
  ownSecondmentId?: string,
): Promise<{ facts: PersonFacts; snapshot: VerdictSnapshot } | null> {
  const referenceDate = ctx.today;
  const plan = await planInForce(ctx.tx, referenceDate);
  const rules = await buildRuleContext(ctx.tx, referenceDate, plan.params);
  // the person is already known to be in the actor's scope; screen them whatever the actor's own grants are
  const [one] = await screenFew(ctx, personIs(personId), rules);
  if (!one) return null;
  return { facts: one.facts, snapshot: snapshotOf(one.screening, referenceDate, plan.ref.id, ownSecondmentId) };
}

/** The verdict kept with a proposal: the screening's criteria on the day, the person's own secondment not held against them. */
export function snapshotOf(screening: Screening, referenceDate: string, planVersionId: string, ownSecondmentId?: string): VerdictSnapshot {
  let criteria = screening.criteria;
  if (ownSecondmentId) {
    criteria = criteria.map((c) =>
      c.criterion === 'not_seconded' && c.result === 'fail'
        ? { ...c, result: 'pass' as const, reason: 'Không có đợt tăng cường nào khác ngoài hồ sơ đang xét', facts: {} }
        : c,
    );
  }
  return {
    verdict: combine(criteria),
    referenceDate,
    planVersionId,
    criteria: criteria.map((c) => ({ criterion: c.criterion, result: c.result, reason: c.reason, clause: c.clause })),
  };
}

/** The sending unit's quota this year and how far it has got (the same figures as the quota page). */
export async function quotaOfUnit(ctx: UseCaseContext, unitId: string) {
  const today = ctx.today;
  const plan = await planInForce(ctx.tx, today);
  const units = await findQuotaUnits(ctx.tx, unitIs(unitId), Number(today.slice(0, 4)));
  const row = computeQuotas(units, plan.params, plan.issuedOn).items[0];
  if (!row) return null;
  return {
    unitId,
    year: Number(today.slice(0, 4)),
    target: row.target,
    explanation: row.explanation,
    proposed: row.proposed,
    decided: row.decided,
    active: row.active,
  };
}
