/**
 * bench/matching: the exact matching model (server/domain/matching) on a synthetic province — N candidates in U
 * sending units with quotas, M needs over the 15 fields, one or two fields per candidate, some local blocks — time
 * to a proven optimum (solve, then the independent verifier) and peak RSS. No database: the model alone.
 * Aim (issue 13): ≤ 3 s for 5,000 × 300. Measured (03/12/2026, 2 shared cores, tsx): 5,000 × 300 with 236k pairs
 * about 0.5 s to a proven optimum, peak RSS about 170 MB; 20,000 × 1,000 with 2.9 M pairs about 6 s, about 730 MB.
 * The limit, in the same run: the same model's LP relaxation (bounds 0–1, no integrality) solved alone by HiGHS
 * (`highs`, WASM, a dev dependency of the bench only): no integer answer can score more than the LP optimum, so the
 * two objectives must agree, and the ratio of times says what the exact flow costs against a general LP solver.
 *
 *   npm run bench:matching -- [--candidates 5000] [--needs 300] [--units 40] [--seed 1]   (or: npx tsx bench/matching.bench.ts)
 */
import { parseArgs } from 'node:util';
import { DEMAND_FIELDS } from '../common/demand.js';
import { PLAN_131_PARAMS } from '../common/plan-params.js';
import { solveMatching } from '../server/domain/matching/solve-matching.js';
import { verifyMatching } from '../server/domain/matching/verify-matching.js';
import { allowedPairs, SCALE, type MatchingInput, type MatchingNeed, type PairBlock } from '../server/domain/matching/model.js';
import highsPkg from 'highs';

// a CommonJS package: its module object under NodeNext typing, the loader itself (or under .default) at run time
const highsLoader = ((highsPkg as unknown as { default?: unknown }).default ?? highsPkg) as unknown as (typeof highsPkg)['default'];

const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '5000' },
    needs: { type: 'string', default: '300' },
    units: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
  },
});
const C = Number(values.candidates);
const N = Number(values.needs);
const U = Number(values.units);
let seed = Number(values.seed) >>> 0;
/** mulberry32: the low bits of a plain LCG are far from random and would put every cadre in a few units. */
const rnd = (k: number) => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let x = seed;
  x = Math.imul(x ^ (x >>> 15), x | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * k);
};

/** A synthetic input: quotas ~5 % of a unit's share, priorities as Plan 131's weights, 1 in 8 key needs with 1 in 20 local. */
function synthetic(): MatchingInput {
  const w = PLAN_131_PARAMS.priorityWeights;
  const units = Array.from({ length: U }, (_, i) => ({
    id: `u${i}`,
    name: `Sở ${i}`,
    remainingQuota: Math.max(1, Math.round((C / U) * 0.05 * (0.5 + rnd(100) / 100))),
  }));
  const candidates = Array.from({ length: C }, (_, i) => {
    const fields = new Set([DEMAND_FIELDS[rnd(DEMAND_FIELDS.length)]!]);
    if (rnd(2)) fields.add(DEMAND_FIELDS[rnd(DEMAND_FIELDS.length)]!);
    const parts = [];
    if (rnd(3) === 0) parts.push({ factor: 'young' as const, label: 'Cán bộ trẻ', points: w.young });
    if (rnd(2) === 0) parts.push({ factor: 'female' as const, label: 'Cán bộ nữ', points: w.female });
    if (rnd(10) === 0) parts.push({ factor: 'ethnicMinority' as const, label: 'Người dân tộc thiểu số', points: w.ethnicMinority });
    if (rnd(5) === 0) parts.push({ factor: 'outstandingRating' as const, label: 'Hoàn thành xuất sắc nhiệm vụ', points: w.outstandingRating });
    return {
      id: `c${i}`,
      name: `Cán bộ ${i}`,
      sendingUnitId: `u${rnd(U)}`,
      fields: [...fields],
      priorityParts: parts,
      soleKeyPostHolder: rnd(200) === 0 ? 'Giám đốc' : null,
    };
  });
  const needs: MatchingNeed[] = Array.from({ length: N }, (_, i) => {
    const key = rnd(8) === 0;
    return {
      id: `n${i}`,
      communeId: `x${i % 103}`,
      communeName: `Xã ${i % 103}`,
      postTitle: key ? 'Chủ tịch UBND' : null,
      isKeyPost: key,
      field: key ? 'lanh_dao' : DEMAND_FIELDS[rnd(DEMAND_FIELDS.length)]!,
      count: 1 + rnd(3),
      urgency: (['high', 'normal', 'low'] as const)[rnd(3)],
    };
  });
  const pairBlocks: PairBlock[] = [];
  for (const n of needs) {
    if (!n.isKeyPost) continue;
    for (const c of candidates)
      if (c.fields.includes('lanh_dao') && rnd(20) === 0)
        pairBlocks.push({ candidateId: c.id, needId: n.id, criterion: 'non_local', result: 'fail', reason: 'local' });
  }
  return { candidates, needs, units, pairBlocks, weights: PLAN_131_PARAMS.matchingWeights };
}

