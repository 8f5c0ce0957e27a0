import { describe, expect, it } from 'vitest';
import { destinationOfNeed, pairBlocksFor } from './pair-checks.js';
import { solveMatching } from './solve-matching.js';
import { verifyMatching } from './verify-matching.js';
import { eligibleFacts, ruleContext } from '../../../test/support/rule-facts.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';
import type { MatchingCandidate, MatchingNeed } from './model.js';

const candidate = (id: string, fields: string[], points = 0): MatchingCandidate => ({
  id,
  name: id,
  sendingUnitId: 'u-dept',
  fields,
  priorityParts: points ? [{ factor: 'outstandingRating', label: 'Hoàn thành xuất sắc nhiệm vụ', points }] : [],
});
const need = (id: string, communeId: string, over: Partial<MatchingNeed> = {}): MatchingNeed => ({
  id,
  communeId,
  communeName: communeId === 'c-home' ? 'Xã Phương Bình' : 'Xã Tân Phước Hưng',
  postTitle: null,
  isKeyPost: false,
  field: 'lanh_dao',
  count: 1,
  urgency: 'normal',
  ...over,
});
const noStandards = { id: 'jp', minEducation: null, requiredRankGrade: null, requiredPoliticalTheory: null };

describe('pair checks by the plan rules', () => {
  it('a key post (from the dated key-posts table) in the home commune is blocked by the non-local rule; elsewhere it passes', () => {
    const local = eligibleFacts({ personId: 'L', homeCommuneIds: ['c-home'] });
    const unknownHome = eligibleFacts({ personId: 'Q', homeCommuneIds: [] });
    const home = need('K1', 'c-home', { postTitle: 'Chủ tịch UBND' });
    const away = need('K2', 'c-away', { postTitle: 'Chủ tịch UBND' });
    const blocks = pairBlocksFor(
      [
        { candidate: candidate('L', ['lanh_dao'], 2), facts: local },
        { candidate: candidate('Q', ['lanh_dao']), facts: unknownHome },
      ],
      [home, away].map((n) => ({ need: n, post: destinationOfNeed(n, noStandards) })),
      ruleContext(),
    );
    expect(blocks.map((b) => `${b.candidateId}|${b.needId}|${b.criterion}|${b.result}`).sort()).toEqual([
      'L|K1|non_local|fail',
      'Q|K1|non_local|unknown',
      'Q|K2|non_local|unknown',
    ]);
    expect(blocks.find((b) => b.candidateId === 'L')!.reason).toContain('Quê quán thuộc Xã Phương Bình');

    // in the model: L (the higher priority) goes to the other commune, the home commune's post is left empty
    const inp = {
      candidates: [candidate('L', ['lanh_dao'], 2), candidate('Q', ['lanh_dao'])],
      needs: [home, away],
      units: [{ id: 'u-dept', name: 'Sở Y tế', remainingQuota: 2 }],
      pairBlocks: blocks,
      weights: PLAN_131_PARAMS.matchingWeights,
    };
    const r = solveMatching(inp);
    expect(r.pairs.map((p) => `${p.candidateId}→${p.needId}`)).toEqual(['L→K2']);
    expect(r.unfilled).toMatchObject([{ needId: 'K1', reason: 'all_local' }]);
    expect(verifyMatching(inp, r.pairs, r.certificate).ok).toBe(true);
    // a manual list that puts the local person in their home commune is refused as infeasible
    expect(verifyMatching(inp, [{ candidateId: 'L', needId: 'K1' }], r.certificate).feasible).toBe(false);
  });

  it("the destination post's standards are judged per pair, an unknown qualification blocks, and a field that does not fit is not judged", () => {
    const master = need('N', 'c-away', { field: 'y_te', postTitle: 'Công chức Y tế' });
    const post = destinationOfNeed(master, { id: 'jp-yte', minEducation: 'thac_si', requiredRankGrade: null, requiredPoliticalTheory: null });
    const blocks = pairBlocksFor(
      [
        { candidate: candidate('B', ['y_te']), facts: eligibleFacts({ personId: 'B', educationLevel: 'dai_hoc' }) },
        { candidate: candidate('M', ['y_te']), facts: eligibleFacts({ personId: 'M', educationLevel: 'thac_si' }) },
        { candidate: candidate('X', ['y_te']), facts: eligibleFacts({ personId: 'X', educationLevel: null }) },
        { candidate: candidate('F', ['giao_duc']), facts: eligibleFacts({ personId: 'F', educationLevel: 'trung_cap' }) },
      ],
      [{ need: master, post }],
      ruleContext(),
    );
    expect(blocks.map((b) => `${b.candidateId}|${b.criterion}|${b.result}`).sort()).toEqual(['B|destination_post|fail', 'X|destination_post|unknown']);
    expect(blocks.find((b) => b.candidateId === 'B')!.reason).toContain('Chưa đáp ứng vị trí Công chức Y tế');
  });
});
