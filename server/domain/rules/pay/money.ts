/**
 * Exact money arithmetic on integer đồng: BigInt where the amounts are summed and shared (training budgets,
 * repayments), plain integers where one coefficient meets one base salary (entitlements). Salary coefficients
 * are kept in hundredths, never as floats; the only rounding is explicit, half up, at the end.
 */

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

/** A coefficient as integer hundredths ("4.98" → 498n, "5" → 500n, "4.980" → 498n); null when absent or malformed. */
export function coefHundredths(v: string | number | null | undefined): bigint | null {
  if (v === null || v === undefined || v === '') return null;
  const m = /^(\d+)(?:\.(\d{1,2})0*)?$/.exec(String(v).trim());
  if (!m) return null;
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
}

/** A salary coefficient kept as numeric text ("2.34") in hundredths (234n); throws when it is not one. */
export function coefficientHundredths(text: string): bigint {
  const h = coefHundredths(text);
  if (h === null) throw new RangeError(`not a coefficient: ${text}`);
  return h;
}

/** hundredths × đồng / 100, rounded half up to the đồng (a coefficient times a base salary). */
export function coefTimes(hundredths: bigint, amountVnd: number): number {
  return Number(divRoundHalfUp(hundredths * BigInt(amountVnd), 100n));
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Hundredths back to "2,34" for the explanations. */
export const hundredthsText = (h: bigint) => `${groupThousands((h / 100n).toString())},${(h % 100n).toString().padStart(2, '0')}`;

/** "1.234.567 đồng" */
export const vndText = (v: bigint | number) => `${groupThousands(BigInt(v).toString())} đồng`;
