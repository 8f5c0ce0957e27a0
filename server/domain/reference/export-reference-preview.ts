import type { UseCaseContext } from '../context.js';
import type { ReferencePreviewInput } from '../../../common/schemas/reference.js';
import { recordAudit } from '../audit/record-audit.js';
import { referencePreviewSheets } from '../../documents/reference-preview-xlsx.js';
import { xlsxBuffer } from '../training/xlsx-buffer.js';
import { previewReferenceChange } from './preview-reference-change.js';

/** The what-if of a reference table as an .xlsx (the same figures as on screen); logged as an export. */
export async function exportReferencePreview(ctx: UseCaseContext, input: ReferencePreviewInput) {
  const preview = await previewReferenceChange(ctx, input);
  const buffer = await xlsxBuffer(referencePreviewSheets(preview, { today: ctx.today, authorName: ctx.actor.displayName }));
  await recordAudit(ctx.tx, ctx, {
    action: 'export',
    entityType: 'reference_preview',
    meta: { format: 'xlsx', table: preview.table, action: preview.action, rowKey: preview.rowKey, sensitive: true },
  });
  return { buffer, fileName: `Dự kiến thay đổi - ${preview.tableLabel}.xlsx` };
}
