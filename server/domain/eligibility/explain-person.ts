import type { UseCaseContext } from '../context.js';
import { peopleScope, allOf, personIs } from '../../db/scope.js';
import { buildRuleContext } from './rule-context.js';
import { planInForce } from '../plans/plan-in-force.js';
import { presentScreened, screenFew } from './screen-people.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * One person's verdict with every criterion, the facts it used and its clause (the explanation panel). It
 * runs the very statement and rules of the bulk screening, filtered to one person. A cadre sees their own.
 */
export async function explainPerson(ctx: UseCaseContext, personId: string, o: { referenceDate?: string; destinationPostId?: string }) {
  const referenceDate = o.referenceDate ?? ctx.today;
  const plan = await planInForce(ctx.tx, referenceDate);
  const rules = await buildRuleContext(ctx.tx, referenceDate, plan.params, o.destinationPostId);
  const [one] = await screenFew(ctx, allOf([peopleScope(ctx), personIs(personId)]), rules);
  if (!one) throw notFound('Cán bộ');
  await recordAudit(ctx.tx, ctx, {
    action: 'read_sensitive',
    entityType: 'screening',
    entityId: personId,
    personId,
    meta: { referenceDate, planVersionId: plan.ref.id },
  });
  return { ...presentScreened(one, true), planVersion: plan.ref, referenceDate };
}
