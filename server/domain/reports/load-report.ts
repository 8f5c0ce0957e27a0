import type { UseCaseContext } from '../context.js';
import { findReport, LISTED_FIGURE_KEYS, type ReportRow } from '../../db/repositories/reports.repository.js';
import { reportsScope } from '../../db/scope.js';
import { AppError, notFound } from '../errors.js';
import { reportsPolicy, type ReportPlace } from './reports.policy.js';
import { computeReportFigures, previousPeriod } from './report-figures.js';
import { computeTrainingReportFigures } from './training-report-figures.js';
import { figuresSnapshot, proposalFactText, type FiguresSnapshot, type ReportDetail } from '../../../common/schemas/reports.js';

export const reportPlace = (r: Pick<ReportRow, 'unitPath' | 'status'>): ReportPlace => ({ unitPath: r.unitPath, status: r.status });

/** A report the actor may see (404 otherwise, out of scope or absent), checked against the policy's `read`. */
export async function loadReport(ctx: UseCaseContext, id: string): Promise<ReportRow> {
  const r = await findReport(ctx.tx, id, reportsScope(ctx.actor));
  if (!r) throw notFound('Báo cáo');
  reportsPolicy.assertCan(ctx.actor, 'read', reportPlace(r));
  return r;
}

/** A stale version: someone saved or issued the report meanwhile. */
export const staleReport = () =>
  new AppError('version_conflict', 'Báo cáo đã được người khác cập nhật (sửa nội dung hoặc ban hành). Vui lòng tải lại trước khi lưu.');

/** The figures of the report's period and of the previous one: the frozen snapshot once issued, live for a draft. */
export async function reportFigures(ctx: UseCaseContext, r: ReportRow): Promise<FiguresSnapshot & { frozen: boolean }> {
  if (r.status === 'issued') return { ...figuresSnapshot.parse(r.figures), frozen: true };
  if (r.kind === 'training_annual') {
    // a calendar year against the calendar year before
    const y = Number(r.periodFrom.slice(0, 4)) - 1;
    const current = await computeTrainingReportFigures(ctx, { from: r.periodFrom, to: r.periodTo, unitId: r.unitId });
    const previous = await computeTrainingReportFigures(ctx, { from: `${y}-01-01`, to: `${y}-12-31`, unitId: r.unitId });
    return { current, previous, frozen: false };
  }
  const prev = previousPeriod(r.periodFrom, r.periodTo);
  const current = await computeReportFigures(ctx, { from: r.periodFrom, to: r.periodTo, unitId: r.unitId });
  const previous = await computeReportFigures(ctx, { ...prev, unitId: r.unitId });
  return { current, previous, frozen: false };
}

/** A report of the schedule past its deadline on `today` and not issued, or issued after it. */
export const isLate = (r: Pick<ReportRow, 'dueOn' | 'status' | 'issuedOn'>, today: string) =>
  r.dueOn !== null && (r.status === 'draft' ? r.dueOn < today : (r.issuedOn ?? '') > r.dueOn);

/** What the list and the report page both show of a report: its period, scope, state, deadline, number and version. */
export function reportHeader(
  r: Pick<
    ReportRow,
    'id' | 'kind' | 'periodFrom' | 'periodTo' | 'unitId' | 'unitName' | 'unitCode' | 'status' | 'number' | 'issuedOn' | 'dueOn' | 'updatedAt' | 'version'
  >,
  today: string,
) {
  const { id, kind, periodFrom, periodTo, unitId, unitName, unitCode, status, number, issuedOn, dueOn, updatedAt, version } = r;
  return { id, kind, periodFrom, periodTo, unitId, unitName, unitCode, status, number, issuedOn, dueOn, late: isLate(r, today), updatedAt, version };
}

/** The report as the API presents it: each figure with the previous period's value and the change. */
export function presentReport(ctx: UseCaseContext, r: ReportRow, f: FiguresSnapshot & { frozen: boolean }): ReportDetail {
  const before = new Map(f.previous.figures.map((x) => [x.key, x.value]));
  return {
    ...reportHeader(r, ctx.today),
    narrative: r.narrative ?? {},
    signerName: r.signerName,
    signerTitle: r.signerTitle,
    previousFrom: f.previous.from,
    previousTo: f.previous.to,
    frozen: f.frozen,
    figures: f.current.figures.map((x) => {
      const previous = before.get(x.key) ?? 0;
      return { ...x, previous, change: Math.round((x.value - previous) * 10) / 10, listed: LISTED_FIGURE_KEYS.has(x.key) };
    }),
    documents: f.current.documents,
    units: f.current.units,
    proposalFacts: f.current.feedback.map((x) => ({ ...x, text: proposalFactText(x) })),
    allowedActions: reportsPolicy.allowedActions(ctx.actor, reportPlace(r), ctx.today).filter((a) => a !== 'read'),
  };
}
