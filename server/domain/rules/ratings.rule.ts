import { ratingInstrument } from '../../../common/ratings.js';
import { judgeRatingsWindow, yearsConsidered } from './record/ratings-window.js';
import { verdictOf, type Rule } from './types.js';

import { planClause } from '../../../common/plan-clause.js';

/**
 * Rated at or above the lowest accepted level (Hoàn thành tốt nhiệm vụ) in each year considered.
 * Plan 131 III.1.b ("luôn hoàn thành tốt nhiệm vụ được giao"). A missing year or unknown level is unknown.
 * The window itself is record/ratings-window.ts, shared with training. Each year cites the instrument its
 * rating was made under for the person's category (the dated table rating_instruments, common/ratings.ts).
 */
export const ratingsRule: Rule = (f, ctx) => {
  const years = yearsConsidered(ctx.referenceDate, ctx.params.ratingYearsConsidered);
  const byInstrument = new Map<string, number[]>();
  for (const y of years) {
    const i = ratingInstrument(ctx.ratingInstruments, y, f.category);
    byInstrument.set(i, [...(byInstrument.get(i) ?? []), y]);
  }
  const cited = [...byInstrument].map(([i, ys]) => (byInstrument.size > 1 ? `${i} (năm ${ys.join(', ')})` : i));
  const CLAUSE = `${planClause(ctx.planCode, 'III.1.b')}; ${cited.join('; ')}`;
  const codeOf = (y: number) => {
    const i = f.ratingYears.indexOf(y);
    return i >= 0 ? f.ratingCodes[i] : undefined;
  };
  const w = judgeRatingsWindow(years, codeOf, ctx.ratingLevels, ctx.params.minRatingCode);
  return verdictOf('ratings', w.result, CLAUSE, () => {
    const facts = {
      years,
      ratings: Object.fromEntries(years.map((y) => [y, f.ratingCodes[f.ratingYears.indexOf(y)] ?? null])),
      minRatingCode: ctx.params.minRatingCode,
    };
    if (w.result === 'fail') return { reason: `Xếp loại thấp hơn "${w.minName}" (${w.below.join('; ')})`, facts };
    if (w.result === 'unknown') {
      const parts = [
        w.missing.length ? `chưa có xếp loại năm ${w.missing.join(', ')}` : '',
        w.unknownLevels.length ? `mức xếp loại không có trong danh mục (${w.unknownLevels.join('; ')})` : '',
      ];
      return { reason: 'Thiếu thông tin: ' + parts.filter(Boolean).join('; '), facts };
    }
    return { reason: `Các năm ${years.join(', ')} đều từ "${w.minName}" trở lên`, facts };
  });
};
