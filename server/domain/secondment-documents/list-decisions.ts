import type { Writable } from 'node:stream';
import type { UseCaseContext } from '../context.js';
import { listDecisions } from '../../db/repositories/secondment-documents.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { writeListXlsx, type ListColumn } from '../../documents/xlsx-list.js';
import { DECISION_KIND_LABELS, type DecisionKind } from '../../../common/secondment.js';
import { decisionScope } from '../../db/scope.js';

export interface DecisionListQuery {
  kind?: DecisionKind;
  year?: number;
  page: number;
  pageSize: number;
}

const present = <T extends { kind: string }>(d: T) => ({ ...d, kindLabel: DECISION_KIND_LABELS[d.kind as DecisionKind] ?? d.kind });

/** The decisions of the secondment path in the actor's scope, newest first, a page at a time. */
export async function listSecondmentDecisions(ctx: UseCaseContext, q: DecisionListQuery) {
  const r = await listDecisions(ctx.tx, { scope: decisionScope(ctx.actor), kind: q.kind, year: q.year, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: r.items.map(present), total: r.total, page: q.page, pageSize: q.pageSize };
}

/** Cap of the spreadsheet export: decisions are a few hundred a year. */
export const DECISION_EXPORT_CAP = 20000;

const COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, type: 'number' },
  { header: 'Số quyết định', width: 16, type: 'text' },
  { header: 'Ngày ký', width: 12, type: 'date' },
  { header: 'Loại quyết định', width: 48, type: 'text' },
  { header: 'Số người', width: 10, type: 'number' },
  { header: 'Người ký', width: 24, type: 'text' },
  { header: 'Chức vụ người ký', width: 28, type: 'text' },
];

/** The same list (all pages, same filters) as an .xlsx; logged as an export. */
export async function exportDecisionListXlsx(ctx: UseCaseContext, q: Omit<DecisionListQuery, 'page' | 'pageSize'>) {
  const r = await listDecisions(ctx.tx, { scope: decisionScope(ctx.actor), kind: q.kind, year: q.year, limit: DECISION_EXPORT_CAP, offset: 0 });
  await ctx.tx.transaction((t) =>
    recordAudit(t, ctx, { action: 'export', entityType: 'secondment_decision_list', meta: { format: 'xlsx', count: r.items.length, filters: q } }),
  );
  const rows = r.items.map((d, i) => [i + 1, d.number, d.decidedOn, present(d).kindLabel, d.count, d.signerName, d.signerTitle]);
  return {
    fileName: `Danh sách quyết định tăng cường${q.year ? ` năm ${q.year}` : ''}.xlsx`,
    write: (out: Writable) => writeListXlsx(out, [{ name: 'Quyết định', columns: COLUMNS, rows }]),
  };
}
