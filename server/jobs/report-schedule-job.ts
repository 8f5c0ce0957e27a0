import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { queueJobOfDayOnce } from '../db/repositories/inbox.repository.js';
import { createScheduledReports } from '../domain/reports/create-scheduled-reports.js';
import { vietnamToday } from '../../common/dates.js';
import type { JobHandler } from './worker.js';

export const REPORT_SCHEDULE_JOB_KIND = 'report_schedule';

/**
 * The job of the plan's report schedule (run by the JobWorker like any job): on its day (the Vietnam date of the
 * payload, else taken once now) it drafts the reports of the period just ended — the province's and each sending
 * unit's — that are not there yet. Idempotent: running it again on the same day, or on a later one, adds nothing.
 */
export function reportScheduleJobHandlers(database: Database, logger: Logger): Record<string, JobHandler> {
  return {
    [REPORT_SCHEDULE_JOB_KIND]: async (job) => {
      const day = typeof job.payload.day === 'string' ? job.payload.day : vietnamToday();
      const result = await database.db.transaction((tx) => createScheduledReports(tx, day));
      if (result.province?.created || result.units?.created)
        logger.info({ day, province: result.province, units: result.units?.created }, 'scheduled reports drafted');
      return { status: 'succeeded', result };
    },
  };
}

/**
 * Queues one run a day (at start-up, then a timer checks every `everyMs`): several server processes may ask, one job
 * is queued for the day (`queueJobOfDayOnce`), and the job itself creates each draft once.
 */
export function startReportSchedule(database: Database, logger: Logger, o: { everyMs?: number } = {}) {
  const tick = async () => {
    try {
      const id = await queueJobOfDayOnce(database.db, REPORT_SCHEDULE_JOB_KIND, vietnamToday());
      if (id) logger.info({ job: id }, 'report schedule queued');
    } catch (err) {
      logger.warn({ err }, 'report schedule could not be queued');
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), o.everyMs ?? 60 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
