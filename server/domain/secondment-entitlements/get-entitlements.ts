import type { UseCaseContext } from '../context.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findEntitlementFacts, loadPayTables } from '../../db/repositories/entitlements.repository.js';
import { computeEntitlements } from '../rules/entitlements.js';
import { planInForce } from '../plans/plan-in-force.js';
import { secondmentsScope } from '../../db/scope.js';
import { SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../common/secondment.js';
import { entitlementInput } from './entitlement-facts.js';
import { entitlementPaymentsPolicy, entitlementsPolicy } from './entitlements.policy.js';
import { findPaymentTarget, listPayments } from '../../db/repositories/entitlement-payments.repository.js';
import { everyRow } from '../../db/scope.js';
import { isPayable, payerKeyOf } from './entitlement-payments.js';

/**
 * The entitlements of one secondment with their clause and explanation (Decree 178/2024 Art. 12 cl. 1), each line
 * with what was paid of it (the payments standing, not reversed) and whether the actor may record a payment; the
 * payments and reversals recorded. Out of scope is not found; the read is logged since it shows the salary.
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
  const target = (await findPaymentTarget(ctx.tx, id, everyRow))!;
  const payments = await listPayments(ctx.tx, id);
  const place = (payer: NonNullable<ReturnType<typeof payerKeyOf>>) => ({ sendingUnitPath: target.sendingUnitPath, personUnitPath: target.personUnitPath, payer });
  const standing = payments.filter((p) => p.kind === 'payment' && !p.reversedById);
  const entitlements = result.entitlements.map((e) => {
    const payerKey = payerKeyOf(e.payer);
    const paidVnd = standing.filter((p) => p.code === e.code).reduce((sum, p) => sum + p.amountVnd, 0);
    const payable = isPayable(e);
    const paymentStatus: 'paid' | 'unpaid' | 'not_payable' = paidVnd > 0 ? 'paid' : payable ? 'unpaid' : 'not_payable';
    const allowedActions: 'recordPayment'[] = payable && entitlementPaymentsPolicy.mayAct(ctx.actor, 'record', place(payerKey!)) ? ['recordPayment'] : [];
    return { ...e, payerKey, paidVnd, paymentStatus, allowedActions };
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
    entitlements,
    payments: payments.map(({ secondmentId: _s, ...p }) => ({
      ...p,
      allowedActions: (p.kind === 'payment' && !p.reversedById && entitlementPaymentsPolicy.mayAct(ctx.actor, 'reverse', place(p.payer))
        ? ['reverse']
        : []) as 'reverse'[],
    })),
  };
}
