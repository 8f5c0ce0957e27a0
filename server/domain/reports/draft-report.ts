import type { UseCaseContext } from '../context.js';
import { findUnit } from '../../db/repositories/secondment.repository.js';
import { findReport, insertReport } from '../../db/repositories/reports.repository.js';
import { everyRow, unitsScope } from '../../db/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound } from '../errors.js';
import { daysBetween } from '../../../common/dates.js';
import type { ReportKind } from '../../../common/schemas/reports.js';
import { GRASSROOTS_KINDS } from '../../../common/enums.js';
import { reportsPolicy } from './reports.policy.js';
import { presentReport, reportFigures } from './load-report.js';
import { dueOfReport } from './create-scheduled-reports.js';

/** At most five years in one report: the figures are aggregates, but a longer span is no report period of the plan. */
const MAX_DAYS = 5 * 366;

/**
 * Drafts a report for a period and a scope: the province's (no unit: Sở Nội vụ's report to the People's Committee,
 * or to the Ministry of Home Affairs for the annual training report) or a sending unit's own report to Sở Nội vụ. The
 * plan131 report covers any two dates; the annual training report a calendar year that has begun. The narrative
 * starts empty; the figures are computed when read.
 */
export async function draftReport(ctx: UseCaseContext, input: { kind?: ReportKind; from?: string; to?: string; year?: number; unitId?: string | null }) {
  const kind = input.kind ?? 'plan131';
  let from: string;
  let to: string;
  if (kind === 'training_annual') {
    const year = input.year!;
    if (year > Number(ctx.today.slice(0, 4)))
      throw invalid([{ path: 'year', message: `Năm ${year} chưa bắt đầu: báo cáo đào tạo, bồi dưỡng lập cho năm đã qua hoặc năm hiện tại` }]);
    from = `${year}-01-01`;
    to = `${year}-12-31`;
  } else {
    from = input.from!;
    to = input.to!;
    if (daysBetween(from, to) + 1 > MAX_DAYS) throw invalid([{ path: 'to', message: 'Kỳ báo cáo dài tối đa 5 năm' }]);
  }
  let unitPath: string[] | null = null;
  if (input.unitId) {
    const unit = await findUnit(ctx.tx, input.unitId, unitsScope(ctx.actor));
    if (!unit) throw notFound('Đơn vị');
    if (GRASSROOTS_KINDS.includes(unit.kind) || unit.path.length < 2)
      throw new AppError('validation', 'Chỉ đơn vị cử cán bộ (sở, ban, ngành và đơn vị trực thuộc) lập báo cáo của đơn vị.', [
        { path: 'unitId', message: 'Không phải đơn vị cử cán bộ' },
      ]);
    unitPath = unit.path;
  }
  // the province's report is Sở Nội vụ's, a unit's report the unit's own (the policy's edit rule)
  reportsPolicy.assertCan(ctx.actor, 'edit', { unitPath, status: 'draft' });
  // a report on a period of the plan's schedule has the schedule's deadline (another span, or the annual training report, has none)
  const dueOn = kind === 'plan131' ? await dueOfReport(ctx, from, to, input.unitId ? 'unit' : 'province') : null;
  const id = await insertReport(ctx.tx, { kind, from, to, unitId: input.unitId ?? null, userId: ctx.actor.userId, dueOn });
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'report',
    entityId: id,
    after: { kind, from, to, unitId: input.unitId ?? null, dueOn },
  });
  const row = (await findReport(ctx.tx, id, everyRow))!;
  return presentReport(ctx, row, await reportFigures(ctx, row));
}
