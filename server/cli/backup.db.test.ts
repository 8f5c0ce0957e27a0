import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Readable } from 'node:stream';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { useTestDatabase } from '../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit } from '../../test/support/factories.js';
import { recordAudit } from '../domain/audit/record-audit.js';
import { verifyAuditChain } from '../domain/audit/verify-audit-chain.js';
import { SYSTEM_ACTOR } from '../domain/access/actor.js';
import type { Database } from '../db/client.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import { applyReferenceData, SHIPPED_REFERENCE_TABLES } from '../db/reference/reference-data.js';

const source = useTestDatabase();
const target = useTestDatabase();
const scratch = useTestDatabase();
// psql 15 is installed next to the PG 15 server only; the embedded PG 18 run covers restoreDatabase alone.
const viaPsql = process.env.TEST_PG_TARGET === 'server' ? useTestDatabase() : null;

const NAME = 'Nguyễn Thị Ngọc Ánh';
const UNIT_NAME = 'Sở Nội vụ thành phố Cần Thơ';
const META = { ghiChú: 'Điều động — "thử" \\ tab\tdòng\nmới', list: [1, null, 'ă'] };

let tmp = '';
let file = '';
let backup: Buffer;
let counts: { tables: number; rows: number };
let personId = '';
let unitPath: string[] = [];

async function publicTables(pool: pg.Pool): Promise<string[]> {
  const r = await pool.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return r.rows.map((x) => x.tablename);
}

