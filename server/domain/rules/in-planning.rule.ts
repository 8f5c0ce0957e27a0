import { verdictOf, type Rule } from './types.js';
import { planClause } from '../../../common/plan-clause.js';

/** In planning (quy hoạch) for a leadership title on the reference date. Plan 131 I.3, III.1.b. */
export const inPlanningRule: Rule = (f, ctx) =>
  verdictOf('in_planning', f.planningActive ? 'pass' : 'fail', `${planClause(ctx.planCode, 'I.3 và III.1.b')}; Quy định 377-QĐ/TW`, () => ({
    reason: f.planningActive ? `Trong quy hoạch chức danh ${f.planningTitle ?? '(không ghi)'}` : 'Không có quy hoạch còn hiệu lực vào ngày xét',
    facts: { planningActive: f.planningActive, planningTitle: f.planningTitle },
  }));
