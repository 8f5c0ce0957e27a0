import type { UseCaseContext } from '../context.js';
import { findReport, updateReportNarrative } from '../../db/repositories/reports.repository.js';
import { everyRow } from '../../db/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { NARRATIVE_KEYS, type Narrative } from '../../../common/schemas/reports.js';
import { reportsPolicy } from './reports.policy.js';
import { loadReport, presentReport, reportFigures, reportPlace, staleReport } from './load-report.js';

/** Saves the narrative of sections III–V of a draft, at the version the editor read. */
export async function editReport(ctx: UseCaseContext, id: string, input: { version: number; narrative: Narrative }) {
  const r = await loadReport(ctx, id);
  reportsPolicy.assertCan(ctx.actor, 'edit', reportPlace(r));
  if (r.version !== input.version) throw staleReport();
  const next: Record<string, string> = {};
  for (const k of NARRATIVE_KEYS) {
    const v = input.narrative[k] ?? r.narrative?.[k];
    if (v) next[k] = v;
  }
  if (!(await updateReportNarrative(ctx.tx, id, input.version, next, ctx.actor.userId))) throw staleReport();
  await recordAudit(ctx.tx, ctx, { action: 'update', entityType: 'report', entityId: id, before: { narrative: r.narrative }, after: { narrative: next } });
  const row = (await findReport(ctx.tx, id, everyRow))!;
  return presentReport(ctx, row, await reportFigures(ctx, row));
}
