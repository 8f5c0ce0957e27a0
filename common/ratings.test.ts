import { describe, expect, it } from 'vitest';
import { levelFromPoints, ratingInstrument, resolveRating } from './ratings.js';

describe('Decree 335/2025 points', () => {
  it('derives the level at each band boundary', () => {
    expect([100, 90, 89.99, 70, 69.5, 50, 49.99, 0].map(levelFromPoints)).toEqual(['HTXS', 'HTXS', 'HTT', 'HTT', 'HT', 'HT', 'KHT', 'KHT']);
  });
  it('derives the level when only points are given, refuses a mismatch in Vietnamese', () => {
    expect(resolveRating(2026, 'cong_chuc', null, 70)).toEqual({ levelCode: 'HTT' });
    expect(resolveRating(2026, 'cong_chuc', 'HTT', 89)).toEqual({ levelCode: 'HTT' });
    expect(resolveRating(2026, 'cong_chuc', 'HTXS', 89)).toMatchObject({ path: 'levelCode', message: expect.stringContaining('không khớp') });
    expect(resolveRating(2026, 'cong_chuc', null, 101)).toMatchObject({ path: 'points' });
    expect(resolveRating(2026, 'cong_chuc', null, 80.123)).toMatchObject({ path: 'points' });
    expect(resolveRating(2026, 'cong_chuc', null, null)).toMatchObject({ path: 'levelCode' });
  });
  it('has no points before 2026 nor for cán bộ; a level alone is kept as given', () => {
    expect(resolveRating(2025, 'cong_chuc', 'HTT', 80)).toMatchObject({ path: 'points', message: expect.stringContaining('90/2020') });
    expect(resolveRating(2026, 'can_bo', 'HTT', 80)).toMatchObject({ path: 'points' });
    expect(resolveRating(2026, 'vien_chuc', null, 95)).toEqual({ levelCode: 'HTXS' });
    expect(resolveRating(2025, 'cong_chuc', 'HT', null)).toEqual({ levelCode: 'HT' });
  });
});

describe('the instrument of a year’s rating', () => {
  it('90/2020 + 48/2023 until 2025; 335/2025 for công chức and 233/2026 for viên chức from 2026', () => {
    expect(ratingInstrument(2025, 'cong_chuc')).toBe('Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP');
    expect(ratingInstrument(2025, 'vien_chuc')).toBe('Nghị định 90/2020/NĐ-CP; Nghị định 48/2023/NĐ-CP');
    expect(ratingInstrument(2026, 'cong_chuc')).toBe('Nghị định 335/2025/NĐ-CP');
    expect(ratingInstrument(2026, 'vien_chuc')).toBe('Nghị định 233/2026/NĐ-CP');
    expect(ratingInstrument(2026, 'can_bo')).toMatch(/^Luật Cán bộ, công chức 80\/2025\/QH15, Điều 26 \(chưa có/);
  });
});
