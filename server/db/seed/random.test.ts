import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, derivedUuid, hashString, isoDate, mixSeed, Rng, yearsBetween } from './random.js';

describe('Rng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = new Rng(131);
    const b = new Rng(131);
    const c = new Rng(132);
    const sa = Array.from({ length: 20 }, () => a.u32());
    expect(Array.from({ length: 20 }, () => b.u32())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.u32())).not.toEqual(sa);
    expect(mixSeed(131, 1)).not.toBe(mixSeed(131, 2));
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const r = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('follows the weights of weighted()', () => {
    const r = new Rng(2);
    let heavy = 0;
    for (let i = 0; i < 10000; i++)
      if (
        r.weighted([
          ['a', 9],
          ['b', 1],
        ]) === 'a'
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8700);
    expect(heavy).toBeLessThan(9300);
  });

  it('makes version-4-shaped UUIDs', () => {
    const r = new Rng(3);
    for (let i = 0; i < 100; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('dates', () => {
  it('round-trips ISO dates, leap days included', () => {
    for (const d of ['1970-01-01', '1966-02-28', '2000-02-29', '2024-02-29', '2026-11-26', '2099-12-31']) {
      expect(isoDate(dayNumber(d))).toBe(d);
    }
    expect(dayNumber('1970-01-02') - dayNumber('1970-01-01')).toBe(1);
    expect(dayNumber('2025-03-01') - dayNumber('2025-02-28')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
  });

  it('adds months clamping to the end of the month', () => {
    expect(isoDate(addMonths(dayNumber('2025-01-31'), 1))).toBe('2025-02-28');
    expect(isoDate(addMonths(dayNumber('2024-01-31'), 1))).toBe('2024-02-29');
    expect(isoDate(addMonths(dayNumber('2025-09-17'), 12))).toBe('2026-09-17');
    expect(isoDate(addMonths(dayNumber('2026-11-26'), -12 * 61))).toBe('1965-11-26');
  });

  it('counts whole years as an age', () => {
    expect(yearsBetween(dayNumber('1966-11-27'), dayNumber('2026-11-26'))).toBe(59);
    expect(yearsBetween(dayNumber('1966-11-26'), dayNumber('2026-11-26'))).toBe(60);
  });
});

describe('derivedUuid', () => {
  it('tells apart the rows of two people whose 32-bit stream is the same', () => {
    // two person ids with the same FNV-1a hash: a stream keyed by it gives both the same "random" ids
    const a = '00000000-0000-4000-8000-00000004b9cc';
    const b = '00000000-0000-4000-8000-0000000b2b18';
    expect(hashString(a)).toBe(hashString(b));
    const fromA = new Rng(hashString(a) ^ 0x2026).uuid();
    const fromB = new Rng(hashString(b) ^ 0x2026).uuid();
    expect(fromA).toBe(fromB);
    expect(derivedUuid(a, fromA)).not.toBe(derivedUuid(b, fromB));
    expect(derivedUuid(a, fromA)).toBe(derivedUuid(a, fromA));
    expect(derivedUuid(a, fromA)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
