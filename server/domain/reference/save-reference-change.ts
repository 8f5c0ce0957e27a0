import type { UseCaseContext } from '../context.js';
import type { ReferenceSaveInput } from '../../../common/schemas/reference.js';
import { insertReferenceChange, lockReferenceTable, upsertReferenceRow } from '../../db/repositories/reference-tables.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid, type Issue } from '../errors.js';
import { rowKeyOf } from './reference-draft.js';
import { loadDraft } from './load-draft.js';

/**
 * Saves a change of a dated reference table (Sở Nội vụ): a new row from its date, a change of a row not yet in
 * force, or the end date of one in force. The row, its record in `reference_changes` (before, after, instrument,
 * reason, author, date) and the audit row are written in the caller's one transaction; a row already applied is
 * never rewritten (reference-draft.ts).
 */
export async function saveReferenceChange(ctx: UseCaseContext, input: ReferenceSaveInput) {
  const issues: Issue[] = [];
  if (!input.instrument.trim()) issues.push({ path: 'instrument', message: 'Nhập văn bản căn cứ (số, ký hiệu, ngày ban hành) của thay đổi' });
  if (!input.reason.trim()) issues.push({ path: 'reason', message: 'Nhập lý do thay đổi' });
  if (issues.length) throw invalid(issues);
  const table = input.draft.table;
  await lockReferenceTable(ctx.tx, table);
  const m = await loadDraft(ctx, input.draft, input.instrument.trim(), true);
  await upsertReferenceRow(ctx.tx, table, m.row);
  const rowKey = rowKeyOf(table, m.row);
  const id = await insertReferenceChange(ctx.tx, {
    table,
    action: m.action,
    rowKey,
    before: m.existing,
    after: m.row,
    instrument: input.instrument.trim(),
    reason: input.reason.trim(),
    authorUserId: ctx.actor.userId,
    authorName: ctx.actor.displayName,
  });
  await recordAudit(ctx.tx, ctx, {
    action: `reference_${m.action}`,
    entityType: table,
    entityId: id,
    before: m.existing,
    after: m.row,
    meta: { rowKey, instrument: input.instrument.trim(), reason: input.reason.trim() },
  });
  return { id, action: m.action, rowKey };
}
