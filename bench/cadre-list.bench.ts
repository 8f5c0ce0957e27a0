/**
 * bench/cadre-list: the cadre list/search endpoint over N cadres (default 100,000) under 32 concurrent
 * requests, next to a bare node:http handler running the same SQL, in the same run.
 * Aim (issue 2): product p95 ≤ 50 ms and ≥ 60 % of the bare handler's throughput.
 *
 *   npm run bench:cadre-list -- [--people 100000] [--seconds 15] [--concurrency 32] [--fresh]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import crypto from 'node:crypto';
import path from 'node:path';
import { benchDatabase } from './bench-db.js';
import { runLoad, fmt } from './load.js';
import { hashToken } from '../server/domain/access/login.js';
import { projectRoot } from '../server/config.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '32' },
    fresh: { type: 'boolean', default: false },
  },
});
const people = Number(values.people);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

function start(cmd: string[], env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cmd, { cwd: projectRoot(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (d) => {
      const s = String(d);
      if (s.includes('READY') || s.includes('đang chạy')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${cmd.join(' ')} exited ${code}`)));
  });
}

const { url, database } = await benchDatabase(people, values.fresh);
// a Sở Nội vụ session: the whole province in scope, the heaviest list
const user = await database.pool.query(`INSERT INTO users (username, password_hash, display_name) VALUES ($1, 'x', 'Bench') RETURNING id`, [
  'bench_' + crypto.randomBytes(4).toString('hex'),
]);
await database.pool.query(`INSERT INTO role_grants (user_id, role) VALUES ($1, 'home_affairs')`, [user.rows[0].id]);
const token = crypto.randomBytes(24).toString('base64url');
await database.pool.query(`INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, 'x', now() + interval '2 hours')`, [
  hashToken(token),
  user.rows[0].id,
]);

// the same request mix for both: searches without accents, first pages, deeper pages
const names = (await database.pool.query(`SELECT f_unaccent(lower(full_name)) AS n FROM people TABLESAMPLE SYSTEM (1) LIMIT 200`)).rows.map((r) => r.n as string);
const queries: string[] = [];
for (let i = 0; i < 200; i++) {
  const n = names[i % names.length].split(' ');
  const kind = i % 4;
  if (kind === 0) queries.push(`page=${1 + (i % 5)}&pageSize=20`);
  else if (kind === 1) queries.push(`q=${encodeURIComponent(n.slice(-2).join(' '))}&page=1&pageSize=20`);
  else if (kind === 2) queries.push(`q=${encodeURIComponent(n.join(' '))}&page=1&pageSize=20`);
  else queries.push(`q=${encodeURIComponent(n[n.length - 1])}&page=2&pageSize=20`);
}
await database.close();

const productPort = 3901;
const barePort = 3902;
const product = await start([path.join('dist/server/main.js')], {
  DATABASE_URL: url,
  DEMO: 'false',
  PORT: String(productPort),
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
});
const bare = await start(['dist/bench/bare-cadre-list.js'], { DATABASE_URL: url, PORT: String(barePort) });
try {
  const productUrls = queries.map((q) => `http://127.0.0.1:${productPort}/api/cadres?${q}`);
  const bareUrls = queries.map((q) => `http://127.0.0.1:${barePort}/?${q}`);
  const headers = { cookie: `tc_session=${token}` };
  // warm both (plans, caches), then measure alternately so neither gets a warmer machine
  await runLoad(productUrls, { concurrency: 8, seconds: 3, headers });
  await runLoad(bareUrls, { concurrency: 8, seconds: 3 });
  const b = await runLoad(bareUrls, { concurrency, seconds });
  const p = await runLoad(productUrls, { concurrency, seconds, headers });
  console.log(`\ncadre list over ${people.toLocaleString('en')} cadres, ${concurrency} concurrent requests, ${seconds} s each`);
  console.log(`  bare handler (same SQL): ${fmt(b)}`);
  console.log(`  product (/api/cadres):   ${fmt(p)}`);
  console.log(`  throughput ratio product/bare: ${(p.rps / b.rps).toFixed(2)} (aim ≥ 0.60); product p95 ${p.p95.toFixed(1)} ms (aim ≤ 50 ms)`);
} finally {
  product.kill('SIGTERM');
  bare.kill('SIGTERM');
}
