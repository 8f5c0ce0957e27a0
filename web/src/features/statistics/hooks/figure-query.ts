import { CATEGORIES, type Category } from '../../../../../common/enums';
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
