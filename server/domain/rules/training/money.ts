/** Exact money arithmetic on integer đồng (BigInt); the only rounding is explicit, half up, at the end. */

/** n / d rounded half up, for n ≥ 0 and d > 0. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n || n < 0n) throw new RangeError('divRoundHalfUp expects n ≥ 0 and d > 0');
  return (2n * n + d) / (2n * d);
}

/** A share (0.05) as an exact fraction: 0.05 → 50000 / 1000000 (six decimals are kept, which covers any plan). */
export function shareFraction(share: number): { num: bigint; den: bigint } {
  if (!(share >= 0)) throw new RangeError('share must be ≥ 0');
  const [int, frac = ''] = share.toFixed(6).split('.');
  return { num: BigInt(int + frac), den: 10n ** BigInt(frac.length) };
}

/** A salary coefficient kept as numeric text ("2.34") in hundredths (234n), without going through a float. */
export function coefficientHundredths(text: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a coefficient: ${text}`);
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** Hundredths back to "2,34" for the explanations. */
export const hundredthsText = (h: bigint) => `${(h / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${(h % 100n).toString().padStart(2, '0')}`;

/** "1.234.567 đồng" */
export const vndText = (v: bigint) => `${v.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
