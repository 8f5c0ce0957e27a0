import type { Tx } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash.js';
import { insertAuditRow, lockChainAndGetLastHash } from '../../db/repositories/audit.repository.js';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  personId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: unknown;
}

export interface AuditContext {
  actor: Actor;
  requestId?: string | null;
}

/** Appends one row to the hash-chained audit log inside the caller's transaction. */
export async function recordAudit(tx: Tx, ctx: AuditContext, ev: AuditEvent): Promise<void> {
  const prev = (await lockChainAndGetLastHash(tx)) ?? GENESIS_HASH;
  const content: AuditContent = {
    at: new Date().toISOString(),
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
  await insertAuditRow(tx, content, prev, auditHash(prev, content));
}
