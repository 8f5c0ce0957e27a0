import { describe, expect, it } from 'vitest';
import { isoDate } from './fields.js';

describe('isoDate', () => {
  it('accepts real dates, including 29/02 of a leap year', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2025-12-31').success).toBe(true);
  });
  it('refuses impossible or malformed dates', () => {
    for (const bad of ['2024-02-31', '2025-02-29', '2025-13-01', '31/02/2024', '2024-2-3', '', '1850-01-01']) {
      expect(isoDate.safeParse(bad).success, bad).toBe(false);
    }
  });
});