const input = synthetic();
let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t0 = performance.now();
const result = solveMatching(input);
const t1 = performance.now();
const check = verifyMatching(input, result.pairs, result.certificate);
const t2 = performance.now();
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
const seats = input.needs.reduce((s, n) => s + n.count, 0);
const quota = input.units.reduce((s, u) => s + u.remainingQuota, 0);
console.log(`matching ${C} candidates × ${N} needs (${seats} seats, ${U} units, quota ${quota}), ${result.stats.allowedPairs} allowed pairs`);
console.log(
  `  solve (exact min-cost flow, with explanations): ${(t1 - t0).toFixed(0)} ms, ${result.stats.augmentations} augmenting paths in ${result.stats.phases} Dijkstra phases`,
);
console.log(
  `  verify (certificate from the inputs alone):     ${(t2 - t1).toFixed(0)} ms → ${check.ok ? 'proven optimal' : `NOT PROVEN: ${check.issues.join('; ')}`}`,
);
console.log(`  pairs ${result.pairs.length}, objective ${result.objective}, bound ${check.bound}, unfilled needs ${result.unfilled.length}`);
console.log(`  time to a proven optimum ${(t2 - t0).toFixed(0)} ms (aim ≤ 3000 ms); peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`);

// the limit: the LP relaxation of the same model, solved alone (building the text is not counted)
const lp = lpOf(input);
const highs = await highsLoader();
const t3 = performance.now();
const relaxed = highs.solve(lp, { presolve: 'on' });
const t4 = performance.now();
const lpObjective = relaxed.ObjectiveValue / SCALE;
console.log(`  LP relaxation alone (HiGHS ${relaxed.Status}): ${(t4 - t3).toFixed(0)} ms, objective ${lpObjective.toFixed(3)}`);
console.log(
  `  ratio product / limit: ${((t2 - t0) / (t4 - t3)).toFixed(2)} (time to a proven optimum ÷ the LP alone); objectives ${
    Math.abs(lpObjective - result.objective) < 1e-6 ? 'agree' : `DIFFER by ${(lpObjective - result.objective).toFixed(6)}`
  }`,
);
if (!check.ok || relaxed.Status !== 'Optimal' || Math.abs(lpObjective - result.objective) > 1e-6) process.exitCode = 1;

/** The model as a CPLEX LP text: max Σ w·x; each cadre ≤ 1, each need ≤ its count, each unit ≤ its quota; 0 ≤ x ≤ 1. */
function lpOf(m: MatchingInput): string {
  const pairs = allowedPairs(m);
  const byCandidate = new Map<number, number[]>();
  const byNeed = new Map<number, number[]>();
  const byUnit = new Map<string, number[]>();
  pairs.forEach((p, k) => {
    const push = <K>(map: Map<K, number[]>, key: K) => (map.get(key) ?? map.set(key, []).get(key)!).push(k);
    push(byCandidate, p.candidate);
    push(byNeed, p.need);
    push(byUnit, m.candidates[p.candidate]!.sendingUnitId);
  });
  // long sums are split over lines (the LP format allows it; some readers cap a line's length)
  const sum = (terms: string[]) => terms.reduce((out, t, i) => out + (i && i % 20 === 0 ? '\n ' : ' ') + (i ? '+ ' : '') + t, '');
  const out = ['Maximize', ` obj:${sum(pairs.map((p, k) => `${p.weight} x${k}`))}`, 'Subject To'];
  for (const [c, ks] of byCandidate) out.push(` c${c}:${sum(ks.map((k) => `x${k}`))} <= 1`);
  for (const [n, ks] of byNeed) out.push(` n${n}:${sum(ks.map((k) => `x${k}`))} <= ${m.needs[n]!.count}`);
  const quota = new Map(m.units.map((u) => [u.id, u.remainingQuota]));
  for (const [u, ks] of byUnit) out.push(` u_${u}:${sum(ks.map((k) => `x${k}`))} <= ${quota.get(u) ?? 0}`);
  out.push('Bounds');
  for (let k = 0; k < pairs.length; k++) out.push(` 0 <= x${k} <= 1`);
  out.push('End');
  return out.join('\n');
}
