/**
 * The reliability suite (on demand: `npm run test:faults`): two server processes on one database, as behind a load
 * balancer. Sessions live in PostgreSQL, so a login on one works on the other and a change made on one is seen on
 * the other; the job workers of both claim imports with SKIP LOCKED, so each job runs once; and when the process
 * committing an import is killed with SIGKILL, the other re-queues the job once its heartbeat is stale and finishes
 * (or fails) it all-or-nothing. Which process holds a job's transaction is read from pg_stat_activity
 * (application_name `tangcuong-a` / `tangcuong-b`, e2e/support/app-server.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import pg from 'pg';
import { startAppServer, type AppServer, type SecondServer } from '../e2e/support/app-server.js';
import { ApiSession as Session } from '../e2e/support/api-session.js';
import { buildXlsx, cadreRow } from '../test/support/xlsx-files.js';

const ROWS = 300;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KILL_TRIALS = Number(process.env.KILL_TRIALS ?? 12);

let a: AppServer;
let b: SecondServer;
let db: pg.Pool;
let unitCode: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settled(s: Session, id: string, timeoutMs = 180_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await s.json<{ state: string }>('GET', `/api/imports/${id}`);
    expect(r.status).toBe(200);
    if (!['uploaded', 'validating', 'committing'].includes(r.body.state)) return r.body.state;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${r.body.state} after ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/** The server processes holding a transaction open for a while: the job workers (requests are short). */
async function busyWorkers(): Promise<string[]> {
  const r = await db.query<{ app: string }>(
    `SELECT DISTINCT application_name AS app FROM pg_stat_activity
      WHERE datname = current_database() AND application_name LIKE 'tangcuong-%'
        AND state IN ('active', 'idle in transaction') AND xact_start < now() - interval '40 milliseconds'`,
  );
  return r.rows.map((x) => x.app);
}

/** Uploads a file of `prefix` cadres on `s`'s server and waits until it is validated. */
async function uploaded(s: Session, prefix: string): Promise<string> {
  const file = await buildXlsx({ sheets: { cadres: Array.from({ length: ROWS }, (_, i) => cadreRow(`${prefix}${String(i).padStart(4, '0')}`, unitCode)) } });
  const up = await s.req('POST', `/api/imports?fileName=${prefix}.xlsx`, new Uint8Array(file), XLSX);
  expect(up.status).toBe(202);
  const id = ((await up.json()) as { id: string }).id;
  expect(await settled(s, id)).toBe('validated');
  return id;
}

