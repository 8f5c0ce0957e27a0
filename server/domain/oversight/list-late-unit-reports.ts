import type { UseCaseContext } from '../context.js';
import { findLateUnitReports } from '../../db/repositories/report-schedule.repository.js';
import { reportsScope } from '../../db/scope.js';

/**
 * The sending units whose report to Sở Nội vụ on a period of the plan's schedule is past its deadline and not issued
 * (as the late cadres' reports are listed), the longest late first, a page at a time, through the actor's scope.
 */
export async function listLateUnitReports(ctx: UseCaseContext, q: { page: number; pageSize: number; on?: string }) {
  const today = q.on ?? ctx.today;
  const r = await findLateUnitReports(ctx.tx, reportsScope(ctx.actor, 'rp'), { today, outstanding: true, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { today, page: q.page, pageSize: q.pageSize, total: r.total, items: r.items };
}
