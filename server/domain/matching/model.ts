import type { PlanParams } from '../../../common/plan-params.js';
import type { PriorityPart } from '../rules/priority.js';

/**
 * The matching model's inputs, JSON only, so a run is reproducible from what it stored. The pair checks that the
 * plan's rules decide (non-local key posts, the destination post's standards) come in as `pairBlocks`, computed by
 * pair-checks.ts with the rules themselves; the model adds field fit, capacities and the objective.
 */
export interface MatchingCandidate {
  id: string;
  name: string;
  sendingUnitId: string;
  /** Fields of work (common/demand.ts DEMAND_FIELDS) of the cadre's job post and training. */
  fields: string[];
  /** The I.3 priority parts that hold for the cadre (rules/priority.ts), with the plan's points. */
  priorityParts: PriorityPart[];
  /** The disruption guard: the title of a key post of the sending unit the cadre alone holds (then not sent). */
  soleKeyPostHolder?: string | null;
}

export interface MatchingNeed {
  id: string;
  communeId: string;
  communeName: string;
  /** The commune's post asked for, or null for a field need. */
  postTitle: string | null;
  isKeyPost: boolean;
  field: string;
  /** Seats to fill (the approved count). */
  count: number;
  urgency: 'high' | 'normal' | 'low';
}

export interface MatchingUnit {
  id: string;
  name: string;
  /** People the unit may still send: its quota less those already counted against it (rules/quota.ts). */
  remainingQuota: number;
}

/** A (candidate, need) pair a rule refuses: not proven non-local for a key post, or below the post's standards. */
export interface PairBlock {
  candidateId: string;
  needId: string;
  criterion: 'non_local' | 'destination_post';
  result: 'fail' | 'unknown';
  reason: string;
}

export interface MatchingInput {
  candidates: MatchingCandidate[];
  needs: MatchingNeed[];
  units: MatchingUnit[];
  pairBlocks: PairBlock[];
  weights: PlanParams['matchingWeights'];
}

/** Weights are counted in thousandths so the flow works on integers and optimality is decided exactly. */
export const SCALE = 1000;

/**
 * Field fit (our reading of I.2 "đúng người, đúng việc"): a need of field F takes a cadre with F among the fields of
 * their job post or training; a need of general management (quan_ly_chung) takes any cadre, with the fit points only
 * for a cadre of that field. 'exact' earns the fit weight.
 */
export function fieldFit(c: MatchingCandidate, n: MatchingNeed): 'exact' | 'general' | null {
  if (c.fields.includes(n.field)) return 'exact';
  if (n.field === 'quan_ly_chung') return 'general';
  return null;
}

export interface PairValue {
  total: number;
  seat: number;
  fit: number;
  urgency: number;
  priority: number;
}

/** The points of proposing candidate `c` for need `n` (the parts add up to `total`), in plan units. */
export function pairValue(c: MatchingCandidate, n: MatchingNeed, w: MatchingInput['weights']): PairValue {
  const fit = fieldFit(c, n) === 'exact' ? w.fieldFit : 0;
  const urgency = n.urgency === 'high' ? w.urgencyHigh : n.urgency === 'normal' ? w.urgencyNormal : w.urgencyLow;
  const priority = c.priorityParts.reduce((s, p) => s + p.points, 0);
  return { total: w.seat + fit + urgency + priority, seat: w.seat, fit, urgency, priority };
}

/** The integer weight of a pair used by the flow and by the verifier. */
export function scaledValue(c: MatchingCandidate, n: MatchingNeed, w: MatchingInput['weights']): number {
  return Math.round(pairValue(c, n, w).total * SCALE);
}

/** Candidates the guard keeps home, by id with the reason. */
export function guardedCandidates(input: MatchingInput): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of input.candidates) {
    if (c.soleKeyPostHolder) out.set(c.id, `Là người duy nhất giữ chức danh chủ chốt ${c.soleKeyPostHolder} của đơn vị: cử đi sẽ gây xáo trộn (Kế hoạch I.4)`);
  }
  return out;
}

/** The pairs the model may propose, each with its integer weight: field fit, no pair block, not guarded, a unit known. */
export function allowedPairs(input: MatchingInput): { candidate: number; need: number; weight: number }[] {
  const blocked = new Map<string, Set<string>>();
  for (const b of input.pairBlocks) {
    let set = blocked.get(b.candidateId);
    if (!set) blocked.set(b.candidateId, (set = new Set()));
    set.add(b.needId);
  }
  const guarded = guardedCandidates(input);
  const unitIds = new Set(input.units.map((u) => u.id));
  // needs by field, so each candidate looks only at the needs of its own fields and the general ones
  const byField = new Map<string, number[]>();
  input.needs.forEach((n, ni) => {
    if (n.count <= 0) return;
    const list = byField.get(n.field);
    if (list) list.push(ni);
    else byField.set(n.field, [ni]);
  });
  const general = byField.get('quan_ly_chung') ?? [];
  const pairs: { candidate: number; need: number; weight: number }[] = [];
  input.candidates.forEach((c, ci) => {
    if (guarded.has(c.id) || !unitIds.has(c.sendingUnitId)) return;
    const blocks = blocked.get(c.id);
    const seen = new Set<number>();
    for (const f of [...c.fields, 'quan_ly_chung']) {
      for (const ni of f === 'quan_ly_chung' ? general : (byField.get(f) ?? [])) {
        if (seen.has(ni)) continue;
        seen.add(ni);
        const n = input.needs[ni]!;
        if (blocks?.has(n.id)) continue;
        pairs.push({ candidate: ci, need: ni, weight: scaledValue(c, n, input.weights) });
      }
    }
  });
  return pairs;
}
