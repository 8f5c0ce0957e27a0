import { describe, expect, it } from 'vitest';
import { solveMatching } from './solve-matching.js';
import { verifyMatching } from './verify-matching.js';
import { explainNotChosen } from './explain-matching.js';
import { allowedPairs, type MatchingCandidate, type MatchingInput, type MatchingNeed, type MatchingUnit, type PairBlock } from './model.js';

const W = { seat: 10, fieldFit: 2, urgencyHigh: 3, urgencyNormal: 1, urgencyLow: 0 };
const cand = (id: string, unit: string, fields: string[], priority = 0, over: Partial<MatchingCandidate> = {}): MatchingCandidate => ({
  id,
  name: `Cán bộ ${id}`,
  sendingUnitId: unit,
  fields,
  priorityParts: priority ? [{ factor: 'young', label: 'Cán bộ trẻ', points: priority }] : [],
  ...over,
});
const need = (id: string, field: string, count = 1, urgency: MatchingNeed['urgency'] = 'normal', over: Partial<MatchingNeed> = {}): MatchingNeed => ({
  id,
  communeId: `xa-${id}`,
  communeName: `Xã ${id}`,
  postTitle: null,
  isKeyPost: false,
  field,
  count,
  urgency,
  ...over,
});
const unit = (id: string, remainingQuota: number): MatchingUnit => ({ id, name: `Sở ${id}`, remainingQuota });
const input = (candidates: MatchingCandidate[], needs: MatchingNeed[], units: MatchingUnit[], pairBlocks: PairBlock[] = []): MatchingInput => ({
  candidates,
  needs,
  units,
  pairBlocks,
  weights: W,
});
const pairsOf = (r: { pairs: { candidateId: string; needId: string }[] }) => r.pairs.map((p) => `${p.candidateId}→${p.needId}`).sort();

/** The optimum by trying every assignment (each candidate to nothing or to one need), for small cases. */
function bruteForce(inp: MatchingInput): number {
  const allowed = allowedPairs(inp);
  const options = inp.candidates.map((_, ci) => allowed.filter((p) => p.candidate === ci));
  const quota = new Map(inp.units.map((u) => [u.id, u.remainingQuota]));
  const left = inp.needs.map((n) => n.count);
  let best = 0;
  const go = (ci: number, value: number) => {
    if (ci === inp.candidates.length) {
      best = Math.max(best, value);
      return;
    }
    go(ci + 1, value);
    const u = inp.candidates[ci]!.sendingUnitId;
    if ((quota.get(u) ?? 0) <= 0) return;
    for (const p of options[ci]!) {
      if (left[p.need]! <= 0) continue;
      left[p.need]!--;
      quota.set(u, quota.get(u)! - 1);
      go(ci + 1, value + p.weight);
      quota.set(u, quota.get(u)! + 1);
      left[p.need]!++;
    }
  };
  go(0, 0);
  return best / 1000;
}

