import { POSTGRADUATE_KINDS } from '../../../../common/training.js';
import type { CriterionResult } from '../../../../common/eligibility.js';
import { notApplicable, type TrainingFacts, type TrainingRule, type TrainingRuleContext, type TrainingVerdict } from './types.js';

/** The ratings of the `n` completed years before the start year, judged against the lowest accepted level. */
export function judgeRatings(p: TrainingFacts, startDate: string, n: number, ctx: TrainingRuleContext) {
  const last = Number(startDate.slice(0, 4)) - 1;
  const years = Array.from({ length: n }, (_, i) => last - n + 1 + i);
  const min = ctx.ratingLevels.get(ctx.regulation.minRatingCode);
  const minName = min?.name ?? ctx.regulation.minRatingCode;
  const below: string[] = [];
  const missing: number[] = [];
  for (const y of years) {
    const code = p.ratings[y];
    const level = code ? ctx.ratingLevels.get(code) : undefined;
    if (!code || !level || !min) missing.push(y);
    else if (level.rank > min.rank) below.push(`${y}: ${level.name}`);
  }
  const result: CriterionResult = below.length ? 'fail' : missing.length ? 'unknown' : 'pass';
  const reason =
    result === 'fail'
      ? `Xếp loại thấp hơn "${minName}" (${below.join('; ')})`
      : result === 'unknown'
        ? `Chưa có xếp loại năm ${missing.join(', ')}`
        : `Năm ${years.join(', ')} đều xếp loại từ "${minName}" trở lên`;
  return { result, reason, facts: { years, ratings: Object.fromEntries(years.map((y) => [y, p.ratings[y] ?? null])), minRatingCode: ctx.regulation.minRatingCode } };
}

/** Decree 171/2025 (postgraduate training): the last N years rated at least "Hoàn thành tốt nhiệm vụ". */
export const ratingsRule: TrainingRule = (p, c, ctx): TrainingVerdict => {
  const clause = `${ctx.regulation.instrument}, điều kiện cử đi đào tạo sau đại học (xếp loại chất lượng)`;
  if (!POSTGRADUATE_KINDS.includes(c.kind)) return notApplicable('ratings', clause, 'Chỉ áp dụng với đào tạo sau đại học');
  return { criterion: 'ratings', clause, ...judgeRatings(p, c.startDate, ctx.regulation.postgraduateRatingYears, ctx) };
};
