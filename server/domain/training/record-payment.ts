import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { assertEnrolmentState, enrolmentPolicy } from './training.policy.js';
import { findCourse, findEnrolmentForUpdate, updateEnrolment } from '../../db/repositories/training.repository.js';
import { findUnitNames } from '../../db/repositories/org.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, forbidden, notFound, refuseFutureDate } from '../errors.js';
import { spendFromBudget } from './budget-movements.js';

/**
 * Records an actual payment for an approved enrolment (integer đồng, > 0). Spending beyond the amount committed
 * commits the difference first, which the budget must hold (or the authority overrides).
 */
export async function recordPayment(
  ctx: UseCaseContext,
  id: string,
  input: { amountVnd: number; paidOn: string; note?: string | null; overrideReason?: string | null },
) {
  const override = input.overrideReason?.trim() || null;
  if (override && !enrolmentPolicy.mayAnywhere(ctx.actor, 'overBudget')) throw forbidden('Chỉ cấp có thẩm quyền được quyết định vượt dự toán.');
  const e = await findEnrolmentForUpdate(ctx.tx, id, peopleScope(ctx));
  if (!e) throw notFound('Hồ sơ cử đi đào tạo');
  assertEnrolmentState('pay', e);
  // an actual payment: a future one would spend a budget before the money goes out
  refuseFutureDate(ctx.today, 'paidOn', input.paidOn, 'Ngày chi');
  if (!e.budgetId) throw new AppError('conflict', enrolmentPolicy.actions.pay.outOfState!);
  const amount = BigInt(input.amountVnd);
  const spent = BigInt(e.spentVnd) + amount;
  const committed = BigInt(e.committedVnd);
  const extra = spent > committed ? spent - committed : 0n;
  const course = (await findCourse(ctx.tx, e.courseId))!;
  const unitName = (await findUnitNames(ctx.tx, [e.budgetUnitId])).get(e.budgetUnitId) ?? 'Đơn vị';
  await spendFromBudget(ctx, {
    budgetId: e.budgetId,
    unitName,
    year: Number(course.startDate.slice(0, 4)),
    source: e.fundingSource,
    amount,
    extraCommitment: extra,
    enrolmentId: e.id,
    entryDate: input.paidOn,
    note: input.note ?? null,
    overrideReason: override,
  });
  await updateEnrolment(ctx.tx, e.id, { spentVnd: spent, committedVnd: committed + extra });
  await recordAudit(ctx.tx, ctx, {
    action: 'pay',
    entityType: 'training_enrolment',
    entityId: e.id,
    personId: e.personId,
    after: { amountVnd: amount.toString(), paidOn: input.paidOn, extraCommitment: extra.toString() },
  });
  return { id: e.id, spentVnd: Number(spent), committedVnd: Number(committed + extra) };
}
