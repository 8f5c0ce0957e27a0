/**
 * Vietnam calendar dates and the arithmetic on them, shared by the server and the web. Dates are ISO strings
 * (YYYY-MM-DD); the arithmetic runs in UTC so no time zone moves a day.
 */

/** Vietnam keeps UTC+7 all year (no daylight saving), the zone of Asia/Ho_Chi_Minh. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * The calendar date in Vietnam at an instant (default now). Taken once per request or job and passed down
 * (`UseCaseContext.today`); never the database's `CURRENT_DATE`, which is the UTC date until 07:00 in Vietnam.
 */
export function vietnamToday(at: Date = new Date()): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year of a Vietnam calendar date (or of today in Vietnam). */
export const yearOf = (iso: string = vietnamToday()): number => Number(iso.slice(0, 4));

const parse = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
};
const fmt = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day n months later, clamped to the month's end (31/01 + 1 month = 28 or 29/02). */
export function addMonths(iso: string, n: number): string {
  const { y, m, d } = parse(iso);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fmt(ny, nm, Math.min(d, daysIn(ny, nm)));
}

export function lastDayOfMonth(iso: string): string {
  const { y, m } = parse(iso);
  return fmt(y, m, daysIn(y, m));
}

export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(iso + 'T00:00:00Z') + n * 864e5).toISOString().slice(0, 10);
}

/** Whole days from a to b (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 864e5);
}

/** Whole months from a to b (negative when b is before a). */
export function monthsBetween(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  let months = (y.y - x.y) * 12 + (y.m - x.m);
  if (months > 0 && y.d < x.d) months--;
  if (months < 0 && y.d > x.d) months++;
  return months;
}

/** Age in whole years on a date. */
export function ageOn(birth: string, on: string): number {
  return Math.floor(monthsBetween(birth, on) / 12);
}

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const { y, m, d } = parse(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/**
 * The last day of a term of `months` months from `start` (inclusive): 36 months from 01/08/2025 end on
 * 31/07/2028. A start at the end of a month keeps month ends (31/01 + 1 month ends on 27 or 28/02).
 */
export function endDateOf(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}
