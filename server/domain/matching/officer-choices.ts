import { AppError, type Issue } from '../errors.js';
import { allowedPairs, fieldFit, pairValue, type MatchingInput } from './model.js';
import { needLabel } from './explain-matching.js';
import type { MatchingResult, ProposedPair } from './solve-matching.js';
import { verifyMatching, type Verification } from './verify-matching.js';

/** What the officer fixes before a re-run: pairs kept as they are, people and needs left out. */
export interface OfficerChoices {
  locked: { candidateId: string; needId: string }[];
  excludedCandidateIds: string[];
  excludedNeedIds: string[];
}

export const NO_CHOICES: OfficerChoices = { locked: [], excludedCandidateIds: [], excludedNeedIds: [] };

/**
 * The problem left once the choices are applied: excluded people and needs removed, locked cadres removed, and the
 * locked pairs' seats and quota taken off their need and unit. Refuses (nothing solved) a locked pair the model
 * could not propose itself, a cadre locked twice, or locks beyond a need's count or a unit's quota.
 */
export function residualOf(input: MatchingInput, choices: OfficerChoices): { residual: MatchingInput; locked: ProposedPair[] } {
  const issues: Issue[] = [];
  const exC = new Set(choices.excludedCandidateIds);
  const exN = new Set(choices.excludedNeedIds);
  const cand = new Map(input.candidates.map((c) => [c.id, c]));
  const need = new Map(input.needs.map((n) => [n.id, n]));
  const perNeed = new Map<string, number>();
  const perUnit = new Map<string, number>();
  const lockedCands = new Set<string>();
  const locked: ProposedPair[] = [];
  choices.locked.forEach((l, i) => {
    const c = cand.get(l.candidateId);
    const n = need.get(l.needId);
    const path = `locked.${i}`;
    if (!c || !n) return issues.push({ path, message: 'Cán bộ hoặc nhu cầu không có trong lần ghép' });
    if (exC.has(c.id) || exN.has(n.id)) return issues.push({ path, message: 'Không khóa được cặp có cán bộ hoặc nhu cầu đã loại ra' });
    if (lockedCands.has(c.id)) return issues.push({ path, message: `${c.name} đã được khóa vào một nhu cầu khác` });
    if (!allowedPairs({ ...input, candidates: [c], needs: [n] }).length) {
      const block = input.pairBlocks.find((b) => b.candidateId === c.id && b.needId === n.id);
      return issues.push({ path, message: `Không khóa được ${c.name} vào ${needLabel(n)}: ${block?.reason ?? 'không phù hợp lĩnh vực hoặc không được cử'}` });
    }
    lockedCands.add(c.id);
    perNeed.set(n.id, (perNeed.get(n.id) ?? 0) + 1);
    perUnit.set(c.sendingUnitId, (perUnit.get(c.sendingUnitId) ?? 0) + 1);
    const value = pairValue(c, n, input.weights);
    locked.push({
      candidateId: c.id,
      candidateName: c.name,
      needId: n.id,
      sendingUnitId: c.sendingUnitId,
      fit: fieldFit(c, n)!,
      value,
      priorityParts: c.priorityParts,
      why: `Cặp do cán bộ thẩm định khóa: ${needLabel(n)}, ${value.total.toLocaleString('vi-VN', { maximumFractionDigits: 3 })} điểm.`,
    });
  });
  for (const n of input.needs)
    if ((perNeed.get(n.id) ?? 0) > n.count) issues.push({ path: 'locked', message: `Khóa quá số lượng của ${needLabel(n)} (${n.count})` });
  for (const u of input.units)
    if ((perUnit.get(u.id) ?? 0) > u.remainingQuota) issues.push({ path: 'locked', message: `Khóa quá chỉ tiêu còn lại của ${u.name} (${u.remainingQuota})` });
  if (issues.length) throw new AppError('validation', 'Không áp dụng được lựa chọn khóa, loại của cán bộ thẩm định.', issues);
  const residual: MatchingInput = {
    ...input,
    candidates: input.candidates.filter((c) => !exC.has(c.id) && !lockedCands.has(c.id)),
    needs: input.needs.filter((n) => !exN.has(n.id)).map((n) => ({ ...n, count: n.count - (perNeed.get(n.id) ?? 0) })),
    units: input.units.map((u) => ({ ...u, remainingQuota: u.remainingQuota - (perUnit.get(u.id) ?? 0) })),
  };
  return { residual, locked };
}

/** The run's result: the locked pairs plus the residual optimum; the certificate is the residual problem's. */
export function mergeLocked(locked: ProposedPair[], r: MatchingResult): MatchingResult {
  const lockedScaled = locked.reduce((s, p) => s + Math.round(p.value.total * r.certificate.scale), 0);
  const lockedPerNeed = new Map<string, number>();
  for (const p of locked) lockedPerNeed.set(p.needId, (lockedPerNeed.get(p.needId) ?? 0) + 1);
  return {
    ...r,
    pairs: [...locked, ...r.pairs],
    unfilled: r.unfilled.map((u) => {
      const k = lockedPerNeed.get(u.needId) ?? 0;
      return k ? { ...u, filled: u.filled + k, count: u.count + k } : u;
    }),
    objectiveScaled: r.objectiveScaled + lockedScaled,
    objective: (r.objectiveScaled + lockedScaled) / r.certificate.scale,
  };
}

/** Verifies a run made with choices: the locked pairs are all there, and the rest is optimal for the residual problem. */
export function verifyWithChoices(
  input: MatchingInput,
  choices: OfficerChoices,
  pairs: { candidateId: string; needId: string }[],
  cert: MatchingResult['certificate'],
): Verification {
  const { residual, locked } = residualOf(input, choices);
  const lockedKeys = new Set(locked.map((p) => `${p.candidateId}|${p.needId}`));
  const rest = pairs.filter((p) => !lockedKeys.has(`${p.candidateId}|${p.needId}`));
  const v = verifyMatching(residual, rest, cert);
  const missing = locked.length - (pairs.length - rest.length);
  const lockedValue = locked.reduce((s, p) => s + Math.round(p.value.total * cert.scale), 0) / cert.scale;
  const issues = missing > 0 ? [...v.issues, `Thiếu ${missing} cặp đã khóa`] : v.issues;
  return { ...v, ok: v.ok && missing === 0, feasible: v.feasible && missing === 0, value: v.value + lockedValue, bound: v.bound + lockedValue, issues };
}
