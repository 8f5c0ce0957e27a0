import type pg from 'pg';
import type { Tx } from '../../db/client.js';
import { lockChainAndGetLastHash, type AuditRowInput } from '../../db/repositories/audit.repository.js';
import { copyAuditRows } from '../../db/repositories/imports.repository.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';
import type { AuditContext, AuditEvent } from './record-audit.js';

/**
 * Appends many audit rows in one go (a bulk import): takes the chain lock once, chains the hashes in order in
 * TypeScript, and COPYs each batch. The rows commit or roll back with the caller's transaction.
 */
export async function recordAuditBatch(tx: Tx, client: pg.PoolClient, ctx: AuditContext, batches: AsyncIterable<AuditEvent[]>): Promise<number> {
  let prev = (await lockChainAndGetLastHash(tx)) ?? GENESIS_HASH;
  const at = new Date().toISOString();
  let n = 0;
  for await (const events of batches) {
    const rows = events.map((ev) => {
      const row: AuditRowInput = {
        at,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        action: ev.action,
        entityType: ev.entityType,
        entityId: ev.entityId ?? null,
        personId: ev.personId ?? null,
        before: ev.before ?? null,
        after: ev.after ?? null,
        meta: ev.meta ?? null,
        requestId: ctx.requestId ?? null,
      };
      const hash = auditHash(prev, row);
      const out = { row, prevHash: prev, hash };
      prev = hash;
      return out;
    });
    await copyAuditRows(client, rows);
    n += rows.length;
  }
  return n;
}
