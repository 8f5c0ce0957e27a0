import type { UseCaseContext } from '../context.js';
import { findEntitlementFacts } from '../../db/repositories/entitlements.repository.js';
import {
  bumpPaymentVersion,
  findPaymentForUpdate,
  findPaymentTarget,
  insertPayment,
  type PaymentTarget,
} from '../../db/repositories/entitlement-payments.repository.js';
import { everyRow, secondmentsScope } from '../../db/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound, refuseFutureDate } from '../errors.js';
import { viDate } from '../../../common/dates.js';
import type { PayableCode, PayerKey } from '../../../common/entitlement-payments.js';
import { entitlementPaymentsPolicy } from './entitlements.policy.js';
import { entitlementsOf, isPayable, payerKeyOf } from './entitlement-payments.js';
import { getSecondmentEntitlements } from './get-entitlements.js';

const placeOf = (t: PaymentTarget, payer: PayerKey) => ({ sendingUnitPath: t.sendingUnitPath, personUnitPath: t.personUnitPath, payer });

/** The secondment, seen by someone who may record a payment (not found otherwise). */
async function loadTarget(ctx: UseCaseContext, secondmentId: string) {
  const t = await findPaymentTarget(ctx.tx, secondmentId, secondmentsScope(ctx.actor, { who: entitlementPaymentsPolicy.actions.record.who }));
  if (!t) throw notFound('Hồ sơ tăng cường');
  return t;
}

/**
 * Records that one entitlement line of a secondment was paid, as its voucher says: the line must be one the rule
 * gives as due now (a decided secondment, a line that applies and has a payer), paid by someone of the paying side
 * (the policy), on a date neither in the future nor before the secondment's start, an amount in whole đồng above 0.
 * The payer is recorded as the rule names it on the day.
 */
export async function recordEntitlementPayment(
  ctx: UseCaseContext,
  secondmentId: string,
  input: { code: PayableCode; amountVnd: number; paidOn: string; voucherNo: string; note?: string | null },
) {
  const t = await loadTarget(ctx, secondmentId);
  const facts = (await findEntitlementFacts(ctx.tx, secondmentId, everyRow))!;
  const [result] = await entitlementsOf(ctx, [facts]);
  const line = result!.entitlements.find((e) => e.code === input.code);
  if (!line || !isPayable(line)) {
    throw invalid([
      {
        path: 'code',
        message: line
          ? `Khoản "${line.title}" chưa phát sinh hoặc không áp dụng đối với trường hợp này (${line.stateLabel.toLowerCase()}): không ghi nhận chi trả được.`
          : 'Khoản chế độ này không có trong chế độ, chính sách của trường hợp này.',
      },
    ]);
  }
  const payer = payerKeyOf(line.payer)!;
  entitlementPaymentsPolicy.assertCan(ctx.actor, 'record', placeOf(t, payer));
  refuseFutureDate(ctx.today, 'paidOn', input.paidOn, 'Ngày chi trả');
  if (!t.startDate || input.paidOn < t.startDate) {
    throw invalid([
      {
        path: 'paidOn',
        message: t.startDate
          ? `Ngày chi trả không được trước ngày bắt đầu tăng cường (${viDate(t.startDate)})`
          : 'Trường hợp này chưa có ngày bắt đầu tăng cường: chưa ghi nhận chi trả được',
      },
    ]);
  }
  const voucherNo = input.voucherNo.normalize('NFC').trim();
  const note = input.note?.normalize('NFC').trim() || null;
  const id = await insertPayment(ctx.tx, {
    secondmentId,
    kind: 'payment',
    code: input.code,
    amountVnd: input.amountVnd,
    paidOn: input.paidOn,
    voucherNo,
    payer,
    payerName: line.payer!,
    note,
    reversesId: null,
    reason: null,
    userId: ctx.actor.userId,
    userName: ctx.actor.displayName,
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'pay',
    entityType: 'entitlement_payment',
    entityId: id,
    personId: t.personId,
    after: { secondmentId, code: input.code, amountVnd: input.amountVnd, paidOn: input.paidOn, voucherNo, payer, note },
  });
  return getSecondmentEntitlements(ctx, secondmentId);
}

/**
 * Cancels a recorded payment by a reversing entry (bút toán hủy) dated today, with its reason, at the version read:
 * a posted payment is never edited or deleted; the right payment, if any, is then recorded anew.
 */
export async function reverseEntitlementPayment(ctx: UseCaseContext, secondmentId: string, paymentId: string, input: { version: number; reason: string }) {
  const t = await loadTarget(ctx, secondmentId);
  const p = await findPaymentForUpdate(ctx.tx, secondmentId, paymentId);
  if (!p || p.kind !== 'payment') throw notFound('Khoản chi trả');
  entitlementPaymentsPolicy.assertCan(ctx.actor, 'reverse', placeOf(t, p.payer));
  if (p.reversedById) throw new AppError('conflict', 'Khoản chi trả này đã được hủy (ghi đảo) trước đó.');
  if (!(await bumpPaymentVersion(ctx.tx, p.id, input.version)))
    throw new AppError('version_conflict', 'Khoản chi trả đã được người khác cập nhật. Vui lòng tải lại trước khi hủy.');
  const reason = input.reason.normalize('NFC').trim();
  const id = await insertPayment(ctx.tx, {
    secondmentId,
    kind: 'reversal',
    code: p.code,
    amountVnd: p.amountVnd,
    paidOn: ctx.today,
    voucherNo: p.voucherNo,
    payer: p.payer,
    payerName: p.payerName,
    note: null,
    reversesId: p.id,
    reason,
    userId: ctx.actor.userId,
    userName: ctx.actor.displayName,
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'reverse',
    entityType: 'entitlement_payment',
    entityId: p.id,
    personId: t.personId,
    before: { amountVnd: p.amountVnd, paidOn: p.paidOn, voucherNo: p.voucherNo, reversed: false },
    after: { reversed: true, reversalId: id, reason, on: ctx.today },
  });
  return getSecondmentEntitlements(ctx, secondmentId);
}
