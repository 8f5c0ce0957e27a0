/**
 * The soak (issue 14): SOAK_CONCURRENCY (32) workers for SOAK_SECONDS (600) send a realistic mix to one server —
 * reads (the cadre list with a search and filters, a profile, the screening page, the quotas, the secondment list,
 * the inbox) and some writes (a phone number, a rating) — as the demo roles sonoivu, tochuc and donvi. At the end:
 * requests, errors (should be 0), p50/p95/p99 latency, and the server's resident memory (VmRSS, every 10 s) with the
 * growth from the first window to the last (SOAK_WINDOW seconds, default 60 or a third of the run if shorter).
 *
 *   npm run soak                          # starts a demo server on a fresh database (dropped afterwards)
 *   BASE_URL=http://… SERVER_PID=… npm run soak   # an already running demo server (memory only with SERVER_PID)
 *
 * The last line, `SOAK_RESULT {json}`, is for faults/soak.faults.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../server/config.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 32);
const WINDOW = Number(process.env.SOAK_WINDOW ?? Math.min(60, SECONDS / 3));
const WARMUP = Number(process.env.SOAK_WARMUP ?? 10);
const SAMPLE_MS = 10_000;
const PG_ADMIN_URL = process.env.SOAK_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

/** A demo server of its own, on a fresh database of the local PostgreSQL. */
async function startServer(): Promise<{ baseURL: string; child: ChildProcess; stop(): Promise<void> }> {
  const dbName = `tc_soak_${crypto.randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${dbName}`;
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist/server/main.js')], {
    cwd: projectRoot(),
    env: { ...process.env, DATABASE_URL: u.toString(), PORT: String(port), HOST: '127.0.0.1', DEMO: 'true', DEMO_PEOPLE: '1500', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exit = once(child, 'exit');
      child.kill('SIGTERM');
      await exit;
    }
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('the server did not answer /api/health in 180 s');
    }
    await sleep(250);
  }
  return { baseURL, child, stop };
}

interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

