/**
 * bench/screening: the whole-province eligibility screening over N cadres (default 100,000; try 1,000,000)
 * through the product's own code path (the screenPeople use case: plan version, facts statement, rules in
 * TypeScript, summary, priority order, first page), next to one hand-written SQL statement that computes
 * the same verdicts (bench/screening-verdicts-sql.ts; a test proves they agree). Same database, same run.
 * Aim (issue 4): within 1.5× of the statement, and under 1 s end to end for 100,000.
 *
 *   npx tsx bench/screening.bench.ts [--people 100000] [--runs 5] [--fresh]
 */
import { parseArgs } from 'node:util';
import { benchDatabase } from './bench-db.js';
import { sqlVerdicts } from './screening-verdicts-sql.js';
import { screenPeople } from '../server/domain/eligibility/screen-people.js';
import { planInForce } from '../server/domain/eligibility/rule-context.js';
import { screeningQuery } from '../common/schemas/eligibility.js';
import { SYSTEM_ACTOR } from '../server/domain/access/actor.js';

const { values } = parseArgs({ options: { people: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, fresh: { type: 'boolean', default: false } } });
const people = Number(values.people);
const runs = Number(values.runs);
const REF = '2026-11-26';

const { database } = await benchDatabase(people, values.fresh);
const actor = { ...SYSTEM_ACTOR, grants: [{ role: 'home_affairs' as const, unitId: null }] };
const params = (await planInForce(database.db, REF)).params;
const q = screeningQuery.parse({ referenceDate: REF, pageSize: '20' });

async function time<T>(fn: () => Promise<T>) {
  const t0 = performance.now();
  const r = await fn();
  return { ms: performance.now() - t0, r };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// warm both once (plans, caches), then alternate so neither gets a warmer machine
await screenPeople({ actor, tx: database.db }, q);
await sqlVerdicts(database.pool, REF, params);
const product: number[] = [];
const limit: number[] = [];
let screened = 0;
let verdicts = 0;
let rssPeak = 0;
for (let i = 0; i < runs; i++) {
  const p = await time(() => screenPeople({ actor, tx: database.db }, q));
  product.push(p.ms);
  screened = p.r.summary.total;
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const l = await time(() => sqlVerdicts(database.pool, REF, params));
  limit.push(l.ms);
  verdicts = l.r.length;
}
console.log(`\nwhole-province screening of ${screened.toLocaleString('en')} active cadres (${people.toLocaleString('en')} generated), ${runs} runs, median`);
console.log(`  hand-written SQL statement (${verdicts.toLocaleString('en')} verdicts): ${median(limit).toFixed(0)} ms`);
console.log(`  product (screenPeople use case): ${median(product).toFixed(0)} ms  (runs: ${product.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  ratio product/SQL: ${(median(product) / median(limit)).toFixed(2)} (aim ≤ 1.5); product ${median(product) < 1000 ? 'under' : 'over'} 1 s; peak RSS ${(rssPeak / 2 ** 20).toFixed(0)} MB`);
await database.close();
