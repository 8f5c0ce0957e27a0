import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { grantsInForceJson } from './access.repository.js';
import type { Tx } from '../client.js';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { CopyBatch, copyField } from '../seed/copy.js';
import { drained } from './import-staged-rows.repository.js';
import type { AuditRowInput } from './audit.repository.js';
import type { ImportChange, ImportIssue, ImportIssueStats, ImportState, ImportSummary } from '../../../common/schemas/imports.js';

export type { ImportState };

export type ImportRow = {
  id: string;
  createdBy: string;
  fileName: string;
  fileSize: number;
  state: ImportState;
  jobId: string | null;
  summary: ImportSummary | null;
  issueCount: number;
  errorCount: number;
  issueStats: ImportIssueStats | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  committedAt: string | null;
  jobStatus: string | null;
  progressDone: number | null;
  progressTotal: number | null;
};

const importCols = sql`i.id, i.created_by AS "createdBy", i.file_name AS "fileName", i.file_size AS "fileSize", i.state, i.job_id AS "jobId",
  i.summary, i.issue_count AS "issueCount", i.error_count AS "errorCount", i.issue_stats AS "issueStats", i.error,
  i.created_at AS "createdAt", i.updated_at AS "updatedAt", i.committed_at AS "committedAt",
  j.status AS "jobStatus", j.progress_done AS "progressDone", j.progress_total AS "progressTotal"`;