/** Row count and a digest of every row's text form, per table: equal fingerprints = equal contents. */
async function fingerprint(pool: pg.Pool): Promise<Record<string, { n: number; md5: string }>> {
  const out: Record<string, { n: number; md5: string }> = {};
  for (const t of await publicTables(pool)) {
    const r = await pool.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM public."${t}" t`);
    out[t] = r.rows[0];
  }
  return out;
}

async function emptyAll(pool: pg.Pool) {
  // audit_log refuses TRUNCATE; the test's superuser empties it with the triggers off (replica mode), as an
  // operator restoring over a scratch database might
  const list = (await publicTables(pool)).map((t) => `public."${t}"`).join(', ');
  const client = await pool.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    await client.query(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
  } finally {
    await client.query(`RESET session_replication_role`).catch(() => {});
    client.release();
  }
}

function* chunks(buf: Buffer, size: number) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const totalRows = async (pool: pg.Pool) => Object.values(await fingerprint(pool)).reduce((s, x) => s + x.n, 0);

async function audit(database: Database, entityId: string, meta: unknown = null) {
  await database.db.transaction((tx) =>
    recordAudit(tx, { actor: SYSTEM_ACTOR }, { action: 'person.update', entityType: 'person', entityId, personId: entityId, after: { fullName: NAME }, meta }),
  );
}

beforeAll(async () => {
  const pool = source.get().pool;
  const root = await makeUnit(pool, { name: UNIT_NAME, kind: 'department', staffing: 40 });
  const child = await makeUnit(pool, { parent: root, name: 'Phòng Tổ chức — biên chế', restructuredOn: '2025-07-01' });
  unitPath = child.path;
  const p = await makePerson(pool, { unitId: child.id, fullName: NAME, gender: 'female', birthDate: '1990-02-28', healthStatus: null });
  personId = p.id;
  for (let i = 0; i < 30; i++) await makePerson(pool, { unitId: root.id });
  await makeSession(pool, 'admin', { personId: p.id });
  await audit(source.get(), p.id, META);
  await audit(source.get(), p.id);
  expect((await verifyAuditChain(pool)).ok).toBe(true);

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-backup-'));
  file = path.join(tmp, 'backup.sql');
  // Same route as the CLI: a file stream that backupDatabase itself ends.
  counts = await backupDatabase(pool, fs.createWriteStream(file));
  backup = fs.readFileSync(file);

  for (const d of [target, scratch, ...(viaPsql ? [viaPsql] : [])]) await emptyAll(d.get().pool);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backupDatabase', () => {
  it('writes a plain SQL file with the header, every public table in foreign-key order and the sequences', async () => {
    const text = backup.toString('utf8');
    expect(text.startsWith('-- Tăng cường — bản sao lưu dữ liệu')).toBe(true);
    expect(text).toContain('Created at: ');
    expect(text).toMatch(/Server: PostgreSQL \d+/);
    expect(text).toContain("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nBEGIN;\n");
    expect(text.trimEnd().endsWith('COMMIT;')).toBe(true);
    expect(text).not.toContain('__drizzle_migrations');
    const tables = await publicTables(source.get().pool);
    expect(counts.tables).toBe(tables.length);
    expect(counts.rows).toBe(await totalRows(source.get().pool));
    const at = (t: string) => text.indexOf(`COPY public.${t} (`);
    for (const t of tables) expect(at(t), t).toBeGreaterThan(0);
    expect(at('org_units')).toBeLessThan(at('people'));
    expect(at('job_posts')).toBeLessThan(at('people'));
    expect(at('people')).toBeLessThan(at('users'));
    expect(at('users')).toBeLessThan(at('sessions'));
    expect(at('plans')).toBeLessThan(at('plan_versions'));
    expect(text).toMatch(/SELECT pg_catalog\.setval\('public\.audit_log_id_seq', \d+, true\);/);
  });
});

describe('restoreDatabase', () => {
  it('restores every table byte for byte, and the identity sequence and audit chain carry on', async () => {
    const pool = target.get().pool;
    // Small chunks: lines and multi-byte characters straddle chunk boundaries.
    const r = await restoreDatabase(pool, Readable.from(chunks(backup, 997)));
    expect(r).toEqual(counts);
    expect(await fingerprint(pool)).toEqual(await fingerprint(source.get().pool));

    const q = `SELECT p.full_name, p.health_status, p.birth_date::text, u.path::text, u.restructured_on::text,
                 (SELECT meta::text FROM audit_log WHERE meta IS NOT NULL ORDER BY id LIMIT 1) AS meta
               FROM people p JOIN org_units u ON u.id = p.unit_id WHERE p.id = $1`;
    const [a, b] = await Promise.all([source.get().pool.query(q, [personId]), pool.query(q, [personId])]);
    expect(b.rows[0]).toEqual(a.rows[0]);
    expect(Buffer.from(b.rows[0].full_name).equals(Buffer.from(NAME))).toBe(true);
    expect(b.rows[0].health_status).toBeNull();
    expect(b.rows[0].birth_date).toBe('1990-02-28');
    expect(b.rows[0].path).toBe(`{${unitPath.join(',')}}`);
    expect(JSON.parse(b.rows[0].meta)).toEqual(META);

    const before = await verifyAuditChain(pool);
    expect(before.ok).toBe(true);
    const maxId = Number((await pool.query(`SELECT max(id) AS m FROM audit_log`)).rows[0].m);
    await audit(target.get(), personId);
    const newId = Number((await pool.query(`SELECT max(id) AS m FROM audit_log`)).rows[0].m);
    expect(newId).toBe(maxId + 1);
    expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: before.rows + 1 });
  });

  it('refuses a database that already has data and changes nothing', async () => {
    const pool = target.get().pool;
    const before = await fingerprint(pool);
    await expect(restoreDatabase(pool, Readable.from(backup))).rejects.toThrow(/Cơ sở dữ liệu đích không trống: .*people/);
    expect(await fingerprint(pool)).toEqual(before);
  });

  it('rolls back a cut, garbled or foreign file and leaves the target empty', async () => {
    const pool = scratch.get().pool;
    const text = backup.toString('utf8');
    const peopleData = text.indexOf('\n', text.indexOf('COPY public.people (')) + 1;
    const cut = backup.subarray(0, Buffer.byteLength(text.slice(0, peopleData + 300)));
    await expect(restoreDatabase(pool, Readable.from(cut))).rejects.toThrow(/không đầy đủ/);
    const noCommit = Buffer.from(text.slice(0, text.lastIndexOf('COMMIT;')));
    await expect(restoreDatabase(pool, Readable.from(noCommit))).rejects.toThrow(/không đầy đủ/);
    const badRow = text.slice(0, peopleData) + 'not\ta\tperson\n' + text.slice(peopleData);
    await expect(restoreDatabase(pool, Readable.from(Buffer.from(badRow)))).rejects.toThrow(/COPY people, line 1\b/);
    const badDate = text.replace('1990-02-28', '1990-02-30');
    await expect(restoreDatabase(pool, Readable.from(Buffer.from(badDate)))).rejects.toThrow(/date.*COPY people/);
    const injected = text.replace('BEGIN;\n', 'BEGIN;\nDROP TABLE people;\n');
    await expect(restoreDatabase(pool, Readable.from(Buffer.from(injected)))).rejects.toThrow(/không được hỗ trợ/);
    await expect(restoreDatabase(pool, Readable.from(Buffer.from('SELECT 1;\n')))).rejects.toThrow('Tệp không phải là bản sao lưu của hệ thống Tăng cường');
    expect(await totalRows(pool)).toBe(0);
    expect((await pool.query(`SELECT last_value, is_called FROM audit_log_id_seq`)).rows[0]).toEqual({ last_value: 1, is_called: false });

    // The pool's connections came back usable: the same target then takes the good file.
    expect(await restoreDatabase(pool, Readable.from(backup))).toEqual(counts);
    expect(await fingerprint(pool)).toEqual(await fingerprint(source.get().pool));
  });

  it('restores into a database fresh from migrate, whose shipped reference rows the backup replaces', async () => {
    const pool = scratch.get().pool;
    await emptyAll(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await applyReferenceData(client);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const shipped = Object.entries(await fingerprint(pool))
      .filter(([, f]) => f.n > 0)
      .map(([t]) => t);
    expect(shipped.length).toBeGreaterThan(0);
    expect(SHIPPED_REFERENCE_TABLES).toEqual(expect.arrayContaining(shipped));
    expect(await restoreDatabase(pool, Readable.from(backup))).toEqual(counts);
    expect(await fingerprint(pool)).toEqual(await fingerprint(source.get().pool));
  });

  it.runIf(viaPsql)('the same file restores with psql -v ON_ERROR_STOP=1', async () => {
    const run = promisify(execFile);
    await run('/usr/bin/psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', viaPsql!.url(), '-f', file]);
    const pool = viaPsql!.get().pool;
    expect(await fingerprint(pool)).toEqual(await fingerprint(source.get().pool));
    await audit(viaPsql!.get(), personId);
    expect((await verifyAuditChain(pool)).ok).toBe(true);
  });
});