describe('matching model: exact optimum with a certificate', () => {
  it('beats the greedy choice: the best pair first (A to the urgent need) is not the best list', () => {
    // A fits both fields with priority 5; B fits only x. Pair values: A→Nx 20, A→Ny 18, B→Nx 15.
    // Greedy takes A→Nx (20) and leaves Ny empty; the optimum is A→Ny + B→Nx = 33.
    const inp = input([cand('A', 'U', ['x', 'y'], 5), cand('B', 'U', ['x'])], [need('Nx', 'x', 1, 'high'), need('Ny', 'y', 1, 'normal')], [unit('U', 5)]);
    const r = solveMatching(inp);
    expect(pairsOf(r)).toEqual(['A→Ny', 'B→Nx']);
    expect(r.objective).toBe(33);
    expect(r.unfilled).toEqual([]);
    const v = verifyMatching(inp, r.pairs, r.certificate);
    expect(v).toMatchObject({ ok: true, feasible: true, certificateValid: true, value: 33, bound: 33, gap: 0 });

    // the greedy list is feasible, but the certificate shows it 13 points short: rejected as not optimal
    const greedy = verifyMatching(inp, [{ candidateId: 'A', needId: 'Nx' }], r.certificate);
    expect(greedy).toMatchObject({ ok: false, feasible: true, certificateValid: true, value: 20, bound: 33, gap: 13 });
    expect(greedy.issues.join(' ')).toContain('chưa tối ưu');
  });

  it('the verifier rejects a certificate that does not cover every allowed pair, and an infeasible list', () => {
    const inp = input([cand('A', 'U', ['x', 'y'], 5), cand('B', 'U', ['x'])], [need('Nx', 'x', 1, 'high'), need('Ny', 'y', 1, 'normal')], [unit('U', 5)]);
    const r = solveMatching(inp);
    // a "certificate" with a price lowered claims a smaller bound, and no longer covers a pair
    const [id, price] = Object.entries(r.certificate.candidatePrices)[0]!;
    const forged = { ...r.certificate, candidatePrices: { ...r.certificate.candidatePrices, [id]: price - 1000 } };
    const v = verifyMatching(inp, r.pairs, forged);
    expect(v.certificateValid).toBe(false);
    expect(v.ok).toBe(false);
    // one cadre twice, and a pair of the wrong field
    const bad = verifyMatching(
      inp,
      [
        { candidateId: 'A', needId: 'Nx' },
        { candidateId: 'A', needId: 'Ny' },
        { candidateId: 'B', needId: 'Ny' },
      ],
      r.certificate,
    );
    expect(bad.feasible).toBe(false);
    expect(bad.issues.join(' ')).toMatch(/A được bố trí 2 nơi/);
    expect(bad.issues.join(' ')).toMatch(/Cặp không được phép: cán bộ B/);
  });

  it('keeps each sending unit within its remaining quota, and says so for the need left short', () => {
    // U1 may send one of A (priority 3) and B (priority 2); U2 has no quota left; the need wants 3 of field x
    const inp = input([cand('A', 'U1', ['x'], 3), cand('B', 'U1', ['x'], 2), cand('C', 'U2', ['x'], 9)], [need('N', 'x', 3)], [unit('U1', 1), unit('U2', 0)]);
    const r = solveMatching(inp);
    expect(pairsOf(r)).toEqual(['A→N']);
    expect(r.objective).toBe(16);
    expect(verifyMatching(inp, r.pairs, r.certificate).ok).toBe(true);
    expect(r.unfilled).toHaveLength(1);
    expect(r.unfilled[0]).toMatchObject({ needId: 'N', filled: 1, count: 3, reason: 'quota', tally: { ofField: 3, unitWithoutQuota: 1, unitQuotaUsed: 1 } });
    expect(r.unfilled[0]!.why).toContain('Còn thiếu 2/3 người');
    expect(r.pairs[0]!.why).toContain('Sở U1 dùng hết chỉ tiêu còn lại (1/1)');
    expect(explainNotChosen(inp, r, 'C', 'N')).toContain('không còn chỉ tiêu');
    expect(explainNotChosen(inp, r, 'B', 'N')).toContain('giảm ít nhất 1 điểm');
  });

  it('never gives a key post to a local person: the non-local block is kept even when that person has the most points', () => {
    const key = need('K', 'lanh_dao', 1, 'high', { postTitle: 'Chủ tịch UBND', isKeyPost: true, communeName: 'Xã Phong Điền' });
    const local: PairBlock = { candidateId: 'L', needId: 'K', criterion: 'non_local', result: 'fail', reason: 'Quê quán thuộc Xã Phong Điền' };
    const inp = input([cand('L', 'U', ['lanh_dao'], 9), cand('M', 'U', ['lanh_dao'], 0)], [key], [unit('U', 2)], [local]);
    const r = solveMatching(inp);
    expect(pairsOf(r)).toEqual(['M→K']);
    expect(explainNotChosen(inp, r, 'L', 'K')).toBe('Quê quán thuộc Xã Phong Điền');
    // and the other way: with every candidate local the need stays empty, saying why
    const allLocal = input([cand('L', 'U', ['lanh_dao'], 9)], [key], [unit('U', 2)], [local]);
    const r2 = solveMatching(allLocal);
    expect(r2.pairs).toEqual([]);
    expect(r2.unfilled[0]).toMatchObject({ reason: 'all_local', tally: { ofField: 1, local: 1 } });
    expect(r2.unfilled[0]!.why).toContain('người địa phương');
    expect(verifyMatching(allLocal, r2.pairs, r2.certificate)).toMatchObject({ ok: true, value: 0, bound: 0 });
  });

  it('explains each pair and each unfilled need: no one of the field, standards, the guard, taken by a better need', () => {
    const inp = input(
      [
        cand('A', 'U', ['y'], 0, { priorityParts: [{ factor: 'female', label: 'Cán bộ nữ', points: 1 }] }),
        cand('G', 'U', ['x'], 0, { soleKeyPostHolder: 'Giám đốc Sở' }),
        cand('S', 'U', ['z']),
      ],
      [need('Ny1', 'y', 1, 'high'), need('Ny2', 'y', 1, 'low'), need('Nx', 'x'), need('Nw', 'w'), need('Nz', 'z')],
      [unit('U', 5)],
      [{ candidateId: 'S', needId: 'Nz', criterion: 'destination_post', result: 'fail', reason: 'Chưa đáp ứng trình độ' }],
    );
    const r = solveMatching(inp);
    expect(pairsOf(r)).toEqual(['A→Ny1']);
    expect(r.pairs[0]!.why).toContain('Xã Ny1');
    expect(r.pairs[0]!.why).toContain('Cán bộ nữ (+1)');
    expect(r.pairs[0]!.why).toContain('16 điểm');
    const reasons = Object.fromEntries(r.unfilled.map((u) => [u.needId, u.reason]));
    expect(reasons).toEqual({ Ny2: 'taken', Nx: 'guard', Nw: 'no_field', Nz: 'standards' });
    expect(r.unfilled.find((u) => u.needId === 'Nx')!.why).toContain('duy nhất giữ chức danh chủ chốt');
    expect(explainNotChosen(inp, r, 'A', 'Ny2')).toContain('Cán bộ đã được đề xuất cho lĩnh vực');
    expect(explainNotChosen(inp, r, 'G', 'Nx')).toContain('Giám đốc Sở');
  });

  it('a need with more seats than people of its field: those there are proposed, and it says so', () => {
    const inp = input([cand('A', 'U', ['x']), cand('B', 'U', ['y'])], [need('N', 'x', 3)], [unit('U', 5)]);
    const r = solveMatching(inp);
    expect(pairsOf(r)).toEqual(['A→N']);
    expect(r.unfilled[0]).toMatchObject({ reason: 'no_field', filled: 1, count: 3 });
    expect(r.unfilled[0]!.why).toContain('chỉ có 1 cán bộ');
  });

  it('a general-management need takes any field, and the field fit earns its points', () => {
    const inp = input([cand('A', 'U', ['quan_ly_chung']), cand('B', 'U', ['x'], 1)], [need('N', 'quan_ly_chung')], [unit('U', 1)]);
    const r = solveMatching(inp);
    // A: 10 + 2 (fit) + 1 = 13; B: 10 + 0 + 1 + 1 = 12
    expect(pairsOf(r)).toEqual(['A→N']);
    expect(r.pairs[0]!.fit).toBe('exact');
    expect(r.objective).toBe(13);
  });

  it('agrees with trying every assignment on 300 random small cases, each with a certificate the verifier accepts', () => {
    let seed = 7;
    // mulberry32 (a plain LCG's low bits repeat with a short period and would make the cases alike)
    const rnd = (k: number) => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let x = seed;
      x = Math.imul(x ^ (x >>> 15), x | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * k);
    };
    const fields = ['x', 'y', 'z', 'quan_ly_chung'];
    for (let t = 0; t < 300; t++) {
      const units = [unit('U1', rnd(3)), unit('U2', rnd(3) + 1)];
      const candidates = Array.from({ length: 2 + rnd(5) }, (_, i) =>
        cand(`c${i}`, rnd(2) ? 'U1' : 'U2', [fields[rnd(4)]!, ...(rnd(2) ? [fields[rnd(4)]!] : [])], rnd(3) * 0.5 + rnd(2) * 2, {
          soleKeyPostHolder: rnd(10) === 0 ? 'Trưởng phòng' : null,
        }),
      );
      const needs = Array.from({ length: 1 + rnd(3) }, (_, i) => need(`n${i}`, fields[rnd(4)]!, 1 + rnd(2), (['high', 'normal', 'low'] as const)[rnd(3)]));
      const blocks: PairBlock[] = [];
      for (const c of candidates)
        for (const n of needs) if (rnd(6) === 0) blocks.push({ candidateId: c.id, needId: n.id, criterion: 'non_local', result: 'fail', reason: 'local' });
      const inp = input(candidates, needs, units, blocks);
      const r = solveMatching(inp);
      expect(r.objective, `case ${t}`).toBeCloseTo(bruteForce(inp), 9);
      const v = verifyMatching(inp, r.pairs, r.certificate);
      expect(v.ok, `case ${t}: ${v.issues.join('; ')}`).toBe(true);
    }
  });
});
