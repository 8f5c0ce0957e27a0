import type { UseCaseContext } from '../context.js';
import { unitsScope } from '../../db/scope.js';
import { isBudgetInScope, lockBudgetById, setBudgetAmount } from '../../db/repositories/training-budget.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, notFound } from '../errors.js';
import { vndText } from '../rules/pay/money.js';

/** Replaces the computed supplementary budget with an amount decided by a person, who is recorded with the reason. */
export async function overrideBudget(ctx: UseCaseContext, id: string, input: { amountVnd: number; reason: string }) {
  if (!(await isBudgetInScope(ctx.tx, id, unitsScope(ctx.actor)))) throw notFound('Dự toán');
  const b = (await lockBudgetById(ctx.tx, id))!;
  if (b.fundingSource !== 'supplementary')
    throw new AppError('conflict', 'Chỉ điều chỉnh được kinh phí bổ sung đã tính theo công thức; kinh phí thường xuyên được nhập trực tiếp.');
  const amount = BigInt(input.amountVnd);
  const floor = BigInt(b.committedVnd) - BigInt(b.overdraftVnd);
  if (amount < floor) throw new AppError('conflict', `Số điều chỉnh (${vndText(amount)}) thấp hơn số đã cam kết chi (${vndText(floor)}).`);
  await setBudgetAmount(ctx.tx, b.id, { amountVnd: amount, userId: ctx.actor.userId, override: { reason: input.reason.trim(), byName: ctx.actor.displayName } });
  await recordAudit(ctx.tx, ctx, { action: 'override', entityType: 'training_budget', entityId: b.id, before: { amountVnd: b.amountVnd }, after: input });
  return { id: b.id, amountVnd: Number(amount) };
}
