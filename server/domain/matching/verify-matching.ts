import { allowedPairs, SCALE, type MatchingInput } from './model.js';
import type { OptimalityCertificate } from './solve-matching.js';

export interface Verification {
  /** The list is feasible and the certificate proves it optimal. */
  ok: boolean;
  feasible: boolean;
  certificateValid: boolean;
  /** The list's points and the certificate's bound, in plan units; the gap is how far the list is from the optimum. */
  value: number;
  bound: number;
  gap: number;
  issues: string[];
}

/**
 * Checks a list of pairs and an optimality certificate from the inputs alone, independently of the solver: the list
 * keeps every constraint (allowed pairs, one post per cadre, need counts, unit quotas); the prices are ≥ 0 and cover
 * every allowed pair's weight (dual feasibility, so their total bounds every list from above, by weak duality); and
 * the list's value equals that bound (so it is optimal). Integer arithmetic, so equality is exact. With a valid
 * certificate the gap of any feasible list (e.g. a manual one) is its distance from the optimum.
 */
export function verifyMatching(input: MatchingInput, pairs: { candidateId: string; needId: string }[], cert: OptimalityCertificate): Verification {
  const issues: string[] = [];
  const allowed = allowedPairs(input);
  const candidate = new Map(input.candidates.map((c) => [c.id, c]));
  const candidateIndex = new Map(input.candidates.map((c, i) => [c.id, i]));
  const needIndex = new Map(input.needs.map((n, i) => [n.id, i]));
  // the weights of the listed pairs that are allowed (only those are looked up)
  const listed = new Map<number, Set<number>>();
  for (const p of pairs) {
    const ci = candidateIndex.get(p.candidateId);
    const ni = needIndex.get(p.needId);
    if (ci === undefined || ni === undefined) continue;
    if (!listed.has(ci)) listed.set(ci, new Set());
    listed.get(ci)!.add(ni);
  }
  const weightOf = new Map<string, number>();
  for (const p of allowed) {
    if (listed.get(p.candidate)?.has(p.need)) weightOf.set(`${input.candidates[p.candidate]!.id}|${input.needs[p.need]!.id}`, p.weight);
  }
  const perCandidate = new Map<string, number>();
  const perNeed = new Map<string, number>();
  const perUnit = new Map<string, number>();
  let value = 0;
  for (const p of pairs) {
    const w = weightOf.get(`${p.candidateId}|${p.needId}`);
    if (w === undefined) {
      issues.push(`Cặp không được phép: cán bộ ${p.candidateId} – nhu cầu ${p.needId}`);
      continue;
    }
    value += w;
    perCandidate.set(p.candidateId, (perCandidate.get(p.candidateId) ?? 0) + 1);
    perNeed.set(p.needId, (perNeed.get(p.needId) ?? 0) + 1);
    const u = candidate.get(p.candidateId)!.sendingUnitId;
    perUnit.set(u, (perUnit.get(u) ?? 0) + 1);
  }
  for (const [id, k] of perCandidate) if (k > 1) issues.push(`Cán bộ ${id} được bố trí ${k} nơi`);
  for (const n of input.needs) if ((perNeed.get(n.id) ?? 0) > n.count) issues.push(`Nhu cầu ${n.id} vượt số lượng (${perNeed.get(n.id)}/${n.count})`);
  for (const u of input.units) {
    if ((perUnit.get(u.id) ?? 0) > Math.max(0, Math.floor(u.remainingQuota)))
      issues.push(`Đơn vị ${u.name} vượt chỉ tiêu (${perUnit.get(u.id)}/${u.remainingQuota})`);
  }
  const feasible = issues.length === 0;

  let certificateValid = cert.scale === SCALE;
  if (!certificateValid) issues.push(`Chứng nhận dùng thang ${cert.scale}, cần ${SCALE}`);
  for (const prices of [cert.unitPrices, cert.candidatePrices, cert.needPrices]) {
    for (const [id, v] of Object.entries(prices)) {
      if (!(v >= 0) || !Number.isInteger(v)) {
        certificateValid = false;
        issues.push(`Giá đối ngẫu của ${id} không hợp lệ: ${v}`);
      }
    }
  }
  let bound = 0;
  for (const u of input.units) bound += (cert.unitPrices[u.id] ?? 0) * Math.max(0, Math.floor(u.remainingQuota));
  for (const c of input.candidates) bound += cert.candidatePrices[c.id] ?? 0;
  for (const n of input.needs) bound += (cert.needPrices[n.id] ?? 0) * Math.max(0, n.count);
  let uncovered = 0;
  for (const p of allowed) {
    const c = input.candidates[p.candidate]!;
    const n = input.needs[p.need]!;
    const cover = (cert.unitPrices[c.sendingUnitId] ?? 0) + (cert.candidatePrices[c.id] ?? 0) + (cert.needPrices[n.id] ?? 0);
    if (cover < p.weight) {
      if (uncovered++ < 5) issues.push(`Chứng nhận không phủ cặp ${c.id} – ${n.id} (${cover} < ${p.weight})`);
      certificateValid = false;
    }
  }
  if (certificateValid && bound !== cert.dualObjective) issues.push(`Tổng giá đối ngẫu ghi ${cert.dualObjective}, tính lại được ${bound}`);
  const optimal = feasible && certificateValid && value === bound;
  if (feasible && certificateValid && value < bound) issues.push(`Danh sách chưa tối ưu: kém ${(bound - value) / SCALE} điểm so với cận trên`);
  return { ok: optimal, feasible, certificateValid, value: value / SCALE, bound: bound / SCALE, gap: (bound - value) / SCALE, issues };
}
