/**
 * bench/matching-db: a matching run end to end through the use case (runMatching: the round's needs, the province
 * screening, facts of the eligible, quotas, pair checks by the rules, the exact solve in a worker thread, the
 * verifier, the stored run) on the demo database of N cadres (bench-db.ts), with the demo's approved round.
 *
 *   npx tsx bench/matching-db.bench.ts [--people 20000]
 *
 * Measured (03/12/2026, 2 shared cores): 20,000 demo cadres, a round of 66 approved needs → 140 eligible, 1,498
 * allowed pairs, solve 59 ms, end to end 0.8 s, proven optimal; peak RSS 279 MB; stored run 43 kB.
 */
import { parseArgs } from 'node:util';
import { benchDatabase } from './bench-db.js';
import { runMatching } from '../server/domain/matching/run-matching.js';
import { SYSTEM_ACTOR } from '../server/domain/access/actor.js';
import { vietnamToday } from '../common/dates.js';

const { values } = parseArgs({ options: { people: { type: 'string', default: '20000' } } });
const { database } = await benchDatabase(Number(values.people));
const round = (
  await database.pool.query<{ id: string; needs: number }>(
    `SELECT r.id, count(n.id)::int AS needs FROM demand_rounds r JOIN commune_needs n ON n.round_id = r.id AND n.status = 'approved'
   WHERE r.status = 'approved' GROUP BY r.id ORDER BY needs DESC LIMIT 1`,
  )
).rows[0];
if (!round) throw new Error('the demo has no approved round with approved needs');
const actor = { ...SYSTEM_ACTOR, grants: [{ role: 'home_affairs' as const, unitId: null }] };
let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t0 = performance.now();
const run = await database.db.transaction((tx) => runMatching({ actor, tx, today: vietnamToday() }, { roundId: round.id }));
const ms = performance.now() - t0;
clearInterval(sample);
const stored = (
  await database.pool.query<{ kb: number }>(`SELECT (pg_column_size(inputs) + pg_column_size(result)) / 1024 AS kb FROM matching_runs WHERE id = $1`, [run.id])
).rows[0]!;
console.log(`matching run on ${values.people} demo cadres, round with ${round.needs} approved needs`);
console.log(`  ${run.stats.candidates} eligible candidates, ${run.stats.allowedPairs} allowed pairs, solve ${run.stats.solveMs} ms`);
console.log(`  end to end ${ms.toFixed(0)} ms → ${run.proven ? 'proven optimal' : 'NOT PROVEN'}; ${run.pairs.length} pairs, ${run.unfilled.length} needs short`);
console.log(`  peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB; stored run ${stored.kb} kB`);
await database.pool.end();
