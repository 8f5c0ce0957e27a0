import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { recordAudit } from './record-audit.js';
import { verifyAuditChain } from './verify-audit-chain.js';
import { SYSTEM_ACTOR } from '../access/actor.js';

const t = useTestDatabase();

describe('hash-chained audit trail', () => {
  it('chains rows written concurrently and names the first tampered row', async () => {
    const { db, pool } = t.get();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction((tx) =>
          recordAudit(
            tx,
            { actor: SYSTEM_ACTOR },
            { action: 'update', entityType: 'person', entityId: String(i), before: { a: i }, after: { a: i + 1, ten: 'Đặng Thị Ánh' } },
          ),
        ),
      ),
    );
    const ok = await verifyAuditChain(pool, 7);
    expect(ok).toEqual({ ok: true, rows: 20 });

    const rows = (await pool.query('SELECT id FROM audit_log ORDER BY id')).rows.map((r) => Number(r.id));
    const victim = rows[12];
    // the table refuses updates; a tamperer with superuser rights disables the trigger first
    await expect(pool.query(`UPDATE audit_log SET after = '{"a": 999}' WHERE id = $1`, [victim])).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM audit_log WHERE id = $1`, [victim])).rejects.toThrow(/append-only/);
    await pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await pool.query(`UPDATE audit_log SET after = '{"a": 999}' WHERE id = $1`, [victim]);
    await pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const broken = await verifyAuditChain(pool, 7);
    expect(broken).toMatchObject({ ok: false, firstBrokenId: victim });
  });

  it('rolls the audit row back with the change it records', async () => {
    const { db, pool } = t.get();
    const before = (await pool.query('SELECT count(*)::int n FROM audit_log')).rows[0].n;
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, { actor: SYSTEM_ACTOR }, { action: 'update', entityType: 'person' });
        throw new Error('crash after the audit row');
      }),
    ).rejects.toThrow('crash');
    expect((await pool.query('SELECT count(*)::int n FROM audit_log')).rows[0].n).toBe(before);
  });
});
