import { describe, expect, it } from 'vitest';
import { countsAgainstQuota, quotaCount, quotaTarget } from './quota.js';
import { QUOTA_FIGURES } from '../../../common/secondment.js';

const p = (quotaRate: number, quotaRounding: 'nearest' | 'floor' | 'ceil' = 'nearest') => ({ quotaRate, quotaRounding });

describe('quotaTarget', () => {
  it('computes about 5 % with the exact figure shown', () => {
    expect(quotaTarget(2599, p(0.05))).toMatchObject({ exact: '129.95', target: 130 });
    expect(quotaTarget(2599, p(0.05)).explanation).toBe('2.599 × 5% = 129,95 → làm tròn 130 người');
  });
  it('rounds half up exactly (no floating-point drift) and honours floor/ceil', () => {
    expect(quotaTarget(10, p(0.05)).target).toBe(1); // 0.5 → 1
    expect(quotaTarget(30, p(0.05)).target).toBe(2); // 1.5 → 2
    expect(quotaTarget(29, p(0.05)).target).toBe(1); // 1.45 → 1
    expect(quotaTarget(29, p(0.05, 'ceil')).target).toBe(2);
    expect(quotaTarget(39, p(0.05, 'floor')).target).toBe(1);
    expect(quotaTarget(1000, p(0.04)).target).toBe(40);
  });
  it('explains a quota under one person and a unit without staffing', () => {
    const small = quotaTarget(8, p(0.05));
    expect(small).toMatchObject({ exact: '0.40', target: 0 });
    expect(small.explanation).toMatch(/dưới 1 người/);
    expect(quotaTarget(null, p(0.05))).toMatchObject({ target: null, explanation: expect.stringMatching(/Chưa có biên chế/) });
    expect(quotaTarget(0, p(0.05)).target).toBe(0);
  });
});

describe('what counts against the quota', () => {
  it('the quota page counts the path under way; a withdrawn or refused proposal, or a cadre back, frees nothing more', () => {
    for (const s of ['proposed', 'sent_back', 'appraised', 'decided', 'active']) expect(countsAgainstQuota(s, 'counted'), s).toBe(true);
    for (const s of ['withdrawn', 'rejected', 'completed', 'ended_early', 'returned']) expect(countsAgainstQuota(s, 'counted'), s).toBe(false);
  });
  it('the appraisal counts, of those, only what Sở Nội vụ has forwarded', () => {
    expect(QUOTA_FIGURES.forwarded.every((s) => countsAgainstQuota(s, 'counted'))).toBe(true);
    expect(countsAgainstQuota('appraised', 'forwarded')).toBe(true);
    expect(countsAgainstQuota('proposed', 'forwarded')).toBe(false);
    expect(countsAgainstQuota('sent_back', 'forwarded')).toBe(false);
  });
  it('the dashboard’s fulfilment counts cadres who went: serving, completed, returned — not an early end', () => {
    expect(quotaCount('fulfilled', { active: 2, completed: 1, returned: 1 })).toBe(4);
    expect(countsAgainstQuota('ended_early', 'fulfilled')).toBe(false);
    expect(countsAgainstQuota('decided', 'fulfilled')).toBe(false);
    expect(quotaCount('counted', { proposed: 1, sent_back: 1, appraised: 1, decided: 1, active: 1 })).toBe(5);
  });
});
