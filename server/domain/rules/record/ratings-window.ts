import type { CriterionResult } from '../../../../common/eligibility.js';

/** Rating levels (xếp loại chất lượng): code → rank (1 is the best) and name. */
export type RatingLevels = ReadonlyMap<string, { rank: number; name: string }>;

/** The years considered: the last `n` completed years before the reference date's year. */
export function yearsConsidered(referenceDate: string, n: number): number[] {
  const last = Number(referenceDate.slice(0, 4)) - 1;
  return Array.from({ length: n }, (_, i) => last - n + 1 + i);
}

/** The ratings of a window of years judged against the lowest accepted level, with what makes it fail or unknown. */
export interface RatingsWindow {
  result: CriterionResult;
  years: number[];
  /** The name of the lowest accepted level (its code when the level is not in the code list). */
  minName: string;
  /** "2025: Hoàn thành nhiệm vụ" for each year rated below it. */
  below: string[];
  /** Years without a rating. */
  missing: number[];
  /** "2025: ZZ" for each year whose level is not in the code list (or when the lowest accepted level is not). */
  unknownLevels: string[];
  /** The years missing or of an unknown level, in year order. */
  incomplete: number[];
}

/**
 * Rated at or above the lowest accepted level in each year of the window (Plan 131 III.1.b for the screening,
 * Decree 171/2025 for training). A year below fails; otherwise a missing year or an unknown level is unknown,
 * never a pass.
 */
export function judgeRatingsWindow(years: number[], ratingOf: (year: number) => string | null | undefined, levels: RatingLevels, minCode: string): RatingsWindow {
  const min = levels.get(minCode);
  const below: string[] = [];
  const missing: number[] = [];
  const unknownLevels: string[] = [];
  const incomplete: number[] = [];
  for (const y of years) {
    const code = ratingOf(y);
    if (!code) {
      missing.push(y);
      incomplete.push(y);
      continue;
    }
    const level = levels.get(code);
    if (!level || !min) {
      unknownLevels.push(`${y}: ${code}`);
      incomplete.push(y);
    } else if (level.rank > min.rank) below.push(`${y}: ${level.name}`);
  }
  const result: CriterionResult = below.length ? 'fail' : incomplete.length ? 'unknown' : 'pass';
  return { result, years, minName: min?.name ?? minCode, below, missing, unknownLevels, incomplete };
}
