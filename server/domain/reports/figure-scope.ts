import type { UseCaseContext } from '../context.js';
import { findUnit } from '../../db/repositories/secondment.repository.js';
import type { FigureScope, FigureSight } from '../../db/repositories/reports.repository.js';
import { feedbackScope, inspectionsScope, provinceWide, reportsScope, secondmentsScope, sensitivePeopleScope, unitsScope } from '../../db/scope.js';
import { daysBetween } from '../../../common/dates.js';
import type { Category } from '../../../common/enums.js';
import { invalid, notFound } from '../errors.js';
import { reportsPolicy } from './reports.policy.js';

/**
 * What the actor sees of the rows the figures count — the same sight for a figure's value and for its list: the
 * secondments, the people whose sensitive part it may read, the feedback, the inspections and the units' reports.
 */
export const figureSight = (ctx: UseCaseContext): FigureSight => ({
  visible: secondmentsScope(ctx.actor),
  sensitive: sensitivePeopleScope(ctx),
  feedback: feedbackScope(ctx.actor),
  inspections: inspectionsScope(ctx.actor),
  reports: reportsScope(ctx.actor, 'rp'),
  today: ctx.today,
});

/** At most five years at once, like a report's period: the figures are aggregates, but a longer span is no period of the plan. */
const MAX_DAYS = 5 * 366;

/**
 * The scope of the statistics and of a figure's list from what the user asked: the period, a unit the user sees
 * (its subtree is counted) and a category. A user without a province-wide grant is held to a unit: the one asked
 * for, within their own subtree, or else their own unit (the training figures are scoped by unit, not by secondment).
 */
export async function resolveFigureScope(
  ctx: UseCaseContext,
  q: { from: string; to: string; unitId?: string | null; category?: Category | null },
): Promise<FigureScope & { unitName: string | null }> {
  if (daysBetween(q.from, q.to) + 1 > MAX_DAYS) throw invalid([{ path: 'to', message: 'Kỳ thống kê dài tối đa 5 năm' }]);
  let unitId = q.unitId ?? null;
  if (!unitId && !provinceWide(ctx.actor, reportsPolicy.gates.statistics.who)) {
    const who = new Set(reportsPolicy.gates.statistics.who.map(([role]) => role));
    unitId = ctx.actor.grants.find((g) => who.has(g.role) && g.unitId)?.unitId ?? null;
    if (!unitId) throw notFound('Đơn vị');
  }
  let unitName: string | null = null;
  if (unitId) {
    const unit = await findUnit(ctx.tx, unitId, unitsScope(ctx.actor));
    if (!unit) throw notFound('Đơn vị');
    unitName = unit.name;
  }
  return { from: q.from, to: q.to, unitId, category: q.category ?? null, unitName };
}
