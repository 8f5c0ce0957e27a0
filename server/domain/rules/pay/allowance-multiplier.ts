import { baseSalaryOn } from './base-salary.js';

/**
 * A row of the dated one-off allowance multiplier table (`allowance_multipliers`): × the base salary in force on the
 * start date (Decree 178/2024 Art. 12 cl. 1 b, as amended by Decree 67/2025). A later instrument is a new row.
 */
export interface AllowanceMultiplierRow {
  effectiveFrom: string;
  multiplier: number;
  instrument: string;
}

/** The multiplier row in force on a date (the latest effective on or before it); null before the first. */
export function multiplierOn(rows: readonly AllowanceMultiplierRow[], on: string): AllowanceMultiplierRow | null {
  return baseSalaryOn(rows, on);
}

/** "10" or "10,5": a multiplier as Vietnamese text. */
export const multiplierText = (m: number) => m.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
