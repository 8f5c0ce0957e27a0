import { describe, expect, it } from 'vitest';
import { levelFromPoints, RATING_INSTRUMENTS_SEED, ratingHasPoints, ratingInstrument, resolveRating, type RatingInstrumentRow } from './ratings.js';

const rows = RATING_INSTRUMENTS_SEED;

describe('Decree 335/2025 points', () => {
  it('derives the level at each band boundary', () => {
    expect([100, 90, 89.99, 70, 69.5, 50, 49.99, 0].map(levelFromPoints)).toEqual(['HTXS', 'HTXS', 'HTT', 'HTT', 'HT', 'HT', 'KHT', 'KHT']);
  });
  it('derives the level when only points are given, refuses a mismatch in Vietnamese', () => {
    expect(resolveRating(rows, 2026, 'cong_chuc', null, 70)).toEqual({ levelCode: 'HTT' });
    expect(resolveRating(rows, 2026, 'cong_chuc', 'HTT', 89)).toEqual({ levelCode: 'HTT' });
    expect(resolveRating(rows, 2026, 'cong_chuc', 'HTXS', 89)).toMatchObject({ path: 'levelCode', message: expect.stringContaining('không khớp') });
    expect(resolveRating(rows, 2026, 'cong_chuc', null, 101)).toMatchObject({ path: 'points' });
    expect(resolveRating(rows, 2026, 'cong_chuc', null, 80.123)).toMatchObject({ path: 'points' });
    expect(resolveRating(rows, 2026, 'cong_chuc', null, null)).toMatchObject({ path: 'levelCode' });
  });
  it('has no points before 2026 nor for cán bộ; a level alone is kept as given', () => {
    expect(resolveRating(rows, 2025, 'cong_chuc', 'HTT', 80)).toMatchObject({ path: 'points', message: expect.stringContaining('90/2020') });
    expect(resolveRating(rows, 2026, 'can_bo', 'HTT', 80)).toMatchObject({ path: 'points', message: expect.stringContaining('không chấm điểm') });
    expect(resolveRating(rows, 2026, 'vien_chuc', null, 95)).toEqual({ levelCode: 'HTXS' });
    expect(resolveRating(rows, 2025, 'cong_chuc', 'HT', null)).toEqual({ levelCode: 'HT' });
  });
  it('without a category (an import row) accepts points when some category scores that year', () => {
    expect(resolveRating(rows, 2026, null, null, 75)).toEqual({ levelCode: 'HTT' });
    expect(resolveRating(rows, 2025, null, null, 75)).toMatchObject({ path: 'points', message: expect.stringContaining('90/2020') });
  });
});

describe('the instrument of a year’s rating', () => {
  it('90/2020 + 48/2023 until 2025; 335/2025 for công chức and 233/2026 for viên chức from 2026', () => {
    expect(ratingInstrument(rows, 2025, 'cong_chuc')).toBe('Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP');
    expect(ratingInstrument(rows, 2025, 'vien_chuc')).toBe('Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP');
    expect(ratingInstrument(rows, 2026, 'cong_chuc')).toBe('Nghị định 335/2025/NĐ-CP');
    expect(ratingInstrument(rows, 2026, 'vien_chuc')).toBe('Nghị định 233/2026/NĐ-CP');
    expect(ratingInstrument(rows, 2026, 'can_bo')).toMatch(/^Luật Cán bộ, công chức 80\/2025\/QH15, Điều 26 \(chưa có/);
  });
  it('a year is rated under the row in force on its 31/12: a row from 01/07 governs that whole year', () => {
    const later: RatingInstrumentRow[] = [...rows, { category: 'cong_chuc', effectiveFrom: '2028-07-01', hasPoints: false, instrument: 'Nghị định X/2028/NĐ-CP' }];
    expect(ratingInstrument(later, 2027, 'cong_chuc')).toBe('Nghị định 335/2025/NĐ-CP');
    expect(ratingInstrument(later, 2028, 'cong_chuc')).toBe('Nghị định X/2028/NĐ-CP');
    expect(ratingHasPoints(later, 2028, 'cong_chuc')).toBe(false);
    expect(ratingHasPoints(later, 2027, 'cong_chuc')).toBe(true);
    expect(resolveRating(later, 2028, 'cong_chuc', null, 80)).toMatchObject({ path: 'points', message: expect.stringContaining('X/2028') });
  });
  it('a year before every row cites the Law and scores no points', () => {
    expect(ratingInstrument(rows, 2019, 'cong_chuc')).toContain('chưa có văn bản xếp loại năm 2019');
    expect(ratingHasPoints(rows, 2019, 'cong_chuc')).toBe(false);
  });
});
