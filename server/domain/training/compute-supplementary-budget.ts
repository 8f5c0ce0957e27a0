import type { UseCaseContext } from '../context.js';
import {
  ensureBudgetRow,
  findAssignedStaffing,
  findBaseSalaries,
  findSalaryFundInputs,
  lockBudget,
  setBudgetAmount,
} from '../../db/repositories/training-budget.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid } from '../errors.js';
import { computeSupplementaryBudget, firstMonthAfter } from '../rules/training/supplementary-budget.js';
import { vndText } from '../rules/pay/money.js';
import { budgetUnit } from './set-regular-budget.js';
import { planParamsOn } from '../plans/plan-in-force.js';

/**
 * Computes the supplementary budget of a restructured unit (Plan 131 III.2.d): the plan's rate × the basic salary
 * fund of its first year after restructuring, month-weighted by the base salary in force, and saves it with the
 * formula and its inputs. An override already made is kept (only the computed figure changes).
 */
export async function computeSupplementary(ctx: UseCaseContext, input: { unitId: string; year: number }) {
  const u = await budgetUnit(ctx, input.unitId);
  if (!u.restructuredOn) throw invalid([{ path: 'unitId', message: `${u.name} chưa sắp xếp tổ chức bộ máy: không có kinh phí bổ sung năm đầu sau sắp xếp` }]);
  const start = firstMonthAfter(u.restructuredOn);
  const params = await planParamsOn(ctx.tx, start, ctx.today);
  const fund = await findSalaryFundInputs(ctx.tx, u.id);
  const basis = params.trainingBudgetHeadcount ?? 'paid_staff';
  let assignedStaffing: { year: number; headcount: number; decisionNo: string | null } | undefined;
  if (basis === 'assigned_staffing') {
    const startYear = Number(start.slice(0, 4));
    const row = await findAssignedStaffing(ctx.tx, u.id, startYear);
    if (!row)
      throw invalid([
        { path: 'unitId', message: `${u.name} chưa có số biên chế được giao năm ${startYear}; kế hoạch tính kinh phí bổ sung theo biên chế được giao` },
      ]);
    if (fund.counted === 0) throw invalid([{ path: 'unitId', message: `${u.name} chưa có cán bộ nào có hệ số lương để tính hệ số bình quân` }]);
    assignedStaffing = row;
  }
  const b = computeSupplementaryBudget({
    restructuredOn: u.restructuredOn,
    rate: params.trainingBudgetRate,
    coefficientHundredths: BigInt(fund.hundredths),
    peopleCounted: fund.counted,
    peopleWithoutCoefficient: fund.missing,
    baseSalaries: await findBaseSalaries(ctx.tx),
    assignedStaffing,
  });
  const years = [Number(b.periodFrom.slice(0, 4)), Number(b.periodTo.slice(0, 4))];
  // the allocation belongs to a budget year the first year after restructuring touches, or the one after it (carried over)
  if (input.year < years[0] || input.year > years[1] + 1) {
    throw invalid([
      {
        path: 'year',
        message: `Năm đầu sau sắp xếp của ${u.name} là từ tháng ${b.periodFrom.slice(5, 7)}/${years[0]} đến tháng ${b.periodTo.slice(5, 7)}/${years[1]}; kinh phí bổ sung chỉ bố trí trong năm ${years[0]}–${years[1] + 1}`,
      },
    ]);
  }
  await ensureBudgetRow(ctx.tx, u.id, input.year, 'supplementary', ctx.actor.userId);
  const row = (await lockBudget(ctx.tx, u.id, input.year, 'supplementary'))!;
  const overridden = row.overrideReason !== null;
  const amount = overridden ? BigInt(row.amountVnd) : b.amountVnd;
  const floor = BigInt(row.committedVnd) - BigInt(row.overdraftVnd);
  if (amount < floor) throw new AppError('conflict', `Kinh phí bổ sung tính được (${vndText(amount)}) thấp hơn số đã cam kết chi (${vndText(floor)}).`);
  const computation = {
    formula: b.formula,
    lines: b.lines,
    rate: params.trainingBudgetRate,
    headcountBasis: basis,
    assignedStaffing: assignedStaffing ?? null,
    restructuredOn: u.restructuredOn,
    periodFrom: b.periodFrom,
    periodTo: b.periodTo,
    coefficientSum: (Number(fund.hundredths) / 100).toFixed(2),
    peopleCounted: fund.counted,
    peopleWithoutCoefficient: fund.missing,
    months: b.months,
    baseSalarySumVnd: b.baseSalarySumVnd.toString(),
    fundVnd: b.fundVnd.toString(),
    computedOn: new Date().toISOString(),
  };
  await setBudgetAmount(ctx.tx, row.id, { amountVnd: amount, userId: ctx.actor.userId, computedVnd: b.amountVnd, computation });
  await recordAudit(ctx.tx, ctx, {
    action: 'compute',
    entityType: 'training_budget',
    entityId: row.id,
    before: { amountVnd: row.amountVnd },
    after: { ...input, fundingSource: 'supplementary', computedVnd: b.amountVnd.toString(), amountVnd: amount.toString() },
  });
  return { id: row.id, amountVnd: Number(amount), computedVnd: Number(b.amountVnd), overridden, computation };
}
