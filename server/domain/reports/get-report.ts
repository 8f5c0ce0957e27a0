import type { UseCaseContext } from '../context.js';
import { listReports as findReports } from '../../db/repositories/reports.repository.js';
import { reportsScope } from '../../db/scope.js';
import { loadReport, presentReport, reportFigures, reportHeader } from './load-report.js';

/** One report with its figures: live for a draft, the snapshot for an issued report, each against the previous period. */
export async function getReport(ctx: UseCaseContext, id: string) {
  const r = await loadReport(ctx, id);
  return presentReport(ctx, r, await reportFigures(ctx, r));
}

/** The reports the actor may see, newest period first. */
export async function listReports(ctx: UseCaseContext, q: { unitId?: string; issuer?: 'province' | 'units'; status?: 'draft' | 'issued' | 'late' }) {
  const rows = await findReports(ctx.tx, reportsScope(ctx.actor), { ...q, today: ctx.today });
  return rows.map((r) => reportHeader(r, ctx.today));
}
