import type { UseCaseContext } from '../context.js';
import { FUNDING_SOURCES } from '../../../common/training.js';
import { unitsScope } from '../../db/scope.js';
import { findBudgets, findLedgerByMonth } from '../../db/repositories/training-budget.repository.js';
import { vndNumber } from './present.js';

/**
 * Budget against committed and spent per unit and funding source for a year, with totals and the month-by-month
 * running totals of the year for the chart. Exact sums in BigInt.
 */
export async function getBudgetOverview(ctx: UseCaseContext, q: { year: number; unitId?: string }) {
  const scope = unitsScope(ctx.actor);
  // one after the other: inside a transaction both would share one connection
  const rows = await findBudgets(ctx.tx, scope, q.year, q.unitId);
  const ledger = await findLedgerByMonth(ctx.tx, scope, q.year, q.unitId);
  const items = rows.map((b) => {
    const amount = BigInt(b.amountVnd);
    const committed = BigInt(b.committedVnd);
    return {
      id: b.id,
      unitId: b.unitId,
      unitName: b.unitName,
      restructuredOn: b.restructuredOn,
      fundingSource: b.fundingSource,
      amountVnd: vndNumber(amount),
      committedVnd: vndNumber(committed),
      spentVnd: vndNumber(b.spentVnd),
      availableVnd: vndNumber(amount - committed),
      overdraftVnd: vndNumber(b.overdraftVnd),
      computedVnd: b.computedVnd === null ? null : vndNumber(b.computedVnd),
      computation: b.computation ?? null,
      overrideReason: b.overrideReason,
      overrideByName: b.overrideByName,
      overrideAt: b.overrideAt,
    };
  });
  const sum = (xs: typeof items, k: 'amountVnd' | 'committedVnd' | 'spentVnd') => xs.reduce((s, x) => s + BigInt(x[k]), 0n);
  const totals = FUNDING_SOURCES.map((source) => {
    const xs = items.filter((x) => x.fundingSource === source);
    return {
      fundingSource: source,
      amountVnd: vndNumber(sum(xs, 'amountVnd')),
      committedVnd: vndNumber(sum(xs, 'committedVnd')),
      spentVnd: vndNumber(sum(xs, 'spentVnd')),
    };
  });
  let committed = 0n;
  let spent = 0n;
  const series = Array.from({ length: 12 }, (_, i) => {
    for (const l of ledger.filter((x) => (i === 0 ? x.month <= 1 : x.month === i + 1))) {
      committed += BigInt(l.committed) - BigInt(l.released);
      spent += BigInt(l.spent);
    }
    return { month: i + 1, committedVnd: vndNumber(committed), spentVnd: vndNumber(spent) };
  });
  return { year: q.year, items, totals, budgetVnd: vndNumber(sum(items, 'amountVnd')), series };
}
