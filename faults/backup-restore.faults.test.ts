/**
 * The reliability suite (on demand: `npm run test:faults`): a backup of a demo server that has just been written to,
 * restored with the CLI into a fresh migrated database, holds exactly the same rows in every table, and its audit
 * chain verifies; a restore into a database that already has data is refused and changes nothing.
 *
 * The signed audit checkpoints live in DATA_DIR (a temporary folder here, the same for the server and every CLI run)
 * and are kept per database name: the restored database, under a new name, starts with none of its own, so
 * verify-audit checks its chain, writes its first checkpoint, and a second run checks the chain against that one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { adminQuery, runCli, startAppServer, type AppServer } from '../e2e/support/app-server.js';
import { ApiSession as Session } from '../e2e/support/api-session.js';

let server: AppServer;
let db: pg.Pool;
let target: pg.Pool | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-faults-backup-'));
const targetName = `tc_e2e_restore_${crypto.randomBytes(5).toString('hex')}`;
const targetUrl = `postgres://postgres@127.0.0.1:5432/${targetName}`;
const file = path.join(dataDir, 'backup.sql');

/** Exact row counts of every ordinary table of the public schema. */
async function rowCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = (await pool.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows;
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t.name] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM public.${pg.escapeIdentifier(t.name)}`)).rows[0].n;
  return counts;
}

const auditHead = async (pool: pg.Pool) =>
  (await pool.query<{ id: number; hash: string }>(`SELECT id::int AS id, hash FROM audit_log ORDER BY id DESC LIMIT 1`)).rows[0];

beforeAll(async () => {
  server = await startAppServer({ name: 'backup', env: { DATA_DIR: dataDir } });
  db = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  await adminQuery(`CREATE DATABASE "${targetName}"`);
}, 180_000);

afterAll(async () => {
  await target?.end();
  await db?.end();
  await server?.stop();
  await adminQuery(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('backup, then restore into a fresh database', () => {
  it('restores every table row for row, with an audit chain that verifies; a second restore is refused', async () => {
    // a few changes through the API, so that the audit chain has rows from just now
    const hr = await new Session(server.baseURL).login('tochuc');
    const before = await auditHead(db);
    const list = await hr.json<{ items: { id: string }[] }>('GET', '/api/cadres?pageSize=5&sort=code&category=cong_chuc');
    expect(list.body.items.length).toBeGreaterThan(2);
    for (const [i, c] of list.body.items.slice(0, 3).entries()) {
      const rec = await hr.json<{ version: number }>('GET', `/api/cadres/${c.id}`);
      const phone = `09${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`;
      expect((await hr.json('PATCH', `/api/cadres/${c.id}`, { version: rec.body.version, phone })).status).toBe(200);
      expect((await hr.json('PUT', `/api/cadres/${c.id}/ratings`, { year: 2026, points: 80 + i })).status).toBe(200);
    }
    const head = await auditHead(db);
    expect(head.id).toBeGreaterThan(before?.id ?? 0);

    // the backup, while the server keeps running
    expect(await server.cli(['backup', '--out', file])).toMatch(/Đã sao lưu \d+ bảng, \d+ dòng/);
    const source = await rowCounts(db);

    // the operator's restore: migrate a fresh database, then restore into it, with the built CLI
    const env = { DATA_DIR: dataDir };
    expect(await runCli(targetUrl, ['migrate'], env)).toMatch(/Đã áp dụng migration/);
    const restored = await runCli(targetUrl, ['restore', '--in', file], env);
    expect(restored).toMatch(/Đã khôi phục \d+ bảng, \d+ dòng/);
    target = new pg.Pool({ connectionString: targetUrl, max: 2 });
    const copy = await rowCounts(target);
    expect(Object.keys(copy).length).toBeGreaterThan(20);
    expect(copy).toEqual(source);
    expect(Object.values(copy).reduce((a, b) => a + b, 0)).toBeGreaterThan(1500);
    // the chain's head is the same row, the same hash
    expect(await auditHead(target)).toEqual(await auditHead(db));

    // the restored chain verifies: no checkpoint of its own yet (a new database name), then one written and checked
    const first = await runCli(targetUrl, ['verify-audit'], env);
    expect(first).toMatch(/Nhật ký toàn vẹn: \d+ dòng, chuỗi băm khớp; 0 điểm kiểm tra/);
    const second = await runCli(targetUrl, ['verify-audit'], env);
    expect(second).toMatch(/Nhật ký toàn vẹn: \d+ dòng, chuỗi băm khớp; 1 điểm kiểm tra/);
    // and the source's, against the checkpoints its server wrote in the same DATA_DIR
    expect(await server.cli(['verify-audit'])).toMatch(/Nhật ký toàn vẹn/);

    // a restore into a database that has data is refused, and nothing changes
    const headBefore = await auditHead(target);
    await expect(runCli(targetUrl, ['restore', '--in', file], env)).rejects.toThrow(/không trống/);
    expect(await rowCounts(target)).toEqual(source);
    expect(await auditHead(target)).toEqual(headBefore);
  }, 600_000);
});
