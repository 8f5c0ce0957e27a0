import { describe, expect, it } from 'vitest';
import { solveMatchingOffThread } from './solve-in-worker.js';
import { solveMatching } from './solve-matching.js';
import { verifyMatching } from './verify-matching.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';
import type { MatchingInput } from './model.js';

function medium(): MatchingInput {
  const fields = ['tai_chinh_ngan_sach', 'y_te', 'giao_duc', 'lanh_dao'];
  return {
    candidates: Array.from({ length: 400 }, (_, i) => ({
      id: `c${i}`,
      name: `Cán bộ ${i}`,
      sendingUnitId: `u${i % 7}`,
      fields: [fields[i % 4]!, fields[(i * 7) % 4]!],
      priorityParts: i % 3 ? [] : [{ factor: 'young' as const, label: 'Cán bộ trẻ', points: 2 }],
    })),
    needs: Array.from({ length: 60 }, (_, i) => ({
      id: `n${i}`,
      communeId: `x${i}`,
      communeName: `Xã ${i}`,
      postTitle: null,
      isKeyPost: false,
      field: fields[i % 4]!,
      count: 1 + (i % 3),
      urgency: (['high', 'normal', 'low'] as const)[i % 3]!,
    })),
    units: Array.from({ length: 7 }, (_, i) => ({ id: `u${i}`, name: `Sở ${i}`, remainingQuota: 3 + i })),
    pairBlocks: [],
    weights: PLAN_131_PARAMS.matchingWeights,
  };
}

describe('the matching off the event loop', () => {
  it('a worker thread gives the same proven optimum as the inline solve, and the event loop keeps turning meanwhile', async () => {
    const input = medium();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const off = await solveMatchingOffThread(input, { force: true });
    clearInterval(timer);
    const inline = solveMatching(input);
    expect(off.objective).toBe(inline.objective);
    expect(off.pairs).toHaveLength(inline.pairs.length);
    expect(verifyMatching(input, off.pairs, off.certificate).ok).toBe(true);
    expect(ticks).toBeGreaterThan(0);
  });
});
