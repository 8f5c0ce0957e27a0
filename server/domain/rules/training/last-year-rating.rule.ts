import { judgeRatings } from './ratings.rule.js';
import { isForeignShortCourse } from './foreign-service-left.rule.js';
import { noRegulation, notApplicable, regulationClause, type TrainingRule } from './types.js';

/** Decree 171/2025 Art. 28 (foreign short courses): rated at least "Hoàn thành tốt nhiệm vụ" in the year before. */
export const lastYearRatingRule: TrainingRule = (p, c, ctx) => {
  const clause = regulationClause(ctx, 'foreign', 'điều kiện cử đi bồi dưỡng ở nước ngoài (xếp loại năm trước liền kề)');
  if (!isForeignShortCourse(c)) return notApplicable('last_year_rating', clause, 'Chỉ áp dụng với bồi dưỡng ở nước ngoài');
  const regulation = ctx.regulation;
  if (!regulation) return noRegulation('last_year_rating', ctx, clause);
  return { criterion: 'last_year_rating', clause, ...judgeRatings(p, c.startDate, 1, { ...ctx, regulation }) };
};
