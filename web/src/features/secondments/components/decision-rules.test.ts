import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { decisionHeaderBody, needsShortReason, plannedEndDate } from './decision-rules';

describe('decision rules', () => {
  it('asks for the special-case reason only below the minimum', () => {
    expect(needsShortReason(36, 36)).toBe(false);
    expect(needsShortReason(48, 36)).toBe(false);
    expect(needsShortReason(35, 36)).toBe(true);
    expect(needsShortReason(12, 24)).toBe(true);
    expect(needsShortReason(null, 36)).toBe(false);
    expect(needsShortReason(undefined, 36)).toBe(false);
  });

  it('previews the last day of the term', () => {
    expect(plannedEndDate('2026-01-01', 36)).toBe('2028-12-31');
    expect(plannedEndDate('2026-03-15', 1)).toBe('2026-04-14');
    expect(plannedEndDate(null, 36)).toBeNull();
    expect(plannedEndDate('2026-01-01', 0)).toBeNull();
  });

  it('sends the number only when the user changed it from the next one', () => {
    const v = { seq: 5, decidedOn: dayjs('2026-02-03'), signerName: ' Trần Văn A ', signerTitle: 'Chủ tịch' };
    expect(decisionHeaderBody(v, 5)).toEqual({ seq: null, decidedOn: '2026-02-03', signerName: 'Trần Văn A', signerTitle: 'Chủ tịch' });
    expect(decisionHeaderBody(v, 4).seq).toBe(5);
  });
});
