/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) and the date arithmetic the demo-data generator
 * needs. Everything here is deterministic: the same seed gives the same sequence on every machine.
 * Dates are handled as day numbers (days since 1970-01-01) and printed as 'YYYY-MM-DD'.
 */
import { createHash } from 'node:crypto';

/** splitmix32 step: a good 32-bit mixer, used to spread a seed over the generator state. */
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Mixes several integers into one 32-bit seed (order matters). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) h = splitmix32(h ^ splitmix32(p | 0));
  return h;
}

/** A string to a 32-bit integer (FNV-1a), for seeding sub-streams by name. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A version-4-shaped UUID from the SHA-1 of its parts: the same parts give the same id on every machine, and ids of
 * distinct parts collide no more than random ones do. For rows drawn from a stream keyed by a 32-bit hash, whose
 * own ids repeat once a province has a million people (two people then share a stream).
 */
export function derivedUuid(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest();
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = splitmix32(seed);
    this.b = splitmix32(this.a ^ 0x2545f491);
    this.c = splitmix32(this.b ^ 0x9e3779b9);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A sub-stream that does not disturb this one's sequence beyond one draw. */
  fork(label: string | number): Rng {
    return new Rng(mixSeed(this.u32(), typeof label === 'number' ? label : hashString(label)));
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Real in [min, max). */
  real(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new Error('pick from an empty list');
    return arr[Math.floor(this.next() * arr.length)];
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }

  /** Roughly normal (sum of three uniforms), clamped to [min, max]. */
  normal(mean: number, sd: number, min = -Infinity, max = Infinity): number {
    const z = (this.next() + this.next() + this.next() - 1.5) * 2; // sd ≈ 1
    return Math.min(max, Math.max(min, mean + z * sd));
  }

  /** A day number uniformly in [from, to] (day numbers). */
  day(from: number, to: number): number {
    return this.int(from, Math.max(from, to));
  }

  /** An ISO date uniformly between two ISO dates, inclusive. */
  dateBetween(from: string, to: string): string {
    return isoDate(this.day(dayNumber(from), dayNumber(to)));
  }

  /** A version-4-shaped UUID made of 16 bytes from this stream. */
  uuid(): string {
    const w0 = this.u32();
    const w1 = this.u32();
    const w2 = this.u32();
    const w3 = this.u32();
    const b = [
      w0 >>> 24,
      (w0 >>> 16) & 255,
      (w0 >>> 8) & 255,
      w0 & 255,
      w1 >>> 24,
      (w1 >>> 16) & 255,
      ((w1 >>> 8) & 0x0f) | 0x40,
      w1 & 255,
      ((w2 >>> 24) & 0x3f) | 0x80,
      (w2 >>> 16) & 255,
      (w2 >>> 8) & 255,
      w2 & 255,
      w3 >>> 24,
      (w3 >>> 16) & 255,
      (w3 >>> 8) & 255,
      w3 & 255,
    ];
    return (
      HEX[b[0]] +
      HEX[b[1]] +
      HEX[b[2]] +
      HEX[b[3]] +
      '-' +
      HEX[b[4]] +
      HEX[b[5]] +
      '-' +
      HEX[b[6]] +
      HEX[b[7]] +
      '-' +
      HEX[b[8]] +
      HEX[b[9]] +
      '-' +
      HEX[b[10]] +
      HEX[b[11]] +
      HEX[b[12]] +
      HEX[b[13]] +
      HEX[b[14]] +
      HEX[b[15]]
    );
  }

  /** Shuffles an array (or typed array) in place (Fisher–Yates). */
  shuffle<T extends { length: number; [i: number]: unknown }>(arr: T): T {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
    return arr;
  }
}

// ---- dates as day numbers (proleptic Gregorian, UTC; Howard Hinnant's civil-date algorithms) ----

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const PAD2: string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

export function isoDate(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}

export function dayNumber(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

/** Adds calendar months, clamping the day to the month's end (31/01 + 1 month = 28 or 29/02). */
export function addMonths(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Whole years from `from` to `to` (age on `to` of someone born on `from`). */
export function yearsBetween(from: number, to: number): number {
  const [y1, m1, d1] = civilFromDays(from);
  const [y2, m2, d2] = civilFromDays(to);
  let n = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) n--;
  return n;
}

export function yearOf(day: number): number {
  return civilFromDays(day)[0];
}
