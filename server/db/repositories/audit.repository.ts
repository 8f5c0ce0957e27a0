import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type pg from 'pg';
import type { AuditContent } from '../../domain/audit/audit-hash.js';

// One lock serialises appends so each row chains to the one before; it is held to the end of the transaction.
const AUDIT_CHAIN_LOCK = 7_131_131;

/** A row as it is hashed (see domain/audit/audit-hash.ts). */
export type AuditRowInput = AuditContent;

/** Locks the chain and returns the last hash (or null when the log is empty). */
export async function lockChainAndGetLastHash(tx: Tx): Promise<string | null> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const r = await tx.execute<{ hash: string }>(sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  return r.rows[0]?.hash ?? null;
}

export async function insertAuditRow(tx: Tx, row: AuditRowInput, prevHash: string, hash: string): Promise<void> {
  const j = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await tx.execute(sql`INSERT INTO audit_log (at, actor_user_id, actor_name, action, entity_type, entity_id, person_id,
      before, after, meta, request_id, prev_hash, hash)
    VALUES (${row.at}::timestamptz, ${row.actorUserId}::uuid, ${row.actorName}, ${row.action}, ${row.entityType},
      ${row.entityId}, ${row.personId}::uuid, ${j(row.before)}::jsonb, ${j(row.after)}::jsonb, ${j(row.meta)}::jsonb,
      ${row.requestId}, ${prevHash}, ${hash})`);
}

export interface StoredAuditRow extends AuditRowInput {
  id: number;
  prevHash: string;
  hash: string;
}

/** Reads the log in id order, a page at a time (never the whole table). */
export async function readAuditPage(client: pg.Pool | pg.PoolClient, afterId: number, limit: number): Promise<StoredAuditRow[]> {
  const r = await client.query(
    `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_user_id, actor_name,
       action, entity_type, entity_id, person_id, before, after, meta, request_id, prev_hash, hash
     FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
  return r.rows.map((x) => ({
    id: Number(x.id),
    at: x.at,
    actorUserId: x.actor_user_id,
    actorName: x.actor_name,
    action: x.action,
    entityType: x.entity_type,
    entityId: x.entity_id,
    personId: x.person_id,
    before: x.before,
    after: x.after,
    meta: x.meta,
    requestId: x.request_id,
    prevHash: x.prev_hash,
    hash: x.hash,
  }));
}

export type HistoryEntry = {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/** Changes to one person's record (reads are left out), newest first, one page. */
export async function findPersonHistory(tx: Tx, personId: string, limit: number, offset: number) {
  const rows = await tx.execute<HistoryEntry & { total: number }>(sql`
    SELECT id, at, actor_name AS "actorName", action, entity_type AS "entityType", entity_id AS "entityId",
      before, after, count(*) OVER () AS total
    FROM audit_log WHERE person_id = ${personId}::uuid AND action NOT LIKE 'read%'
    ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`);
  return { items: rows.rows.map(({ total, ...r }) => ({ ...r, id: Number(r.id) })), total: Number(rows.rows[0]?.total ?? 0) };
}

/** The last row of the audit chain (id and hash) with the chain's first hash and the database's name, or null when empty. */
export async function readAuditHead(client: pg.Pool | pg.PoolClient): Promise<{ db: string; first: string; id: number; hash: string } | null> {
  const r = await client.query(`SELECT current_database() AS db, (SELECT hash FROM audit_log ORDER BY id LIMIT 1) AS first, id, hash
    FROM audit_log ORDER BY id DESC LIMIT 1`);
  const x = r.rows[0] as { db: string; first: string; id: string; hash: string } | undefined;
  return x ? { db: x.db, first: x.first, id: Number(x.id), hash: x.hash } : null;
}

export async function currentDatabase(client: pg.Pool | pg.PoolClient): Promise<string> {
  return String((await client.query('SELECT current_database() AS db')).rows[0].db);
}

/** The hash of one row of the chain, or null when there is no such row. */
export async function readAuditRowHash(client: pg.Pool | pg.PoolClient, id: number): Promise<string | null> {
  const r = await client.query(`SELECT hash FROM audit_log WHERE id = $1`, [id]);
  return r.rows[0] ? String(r.rows[0].hash) : null;
}
