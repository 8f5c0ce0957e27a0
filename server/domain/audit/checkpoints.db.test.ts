import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { recordAudit } from './record-audit.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { verifyAuditChain } from './verify-audit-chain.js';
import { checkpointPlace, verifyCheckpoints, writeCheckpoint } from './checkpoints.js';

const t = useTestDatabase();

async function audit(n: number) {
  for (let i = 0; i < n; i++) {
    await t.get().db.transaction((tx) => recordAudit(tx, { actor: SYSTEM_ACTOR }, { action: 'update', entityType: 'test', entityId: String(i) }));
  }
}

describe('signed checkpoints of the audit chain, outside the database', () => {
  it('show rows deleted from the end, which the chain alone cannot; a forged checkpoint is seen too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-ckpt-'));
    try {
      const place = checkpointPlace(dir, {});
      expect(fs.statSync(`${place.file}.key`).mode & 0o077).toBe(0);
      const { pool } = t.get();
      await audit(3);
      expect(await writeCheckpoint(pool, place)).not.toBeNull();
      // the head did not move: no new line
      expect(await writeCheckpoint(pool, place)).toBeNull();
      // a write cut short by a crash leaves half a line: the next checkpoint starts on a line of its own
      fs.appendFileSync(place.file, '{"db":"x","fir');
      await audit(2);
      const head = await writeCheckpoint(pool, place);
      expect(await verifyCheckpoints(pool, place)).toEqual({ ok: true, checkpoints: 2, lastId: head!.id });

      // TRUNCATE is refused like DELETE
      await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      // a superuser deletes the last two rows with the triggers off: the chain still verifies, the checkpoint does not
      const client = await pool.connect();
      try {
        await client.query(`SET session_replication_role = replica`);
        await client.query(`DELETE FROM audit_log WHERE id > $1`, [head!.id - 2]);
      } finally {
        await client.query(`RESET session_replication_role`);
        client.release();
      }
      expect((await verifyAuditChain(pool)).ok).toBe(true);
      const v = await verifyCheckpoints(pool, place);
      expect(v).toMatchObject({ ok: false, checkpointId: head!.id });
      expect(v.ok === false && v.reason).toMatch(/các dòng cuối đã bị xóa/);

      // rewriting the checkpoint file to match is caught by its signature
      const lines = fs.readFileSync(place.file, 'utf8').trim().split('\n');
      const last = JSON.parse(lines.at(-1)!) as { id: number };
      lines[lines.length - 1] = JSON.stringify({ ...last, id: head!.id - 2 });
      fs.writeFileSync(place.file, lines.join('\n') + '\n');
      const forged = await verifyCheckpoints(pool, place);
      expect(forged.ok === false && forged.reason).toMatch(/chữ ký không khớp/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
