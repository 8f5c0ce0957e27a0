import { describe, expect, it } from 'vitest';
import { searchWords } from './personnel.repository.js';

describe('searchWords', () => {
  it('drops accents, đ, case and punctuation', () => {
    expect(searchWords('Nguyễn  Văn Đức')).toEqual(['nguyen', 'van', 'duc']);
    expect(searchWords('ĐẶNG')).toEqual(['dang']);
    expect(searchWords("x' & y:* | !z")).toEqual(['x', 'y', 'z']);
    expect(searchWords('%%')).toEqual([]);
  });
  it('handles decomposed input the same as composed', () => {
    expect(searchWords('Nguyễn'.normalize('NFD'))).toEqual(['nguyen']);
  });
});
