import { describe, expect, it } from 'vitest';
import { eligibleFacts, ruleContext } from '../../../test/support/rule-facts.js';
import { ratingsRule } from './ratings.rule.js';

describe('the ratings rule cites the instrument of each year and category', () => {
  it('2024–2025: Decree 90/2020 and 48/2023 for everyone', () => {
    const r = ratingsRule(
      eligibleFacts({ category: 'cong_chuc', ratingYears: [2025, 2024], ratingCodes: ['HTT', 'HTT'] }),
      ruleContext({ referenceDate: '2026-11-26' }),
    );
    expect(r.result).toBe('pass');
    expect(r.clause).toContain('Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP');
    expect(r.clause).not.toContain('335/2025');
  });
  it('a window reaching 2026 cites 335/2025 for a công chức and 233/2026 for a viên chức, year by year', () => {
    const facts = { ratingYears: [2026, 2025], ratingCodes: ['HTT', 'HTT'] };
    const ctx = ruleContext({ referenceDate: '2027-03-01' });
    const cc = ratingsRule(eligibleFacts({ ...facts, category: 'cong_chuc' }), ctx);
    expect(cc.result).toBe('pass');
    expect(cc.clause).toContain('Nghị định 335/2025/NĐ-CP (năm 2026)');
    expect(cc.clause).toContain('Nghị định 48/2023/NĐ-CP (năm 2025)');
    const vc = ratingsRule(eligibleFacts({ ...facts, category: 'vien_chuc' }), ctx);
    expect(vc.clause).toContain('Nghị định 233/2026/NĐ-CP (năm 2026)');
    expect(vc.clause).not.toContain('335/2025');
  });
});