const peopleWith = async (prefix: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE code LIKE $1`, [`${prefix}%`])).rows[0].n;
const jobsOf = async (id: string) =>
  (
    await db.query<{ kind: string; status: string; attempts: number }>(
      `SELECT kind, status, attempts FROM jobs WHERE payload->>'importId' = $1 ORDER BY created_at`,
      [id],
    )
  ).rows;

beforeAll(async () => {
  a = await startAppServer({ name: 'two' });
  b = await a.secondProcess();
  db = new pg.Pool({ connectionString: a.databaseUrl, max: 2, application_name: 'faults-test' });
  unitCode = (
    await db.query<{ code: string }>(
      `SELECT u.code FROM users us JOIN role_grants g ON g.user_id = us.id JOIN org_units u ON u.id = g.unit_id WHERE us.username = 'tochuc'`,
    )
  ).rows[0].code;
}, 240_000);

afterAll(async () => {
  await db?.end();
  await a?.stop();
});

describe('two server processes on one database', () => {
  it('a session made on A works on B, and a CSRF-protected change made on B is seen on A', async () => {
    const onA = await new Session(a.baseURL).login('tochuc');
    const onB = onA.on(b.baseURL);
    const list = await onB.json<{ items: { id: string }[] }>('GET', '/api/cadres?pageSize=1&sort=code');
    expect(list.status).toBe(200);
    const id = list.body.items[0].id;
    const rec = await onB.json<{ version: number; identity: { phone: string | null } }>('GET', `/api/cadres/${id}`);
    let phone = rec.body.identity.phone;
    while (phone === rec.body.identity.phone) phone = `09${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`;
    // without the session's CSRF token B refuses the change
    expect((await onB.json('PATCH', `/api/cadres/${id}`, { version: rec.body.version, phone }, false)).status).toBe(403);
    const patched = await onB.json<{ changed: string[] }>('PATCH', `/api/cadres/${id}`, { version: rec.body.version, phone });
    expect(patched.status).toBe(200);
    expect(patched.body.changed).toEqual(['phone']);
    const seen = await onA.json<{ identity: { phone: string | null } }>('GET', `/api/cadres/${id}`);
    expect(seen.body.identity.phone).toBe(phone);
    // logging out on B ends the session on A too
    expect((await onB.req('POST', '/api/auth/logout')).status).toBeLessThan(300);
    expect((await onA.req('GET', `/api/cadres/${id}`)).status).toBe(401);
  });

  it('imports uploaded on A are validated and committed exactly once, by whichever worker claims them', async () => {
    const s = await new Session(a.baseURL).login('tochuc');
    const seen = new Set<string>();
    let watching = true;
    const watch = (async () => {
      while (watching) {
        for (const app of await busyWorkers()) seen.add(app);
        await sleep(20);
      }
    })();
    const ids: [string, string][] = [];
    // uploaded back to back, so that both workers have work at the same time
    const files = await Promise.all(['T2A', 'T2B', 'T2C', 'T2D'].map(async (prefix) => [prefix, await uploaded(s, prefix)] as [string, string]));
    for (const [prefix, id] of files) {
      expect((await s.req('POST', `/api/imports/${id}/commit`)).status).toBe(202);
      ids.push([prefix, id]);
    }
    for (const [prefix, id] of ids) {
      expect(await settled(s, id)).toBe('committed');
      expect(await peopleWith(prefix)).toBe(ROWS);
      const jobs = await jobsOf(id);
      // one validation, one commit, each run once
      expect(jobs.map((j) => [j.kind, j.status, j.attempts])).toEqual([
        ['import_validate', 'succeeded', 1],
        ['import_commit', 'succeeded', 1],
      ]);
    }
    watching = false;
    await watch;
    console.log('two servers: job transactions seen from', [...seen].sort());
    // four files at once, one job at a time per worker: both processes took a share
    expect([...seen].sort()).toEqual(['tangcuong-a', b.appName]);
    expect((await a.cli(['verify-audit'])).toString()).toMatch(/Nhật ký toàn vẹn/);
  }, 600_000);

  it('kill -9 of A while it commits an import: B re-runs the job, and the import is all-or-nothing', async () => {
    let killed = 0;
    for (let trial = 0; trial < KILL_TRIALS && killed === 0; trial++) {
      const s = await new Session(a.baseURL).login('tochuc');
      const prefix = `K${String(trial).padStart(2, '0')}`;
      const id = await uploaded(s, prefix);
      expect((await s.req('POST', `/api/imports/${id}/commit`)).status).toBe(202);
      // who holds the commit's transaction: kill A only when it is A
      let holder: string | undefined;
      const deadline = Date.now() + 20_000;
      while (!holder && Date.now() < deadline) {
        const running = (await db.query(`SELECT 1 FROM jobs WHERE payload->>'importId' = $1 AND kind = 'import_commit' AND status = 'running'`, [id])).rowCount;
        const busy = await busyWorkers();
        if (running && busy.length === 1) holder = busy[0];
        const state = (await db.query<{ state: string }>(`SELECT state FROM imports WHERE id = $1`, [id])).rows[0].state;
        if (state === 'committed' || state === 'failed') break;
        await sleep(10);
      }
      const viaB = s.on(b.baseURL);
      if (holder === 'tangcuong-a') {
        await a.kill9();
        killed++;
        const state = await settled(viaB, id);
        const n = await peopleWith(prefix);
        expect([0, ROWS]).toContain(n);
        expect(n === ROWS).toBe(state === 'committed');
        const jobs = await jobsOf(id);
        const commit = jobs.find((j) => j.kind === 'import_commit')!;
        // re-queued by B once A's heartbeat went stale, and run again
        expect(commit.attempts).toBeGreaterThanOrEqual(2);
        console.log(`two servers: A killed while committing ${prefix}; B left it ${state} with ${n} people (commit attempts ${commit.attempts})`);
        await a.restart();
      } else {
        const state = await settled(viaB, id);
        expect(state).toBe('committed');
        expect(await peopleWith(prefix)).toBe(ROWS);
      }
      expect(await a.cli(['verify-audit'])).toMatch(/Nhật ký toàn vẹn/);
    }
    expect(killed, 'A was caught holding a commit at least once').toBe(1);
  }, 1_800_000);
});
