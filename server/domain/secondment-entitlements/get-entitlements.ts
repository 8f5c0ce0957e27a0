import type { UseCaseContext } from '../context.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findEntitlementFacts, loadPayTables } from '../../db/repositories/entitlements.repository.js';
import { computeEntitlements } from '../rules/entitlements.js';
import { planInForce } from '../plans/plan-in-force.js';
import { secondmentsScope } from '../../db/scope.js';
import { SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../common/secondment.js';
import { entitlementInput } from './entitlement-facts.js';
import { entitlementsPolicy } from './entitlements.policy.js';

/**
 * The entitlements of one secondment with their clause and explanation (Decree 178/2024 Art. 12 cl. 1). Out of
 * scope is not found; the read is logged since it shows the salary.
 */
export async function getSecondmentEntitlements(ctx: UseCaseContext, id: string) {
  const row = await findEntitlementFacts(ctx.tx, id, secondmentsScope(ctx.actor, { who: entitlementsPolicy.gates.read.who }));
  if (!row) throw notFound('Hồ sơ tăng cường');
  const today = ctx.today;
  const { minSecondmentMonths, oneOffAllowanceBelowMinimum } = (await planInForce(ctx.tx, today)).params;
  const result = computeEntitlements(entitlementInput(row, await loadPayTables(ctx.tx), today, minSecondmentMonths, oneOffAllowanceBelowMinimum));
  await recordAudit(ctx.tx, ctx, {
    action: 'read_sensitive',
    entityType: 'secondment_entitlements',
    entityId: id,
    personId: row.personId,
    meta: { status: row.status },
  });
  return {
    secondmentId: row.id,
    personId: row.personId,
    fullName: row.fullName,
    status: row.status,
    statusLabel: SECONDMENT_STATUS_LABELS[row.status as SecondmentStatus] ?? row.status,
    startDate: row.startDate,
    endDate: row.actualEndDate ?? row.endDate,
    sendingUnitName: row.sendingUnitName,
    hostUnitName: row.hostUnitName,
    hostEspeciallyDisadvantaged: row.hostUnitId ? row.hostEspeciallyDisadvantaged : null,
    ...result,
  };
}
