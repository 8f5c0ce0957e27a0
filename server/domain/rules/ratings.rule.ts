import type { Rule } from './types.js';

/** The years considered: the last N completed years before the reference date's year. */
export function yearsConsidered(referenceDate: string, n: number): number[] {
  const last = Number(referenceDate.slice(0, 4)) - 1;
  return Array.from({ length: n }, (_, i) => last - n + 1 + i);
}

/**
 * Rated at or above the lowest accepted level (Hoàn thành tốt nhiệm vụ) in each year considered.
 * Plan 131 III.1.b ("luôn hoàn thành tốt nhiệm vụ được giao"). A missing year or unknown level is unknown.
 */
export const ratingsRule: Rule = (f, ctx) => {
  const years = yearsConsidered(ctx.referenceDate, ctx.params.ratingYearsConsidered);
  const min = ctx.ratingLevels.get(ctx.params.minRatingCode);
  const byYear = new Map(f.ratingYears.map((y, i) => [y, f.ratingCodes[i]]));
  const facts = { years, ratings: Object.fromEntries(years.map((y) => [y, byYear.get(y) ?? null])), minRatingCode: ctx.params.minRatingCode };
  const clause = 'Kế hoạch 131/KH-UBND, mục III.1.b; Nghị định 90/2020/NĐ-CP, Nghị định 48/2023/NĐ-CP';
  const below: string[] = [];
  const missing: number[] = [];
  const unknownLevels: string[] = [];
  for (const y of years) {
    const code = byYear.get(y);
    if (!code) {
      missing.push(y);
      continue;
    }
    const level = ctx.ratingLevels.get(code);
    if (!level || !min) unknownLevels.push(`${y}: ${code}`);
    else if (level.rank > min.rank) below.push(`${y}: ${level.name}`);
  }
  const minName = min?.name ?? ctx.params.minRatingCode;
  if (below.length) return { criterion: 'ratings', result: 'fail', reason: `Xếp loại thấp hơn "${minName}" (${below.join('; ')})`, clause, facts };
  if (missing.length || unknownLevels.length) {
    const parts = [missing.length ? `chưa có xếp loại năm ${missing.join(', ')}` : '', unknownLevels.length ? `mức xếp loại không có trong danh mục (${unknownLevels.join('; ')})` : ''];
    return { criterion: 'ratings', result: 'unknown', reason: 'Thiếu thông tin: ' + parts.filter(Boolean).join('; '), clause, facts };
  }
  return { criterion: 'ratings', result: 'pass', reason: `Các năm ${years.join(', ')} đều từ "${minName}" trở lên`, clause, facts };
};
