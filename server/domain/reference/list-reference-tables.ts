import type { UseCaseContext } from '../context.js';
import {
  REFERENCE_ACTION_LABELS,
  REFERENCE_TABLE_LABELS,
  REFERENCE_TABLES,
  type ReferenceAction,
  type ReferenceTable,
  type ReferenceTablesResponse,
} from '../../../common/schemas/reference.js';
import { addDays } from '../../../common/dates.js';
import { listReferenceChanges, listReferenceRows } from '../../db/repositories/reference-tables.repository.js';
import { editableOf, rowKeyOf, rowSummary, seriesOf, TABLE_SPECS, type ReferenceRowValues } from './reference-draft.js';

/** Whether a row is in force today (tables without an end date: until the next row of its series). */
function inForceToday(table: ReferenceTable, r: ReferenceRowValues, rows: readonly ReferenceRowValues[], today: string): boolean {
  if (r.effectiveFrom > today) return false;
  if (TABLE_SPECS[table].hasEnd) return !r.effectiveTo || r.effectiveTo >= today;
  const next = rows
    .filter((x) => seriesOf(table, x) === seriesOf(table, r) && x.effectiveFrom > r.effectiveFrom)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  return !next || addDays(next.effectiveFrom, -1) >= today;
}

/** "Văn bản, danh mục có thời hạn": each dated table's rows with their instrument and whether they may change, and the history of changes. */
export async function listReferenceTables(ctx: UseCaseContext): Promise<ReferenceTablesResponse> {
  const today = ctx.today;
  const tables = [];
  for (const table of REFERENCE_TABLES) {
    const rows = await listReferenceRows(ctx.tx, table);
    tables.push({
      table,
      label: REFERENCE_TABLE_LABELS[table],
      hasEndDate: TABLE_SPECS[table].hasEnd,
      rows: rows.map((r) => ({
        rowKey: rowKeyOf(table, r),
        values: r,
        effectiveFrom: r.effectiveFrom,
        effectiveTo: r.effectiveTo ?? null,
        instrument: r.instrument,
        summary: rowSummary(table, r),
        inForce: inForceToday(table, r, rows, today),
        editable: editableOf(table, r, today),
      })),
    });
  }
  const history = (await listReferenceChanges(ctx.tx)).map((c) => ({
    ...c,
    tableLabel: REFERENCE_TABLE_LABELS[c.table as ReferenceTable] ?? c.table,
    actionLabel: REFERENCE_ACTION_LABELS[c.action as ReferenceAction] ?? c.action,
  }));
  return { today, tables, history };
}
