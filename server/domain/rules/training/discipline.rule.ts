import { viDate } from '../dates.js';
import { disciplineEnd } from '../discipline.rule.js';
import type { RuleContext } from '../types.js';
import { isForeignShortCourse } from './foreign-service-left.rule.js';
import { notApplicable, type TrainingRule } from './types.js';

/**
 * Decree 171/2025 and Decree 172/2025 (foreign training): not within the period of a discipline decision on the
 * start date. The bar period comes from the decision, the plan, or the form's dated table, as in the screening.
 */
export const trainingDisciplineRule: TrainingRule = (p, c, ctx) => {
  const clause = `${ctx.regulation.instrument}, điều kiện cử đi bồi dưỡng ở nước ngoài; Nghị định 172/2025/NĐ-CP`;
  if (!isForeignShortCourse(c)) return notApplicable('discipline', clause, 'Chỉ áp dụng với bồi dưỡng ở nước ngoài');
  const barCtx = { params: { disciplineBarMonths: ctx.disciplineBarMonths } } as unknown as RuleContext;
  const relevant = p.disciplines.filter((d) => d.effectiveFrom <= c.startDate);
  const ends = relevant.map((d) => disciplineEnd(d, barCtx));
  const active = relevant.findIndex((_, i) => ends[i] !== null && ends[i]! >= c.startDate);
  if (active >= 0) {
    return { criterion: 'discipline', result: 'fail', clause, reason: `Đang trong thời gian thi hành kỷ luật (${relevant[active].formCode}, đến hết ${viDate(ends[active])})`, facts: { records: relevant } };
  }
  if (ends.some((e) => e === null)) return { criterion: 'discipline', result: 'unknown', clause, reason: 'Chưa xác định được thời hạn của một quyết định kỷ luật', facts: { records: relevant } };
  return { criterion: 'discipline', result: 'pass', clause, reason: relevant.length ? 'Các quyết định kỷ luật trước đây đã hết thời hạn' : 'Không có quyết định kỷ luật', facts: { records: relevant } };
};
