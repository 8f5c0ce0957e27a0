import type { Writable } from 'node:stream';
import type { UseCaseContext } from '../context.js';
import { FEEDBACK_KIND_LABELS, FEEDBACK_STATUS_LABELS, type FeedbackKind, type FeedbackStatus } from '../../../common/secondment.js';
import { findFeedbackForExport, type FeedbackFilters } from '../../db/repositories/feedback.repository.js';
import { writeListXlsx, type ListColumn, type ListValue } from '../../documents/xlsx-list.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError } from '../errors.js';
import { feedbackScope } from '../../db/scope.js';

/** A spreadsheet is for a follow-up meeting, not a dump of the database. */
export const FEEDBACK_EXPORT_CAP = 10_000;

export const FEEDBACK_EXPORT_COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, type: 'number' },
  { header: 'Ngày gửi', width: 12, type: 'date' },
  { header: 'Đơn vị gửi', width: 30, type: 'text' },
  { header: 'Loại', width: 24, type: 'text' },
  { header: 'Tiêu đề', width: 40, type: 'text' },
  { header: 'Nội dung', width: 60, type: 'text' },
  { header: 'Người gửi', width: 22, type: 'text' },
  { header: 'Cán bộ tăng cường liên quan', width: 24, type: 'text' },
  { header: 'Trạng thái', width: 14, type: 'text' },
  { header: 'Số lượt trao đổi', width: 10, type: 'number' },
  { header: 'Trả lời gần nhất của Sở Nội vụ', width: 60, type: 'text' },
  { header: 'Ngày trả lời', width: 12, type: 'date' },
];

/** The items matching the current filters, as an .xlsx, newest first. Audited as an export. */
export async function exportFeedbackXlsx(ctx: UseCaseContext, f: FeedbackFilters) {
  const rows = await findFeedbackForExport(ctx.tx, f, feedbackScope(ctx.actor), FEEDBACK_EXPORT_CAP);
  if (rows.length > FEEDBACK_EXPORT_CAP) {
    throw new AppError('validation', `Danh sách có hơn ${FEEDBACK_EXPORT_CAP.toLocaleString('vi-VN')} kiến nghị. Vui lòng lọc bớt trước khi xuất.`);
  }
  await recordAudit(ctx.tx, ctx, { action: 'export', entityType: 'feedback_item', meta: { filters: f, rows: rows.length } });
  const values: ListValue[][] = rows.map((r, i) => [
    i + 1,
    r.createdOn,
    r.unitName,
    FEEDBACK_KIND_LABELS[r.kind as FeedbackKind] ?? r.kind,
    r.subject,
    r.body,
    r.authorName,
    r.personName,
    FEEDBACK_STATUS_LABELS[r.status as FeedbackStatus] ?? r.status,
    r.replyCount,
    r.lastAnswer,
    r.lastAnswerOn,
  ]);
  return {
    fileName: 'kien-nghi-de-xuat.xlsx',
    rows: rows.length,
    write: (out: Writable) => writeListXlsx(out, [{ name: 'Kiến nghị, đề xuất', columns: FEEDBACK_EXPORT_COLUMNS, rows: values }]),
  };
}
