import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, boolean, timestamp, jsonb, index, bigint, customType, primaryKey } from 'drizzle-orm/pg-core';
import { users } from './access.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Background work (imports now; exports and reminders later), run by the worker in any server process.
 * A worker claims a queued job with FOR UPDATE SKIP LOCKED and beats `heartbeat_at`; a `running` job whose
 * heartbeat stopped (its process died) is queued again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(), // import_validate | import_commit
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('queued'), // queued | running | succeeded | failed | cancelled
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    result: jsonb('result'),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id),
    // the roots of the creator's unit scope when the job was queued (null entry = province-wide)
    unitScope: uuid('unit_scope').array(),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    attempts: integer('attempts').notNull().default(0),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_queued_idx')
      .on(t.createdAt)
      .where(sql`status = 'queued'`),
  ],
);

/** An Excel import: the uploaded file, its dry run (issues, preview) and its commit. */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    sha256: text('sha256').notNull(),
    // uploaded | validating | validated | invalid | committing | committed | failed | cancelled
    state: text('state').notNull().default('uploaded'),
    jobId: uuid('job_id'),
    summary: jsonb('summary'),
    issueCount: integer('issue_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    issueStats: jsonb('issue_stats'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '7 days'`),
    // what the upload's inspection of the file found (sheets, merged cells, 1904 dates), so the jobs need not inspect it again
    inspection: jsonb('inspection'),
  },
  (t) => [index('imports_creator_idx').on(t.createdBy, t.createdAt)],
);

/** The uploaded file itself, kept in PostgreSQL so any server process can work on it; deleted after commit or expiry. */
export const importFiles = pgTable('import_files', {
  importId: uuid('import_id')
    .primaryKey()
    .references(() => imports.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
});

/** Problems found by the dry run (the first 10,000; `imports.issue_stats` counts them all). */
export const importIssues = pgTable(
  'import_issues',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    sheet: text('sheet').notNull(),
    rowNo: integer('row_no'),
    column: text('column'),
    value: text('value'),
    reason: text('reason').notNull(),
    severity: text('severity').notNull(), // error | warning
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** What the commit would change, row by row (the first 10,000), for the preview. */
export const importChanges = pgTable(
  'import_changes',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    sheet: text('sheet').notNull(),
    rowNo: integer('row_no').notNull(),
    key: text('key').notNull(),
    action: text('action').notNull(), // create | update
    fields: jsonb('fields').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/**
 * The rows a dry run checked, kept so the commit does not read and check the file again (it still re-runs the
 * database checks and the diff). Valid only while `fingerprint` matches: the same file, code lists, reach of
 * the importer, day and staging layout. Deleted by the commit, by a new dry run, and with the import. A cache:
 * UNLOGGED (migration 0006), emptied by a crash, after which the commit reads the file again.
 */
export const importStaging = pgTable('import_staging', {
  importId: uuid('import_id')
    .primaryKey()
    .references(() => imports.id, { onDelete: 'cascade' }),
  fingerprint: text('fingerprint').notNull(),
  // sheet summaries, columns present, issues of the file checks
  manifest: jsonb('manifest').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The checked rows of a staged import as the COPY text the dry run sent to its staging tables, a chunk at a time
 * (stored uncompressed: it lives minutes and compressing it would cost more than keeping it). No foreign key:
 * the chunks are deleted with their import_staging row.
 */
export const importStagedChunks = pgTable(
  'import_staged_chunks',
  {
    importId: uuid('import_id').notNull(),
    sheet: text('sheet').notNull(),
    seq: integer('seq').notNull(),
    // bytes as sent to COPY (UTF-8): they go back to COPY without being decoded
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.sheet, t.seq] })],
);
