import { notApplicable, type TrainingRule } from './types.js';
import { planClause } from '../../../../common/plan-clause.js';

/** Plan 131 I.3, III.2.b: a course meant for leaders in planning needs the nominee to be in planning. */
export const trainingInPlanningRule: TrainingRule = (p, c, ctx) => {
  const clause = `${planClause(ctx.planCode, 'I.3 và III.2.b')}; Quy định 377-QĐ/TW`;
  if (!c.requiresPlanning) return notApplicable('in_planning', clause, 'Khóa học không yêu cầu trong quy hoạch');
  return {
    criterion: 'in_planning',
    result: p.planningActive ? 'pass' : 'fail',
    clause,
    reason: p.planningActive
      ? `Trong quy hoạch chức danh ${p.planningTitle ?? '(không ghi)'}`
      : 'Khóa học dành cho cán bộ trong quy hoạch; cán bộ không có quy hoạch còn hiệu lực',
    facts: { planningActive: p.planningActive },
  };
};
