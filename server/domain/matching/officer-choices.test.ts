import { describe, expect, it } from 'vitest';
import { mergeLocked, residualOf, verifyWithChoices, type OfficerChoices } from './officer-choices.js';
import { solveMatching } from './solve-matching.js';
import { AppError } from '../errors.js';
import type { MatchingInput } from './model.js';

const W = { seat: 10, fieldFit: 2, urgencyHigh: 3, urgencyNormal: 1, urgencyLow: 0 };
const need = (id: string, field: string, urgency: 'high' | 'normal', over = {}) => ({
  id,
  communeId: `x-${id}`,
  communeName: `Xã ${id}`,
  postTitle: null,
  isKeyPost: false,
  field,
  count: 1,
  urgency,
  ...over,
});
// the greedy case of solve-matching.test.ts: the optimum is A→Ny + B→Nx = 33
const input: MatchingInput = {
  candidates: [
    { id: 'A', name: 'Cán bộ A', sendingUnitId: 'U', fields: ['x', 'y'], priorityParts: [{ factor: 'young', label: 'Cán bộ trẻ', points: 5 }] },
    { id: 'B', name: 'Cán bộ B', sendingUnitId: 'U', fields: ['x'], priorityParts: [] },
  ],
  needs: [need('Nx', 'x', 'high'), need('Ny', 'y', 'normal')],
  units: [{ id: 'U', name: 'Sở U', remainingQuota: 5 }],
  pairBlocks: [{ candidateId: 'B', needId: 'Ny', criterion: 'destination_post', result: 'fail', reason: 'Chưa đáp ứng trình độ' }],
  weights: W,
};
const run = (choices: OfficerChoices) => {
  const { residual, locked } = residualOf(input, choices);
  return mergeLocked(locked, solveMatching(residual));
};
const pairsOf = (r: { pairs: { candidateId: string; needId: string }[] }) => r.pairs.map((p) => `${p.candidateId}→${p.needId}`).sort();

describe("the officer's locks and exclusions", () => {
  it('a locked pair is kept and the rest is optimal given it; the verifier checks the rest and wants the lock', () => {
    const choices = { locked: [{ candidateId: 'A', needId: 'Nx' }], excludedCandidateIds: [], excludedNeedIds: [] };
    const r = run(choices);
    expect(pairsOf(r)).toEqual(['A→Nx']);
    expect(r.objective).toBe(20);
    expect(r.pairs[0]!.why).toContain('khóa');
    expect(verifyWithChoices(input, choices, r.pairs, r.certificate)).toMatchObject({ ok: true, value: 20, bound: 20 });
    expect(verifyWithChoices(input, choices, [], r.certificate)).toMatchObject({ ok: false, feasible: false });
  });

  it('an excluded person or need is left out and the others re-matched', () => {
    const r = run({ locked: [], excludedCandidateIds: ['A'], excludedNeedIds: [] });
    expect(pairsOf(r)).toEqual(['B→Nx']);
    expect(r.objective).toBe(15);
    const r2 = run({ locked: [], excludedCandidateIds: [], excludedNeedIds: ['Ny'] });
    expect(pairsOf(r2)).toEqual(['A→Nx']);
  });

  it('refuses a lock the model could not propose, a cadre locked twice, or a lock of an excluded person, solving nothing', () => {
    const refused = (choices: OfficerChoices) => {
      try {
        residualOf(input, choices);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return (e as AppError).issues?.map((i) => i.message).join(' | ') ?? '';
      }
      throw new Error('not refused');
    };
    expect(refused({ locked: [{ candidateId: 'B', needId: 'Ny' }], excludedCandidateIds: [], excludedNeedIds: [] })).toContain('Chưa đáp ứng trình độ');
    expect(
      refused({
        locked: [
          { candidateId: 'A', needId: 'Nx' },
          { candidateId: 'A', needId: 'Ny' },
        ],
        excludedCandidateIds: [],
        excludedNeedIds: [],
      }),
    ).toContain('đã được khóa vào một nhu cầu khác');
    expect(refused({ locked: [{ candidateId: 'A', needId: 'Nx' }], excludedCandidateIds: ['A'], excludedNeedIds: [] })).toContain('đã loại ra');
  });
});
