/**
 * The base salary (lương cơ sở) is a dated table: each row is in force from its date until the next one. Money is
 * integer đồng; the entitlements keep it as a number, the training budgets as a BigInt, so the row is generic in
 * the amount and the lookup is the same for both.
 */
export interface BaseSalaryRow<Vnd extends number | bigint = number> {
  effectiveFrom: string;
  amountVnd: Vnd;
  instrument: string;
}

/** The base salary row in force on a date: the latest effective on or before it (rows in any order); null before the first. */
export function baseSalaryOn<R extends { effectiveFrom: string }>(rows: readonly R[], on: string): R | null {
  let found: R | null = null;
  for (const r of rows) if (r.effectiveFrom <= on && (!found || r.effectiveFrom >= found.effectiveFrom)) found = r;
  return found;
}
