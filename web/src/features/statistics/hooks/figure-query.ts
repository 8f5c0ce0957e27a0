import { CATEGORIES, type Category } from '../../../../../common/enums';
import { lastDayOfMonth } from '../../../../../common/dates';
import type { StatisticsQuery } from '../../../api/types';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The period, unit and category of the statistics or of a figure's list, read from the page's address (null when incomplete). */
export function figureQueryFrom(params: URLSearchParams): StatisticsQuery | null {
  const from = params.get('from');
  const to = params.get('to');
  if (!from || !to || !ISO.test(from) || !ISO.test(to)) return null;
  const unitId = params.get('unitId') || undefined;
  const c = params.get('category');
  const category = c && (CATEGORIES as readonly string[]).includes(c) ? (c as Category) : undefined;
  return { from, to, unitId, category };
}

/** The address query of a figure's list (the period in the URL, so the list can be shared and reloaded). */
export function figureListPath(key: string, q: StatisticsQuery, reportId?: string): string {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.unitId) params.set('unitId', q.unitId);
  if (q.category) params.set('category', q.category);
  if (reportId) params.set('report', reportId);
  return `/reports/figures/${encodeURIComponent(key)}?${params}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The quick periods: this quarter, the last one, this half-year, this year (each up to its end). */
export function quickPeriods(today: string): { label: string; from: string; to: string }[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const qStart = Math.floor((m - 1) / 3) * 3 + 1;
  const quarter = (year: number, start: number) => ({ from: `${year}-${pad(start)}-01`, to: lastDayOfMonth(`${year}-${pad(start + 2)}-01`) });
  const prevQuarter = qStart === 1 ? quarter(y - 1, 10) : quarter(y, qStart - 3);
  const half = m <= 6 ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
  return [
    { label: `Quý ${(qStart + 2) / 3}/${y}`, ...quarter(y, qStart) },
    { label: `Quý ${(Number(prevQuarter.from.slice(5, 7)) + 2) / 3}/${prevQuarter.from.slice(0, 4)}`, ...prevQuarter },
    { label: m <= 6 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`, ...half },
    { label: `Năm ${y}`, from: `${y}-01-01`, to: `${y}-12-31` },
  ];
}
