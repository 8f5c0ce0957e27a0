import type { UseCaseContext } from '../context.js';
import { findPlanById, findPlanDocument, setPlanDocument } from '../../db/repositories/plans.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound } from '../errors.js';

/** The plan's text is a signed PDF or its .docx: 20 MB holds a scanned plan with its annexes. */
export const MAX_PLAN_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const EXTENSION: Record<string, string> = { [PDF_TYPE]: '.pdf', [DOCX_TYPE]: '.docx' };

/**
 * What the bytes are, whatever the name says: a PDF starts with "%PDF-"; a .docx is a ZIP (local header "PK\3\4")
 * holding [Content_Types].xml and word/document.xml (entry names are stored uncompressed). Anything else is null.
 */
export function detectPlanDocumentType(content: Buffer): string | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return PDF_TYPE;
  if (content.length > 30 && content.readUInt32LE(0) === 0x04034b50) {
    if (content.includes('[Content_Types].xml', 0, 'latin1') && content.includes('word/document.xml', 0, 'latin1')) return DOCX_TYPE;
  }
  return null;
}

/** A file name without any folder part or control characters, at most 200 characters. */
function cleanName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.normalize('NFC').slice(-200);
}

/** Attaches (or replaces) the plan's text as issued, checked by its content, audited (name, type, size; not the bytes). */
export async function attachPlanDocument(ctx: UseCaseContext, planId: string, file: { fileName: string; content: Buffer }) {
  const plan = await findPlanById(ctx.tx, planId);
  if (!plan) throw notFound('Kế hoạch');
  if (file.content.length > MAX_PLAN_DOCUMENT_BYTES) {
    throw new AppError('payload_too_large', `Tệp vượt quá dung lượng cho phép (tối đa ${MAX_PLAN_DOCUMENT_BYTES / 1048576} MB).`);
  }
  if (file.content.length === 0) throw invalid([{ path: 'file', message: 'Tệp rỗng' }]);
  const type = detectPlanDocumentType(file.content);
  if (!type) throw invalid([{ path: 'file', message: 'Chỉ nhận văn bản PDF hoặc Word (.docx); nội dung tệp không phải PDF hay .docx' }]);
  const ext = EXTENSION[type];
  let name = cleanName(file.fileName) || `Kế hoạch ${plan.code.replace(/\//g, '-')}${ext}`;
  const given = /\.[^.]+$/.exec(name)?.[0].toLowerCase();
  if (given && given !== ext) {
    throw invalid([{ path: 'file', message: `Tên tệp có đuôi ${given} nhưng nội dung là ${type === PDF_TYPE ? 'PDF' : 'Word (.docx)'}` }]);
  }
  if (!given) name += ext;
  await setPlanDocument(ctx.tx, planId, { name, type, content: file.content });
  await recordAudit(ctx.tx, ctx, {
    action: 'update',
    entityType: 'plan',
    entityId: planId,
    before: plan.documentName ? { document: { name: plan.documentName, type: plan.documentType, size: plan.documentSize } } : null,
    after: { document: { name, type, size: file.content.length } },
  });
  return { name, type, size: file.content.length };
}

/** The plan's text for download (a public document: anyone who may read the plan may read it). */
export async function getPlanDocument(ctx: UseCaseContext, planId: string) {
  const doc = await findPlanDocument(ctx.tx, planId);
  if (!doc) throw notFound('Văn bản kế hoạch');
  return doc;
}
