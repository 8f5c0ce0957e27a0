import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export type JobRow = {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  progressDone: number;
  progressTotal: number | null;
  result: unknown;
  error: string | null;
  createdBy: string | null;
  cancelRequested: boolean;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

const cols = sql`id, kind, payload, status, progress_done AS "progressDone", progress_total AS "progressTotal", result, error,
  created_by AS "createdBy", cancel_requested AS "cancelRequested", attempts, created_at AS "createdAt",
  started_at AS "startedAt", finished_at AS "finishedAt"`;

export async function insertJob(tx: Tx, j: { kind: string; payload: unknown; createdBy: string | null; unitScope: (string | null)[] }): Promise<string> {
  const scope = j.unitScope.some((u) => u === null) ? null : `{${j.unitScope.join(',')}}`;
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO jobs (kind, payload, created_by, unit_scope)
    VALUES (${j.kind}, ${JSON.stringify(j.payload)}::jsonb, ${j.createdBy}::uuid, ${scope}::uuid[]) RETURNING id`);
  await tx.execute(sql`SELECT pg_notify('tc_jobs', ${j.kind})`);
  return r.rows[0].id;
}

/** Takes the oldest queued job no other worker holds (FOR UPDATE SKIP LOCKED) and marks it running. */
export async function claimNextJob(tx: Tx, kinds: string[]): Promise<JobRow | null> {
  const r = await tx.execute<JobRow>(sql`UPDATE jobs SET status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1
    WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND kind = ANY(${`{${kinds.join(',')}}`}::text[])
      ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING ${cols}`);
  return r.rows[0] ?? null;
}

/**
 * Running jobs whose worker stopped beating (its process died) go back to the queue; after `maxAttempts`
 * they fail. Their work ran in a transaction that died with the process, so running them again is safe.
 */
export async function requeueStaleJobs(tx: Tx, staleSeconds: number, maxAttempts: number): Promise<number> {
  const r = await tx.execute(sql`UPDATE jobs SET
      status = CASE WHEN attempts >= ${maxAttempts} THEN 'failed' ELSE 'queued' END,
      error = CASE WHEN attempts >= ${maxAttempts} THEN 'Tiến trình xử lý bị dừng đột ngột nhiều lần' ELSE error END,
      finished_at = CASE WHEN attempts >= ${maxAttempts} THEN now() ELSE NULL END
    WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => ${staleSeconds})`);
  return r.rowCount ?? 0;
}

export async function beatJob(tx: Tx, id: string, done?: number, total?: number | null): Promise<{ cancelRequested: boolean }> {
  const r = await tx.execute<{ cancelRequested: boolean }>(sql`UPDATE jobs SET heartbeat_at = now()
      ${done !== undefined ? sql`, progress_done = ${done}` : sql``}
      ${total !== undefined ? sql`, progress_total = ${total}` : sql``}
    WHERE id = ${id}::uuid RETURNING cancel_requested AS "cancelRequested"`);
  return r.rows[0] ?? { cancelRequested: true };
}

export async function finishJob(tx: Tx, id: string, status: Exclude<JobStatus, 'queued' | 'running'>, result: unknown, error: string | null) {
  await tx.execute(sql`UPDATE jobs SET status = ${status}, result = ${result === undefined ? null : JSON.stringify(result)}::jsonb,
    error = ${error}, finished_at = now() WHERE id = ${id}::uuid AND status = 'running'`);
}

export async function findJob(tx: Tx, id: string): Promise<JobRow | null> {
  const r = await tx.execute<JobRow>(sql`SELECT ${cols} FROM jobs WHERE id = ${id}::uuid`);
  return r.rows[0] ?? null;
}

/** Asks the job to stop; a queued job is cancelled at once, a running one at its next check. */
export async function requestJobCancel(tx: Tx, id: string): Promise<JobStatus | null> {
  const r = await tx.execute<{ status: JobStatus }>(sql`UPDATE jobs SET cancel_requested = true,
      status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
      finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
    WHERE id = ${id}::uuid RETURNING status`);
  return r.rows[0]?.status ?? null;
}
