import type { UseCaseContext } from '../context.js';
import type { ReferenceDraft } from '../../../common/schemas/reference.js';
import { findReferenceRow, referenceRowDefaults } from '../../db/repositories/reference-tables.repository.js';
import { invalid } from '../errors.js';
import { mergeDraft, TABLE_SPECS, type MergedDraft } from './reference-draft.js';

/**
 * The draft merged with the row of its key (locked when saving), checked against today: refused with the
 * Vietnamese reasons when it would rewrite a row already in force or start before today.
 */
export async function loadDraft(ctx: UseCaseContext, draft: ReferenceDraft, instrument: string, forUpdate = false): Promise<MergedDraft> {
  const key = Object.fromEntries(TABLE_SPECS[draft.table].key.map((k) => [k, (draft as Record<string, unknown>)[k]]));
  const existing = await findReferenceRow(ctx.tx, draft.table, key, forUpdate);
  const defaults = existing ? {} : await referenceRowDefaults(ctx.tx, draft.table, key);
  const m = mergeDraft(draft, existing, ctx.today, instrument, defaults);
  if (m.issues.length) throw invalid(m.issues);
  return m;
}