async function login(baseURL: string, username: string): Promise<Session> {
  const r = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: process.env.SOAK_PASSWORD ?? 'tangcuong' }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: HTTP ${r.status}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { username, cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

function rssKb(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const given = process.env.BASE_URL?.startsWith('http') ? process.env.BASE_URL.replace(/\/$/, '') : undefined;
const own = given ? null : await startServer();
const baseURL = given ?? own!.baseURL;
const pid = own?.child.pid ?? (process.env.SERVER_PID ? Number(process.env.SERVER_PID) : undefined);

try {
  const hr = await login(baseURL, 'tochuc');
  const readers = [await login(baseURL, 'sonoivu'), hr, await login(baseURL, 'donvi')];
  const call = async (s: Session, method: string, url: string, body?: unknown) =>
    fetch(`${baseURL}${url}`, {
      method,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // what the requests are about: names to search for, cadres to open, and one cadre per worker for its writes
  // each role opens profiles of its own scope (a unit's officer sees only the unit's cadres)
  const samples = await Promise.all(
    readers.map(async (s) => ((await (await call(s, 'GET', '/api/cadres?pageSize=100&sort=code')).json()) as { items: { id: string; fullName: string }[] }).items),
  );
  const mine = (await (await call(hr, 'GET', `/api/cadres?pageSize=100&sort=code&category=cong_chuc`)).json()) as { items: { id: string }[] };
  if (samples.some((x) => x.length === 0) || mine.items.length === 0) throw new Error('the server has no cadres to soak with (a demo server is needed)');
  const words = [...new Set(samples[0].flatMap((c) => c.fullName.split(' ')))];
  const pick = <T>(xs: T[]) => xs[crypto.randomInt(0, xs.length)];
  const year = new Date().getFullYear();

  const reads: ((s: Session) => string)[] = [
    () => `/api/cadres?q=${encodeURIComponent(pick(words))}&page=1&pageSize=20`,
    () =>
      `/api/cadres?category=${pick(['cong_chuc', 'vien_chuc', 'can_bo'])}&gender=${pick(['male', 'female'])}&sort=${pick(['name', 'code'])}&page=${1 + crypto.randomInt(0, 3)}&pageSize=20`,
    () => `/api/cadres?q=${encodeURIComponent(pick(words))}&ageMin=30&ageMax=55&inPlanning=${pick(['true', 'false'])}&pageSize=20`,
    (s) => `/api/cadres/${pick(samples[readers.indexOf(s)]).id}`,
    () => `/api/eligibility?pageSize=50`,
    () => `/api/quotas?year=${year}`,
    () => `/api/secondments`,
    () => `/api/inbox`,
  ];

  const latencies: number[] = [];
  const byKind: Record<string, number> = {};
  const latByKind: Record<string, number[]> = {};
  const errorsByKind: Record<string, number> = {};
  let errors = 0;
  let measuring = false;
  const started = performance.now();
  const warmupEnd = started + WARMUP * 1000;
  const deadline = warmupEnd + SECONDS * 1000;

  async function timed(kind: string, f: () => Promise<Response>, ok: (status: number) => boolean = (s) => s === 200) {
    const t0 = performance.now();
    let good = false;
    try {
      const r = await f();
      await r.arrayBuffer();
      good = ok(r.status);
      if (!good) errorsByKind[`${kind} ${r.status}`] = (errorsByKind[`${kind} ${r.status}`] ?? 0) + 1;
    } catch (err) {
      errorsByKind[`${kind} ${(err as Error).name}`] = (errorsByKind[`${kind} ${(err as Error).name}`] ?? 0) + 1;
    }
    if (!measuring) return;
    latencies.push(performance.now() - t0);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    (latByKind[kind] ??= []).push(performance.now() - t0);
    if (!good) errors++;
  }

  async function worker(i: number) {
    const own = mine.items[i % mine.items.length];
    while (performance.now() < deadline) {
      const r = crypto.randomInt(0, 100);
      if (r < 5) {
        // a phone number: read the record's version, then change it (the worker's own cadre: no conflicts between workers)
        await timed('edit phone', async () => {
          const rec = (await (await call(hr, 'GET', `/api/cadres/${own.id}`)).json()) as { version: number };
          return call(hr, 'PATCH', `/api/cadres/${own.id}`, { version: rec.version, phone: `09${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}` });
        });
      } else if (r < 8) {
        await timed('rating', () => call(hr, 'PUT', `/api/cadres/${own.id}/ratings`, { year, points: 50 + crypto.randomInt(0, 50) }));
      } else {
        const k = crypto.randomInt(0, reads.length);
        const s = readers[i % readers.length];
        const url = reads[k](s);
        await timed(url.split('?')[0].replace(/[0-9a-f-]{36}/, ':id') + (url.includes('?') ? '?' : ''), () => call(s, 'GET', url));
      }
    }
  }

  const rss: { t: number; kb: number }[] = [];
  const sampleRss = () => {
    const kb = pid ? rssKb(pid) : null;
    if (kb !== null) rss.push({ t: Math.round((performance.now() - warmupEnd) / 1000), kb });
  };
  let sampler: NodeJS.Timeout | undefined;
  // the measured run starts after the warm-up: requests counted from then, memory sampled at 0 s, 10 s, 20 s…
  const begin = setTimeout(
    () => {
      measuring = true;
      sampleRss();
      sampler = setInterval(sampleRss, SAMPLE_MS);
    },
    Math.max(0, warmupEnd - performance.now()),
  );
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => worker(i)));
  clearTimeout(begin);
  clearInterval(sampler);
  sampleRss();

  const seconds = (performance.now() - warmupEnd) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const end = rss.at(-1)?.t ?? 0;
  const firstMb = mean(rss.filter((x) => x.t <= WINDOW).map((x) => x.kb)) / 1024;
  const lastMb = mean(rss.filter((x) => x.t >= end - WINDOW).map((x) => x.kb)) / 1024;
  // the trend after the first window (least squares, MB per minute): a leak keeps a positive slope however long it runs
  const late = rss.filter((x) => x.t >= WINDOW);
  const mt = mean(late.map((x) => x.t));
  const mk = mean(late.map((x) => x.kb));
  const slope = late.reduce((a, x) => a + (x.t - mt) * (x.kb - mk), 0) / late.reduce((a, x) => a + (x.t - mt) ** 2, 0);
  const slopeMbPerMin = late.length >= 3 ? (slope * 60) / 1024 : NaN;
  const result = {
    seconds: Number(seconds.toFixed(1)),
    concurrency: CONCURRENCY,
    requests: latencies.length,
    rps: Number((latencies.length / seconds).toFixed(1)),
    errors,
    p50: Number(pct(50).toFixed(1)),
    p95: Number(pct(95).toFixed(1)),
    p99: Number(pct(99).toFixed(1)),
    byKind,
    errorsByKind,
    rssMb: rss.map((x) => [x.t, Number((x.kb / 1024).toFixed(1))]),
    windowSeconds: WINDOW,
    rssFirstMb: Number(firstMb.toFixed(1)),
    rssLastMb: Number(lastMb.toFixed(1)),
    rssGrowth: Number(((lastMb - firstMb) / firstMb).toFixed(4)),
    rssSlopeMbPerMinAfterFirstWindow: Number(slopeMbPerMin.toFixed(2)),
  };
  console.log(`soak: ${CONCURRENCY} workers for ${result.seconds} s (after ${WARMUP} s of warm-up) on ${own ? 'a demo server of its own' : baseURL}`);
  console.log(`  ${result.requests} requests = ${result.rps} req/s; errors ${errors}; p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms`);
  const p95Of = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))];
  console.log(
    `  requests by kind (count, p95 ms): ${Object.entries(latByKind)
      .map(([k, xs]) => `${k} ${xs.length} ${p95Of(xs).toFixed(0)}`)
      .join('; ')}`,
  );
  if (errors) console.log(`  errors by kind: ${JSON.stringify(errorsByKind)}`);
  if (pid) {
    console.log(`  server RSS (MB, every 10 s): ${rss.map((x) => `${x.t}s ${(x.kb / 1024).toFixed(0)}`).join(', ')}`);
    console.log(
      `  RSS first ${WINDOW} s ${result.rssFirstMb} MB → last ${WINDOW} s ${result.rssLastMb} MB: ${(result.rssGrowth * 100).toFixed(1)} % (${result.rssGrowth < 0.25 ? 'flat' : 'GROWING'}); trend after the first ${WINDOW} s ${result.rssSlopeMbPerMinAfterFirstWindow} MB/min`,
    );
  } else console.log('  server RSS: unknown (set SERVER_PID with BASE_URL)');
  console.log(`SOAK_RESULT ${JSON.stringify(result)}`);
  process.exitCode = errors === 0 ? 0 : 1;
} finally {
  await own?.stop();
}
