import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { vietnamToday } from '../../common/dates.js';
import { completeDueSecondments } from '../domain/secondment/complete-secondment.js';

const HOUR = 3600_000;

/**
 * Flags the secondments whose end date has passed, at start-up and every hour after (Plan 131: the term ends,
 * the sending unit must place the cadre). Each record is locked and re-checked, so several server processes
 * running it at once flag each one once. Every flag is an event and an audit row, never a silent change.
 */
export function startSecondmentTermSchedule(database: Database, logger: Logger, everyMs = HOUR) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const n = await database.db.transaction((tx) => completeDueSecondments(tx, vietnamToday()));
      if (n) logger.info({ count: n }, 'secondments flagged completed');
    } catch (err) {
      logger.error({ err }, 'secondment term check failed');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), runNow: run };
}
