/**
 * bench/screening: the whole-province eligibility screening over N cadres (default 100,000; try 1,000,000)
 * through the product's own code path (the screenPeople use case: plan version, scope, verdicts, target
 * groups and priorities in Vietnamese name order, summary, filters, the first page explained by the rules in
 * TypeScript, the audit row), next to the bare SQL statement that computes the same verdicts (no scope, no
 * order, no priority), run raw on the same database in the same run.
 * Aim (issue 4): within 1.5× of the statement, and under 1 s end to end for 100,000.
 *
 *   npm run bench:screening -- [--people 100000] [--runs 5] [--fresh]
 */
import { vietnamToday } from '../common/dates.js';
import { parseArgs } from 'node:util';
import { benchDatabase } from './bench-db.js';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { verdictsStatement } from '../server/db/repositories/screening-verdicts.repository.js';
import { screenPeople } from '../server/domain/eligibility/screen-people.js';
import { planInForce } from '../server/domain/plans/plan-in-force.js';
import { screeningQuery } from '../common/schemas/eligibility.js';
import { SYSTEM_ACTOR } from '../server/domain/access/actor.js';

const { values } = parseArgs({
  options: { people: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, fresh: { type: 'boolean', default: false } },
});
const people = Number(values.people);
const runs = Number(values.runs);
const REF = '2026-11-26';

const { database } = await benchDatabase(people, values.fresh);
const actor = { ...SYSTEM_ACTOR, grants: [{ role: 'home_affairs' as const, unitId: null }] };
const params = (await planInForce(database.db, REF)).params;
const { sql: statement, params: statementParams } = new PgDialect().sqlToQuery(verdictsStatement({ where: sql`TRUE`, referenceDate: REF, params, ranked: false }));
async function sqlVerdicts() {
  const c = await database.pool.connect();
  try {
    await c.query("BEGIN; SET LOCAL jit = off; SET LOCAL work_mem = '64MB'");
    const r = await c.query(statement, statementParams);
    await c.query('COMMIT');
    return r.rows;
  } finally {
    c.release();
  }
}
const q = screeningQuery.parse({ referenceDate: REF, pageSize: '20' });

async function time<T>(fn: () => Promise<T>) {
  const t0 = performance.now();
  const r = await fn();
  return { ms: performance.now() - t0, r };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// warm both once (plans, caches), then alternate so neither gets a warmer machine
await screenPeople({ actor, tx: database.db, today: vietnamToday() }, q);
await sqlVerdicts();
const product: number[] = [];
const limit: number[] = [];
let screened = 0;
let verdicts = 0;
let rssPeak = 0;
for (let i = 0; i < runs; i++) {
  const p = await time(() => screenPeople({ actor, tx: database.db, today: vietnamToday() }, q));
  product.push(p.ms);
  screened = p.r.summary.total;
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const l = await time(() => sqlVerdicts());
  limit.push(l.ms);
  verdicts = l.r.length;
}
console.log(`\nwhole-province screening of ${screened.toLocaleString('en')} active cadres (${people.toLocaleString('en')} generated), ${runs} runs, median`);
console.log(`  the SQL statement alone (${verdicts.toLocaleString('en')} verdicts): ${median(limit).toFixed(0)} ms`);
console.log(`  product (screenPeople use case): ${median(product).toFixed(0)} ms  (runs: ${product.map((x) => x.toFixed(0)).join(', ')})`);
console.log(
  `  ratio product/SQL: ${(median(product) / median(limit)).toFixed(2)} (aim ≤ 1.5); product ${median(product) < 1000 ? 'under' : 'over'} 1 s; peak RSS ${(rssPeak / 2 ** 20).toFixed(0)} MB`,
);
await database.close();
