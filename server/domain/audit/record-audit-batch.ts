import crypto from 'node:crypto';
import type { PoolClient } from '../../db/client.js';
import type { Tx } from '../../db/client.js';
import { lockChainAndGetLastHash, type AuditRowInput } from '../../db/repositories/audit.repository.js';
import { AuditCopy, type AuditCopyRow } from '../../db/repositories/imports.repository.js';
import { GENESIS_HASH } from './audit-hash.js';
import type { AuditContext, AuditEvent } from './record-audit.js';

// JSON.stringify escapes quotes, backslashes, control characters and lone surrogates; other strings are quoted as they are
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const keyText = new Map<string, string>();

/**
 * canonicalJson (audit-hash.ts) written for speed: the same text for the same value (audit-batch.test.ts
 * checks it), built in one pass, with plain strings and known keys not sent through JSON.stringify.
 */
export function fastCanonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return NEEDS_JSON_ESCAPE.test(value) ? JSON.stringify(value) : '"' + value + '"';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + fastCanonicalJson(value[i]);
    return out + ']';
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    let key = keyText.get(k);
    if (key === undefined) {
      key = JSON.stringify(k) + ':';
      if (keyText.size < 10_000) keyText.set(k, key);
    }
    out += (first ? '' : ',') + key + fastCanonicalJson(v);
    first = false;
  }
  return out + '}';
}

const j = (v: unknown) => (v === null || v === undefined ? null : fastCanonicalJson(v));

/**
 * Appends many audit rows in one go (a bulk import): takes the chain lock once, chains the hashes in order in
 * TypeScript, and streams each batch with COPY as it is hashed. The rows commit or roll back with the caller's
 * transaction. `batches` may use the same connection: it is never read while a COPY is open.
 */
export async function recordAuditBatch(tx: Tx, client: PoolClient, ctx: AuditContext, batches: AsyncIterable<Iterable<AuditEvent>>): Promise<number> {
  let prev = (await lockChainAndGetLastHash(tx)) ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const actorUserId = ctx.actor.userId;
  const actorName = ctx.actor.displayName;
  const requestId = ctx.requestId ?? null;
  // the parts of the canonical content that are the same on every row
  const actorPart = `"actorName":${JSON.stringify(actorName)},"actorUserId":${JSON.stringify(actorUserId)},`;
  const atPart = `"at":${JSON.stringify(at)},`;
  const requestPart = `"requestId":${JSON.stringify(requestId)}}`;
  let n = 0;

  const one = (ev: AuditEvent): AuditCopyRow => {
    const row: AuditRowInput = {
      at,
      actorUserId,
      actorName,
      action: ev.action,
      entityType: ev.entityType,
      entityId: ev.entityId ?? null,
      personId: ev.personId ?? null,
      before: ev.before ?? null,
      after: ev.after ?? null,
      meta: ev.meta ?? null,
      requestId,
    };
    const before = j(row.before);
    const after = j(row.after);
    const meta = j(row.meta);
    // canonicalJson(row): the keys in sorted order
    const content =
      `{"action":${JSON.stringify(row.action)},${actorPart}"after":${after ?? 'null'},${atPart}"before":${before ?? 'null'},` +
      `"entityId":${JSON.stringify(row.entityId)},"entityType":${JSON.stringify(row.entityType)},"meta":${meta ?? 'null'},` +
      `"personId":${JSON.stringify(row.personId)},${requestPart}`;
    const hash = crypto.hash('sha256', prev + content, 'hex');
    const out: AuditCopyRow = { row, json: { before, after, meta }, prevHash: prev, hash };
    prev = hash;
    return out;
  };

  // one COPY per batch, the batch's events hashed as the COPY takes them: the batches may be read from the
  // same connection, which is busy while a COPY is open
  for await (const events of batches) {
    const copy = new AuditCopy(client);
    try {
      for (const ev of events) {
        if (!copy.add(one(ev))) await copy.drain();
        n++;
      }
      await copy.end();
    } catch (err) {
      await copy.abort();
      throw err;
    }
  }
  return n;
}
