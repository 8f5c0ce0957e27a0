import { describe, expect, it } from 'vitest';
import { foldAccents, formatCoefficient, formatDate, formatNumber, formatPercent } from './format';

describe('formatDate', () => {
  it('shows a plain date as dd/mm/yyyy without going through the time zone', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('1980-12-31')).toBe('31/12/1980');
  });
  it('shows a placeholder for an empty value', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('', '')).toBe('');
  });
  it('shows a timestamp as a date', () => {
    expect(formatDate('2025-06-03T10:00:00+07:00')).toMatch(/^0[23]\/06\/2025$/);
  });
});

describe('numbers', () => {
  it('uses Vietnamese separators', () => {
    expect(formatNumber(12345)).toBe('12.345');
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatCoefficient('2.34')).toBe('2,34');
    expect(formatPercent(0.05)).toBe('5 %');
  });
});

describe('foldAccents', () => {
  it('removes diacritics and turns đ into d', () => {
    expect(foldAccents('Nguyễn Văn Đức')).toBe('nguyen van duc');
  });
});
