import { z } from 'zod';

export const IMPORT_STATES = ['uploaded', 'validating', 'validated', 'invalid', 'committing', 'committed', 'failed', 'cancelled'] as const;
export const IMPORT_STATE_LABELS: Record<(typeof IMPORT_STATES)[number], string> = {
  uploaded: 'Đã tải lên',
  validating: 'Đang kiểm tra',
  validated: 'Đã kiểm tra, sẵn sàng ghi',
  invalid: 'Có lỗi, cần sửa tệp',
  committing: 'Đang ghi dữ liệu',
  committed: 'Đã ghi dữ liệu',
  failed: 'Không thành công',
  cancelled: 'Đã hủy',
};
export const IMPORT_ACTIONS = ['commit', 'cancel', 'downloadIssues'] as const;

const sheetSummary = z.object({
  name: z.string(),
  rows: z.number(),
  valid: z.number(),
  create: z.number(),
  update: z.number(),
  unchanged: z.number(),
  /** field key → number of rows in which it changes */
  fields: z.record(z.string(), z.number()),
});

/** An import as the API shows it: state, progress of its current job, the preview counts and the issue counts. */
export const importView = z.object({
  id: z.string(),
  fileName: z.string(),
  fileSize: z.number(),
  state: z.enum(IMPORT_STATES),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  job: z.object({ id: z.string(), status: z.string(), done: z.number(), total: z.number().nullable() }).nullable(),
  summary: z.object({ templateVersion: z.string().nullable(), sheets: z.record(z.string(), sheetSummary), skippedExampleRows: z.number() }).nullable(),
  issueCount: z.number(),
  errorCount: z.number(),
  issueStats: z.object({ errors: z.number(), warnings: z.number(), byColumnReason: z.record(z.string(), z.number()) }).nullable(),
  error: z.string().nullable(),
  allowedActions: z.array(z.enum(IMPORT_ACTIONS)),
});
export type ImportView = z.infer<typeof importView>;
export type ImportState = (typeof IMPORT_STATES)[number];
export type ImportSummary = NonNullable<ImportView['summary']>;
export type ImportIssueStats = NonNullable<ImportView['issueStats']>;

export const importIssue = z.object({
  sheet: z.string(),
  rowNo: z.number().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type ImportIssue = z.infer<typeof importIssue>;
export const importIssuePage = z.object({
  items: z.array(importIssue),
  /** all issues found; only the first `stored` (at most 10,000) are listed */
  total: z.number(),
  stored: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const importChangePage = z.object({
  items: z.array(
    z.object({
      sheet: z.string(),
      rowNo: z.number(),
      key: z.string(),
      action: z.enum(['create', 'update']),
      fields: z.object({ changed: z.array(z.string()), before: z.unknown(), after: z.unknown() }),
    }),
  ),
  page: z.number(),
  pageSize: z.number(),
});
export type ImportChange = z.infer<typeof importChangePage>['items'][number];

export const importListResponse = z.object({ items: z.array(importView) });
