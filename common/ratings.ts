/**
 * Which instrument an annual rating is made under, by year and category, and the Decree 335/2025 points.
 *
 * DOMAIN.md ("Corrections and additions"): four levels set by Law 80/2025 Art. 26; công chức from 01/01/2026 under
 * Decree 335/2025 (100 points: ≥ 90 HTXS, 70–89 HTT, 50–69 HT, < 50 KHT); viên chức from 01/07/2026 under Decree
 * 233/2026, which repeals 90/2020 and keeps the four levels on the same points; before that Decree 90/2020 as
 * amended by 48/2023. A year's rating is made at its end, so a viên chức's 2026 rating falls under 233/2026.
 * Cán bộ from 2026: no decree is sourced here, only the Law's four levels, and no points.
 */

export const RATINGS_90_48 = 'Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP';
export const RATINGS_335 = 'Nghị định 335/2025/NĐ-CP';
export const RATINGS_233 = 'Nghị định 233/2026/NĐ-CP';
export const RATINGS_LAW_80 = 'Luật Cán bộ, công chức 80/2025/QH15, Điều 26';
/** The first rating year under the new instruments (Decree 335/2025 from 01/01/2026; 233/2026 from 01/07/2026). */
export const POINTS_FROM_YEAR = 2026;

/** The instrument a rating of that year and category is made under. */
export function ratingInstrument(year: number, category: string): string {
  if (year < POINTS_FROM_YEAR) return RATINGS_90_48;
  if (category === 'cong_chuc') return RATINGS_335;
  if (category === 'vien_chuc') return RATINGS_233;
  return `${RATINGS_LAW_80} (chưa có nghị định hướng dẫn cho cán bộ trong dữ liệu tham chiếu)`;
}

/** Whether a rating of that year and category is scored in points (0–100). */
export function ratingHasPoints(year: number, category: string): boolean {
  return year >= POINTS_FROM_YEAR && (category === 'cong_chuc' || category === 'vien_chuc');
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
 * (points where the instrument has none, points outside 0–100, a level that does not match the points).
 */
export function resolveRating(
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
  if (year < POINTS_FROM_YEAR) return { path: 'points', message: `Năm ${year} xếp loại theo ${RATINGS_90_48}, không chấm điểm` };
  if (category !== null && !ratingHasPoints(year, category)) {
    return {
      path: 'points',
      message: 'Chấm điểm theo Nghị định 335/2025/NĐ-CP áp dụng cho công chức (viên chức theo Nghị định 233/2026/NĐ-CP), không áp dụng cho cán bộ',
    };
  }
  const derived = levelFromPoints(points);
  if (levelCode && levelCode !== derived) {
    return { path: 'levelCode', message: `Mức xếp loại không khớp với điểm: ${points} điểm là "${LEVEL_NAMES[derived]}" (Nghị định 335/2025/NĐ-CP)` };
  }
  return { levelCode: derived };
}
