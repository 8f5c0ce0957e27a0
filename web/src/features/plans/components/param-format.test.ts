import { describe, expect, it } from 'vitest';
import { PLAN_131_PARAMS } from '../../../../../common/plan-params';
import { formatParam, paramChanges } from './param-format';

describe('plan parameters as text', () => {
  it('shows rates as percentages, periods in months, the rating level by name', () => {
    const l = { ratingName: (c: string) => (c === 'HTT' ? 'Hoàn thành tốt nhiệm vụ' : null) };
    expect(formatParam('quotaRate', PLAN_131_PARAMS)).toBe('5 %');
    expect(formatParam('minSecondmentMonths', PLAN_131_PARAMS)).toBe('36 tháng');
    expect(formatParam('minRatingCode', PLAN_131_PARAMS, l)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(formatParam('priorityWeights', PLAN_131_PARAMS)).toBe('Trẻ tuổi: 2; Nữ: 1; Dân tộc thiểu số: 1; Hoàn thành xuất sắc nhiệm vụ: 2');
  });
  it('lists what changed between two versions', () => {
    const next = { ...PLAN_131_PARAMS, quotaRate: 0.04, minSecondmentMonths: 24 };
    expect(paramChanges(PLAN_131_PARAMS, next).map((c) => `${c.key}: ${c.before} → ${c.after}`)).toEqual([
      'quotaRate: 5 % → 4 %',
      'minSecondmentMonths: 36 tháng → 24 tháng',
    ]);
    expect(paramChanges(null, next)).toEqual([]);
  });
});
