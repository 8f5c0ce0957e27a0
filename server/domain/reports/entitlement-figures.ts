import type { UseCaseContext } from '../context.js';
import type { FigureScope } from '../../db/repositories/reports.repository.js';
import { entitlementFactsDueBy, paidLinesBy } from '../../db/repositories/entitlement-payments.repository.js';
import type { RowFilter } from '../../db/scope.js';
import { BeforePlanError, NoPlanError } from '../plans/plan-in-force.js';
import { entitlementsOf, isPayable, payerKeyOf } from '../secondment-entitlements/entitlement-payments.js';
import { PAYER_KEYS, PAYER_LABELS, type PayerKey } from '../../../common/entitlement-payments.js';
import type { ReportFigure } from '../../../common/schemas/reports.js';

/** The lines due by the period's end (the rule says which) that have no payment standing by then, per payer. */
async function dueUnpaid(ctx: UseCaseContext, scope: FigureScope, visible: RowFilter): Promise<Record<PayerKey, number>> {
  const out = Object.fromEntries(PAYER_KEYS.map((k) => [k, 0])) as Record<PayerKey, number>;
  const rows = await entitlementFactsDueBy(ctx.tx, scope, visible);
  let results;
  try {
    results = await entitlementsOf(ctx, rows);
  } catch (err) {
    if (err instanceof BeforePlanError || err instanceof NoPlanError) return out;
    throw err;
  }
  const paid = await paidLinesBy(
    ctx.tx,
    rows.map((r) => r.id),
    scope.to,
  );
  results.forEach((r, i) => {
    for (const e of r.entitlements) if (isPayable(e) && !paid.has(`${rows[i]!.id}:${e.code}`)) out[payerKeyOf(e.payer)!] += 1;
  });
  return out;
}

/**
 * Section II, "entitlements": the cadres paid and the amount paid in the period per payer (the payments standing,
 * dated in the period: counted in `n` by `FIGURE_DEFS`, which also lists them), and the lines due but not yet paid
 * (the rule says which, so they are not rows and have no list). Keys never change: `entitlements.cadres[.<payer>]`,
 * `entitlements.amount[.<payer>]`, `entitlements.due_unpaid[.<payer>]`.
 */
export async function entitlementFigures(ctx: UseCaseContext, scope: FigureScope, visible: RowFilter, n: Record<string, number>): Promise<ReportFigure[]> {
  const due = await dueUnpaid(ctx, scope, visible);
  const f = (key: string, label: string, value: number, unit: string): ReportFigure => ({ key, group: 'entitlements', label, unit, value });
  return [
    f('entitlements.cadres', 'Cán bộ tăng cường được chi trả chế độ trong kỳ', n['entitlements.cadres']!, 'người'),
    f('entitlements.amount', 'Tổng số tiền chế độ đã chi trả trong kỳ', n['entitlements.amount']!, 'đồng'),
    ...PAYER_KEYS.flatMap((k) => [
      f(`entitlements.cadres.${k}`, `Cán bộ được chi trả — ${PAYER_LABELS[k]}`, n[`entitlements.cadres.${k}`]!, 'người'),
      f(`entitlements.amount.${k}`, `Số tiền đã chi trả — ${PAYER_LABELS[k]}`, n[`entitlements.amount.${k}`]!, 'đồng'),
    ]),
    f(
      'entitlements.due_unpaid',
      'Khoản chế độ đã phát sinh nhưng chưa chi trả (đến cuối kỳ)',
      Object.values(due).reduce((s, n) => s + n, 0),
      'khoản',
    ),
    ...PAYER_KEYS.map((k) => f(`entitlements.due_unpaid.${k}`, `Khoản chưa chi trả — ${PAYER_LABELS[k]}`, due[k], 'khoản')),
  ];
}