export async function insertImport(tx: Tx, i: { createdBy: string; fileName: string; content: Buffer; sha256: string; inspection: unknown }): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO imports (created_by, file_name, file_size, sha256, inspection)
    VALUES (${i.createdBy}::uuid, ${i.fileName}, ${i.content.length}, ${i.sha256}, ${JSON.stringify(i.inspection)}::jsonb) RETURNING id`);
  const id = r.rows[0].id;
  await tx.execute(sql`INSERT INTO import_files (import_id, content) VALUES (${id}::uuid, ${i.content})`);
  return id;
}

/** An import the actor may see: their own, or any for a province-wide Sở Nội vụ grant. */
export async function findImport(tx: Tx, id: string, userId: string, provinceWide: boolean, forUpdate = false): Promise<ImportRow | null> {
  const r = await tx.execute<ImportRow>(sql`SELECT ${importCols} FROM imports i LEFT JOIN jobs j ON j.id = i.job_id
    WHERE i.id = ${id}::uuid AND (${provinceWide} OR i.created_by = ${userId}::uuid) ${forUpdate ? sql`FOR UPDATE OF i` : sql``}`);
  return r.rows[0] ?? null;
}

export async function findImportById(tx: Tx, id: string, forUpdate = false): Promise<ImportRow | null> {
  const r = await tx.execute<ImportRow>(sql`SELECT ${importCols} FROM imports i LEFT JOIN jobs j ON j.id = i.job_id
    WHERE i.id = ${id}::uuid ${forUpdate ? sql`FOR UPDATE OF i` : sql``}`);
  return r.rows[0] ?? null;
}

export async function findImportsOf(tx: Tx, userId: string, limit: number) {
  const r = await tx.execute<ImportRow>(sql`SELECT ${importCols} FROM imports i LEFT JOIN jobs j ON j.id = i.job_id
    WHERE i.created_by = ${userId}::uuid ORDER BY i.created_at DESC LIMIT ${limit}`);
  return r.rows;
}

/** The uploaded file and what the upload's inspection found in it (null for files uploaded before it was kept). */
export async function readImportFile(tx: Tx, id: string): Promise<{ content: Buffer; inspection: unknown } | null> {
  const r = await tx.execute<{ content: Buffer; inspection: unknown }>(sql`SELECT f.content, i.inspection FROM import_files f
    JOIN imports i ON i.id = f.import_id WHERE f.import_id = ${id}::uuid`);
  return r.rows[0] ?? null;
}

export async function deleteImportFile(tx: Tx, id: string) {
  await tx.execute(sql`DELETE FROM import_files WHERE import_id = ${id}::uuid`);
}

export async function setImportState(tx: Tx, id: string, state: ImportState, o: { jobId?: string; error?: string | null; committed?: boolean } = {}) {
  await tx.execute(sql`UPDATE imports SET state = ${state}, updated_at = now()
    ${o.jobId !== undefined ? sql`, job_id = ${o.jobId}::uuid` : sql``}
    ${o.error !== undefined ? sql`, error = ${o.error}` : sql``}
    ${o.committed ? sql`, committed_at = now()` : sql``}
    WHERE id = ${id}::uuid`);
}

/** Stores the outcome of a dry run: the summary, the issue counts, and replaces the stored issues and changes. */
export async function saveValidation(
  client: pg.PoolClient,
  id: string,
  o: { state: ImportState; summary: unknown; issueCount: number; errorCount: number; issueStats: unknown; error: string | null },
  issues: { sheet: string; rowNo: number | null; column: string | null; value: string | null; reason: string; severity: string }[],
  changes: { sheet: string; rowNo: number; key: string; action: string; fields: unknown }[],
) {
  await client.query('DELETE FROM import_issues WHERE import_id = $1', [id]);
  await client.query('DELETE FROM import_changes WHERE import_id = $1', [id]);
  const ib = new CopyBatch('import_issues', ['import_id', 'seq', 'sheet', 'row_no', '"column"', 'value', 'reason', 'severity']);
  issues.forEach((x, i) => ib.add([id, i + 1, x.sheet, x.rowNo, x.column, x.value, x.reason, x.severity]));
  await ib.flush(client);
  const cb = new CopyBatch('import_changes', ['import_id', 'seq', 'sheet', 'row_no', 'key', 'action', 'fields']);
  changes.forEach((x, i) => cb.add([id, i + 1, x.sheet, x.rowNo, x.key, x.action, JSON.stringify(x.fields)]));
  await cb.flush(client);
  await client.query(
    `UPDATE imports SET state = $2, summary = $3, issue_count = $4, error_count = $5, issue_stats = $6, error = $7, updated_at = now() WHERE id = $1`,
    [id, o.state, JSON.stringify(o.summary), o.issueCount, o.errorCount, JSON.stringify(o.issueStats), o.error],
  );
}

export async function findIssuePage(tx: Tx, id: string, limit: number, offset: number, severity?: 'error' | 'warning') {
  const r = await tx.execute<ImportIssue & { seq: number }>(sql`
    SELECT seq, sheet, row_no AS "rowNo", "column", value, reason, severity FROM import_issues
    WHERE import_id = ${id}::uuid ${severity ? sql`AND severity = ${severity}` : sql``} ORDER BY seq LIMIT ${limit} OFFSET ${offset}`);
  return r.rows;
}

/** All stored issues in order, a page at a time (for the .xlsx report). */
export async function* iterateIssues(tx: Tx, id: string) {
  let after = 0;
  for (;;) {
    const r = await tx.execute<ImportIssue & { seq: number }>(sql`
      SELECT seq, sheet, row_no AS "rowNo", "column", value, reason, severity FROM import_issues
      WHERE import_id = ${id}::uuid AND seq > ${after} ORDER BY seq LIMIT 2000`);
    if (r.rows.length === 0) return;
    for (const x of r.rows) yield x;
    after = r.rows[r.rows.length - 1].seq;
  }
}

export async function findChangePage(tx: Tx, id: string, limit: number, offset: number) {
  const r = await tx.execute<ImportChange>(sql`
    SELECT sheet, row_no AS "rowNo", key, action, fields FROM import_changes WHERE import_id = ${id}::uuid ORDER BY seq LIMIT ${limit} OFFSET ${offset}`);
  return r.rows;
}

/** An audit row with its JSON fields already serialised (the canonical text that was hashed) and its hashes. */
export type AuditCopyRow = { row: AuditRowInput; json: { before: string | null; after: string | null; meta: string | null }; prevHash: string; hash: string };

const AUDIT_COPY = `COPY audit_log (at, actor_user_id, actor_name, action, entity_type, entity_id, person_id, before, after, meta, request_id, prev_hash, hash) FROM STDIN`;
// JSON text never holds a raw tab or line break (they are escaped); only its backslashes need COPY's escaping
const copyJson = (s: string | null) => (s === null ? '\\N' : s.indexOf('\\') < 0 ? s : s.replace(/\\/g, '\\\\'));

/**
 * Appends audit rows (hashes computed in order after taking the chain lock) with one COPY, writing them to
 * the connection as they come so that PostgreSQL stores the first while the caller hashes the next.
 */
export class AuditCopy {
  private stream: Writable;
  private text = '';

  constructor(client: pg.PoolClient) {
    this.stream = client.query(copyFrom(AUDIT_COPY));
  }

  /** Adds a row; false when the connection is full and the caller should wait for drain(). */
  add({ row, json, prevHash, hash }: AuditCopyRow): boolean {
    this.text +=
      `${row.at}\t${copyField(row.actorUserId)}\t${copyField(row.actorName)}\t${copyField(row.action)}\t${copyField(row.entityType)}\t` +
      `${copyField(row.entityId)}\t${copyField(row.personId)}\t${copyJson(json.before)}\t${copyJson(json.after)}\t${copyJson(json.meta)}\t` +
      `${copyField(row.requestId)}\t${prevHash}\t${hash}\n`;
    if (this.text.length < 1 << 18) return true;
    const ok = this.stream.write(this.text);
    this.text = '';
    return ok;
  }

  /** Waits until the connection has taken what was written. */
  drain(): Promise<void> {
    return drained(this.stream);
  }

  /** Sends the rest and waits for PostgreSQL to have stored every row. */
  async end(): Promise<void> {
    if (this.text) this.stream.write(this.text);
    this.text = '';
    this.stream.end();
    await finished(this.stream);
  }

  /** Abandons the COPY (its rows are not stored), so the connection can roll back. */
  async abort(): Promise<void> {
    this.stream.destroy(new Error('audit stopped'));
    await finished(this.stream).catch(() => undefined);
  }
}

/**
 * Removes the uploaded files, and the rows kept by their dry runs, of imports that were never committed and
 * have expired; and kept rows whose import is gone (those of a dry run in progress are not visible yet).
 */
export async function deleteExpiredImportFiles(tx: Tx): Promise<number> {
  await tx.execute(sql`DELETE FROM import_staging s USING imports i WHERE i.id = s.import_id AND i.expires_at < now()`);
  await tx.execute(sql`DELETE FROM import_staged_chunks c WHERE NOT EXISTS (SELECT 1 FROM import_staging s WHERE s.import_id = c.import_id)`);
  const r = await tx.execute(sql`DELETE FROM import_files f USING imports i WHERE i.id = f.import_id AND i.expires_at < now()`);
  return r.rowCount ?? 0;
}

/** The code lists an import checks against, and the units the actor can see (with their paths). */
export async function loadImportReferenceRows(tx: Tx, unitScope: import('drizzle-orm').SQL) {
  // one after another: inside an import these run on the job's single connection
  const ethnic = await tx.execute<{ code: string; name: string; aliases: string[] }>(sql`SELECT code, name, aliases FROM ethnic_groups ORDER BY code`);
  const ranks = await tx.execute<{ code: string; name: string }>(sql`SELECT code, name FROM ranks ORDER BY code`);
  const levels = await tx.execute<{ code: string; name: string }>(sql`SELECT code, name FROM rating_levels ORDER BY rank`);
  const forms = await tx.execute<{ code: string; name: string }>(sql`SELECT DISTINCT ON (code) code, name FROM discipline_forms ORDER BY code, effective_from DESC`);
  const units = await tx.execute<{ id: string; code: string; name: string; path: string[]; closed: boolean }>(
    sql`SELECT u.id, u.code, u.name, u.path, u.closed_on IS NOT NULL AS closed FROM org_units u WHERE ${unitScope} ORDER BY u.code`,
  );
  const communes = await tx.execute<{ code: string; name: string }>(sql`SELECT DISTINCT old_code AS code, old_name AS name FROM legacy_communes ORDER BY old_code`);
  return { ethnic: ethnic.rows, ranks: ranks.rows, levels: levels.rows, forms: forms.rows, units: units.rows, communes: communes.rows };
}

/** The user an import runs for, with the grants in force on `today` (their reach may have changed since upload). */
export async function findUserWithGrants(tx: Tx, userId: string, today: string) {
  const r = await tx.execute<{ id: string; username: string; displayName: string; personId: string | null; grants: { role: string; unitId: string | null }[] }>(sql`
    SELECT u.id, u.username, u.display_name AS "displayName", u.person_id AS "personId",
      coalesce(${grantsInForceJson(today)}, '[]') AS grants
    FROM users u WHERE u.id = ${userId}::uuid AND u.is_active`);
  return r.rows[0] ?? null;
}
