import { allOf } from '../../db/sql-helpers.js';
import type { UseCaseContext } from '../context.js';
import {
  SECONDMENT_DEADLINES,
  SECONDMENT_STATUSES,
  SECONDMENT_STATUS_LABELS,
  SECONDMENT_TRANSITIONS,
  SECONDMENT_WAITING_STATUSES,
  type SecondmentStatus,
} from '../../../common/secondment.js';
import { countActiveByHost, countByStatus, countClosedBySendingUnit, countReports, findReturnsDue } from '../../db/repositories/oversight.repository.js';
import { getQuotas } from '../plans/get-quotas.js';
import { quotaCount } from '../rules/quota.js';
import { REPORT_DUE_AHEAD_DAYS } from '../inbox/inbox-rules.js';
import { secondmentsScope } from '../../db/scope.js';

/** How far ahead the dashboard lists the cadres due to return. */
export const RETURNS_AHEAD_DAYS = SECONDMENT_DEADLINES.endWarningDays[0];

/**
 * "Theo dõi, giám sát": quota fulfilment per sending unit, the path by step with what is late at each step,
 * cadres at each commune, reports due or late, and the returns of the coming 90 days (Plan 131 IV.3).
 */
export async function getOversightDashboard(ctx: UseCaseContext, on?: string) {
  const today = on ?? ctx.today;
  const scope = secondmentsScope(ctx.actor);
  const [quotas, closed, byStatus, hosts, reports, returnsDue] = await allOf(ctx.tx, [
    () => getQuotas(ctx, Number(today.slice(0, 4))),
    () => countClosedBySendingUnit(ctx.tx, scope),
    () => countByStatus(ctx.tx, scope, today),
    () => countActiveByHost(ctx.tx, scope),
    () => countReports(ctx.tx, scope, today, REPORT_DUE_AHEAD_DAYS),
    () => findReturnsDue(ctx.tx, scope, today, RETURNS_AHEAD_DAYS),
  ]);
  const closedOf = new Map(closed.map((c) => [c.unitId, c]));
  const units = quotas.items.map((u) => {
    const c = closedOf.get(u.unitId);
    const completed = c?.completed ?? 0;
    const returned = c?.returned ?? 0;
    const fulfilled = quotaCount('fulfilled', { active: u.active, completed, returned });
    return {
      unitId: u.unitId,
      unitName: u.unitName,
      target: u.target,
      proposed: u.proposed,
      decided: u.decided,
      active: u.active,
      completed,
      returned,
      fulfilled,
      rate: u.target ? fulfilled / u.target : null,
    };
  });
  const countOf = new Map(byStatus.map((r) => [r.status, r]));
  const pipeline = SECONDMENT_STATUSES.map((status) => ({
    status,
    label: SECONDMENT_STATUS_LABELS[status],
    count: countOf.get(status)?.count ?? 0,
    overdue: countOf.get(status)?.overdue ?? 0,
  }));
  const waiting: readonly SecondmentStatus[] = SECONDMENT_WAITING_STATUSES;
  const sum = (f: (u: (typeof units)[number]) => number | null) => units.reduce((s, u) => s + (f(u) ?? 0), 0);
  return {
    today,
    year: quotas.year,
    totals: {
      target: sum((u) => u.target),
      fulfilled: sum((u) => u.fulfilled),
      active: pipeline.find((p) => p.status === 'active')!.count,
      inProgress: pipeline.filter((p) => waiting.includes(p.status)).reduce((s, p) => s + p.count, 0),
      overdueSteps: pipeline.filter((p) => waiting.includes(p.status)).reduce((s, p) => s + p.overdue, 0),
      awaitingPlacement: pipeline.filter((p) => SECONDMENT_TRANSITIONS.place.from.includes(p.status)).reduce((s, p) => s + p.count, 0),
      communes: hosts.length,
    },
    quota: units,
    pipeline,
    hosts,
    reports: { ...reports, aheadDays: REPORT_DUE_AHEAD_DAYS },
    returnsDue: { days: RETURNS_AHEAD_DAYS, items: returnsDue },
  };
}
