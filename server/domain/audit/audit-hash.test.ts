import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH, type AuditContent } from './audit-hash.js';

const row: AuditContent = {
  at: '2026-01-02T03:04:05.678Z',
  actorUserId: null,
  actorName: 'Hệ thống',
  action: 'update',
  entityType: 'person',
  entityId: 'x',
  personId: null,
  before: { b: 1, a: [1, { y: 2, x: 'Đặng' }] },
  after: null,
  meta: null,
  requestId: null,
};

describe('audit hash', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson({ a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1}}');
  });
  it('changes when any field or the previous hash changes', () => {
    const h = auditHash(GENESIS_HASH, row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...row })).toBe(h);
    expect(auditHash(GENESIS_HASH, { ...row, action: 'delete' })).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...row, before: { b: 2, a: [1, { y: 2, x: 'Đặng' }] } })).not.toBe(h);
    expect(auditHash('1'.repeat(64), row)).not.toBe(h);
  });
});
