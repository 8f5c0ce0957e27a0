import type { UseCaseContext } from '../context.js';
import { listReports as findReports } from '../../db/repositories/reports.repository.js';
import { reportsScope } from '../../db/scope.js';
import { loadReport, presentReport, reportFigures } from './load-report.js';

/** One report with its figures: live for a draft, the snapshot for an issued report, each against the previous period. */
export async function getReport(ctx: UseCaseContext, id: string) {
  const r = await loadReport(ctx, id);
  return presentReport(ctx, r, await reportFigures(ctx, r));
}

/** The reports the actor may see, newest period first. */
export async function listReports(ctx: UseCaseContext, q: { unitId?: string }) {
  const rows = await findReports(ctx.tx, reportsScope(ctx.actor), q.unitId);
  return rows.map((r) => ({
    id: r.id,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    unitId: r.unitId,
    unitName: r.unitName,
    unitCode: r.unitCode,
    status: r.status,
    number: r.number,
    issuedOn: r.issuedOn,
    updatedAt: r.updatedAt,
    version: r.version,
  }));
}
