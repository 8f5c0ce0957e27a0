import { viDate } from '../../../../common/dates.js';
import { disciplineBarOn } from '../record/discipline-bar.js';
import { isForeignShortCourse } from './foreign-service-left.rule.js';
import { notApplicable, type TrainingRule } from './types.js';

/**
 * Decree 171/2025 and Decree 172/2025 (foreign training): not within the period of a discipline decision on the
 * start date. The bar period comes from the decision, the plan, or the form's dated table, as in the screening
 * (the same bar: record/discipline-bar.ts).
 */
export const trainingDisciplineRule: TrainingRule = (p, c, ctx) => {
  const clause = `${ctx.regulation.instrument}, điều kiện cử đi bồi dưỡng ở nước ngoài; Nghị định 172/2025/NĐ-CP`;
  if (!isForeignShortCourse(c)) return notApplicable('discipline', clause, 'Chỉ áp dụng với bồi dưỡng ở nước ngoài');
  const bar = disciplineBarOn(p.disciplines, c.startDate, ctx.disciplineBarMonths);
  const facts = { records: bar.relevant };
  if (bar.result === 'fail') {
    return {
      criterion: 'discipline',
      result: 'fail',
      clause,
      reason: `Đang trong thời gian thi hành kỷ luật (${bar.relevant[bar.active].formCode}, đến hết ${viDate(bar.ends[bar.active])})`,
      facts,
    };
  }
  if (bar.result === 'unknown')
    return { criterion: 'discipline', result: 'unknown', clause, reason: 'Chưa xác định được thời hạn của một quyết định kỷ luật', facts };
  return {
    criterion: 'discipline',
    result: 'pass',
    clause,
    reason: bar.relevant.length ? 'Các quyết định kỷ luật trước đây đã hết thời hạn' : 'Không có quyết định kỷ luật',
    facts,
  };
};
