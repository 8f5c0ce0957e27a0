import { viDate } from '../../../../common/dates.js';
import type { TrainingRule } from './types.js';
import { planClause } from '../../../../common/plan-clause.js';

/**
 * Plan 131 III.2.b: those trained meet the same standards as the plan asks of its cadres, first of all political
 * stance (I.3), as assessed by the sending unit.
 */
export const politicalRule: TrainingRule = (p, _c, ctx) => {
  const clause = `${planClause(ctx.planCode, 'I.3 và III.2.b')} (cùng tiêu chuẩn về phẩm chất chính trị)`;
  if (!p.politicalOk) return { criterion: 'political', result: 'unknown', clause, reason: 'Đơn vị chưa nhận xét, đánh giá về phẩm chất chính trị', facts: {} };
  return {
    criterion: 'political',
    result: p.politicalOk === 'yes' ? 'pass' : 'fail',
    clause,
    reason: `Đơn vị đánh giá ngày ${viDate(p.assessedOn)}: ${p.politicalOk === 'yes' ? 'đạt' : 'không đạt'} về phẩm chất chính trị`,
    facts: { politicalOk: p.politicalOk, assessedOn: p.assessedOn },
  };
};
