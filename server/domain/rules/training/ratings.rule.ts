import { POSTGRADUATE_KINDS } from '../../../../common/training.js';
import { judgeRatingsWindow, yearsConsidered } from '../record/ratings-window.js';
import { noRegulation, notApplicable, regulationClause, type TrainingFacts, type TrainingRule, type TrainingRuleContext, type TrainingVerdict } from './types.js';
import type { TrainingRegulation } from '../../../../common/training.js';

/** The ratings of the `n` completed years before the start year, judged against the lowest accepted level (record/ratings-window.ts). */
export function judgeRatings(p: TrainingFacts, startDate: string, n: number, ctx: TrainingRuleContext & { regulation: TrainingRegulation }) {
  const years = yearsConsidered(startDate, n);
  const w = judgeRatingsWindow(years, (y) => p.ratings[y], ctx.ratingLevels, ctx.regulation.minRatingCode);
  const reason =
    w.result === 'fail'
      ? `Xếp loại thấp hơn "${w.minName}" (${w.below.join('; ')})`
      : w.result === 'unknown'
        ? `Chưa có xếp loại năm ${w.incomplete.join(', ')}`
        : `Năm ${years.join(', ')} đều xếp loại từ "${w.minName}" trở lên`;
  return {
    result: w.result,
    reason,
    facts: { years, ratings: Object.fromEntries(years.map((y) => [y, p.ratings[y] ?? null])), minRatingCode: ctx.regulation.minRatingCode },
  };
}

/** Decree 171/2025 Art. 5 (postgraduate training): the last N years rated at least "Hoàn thành tốt nhiệm vụ". */
export const ratingsRule: TrainingRule = (p, c, ctx): TrainingVerdict => {
  const clause = regulationClause(ctx, 'postgraduate', 'điều kiện cử đi đào tạo sau đại học (xếp loại chất lượng)');
  if (!POSTGRADUATE_KINDS.includes(c.kind)) return notApplicable('ratings', clause, 'Chỉ áp dụng với đào tạo sau đại học');
  const regulation = ctx.regulation;
  if (!regulation) return noRegulation('ratings', ctx, clause);
  return { criterion: 'ratings', clause, ...judgeRatings(p, c.startDate, regulation.postgraduateRatingYears, { ...ctx, regulation }) };
};
