import { FlowNetwork } from './min-cost-flow.js';
import { allowedPairs, fieldFit, pairValue, SCALE, type MatchingInput, type PairValue } from './model.js';
import { explainUnfilled, pairWhy, type UnfilledNeed } from './explain-matching.js';
import type { PriorityPart } from '../rules/priority.js';

export interface ProposedPair {
  candidateId: string;
  candidateName: string;
  needId: string;
  sendingUnitId: string;
  fit: 'exact' | 'general';
  value: PairValue;
  priorityParts: PriorityPart[];
  /** Why, in Vietnamese: the need filled, the fit, the priority parts, the constraints it is closest to. */
  why: string;
}

/**
 * The LP dual of the matching (in thousandths of a point): one price per sending unit (its quota), per cadre (one
 * post) and per need (its count), all ≥ 0, with price(unit) + price(cadre) + price(need) ≥ the pair's weight for
 * every allowed pair. Its total bounds every feasible list from above; equal to the proposal's value, it proves
 * the proposal optimal. Only prices above zero are listed.
 */
export interface OptimalityCertificate {
  scale: number;
  unitPrices: Record<string, number>;
  candidatePrices: Record<string, number>;
  needPrices: Record<string, number>;
  dualObjective: number;
}

export interface MatchingResult {
  pairs: ProposedPair[];
  unfilled: UnfilledNeed[];
  /** The proposal's total points (plan units) and the same in thousandths. */
  objective: number;
  objectiveScaled: number;
  certificate: OptimalityCertificate;
  stats: { candidates: number; needs: number; units: number; allowedPairs: number; augmentations: number; phases: number; solveMs: number };
}

/** The max-weight matching of candidates to needs within unit quotas, exact, with its optimality certificate. */
export function solveMatching(input: MatchingInput): MatchingResult {
  const started = performance.now();
  const U = input.units.length;
  const C = input.candidates.length;
  const N = input.needs.length;
  const S = 0;
  const T = 1;
  const unitNode = (i: number) => 2 + i;
  const candNode = (i: number) => 2 + U + i;
  const needNode = (i: number) => 2 + U + C + i;
  const unitIndex = new Map(input.units.map((u, i) => [u.id, i]));
  const pairs = allowedPairs(input);

  const net = new FlowNetwork(2 + U + C + N, U + C + pairs.length + N + 1);
  input.units.forEach((u, i) => net.addArc(S, unitNode(i), Math.max(0, Math.floor(u.remainingQuota)), 0));
  const hasPair = new Uint8Array(C);
  for (const p of pairs) hasPair[p.candidate] = 1;
  const candArcs = new Int32Array(C).fill(-1);
  input.candidates.forEach((c, i) => {
    if (hasPair[i]) candArcs[i] = net.addArc(unitNode(unitIndex.get(c.sendingUnitId)!), candNode(i), 1, 0);
  });
  // capacity 2 on a pair arc never binds (a cadre takes in at most 1), so it needs no price of its own
  const pairArcs = pairs.map((p) => net.addArc(candNode(p.candidate), needNode(p.need), 2, -p.weight));
  input.needs.forEach((n, i) => net.addArc(needNode(i), T, Math.max(0, n.count), 0));
  net.addArc(S, T, C + 1, 0); // the bypass: sending nobody costs 0

  // initial potentials: shortest distances on the (acyclic) network with all arcs unused
  const init = new Float64Array(net.n);
  for (const p of pairs) init[needNode(p.need)] = Math.min(init[needNode(p.need)]!, -p.weight);
  for (let i = 0; i < N; i++) init[T] = Math.min(init[T]!, init[needNode(i)]!);
  const { augmentations, phases, potentials: pot } = net.solve(S, T, init);

  const chosen = pairs.filter((_, k) => net.flowOn(pairArcs[k]!) > 0);
  const objectiveScaled = chosen.reduce((s, p) => s + p.weight, 0);
  const certificate: OptimalityCertificate = { scale: SCALE, unitPrices: {}, candidatePrices: {}, needPrices: {}, dualObjective: 0 };
  input.units.forEach((u, i) => {
    const price = Math.max(0, pot[unitNode(i)]! - pot[S]!);
    if (price > 0) {
      certificate.unitPrices[u.id] = price;
      certificate.dualObjective += price * Math.max(0, Math.floor(u.remainingQuota));
    }
  });
  input.candidates.forEach((c, i) => {
    if (candArcs[i] === -1) return;
    const price = Math.max(0, pot[candNode(i)]! - pot[unitNode(unitIndex.get(c.sendingUnitId)!)]!);
    if (price > 0) {
      certificate.candidatePrices[c.id] = price;
      certificate.dualObjective += price;
    }
  });
  input.needs.forEach((n, i) => {
    const price = Math.max(0, pot[T]! - pot[needNode(i)]!);
    if (price > 0) {
      certificate.needPrices[n.id] = price;
      certificate.dualObjective += price * Math.max(0, n.count);
    }
  });

  const unitUse = new Map<string, number>();
  for (const p of chosen) {
    const u = input.candidates[p.candidate]!.sendingUnitId;
    unitUse.set(u, (unitUse.get(u) ?? 0) + 1);
  }
  const needUse = new Map<string, number>();
  for (const p of chosen) needUse.set(input.needs[p.need]!.id, (needUse.get(input.needs[p.need]!.id) ?? 0) + 1);

  const proposed: ProposedPair[] = chosen.map((p) => {
    const c = input.candidates[p.candidate]!;
    const n = input.needs[p.need]!;
    const unit = input.units[unitIndex.get(c.sendingUnitId)!]!;
    const value = pairValue(c, n, input.weights);
    return {
      candidateId: c.id,
      candidateName: c.name,
      needId: n.id,
      sendingUnitId: c.sendingUnitId,
      fit: fieldFit(c, n)!,
      value,
      priorityParts: c.priorityParts,
      why: pairWhy(c, n, unit, value, { unitUsed: unitUse.get(unit.id) ?? 0, needFilled: needUse.get(n.id) ?? 0 }),
    };
  });
  const matchedCandidates = new Map(proposed.map((p) => [p.candidateId, p.needId]));
  const unfilled = explainUnfilled(input, matchedCandidates, unitUse, needUse);
  return {
    pairs: proposed,
    unfilled,
    objective: objectiveScaled / SCALE,
    objectiveScaled,
    certificate,
    stats: { candidates: C, needs: N, units: U, allowedPairs: pairs.length, augmentations, phases, solveMs: Math.round(performance.now() - started) },
  };
}
