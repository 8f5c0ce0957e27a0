import { verdictOf, type Rule } from './types.js';

/** The years considered: the last N completed years before the reference date's year. */
export function yearsConsidered(referenceDate: string, n: number): number[] {
  const last = Number(referenceDate.slice(0, 4)) - 1;
  return Array.from({ length: n }, (_, i) => last - n + 1 + i);
}

const CLAUSE = 'Kế hoạch 131/KH-UBND, mục III.1.b; Nghị định 90/2020/NĐ-CP, Nghị định 48/2023/NĐ-CP';

/**
 * Rated at or above the lowest accepted level (Hoàn thành tốt nhiệm vụ) in each year considered.
 * Plan 131 III.1.b ("luôn hoàn thành tốt nhiệm vụ được giao"). A missing year or unknown level is unknown.
 */
export const ratingsRule: Rule = (f, ctx) => {
  const years = yearsConsidered(ctx.referenceDate, ctx.params.ratingYearsConsidered);
  const min = ctx.ratingLevels.get(ctx.params.minRatingCode);
  const below: string[] = [];
  const missing: number[] = [];
  const unknownLevels: string[] = [];
  for (const y of years) {
    const i = f.ratingYears.indexOf(y);
    const code = i >= 0 ? f.ratingCodes[i] : undefined;
    if (!code) {
      missing.push(y);
      continue;
    }
    const level = ctx.ratingLevels.get(code);
    if (!level || !min) unknownLevels.push(`${y}: ${code}`);
    else if (level.rank > min.rank) below.push(`${y}: ${level.name}`);
  }
  const result = below.length ? 'fail' : missing.length || unknownLevels.length ? 'unknown' : 'pass';
  return verdictOf('ratings', result, CLAUSE, () => {
    const facts = {
      years,
      ratings: Object.fromEntries(years.map((y) => [y, f.ratingCodes[f.ratingYears.indexOf(y)] ?? null])),
      minRatingCode: ctx.params.minRatingCode,
    };
    const minName = min?.name ?? ctx.params.minRatingCode;
    if (result === 'fail') return { reason: `Xếp loại thấp hơn "${minName}" (${below.join('; ')})`, facts };
    if (result === 'unknown') {
      const parts = [missing.length ? `chưa có xếp loại năm ${missing.join(', ')}` : '', unknownLevels.length ? `mức xếp loại không có trong danh mục (${unknownLevels.join('; ')})` : ''];
      return { reason: 'Thiếu thông tin: ' + parts.filter(Boolean).join('; '), facts };
    }
    return { reason: `Các năm ${years.join(', ')} đều từ "${minName}" trở lên`, facts };
  });
};
