import dayjs from 'dayjs';

/** The placeholder shown for an empty value. */
export const EMPTY = '—';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as dd/mm/yyyy. Plain dates (YYYY-MM-DD) are reformatted as text, never through a Date object,
 * so they cannot shift by a day with the time zone; timestamps are shown in local time.
 */
export function formatDate(value: string | null | undefined, empty = EMPTY): string {
  if (!value) return empty;
  const m = ISO_DATE.exec(value);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY') : value;
}

/** A timestamp as dd/mm/yyyy HH:mm in local time. */
export function formatDateTime(value: string | null | undefined, empty = EMPTY): string {
  if (!value) return empty;
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : value;
}

const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** A number with Vietnamese separators: 12.345 and 2,34. */
export function formatNumber(value: number | string | null | undefined, empty = EMPTY): string {
  if (value === null || value === undefined || value === '') return empty;
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isNaN(n)) return String(value);
  return Number.isInteger(n) ? integerFormat.format(n) : decimalFormat.format(n);
}

/** A coefficient kept as text by the API ("2.34") shown as 2,34. */
export function formatCoefficient(value: string | null | undefined, empty = EMPTY): string {
  if (!value) return empty;
  const n = Number(value);
  return Number.isNaN(n) ? value : new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

/** A share (0.05) as a percentage: 5 %. */
export function formatPercent(share: number): string {
  return `${decimalFormat.format(share * 100)} %`;
}

/** Text without Vietnamese diacritics, lower case (đ → d): for accent-insensitive matching in the browser. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Converts a dayjs value from a date picker to the API's YYYY-MM-DD (or null). */
export function toIsoDate(d: dayjs.Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

/** Converts the API's YYYY-MM-DD to a dayjs value for a date picker. */
export function fromIsoDate(s: string | null | undefined): dayjs.Dayjs | null {
  return s ? dayjs(s) : null;
}

/** The format of every date picker. */
export const DATE_INPUT_FORMAT = 'DD/MM/YYYY';
