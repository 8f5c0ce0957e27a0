/**
 * Which instrument an annual rating is made under, by year and category, and the Decree 335/2025 points.
 *
 * DOMAIN.md ("Corrections and additions"): four levels set by Law 80/2025 Art. 26; công chức from 01/01/2026 under
 * Decree 335/2025 (100 points: ≥ 90 HTXS, 70–89 HTT, 50–69 HT, < 50 KHT); viên chức from 01/07/2026 under Decree
 * 233/2026, which repeals 90/2020 and keeps the four levels on the same points; before that Decree 90/2020 as
 * amended by 48/2023. A year's rating is made at its end, so a viên chức's 2026 rating falls under 233/2026.
 * Cán bộ from 2026: no decree is sourced here, only the Law's four levels, and no points.
 * Which instrument is in force is the dated table `rating_instruments` (seeded from RATING_INSTRUMENTS_SEED below,
 * changed through the reference what-if); the functions here take its rows and stay pure.
 */

export const RATINGS_90_48 = 'Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP';
export const RATINGS_335 = 'Nghị định 335/2025/NĐ-CP';
export const RATINGS_233 = 'Nghị định 233/2026/NĐ-CP';
export const RATINGS_LAW_80 = 'Luật Cán bộ, công chức 80/2025/QH15, Điều 26';
/** A row of the dated `rating_instruments` table: the instrument ratings of a category are made under from a date. */
export interface RatingInstrumentRow {
  category: string;
  effectiveFrom: string;
  hasPoints: boolean;
  instrument: string;
}

/**
 * The rows the reference data loads (server/db/reference/reference-data.ts); afterwards the table is the source and
 * is changed through the reference what-if. Cán bộ from 2026: no decree is sourced, only the Law's four levels.
 */
export const RATING_INSTRUMENTS_SEED: readonly RatingInstrumentRow[] = [
  { category: 'can_bo', effectiveFrom: '2020-01-01', hasPoints: false, instrument: RATINGS_90_48 },
  { category: 'cong_chuc', effectiveFrom: '2020-01-01', hasPoints: false, instrument: RATINGS_90_48 },
  { category: 'vien_chuc', effectiveFrom: '2020-01-01', hasPoints: false, instrument: RATINGS_90_48 },
  {
    category: 'can_bo',
    effectiveFrom: '2026-01-01',
    hasPoints: false,
    instrument: `${RATINGS_LAW_80} (chưa có nghị định hướng dẫn cho cán bộ trong dữ liệu tham chiếu)`,
  },
  { category: 'cong_chuc', effectiveFrom: '2026-01-01', hasPoints: true, instrument: RATINGS_335 },
  { category: 'vien_chuc', effectiveFrom: '2026-07-01', hasPoints: true, instrument: RATINGS_233 },
];

/** The day a year's rating is made on: its last day, so the row in force that day is the year's instrument. */
export const ratingDayOf = (year: number) => `${String(year).padStart(4, '0')}-12-31`;

/** The row a rating of that year and category is made under (in force on 31/12 of the year), or null when none is. */
export function ratingSchemeOf(rows: readonly RatingInstrumentRow[], year: number, category: string): RatingInstrumentRow | null {
  const day = ratingDayOf(year);
  let best: RatingInstrumentRow | null = null;
  for (const r of rows) if (r.category === category && r.effectiveFrom <= day && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

/** The instrument a rating of that year and category is made under, as the clauses cite it. */
export function ratingInstrument(rows: readonly RatingInstrumentRow[], year: number, category: string): string {
  return ratingSchemeOf(rows, year, category)?.instrument ?? `${RATINGS_LAW_80} (chưa có văn bản xếp loại năm ${year} trong dữ liệu tham chiếu)`;
}

/** Whether a rating of that year and category is scored in points (0–100). */
export function ratingHasPoints(rows: readonly RatingInstrumentRow[], year: number, category: string): boolean {
  return ratingSchemeOf(rows, year, category)?.hasPoints ?? false;
}

/** The level the points give: ≥ 90 HTXS, 70–89 HTT, 50–69 HT, < 50 KHT. */
export function levelFromPoints(points: number): 'HTXS' | 'HTT' | 'HT' | 'KHT' {
  return points >= 90 ? 'HTXS' : points >= 70 ? 'HTT' : points >= 50 ? 'HT' : 'KHT';
}

const LEVEL_NAMES: Record<string, string> = {
  HTXS: 'Hoàn thành xuất sắc nhiệm vụ',
  HTT: 'Hoàn thành tốt nhiệm vụ',
  HT: 'Hoàn thành nhiệm vụ',
  KHT: 'Không hoàn thành nhiệm vụ',
};

/**
 * The level to store for a rating given with a level, points or both; or the Vietnamese reason it is refused
 * (points where the year's instrument has none, points outside 0–100, a level that does not match the points).
 * `category` null (an import row before its person is known) accepts points when some category scores that year;
 * the person's own category is then checked against the table in the database.
 */
export function resolveRating(
  rows: readonly RatingInstrumentRow[],
  year: number,
  category: string | null,
  levelCode: string | null | undefined,
  points: number | null | undefined,
): { levelCode: string } | { path: 'levelCode' | 'points'; message: string } {
  if (points === null || points === undefined) {
    return levelCode ? { levelCode } : { path: 'levelCode', message: 'Cần ghi mức xếp loại hoặc điểm đánh giá' };
  }
  if (!(points >= 0 && points <= 100)) return { path: 'points', message: 'Điểm đánh giá phải từ 0 đến 100' };
  if (Math.abs(Math.round(points * 100) - points * 100) > 1e-6) return { path: 'points', message: 'Điểm đánh giá có tối đa 2 chữ số thập phân' };
  const categories = category === null ? [...new Set(rows.map((r) => r.category))] : [category];
  const schemes = categories.map((c) => ratingSchemeOf(rows, year, c));
  const scored = schemes.find((x) => x?.hasPoints);
  if (!scored) {
    const cited = [...new Set(schemes.map((x) => x?.instrument).filter(Boolean))].join('; ');
    return { path: 'points', message: `Năm ${year} xếp loại theo ${cited || 'văn bản không chấm điểm'}, không chấm điểm` };
  }
  const derived = levelFromPoints(points);
  if (levelCode && levelCode !== derived) {
    return { path: 'levelCode', message: `Mức xếp loại không khớp với điểm: ${points} điểm là "${LEVEL_NAMES[derived]}" (${scored.instrument})` };
  }
  return { levelCode: derived };
}
