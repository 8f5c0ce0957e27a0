import { addDays, addMonths } from '../../../common/dates.js';
import type { PlanParams } from '../../../common/plan-params.js';

/**
 * The plan's schedule of reports on its results (plan parameters `unitReportPeriodMonths`, `unitReportDueDays`,
 * `provinceReportPeriodMonths`, `provinceReportDueDays`): calendar periods of N months (6: 01/01–30/06 and
 * 01/07–31/12), each reported on from the day after it ends, by its end plus the plan's days. Pure.
 */

export type ReportIssuer = 'unit' | 'province';
export type SchedulePeriod = { from: string; to: string; dueOn: string };

type ScheduleParams = Pick<PlanParams, 'unitReportPeriodMonths' | 'unitReportDueDays' | 'provinceReportPeriodMonths' | 'provinceReportDueDays'>;

const rule = (p: ScheduleParams, who: ReportIssuer) =>
  who === 'unit' ? { months: p.unitReportPeriodMonths, days: p.unitReportDueDays } : { months: p.provinceReportPeriodMonths, days: p.provinceReportDueDays };

/** The first day of the calendar period of `months` holding `on`. */
function periodStart(on: string, months: number): string {
  const m = Number(on.slice(5, 7)) - 1;
  return `${on.slice(0, 4)}-${String(Math.floor(m / months) * months + 1).padStart(2, '0')}-01`;
}

/**
 * The period last ended on `today` (the one reported on now): the calendar period before the one holding today.
 * Its reporting starts the day after its end, which is the first day of today's period.
 */
export function periodJustEnded(today: string, p: ScheduleParams, who: ReportIssuer): SchedulePeriod {
  const { months, days } = rule(p, who);
  const current = periodStart(today, months);
  const to = addDays(current, -1);
  return { from: addMonths(current, -months), to, dueOn: addDays(to, days) };
}

/**
 * The deadline of a report on `from`–`to` when that is one of the schedule's periods for its issuer (the unit's, or
 * the province's), else null: a report on another span (a quarter asked for, a special report) has no deadline.
 */
export function scheduledDue(from: string, to: string, p: ScheduleParams, who: ReportIssuer): string | null {
  const { months, days } = rule(p, who);
  if (from !== periodStart(from, months)) return null;
  if (to !== addDays(addMonths(from, months), -1)) return null;
  return addDays(to, days);
}
