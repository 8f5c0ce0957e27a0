import type { Tx } from '../../db/client.js';
import type { UseCaseContext } from '../context.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { BeforePlanError, NoPlanError, planInForce } from '../plans/plan-in-force.js';
import { insertReport } from '../../db/repositories/reports.repository.js';
import { findReportingUnits, lockReportSchedule, reportersOfPeriod } from '../../db/repositories/report-schedule.repository.js';
import type { PlanParams } from '../../../common/plan-params.js';
import { periodJustEnded, scheduledDue, type ReportIssuer } from './report-schedule.js';

/** The plan's parameters in force on a date, or null before any plan (no schedule then). */
async function scheduleParams(tx: Tx, on: string): Promise<PlanParams | null> {
  try {
    return (await planInForce(tx, on)).params;
  } catch (err) {
    if (err instanceof BeforePlanError || err instanceof NoPlanError) return null;
    throw err;
  }
}

/** The deadline of a report on `from`–`to` under the plan in force at the period's end, when it is a period of the schedule. */
export async function dueOfReport(ctx: UseCaseContext, from: string, to: string, who: ReportIssuer): Promise<string | null> {
  const params = await scheduleParams(ctx.tx, to);
  return params ? scheduledDue(from, to, params, who) : null;
}

export type ScheduledRun = {
  day: string;
  province: { from: string; to: string; created: boolean } | null;
  units: { from: string; to: string; created: number } | null;
};

/**
 * The plan's report schedule on `today` (taken once by the job): from the day after a period of the schedule ends,
 * the draft of the province's report on it (Sở Nội vụ's to the People's Committee) and of each sending unit's
 * report to Sở Nội vụ, unless one on that exact period exists already — with their deadline, created and audited by
 * the system. Idempotent (under a lock): a second run on the same day, or a later one, creates nothing more. A
 * period governed by no plan (ended before the plan took effect) is not scheduled.
 */
export async function createScheduledReports(tx: Tx, today: string): Promise<ScheduledRun> {
  const ctx: UseCaseContext = { actor: SYSTEM_ACTOR, tx, requestId: null, today };
  await lockReportSchedule(tx);
  const out: ScheduledRun = { day: today, province: null, units: null };
  for (const who of ['province', 'unit'] as const) {
    // the period is the schedule's under the version in force at its end
    const current = await scheduleParams(tx, today);
    if (!current) return out;
    const period = periodJustEnded(today, current, who);
    const params = await scheduleParams(tx, period.to);
    if (!params) continue;
    const dueOn = scheduledDue(period.from, period.to, params, who);
    if (!dueOn) continue;
    const have = await reportersOfPeriod(tx, period.from, period.to);
    const create = async (unitId: string | null) => {
      const id = await insertReport(tx, { kind: 'plan131', from: period.from, to: period.to, unitId, userId: SYSTEM_ACTOR.userId, dueOn });
      await recordAudit(tx, ctx, {
        action: 'create',
        entityType: 'report',
        entityId: id,
        after: { kind: 'plan131', from: period.from, to: period.to, unitId, dueOn },
        meta: { scheduled: true },
      });
    };
    if (who === 'province') {
      const created = !have.has(null);
      if (created) await create(null);
      out.province = { from: period.from, to: period.to, created };
    } else {
      let created = 0;
      for (const u of await findReportingUnits(tx, period.to)) {
        if (have.has(u.id)) continue;
        await create(u.id);
        created++;
      }
      out.units = { from: period.from, to: period.to, created };
    }
  }
  return out;
}
