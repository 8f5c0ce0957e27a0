import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/test-database.js';
import { makeSession } from '../../test/support/factories.js';
import { purgeExpired } from './retention-job.js';

const t = useTestDatabase();

describe('the daily retention purge', () => {
  it('deletes the uploaded files and checked rows of imports past their expiry, keeps the import and the others', async () => {
    const { pool } = t.get();
    const user = await makeSession(pool, 'unit_hr');
    const insert = async (expired: boolean) => {
      const r = await pool.query(
        `INSERT INTO imports (created_by, file_name, file_size, sha256, state, expires_at)
         VALUES ($1, 'nhap.xlsx', 10, 'x', 'committed', now() + ($2 || ' days')::interval) RETURNING id`,
        [user.userId, expired ? '-1' : '6'],
      );
      const id = r.rows[0].id as string;
      await pool.query(`INSERT INTO import_files (import_id, content) VALUES ($1, '\\x01'::bytea)`, [id]);
      return id;
    };
    const old = await insert(true);
    const fresh = await insert(false);
    await pool.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ('h-old', $1, 'c', now() - interval '1 hour')`, [user.userId]);
    const n = await purgeExpired(t.get());
    expect(n.importFiles).toBe(1);
    expect(n.sessions).toBeGreaterThanOrEqual(1);
    const files = await pool.query(`SELECT import_id FROM import_files ORDER BY import_id`);
    expect(files.rows.map((r) => r.import_id)).toEqual([fresh]);
    // the import itself (its summary, its issues) stays
    expect((await pool.query(`SELECT count(*)::int AS n FROM imports WHERE id = ANY($1)`, [[old, fresh]])).rows[0].n).toBe(2);
    expect((await pool.query(`SELECT count(*)::int AS n FROM sessions WHERE token_hash = 'h-old'`)).rows[0].n).toBe(0);
    // run again: nothing left to delete
    expect((await purgeExpired(t.get())).importFiles).toBe(0);
  });
});
