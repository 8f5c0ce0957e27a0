import crypto from 'node:crypto';

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}';
  }
  return JSON.stringify(value);
}

export interface AuditContent {
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  personId: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
  requestId: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** hash = sha256(prevHash + canonical content): changing or removing any row breaks every later hash. */
export function auditHash(prevHash: string, content: AuditContent): string {
  return crypto.createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}
