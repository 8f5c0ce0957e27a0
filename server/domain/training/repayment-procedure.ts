import type { UseCaseContext } from '../context.js';
import { REPAYMENT_STATUS_LABELS, type RepaymentStatus } from '../../../common/training.js';
import { peopleScope } from '../../db/scope.js';
import { findRepaymentForUpdate, updateRepayment, type RepaymentRow } from '../../db/repositories/training.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound, refuseFutureDate } from '../errors.js';
import { repaymentDueOn } from '../rules/training/repayment.js';
import { regulationOn } from './training-context.js';
import { DECREE_171_2025 } from '../../../common/training.js';
import { vndNumber } from './present.js';
import { viDate } from '../../../common/dates.js';

/**
 * The repayment procedure of Decree 171/2025 Art. 9–13, after the amount is assessed (record-repayment.ts): the
 * managing agency forms a council (decision number, date, members), decides the repayment (decision number, date;
 * payment due within 120 days), and the payments are recorded until the amount is paid. Each step is taken in order
 * by those who record repayments (enrolmentPolicy `repay`), on people in their scope, and audited.
 */

/** The status each step needs, and the message when the repayment is elsewhere. */
const STEP_FROM: Record<'council' | 'decide' | 'pay', { from: RepaymentStatus[]; message: string }> = {
  council: { from: ['assessed'], message: 'Chỉ thành lập Hội đồng cho khoản bồi hoàn đã tính, chưa có Hội đồng.' },
  decide: { from: ['council_formed'], message: 'Chưa thành lập Hội đồng xác định bồi hoàn: chưa thể ra quyết định bồi hoàn.' },
  pay: { from: ['decided'], message: 'Chỉ ghi nhận nộp tiền khi đã có quyết định bồi hoàn và chưa nộp đủ.' },
};

async function load(ctx: UseCaseContext, enrolmentId: string, step: keyof typeof STEP_FROM): Promise<RepaymentRow> {
  const r = await findRepaymentForUpdate(ctx.tx, enrolmentId, peopleScope(ctx));
  if (!r) throw notFound('Khoản bồi hoàn');
  if (!STEP_FROM[step].from.includes(r.status as RepaymentStatus))
    throw new AppError('conflict', `${STEP_FROM[step].message} (Tình trạng hiện tại: ${REPAYMENT_STATUS_LABELS[r.status as RepaymentStatus] ?? r.status}.)`);
  return r;
}

/** What a step answers: the repayment's status, due date and payments after it. */
function result(r: RepaymentRow, o: { status: RepaymentStatus; dueOn?: string; paidVnd?: bigint }) {
  const paid = o.paidVnd ?? r.paidVnd;
  return { id: r.id, status: o.status, dueOn: o.dueOn ?? r.dueOn, paidVnd: paid === null ? null : vndNumber(paid), amountVnd: vndNumber(r.amountVnd) };
}

/** Art. 9–10: the council that determines the repayment is formed (decision number, date, members with their roles). */
export async function formRepaymentCouncil(
  ctx: UseCaseContext,
  enrolmentId: string,
  input: { decisionNo: string; formedOn: string; members: { name: string; role: string }[] },
) {
  const r = await load(ctx, enrolmentId, 'council');
  if (BigInt(r.amountVnd) === 0n) throw new AppError('conflict', 'Số tiền bồi hoàn bằng 0 (được miễn hoặc không phải bồi hoàn): không thành lập Hội đồng.');
  refuseFutureDate(ctx.today, 'formedOn', input.formedOn, 'Ngày thành lập Hội đồng');
  const members = input.members.map((m) => ({ name: m.name.trim(), role: m.role.trim() }));
  await updateRepayment(ctx.tx, r.id, {
    status: 'council_formed',
    councilDecisionNo: input.decisionNo.trim(),
    councilFormedOn: input.formedOn,
    councilMembers: members,
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'repayment_council',
    entityType: 'training_repayment',
    entityId: r.id,
    personId: r.personId,
    before: { status: r.status },
    after: { status: 'council_formed', councilDecisionNo: input.decisionNo, councilFormedOn: input.formedOn, councilMembers: members },
  });
  return result(r, { status: 'council_formed' });
}

/** Art. 11–13: the repayment decision (number, date); the person pays within 120 days of it. */
export async function decideRepayment(ctx: UseCaseContext, enrolmentId: string, input: { decisionNo: string; decidedOn: string }) {
  const r = await load(ctx, enrolmentId, 'decide');
  refuseFutureDate(ctx.today, 'decidedOn', input.decidedOn, 'Ngày quyết định');
  if (r.councilFormedOn && input.decidedOn < r.councilFormedOn)
    throw invalid([{ path: 'decidedOn', message: `Ngày quyết định bồi hoàn không được trước ngày thành lập Hội đồng (${viDate(r.councilFormedOn)})` }]);
  // the days to pay are those of the regulation in force on the decision date for the person's category (171: 120)
  const reg = await regulationOn(ctx.tx, r.category, input.decidedOn);
  const dueOn = repaymentDueOn(input.decidedOn, reg ?? DECREE_171_2025);
  await updateRepayment(ctx.tx, r.id, { status: 'decided', decisionNo: input.decisionNo.trim(), decidedOn: input.decidedOn, dueOn });
  await recordAudit(ctx.tx, ctx, {
    action: 'repayment_decision',
    entityType: 'training_repayment',
    entityId: r.id,
    personId: r.personId,
    before: { status: r.status },
    after: { status: 'decided', decisionNo: input.decisionNo, decidedOn: input.decidedOn, dueOn },
  });
  return result(r, { status: 'decided', dueOn });
}

/** Art. 13: a payment of the decided amount; partial payments add up until the amount is reached (then paid). */
export async function recordRepaymentPayment(ctx: UseCaseContext, enrolmentId: string, input: { amountVnd: number; paidOn: string }) {
  const r = await load(ctx, enrolmentId, 'pay');
  refuseFutureDate(ctx.today, 'paidOn', input.paidOn, 'Ngày nộp');
  if (r.decidedOn && input.paidOn < r.decidedOn)
    throw invalid([{ path: 'paidOn', message: `Ngày nộp không được trước ngày quyết định bồi hoàn (${viDate(r.decidedOn)})` }]);
  const amount = BigInt(r.amountVnd);
  const before = r.paidVnd === null ? 0n : BigInt(r.paidVnd);
  const paid = before + BigInt(input.amountVnd);
  if (paid > amount)
    throw invalid([{ path: 'amountVnd', message: `Số tiền nộp vượt số còn phải nộp (${vndNumber(amount - before).toLocaleString('vi-VN')} đồng)` }]);
  const status: RepaymentStatus = paid === amount ? 'paid' : 'decided';
  await updateRepayment(ctx.tx, r.id, { status, paidVnd: paid, paidOn: input.paidOn });
  await recordAudit(ctx.tx, ctx, {
    action: 'repayment_payment',
    entityType: 'training_repayment',
    entityId: r.id,
    personId: r.personId,
    before: { status: r.status, paidVnd: before.toString() },
    after: { status, paidVnd: paid.toString(), paidOn: input.paidOn, amountVnd: String(input.amountVnd) },
  });
  return result(r, { status, paidVnd: paid });
}
