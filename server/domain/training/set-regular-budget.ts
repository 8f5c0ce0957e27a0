import type { UseCaseContext } from '../context.js';
import { unitsScope } from '../../db/scope.js';
import { ensureBudgetRow, findBudgetUnit, lockBudget, setBudgetAmount } from '../../db/repositories/training-budget.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound } from '../errors.js';
import { vndText } from '../rules/pay/money.js';

/** A budget is held by a city-level unit (a department or public service unit under the People's Committee). */
export async function budgetUnit(ctx: UseCaseContext, unitId: string) {
  const u = await findBudgetUnit(ctx.tx, unitId, unitsScope(ctx.actor));
  if (!u) throw notFound('Đơn vị');
  if (u.path.length > 2) throw invalid([{ path: 'unitId', message: 'Dự toán đào tạo giao cho cơ quan, đơn vị cấp tỉnh, không giao cho phòng, ban trực thuộc' }]);
  return u;
}

/** Sets the regular training budget (entered) of a unit for a year; it cannot drop below what is already committed. */
export async function setRegularBudget(ctx: UseCaseContext, input: { unitId: string; year: number; amountVnd: number }) {
  const u = await budgetUnit(ctx, input.unitId);
  await ensureBudgetRow(ctx.tx, u.id, input.year, 'regular', ctx.actor.userId);
  const b = (await lockBudget(ctx.tx, u.id, input.year, 'regular'))!;
  const amount = BigInt(input.amountVnd);
  const floor = BigInt(b.committedVnd) - BigInt(b.overdraftVnd);
  if (amount < floor) throw new AppError('conflict', `Dự toán mới (${vndText(amount)}) thấp hơn số đã cam kết chi (${vndText(floor)}).`);
  await setBudgetAmount(ctx.tx, b.id, { amountVnd: amount, userId: ctx.actor.userId });
  await recordAudit(ctx.tx, ctx, {
    action: 'update',
    entityType: 'training_budget',
    entityId: b.id,
    before: { amountVnd: b.amountVnd },
    after: { ...input, fundingSource: 'regular' },
  });
  return { id: b.id, amountVnd: Number(amount) };
}
