import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { queueJobOfDayOnce } from '../db/repositories/inbox.repository.js';
import { sendReminderDigests } from '../domain/inbox/send-reminders.js';
import { vietnamToday } from '../../common/dates.js';
import type { Mailer } from '../mail/mailer.js';
import type { JobHandler } from './worker.js';

export const REMINDER_JOB_KIND = 'reminder_emails';

/** The job that e-mails the day's reminder digests (run by the JobWorker like any job). */
export function reminderJobHandlers(database: Database, mailer: Mailer, logger: Logger): Record<string, JobHandler> {
  return {
    [REMINDER_JOB_KIND]: async (job) => {
      const day = typeof job.payload.day === 'string' ? job.payload.day : vietnamToday();
      const result = await sendReminderDigests(database.db, mailer, { today: day, logger });
      return { status: 'succeeded', result };
    },
  };
}

/** Vietnam's hour of the day now. */
const hourInVietnam = () => new Date(Date.now() + 7 * 3600e3).getUTCHours();

/**
 * Queues one reminder run a day, from `hour` (Vietnam time) on: a timer checks every `everyMs` and queues the
 * day's job if no process has yet. A process started later in the day queues it at once.
 */
export function startReminderSchedule(database: Database, logger: Logger, o: { hour?: number; everyMs?: number } = {}) {
  const hour = o.hour ?? 7;
  const tick = async () => {
    if (hourInVietnam() < hour) return;
    try {
      const id = await queueJobOfDayOnce(database.db, REMINDER_JOB_KIND, vietnamToday());
      if (id) logger.info({ job: id }, 'reminder e-mails queued');
    } catch (err) {
      logger.warn({ err }, 'reminder e-mails could not be queued');
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), o.everyMs ?? 15 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
