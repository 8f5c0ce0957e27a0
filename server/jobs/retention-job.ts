import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { deleteExpiredImportFiles } from '../db/repositories/imports.repository.js';
import { sql } from 'drizzle-orm';

const DAY = 24 * 3600_000;

/**
 * Retention (README, "Retention"): once a day, and at start-up, the uploaded .xlsx files and the rows their dry runs
 * checked are deleted 7 days after the upload (imports.expires_at), committed or not — the committed data and the
 * import's summary and issue list stay; expired sessions and login counters of past windows go too. Several
 * server processes may run it at once: each statement deletes what is there.
 */
export async function purgeExpired(database: Database): Promise<{ importFiles: number; sessions: number; throttle: number }> {
  return database.db.transaction(async (tx) => {
    const importFiles = await deleteExpiredImportFiles(tx);
    const sessions = (await tx.execute(sql`DELETE FROM sessions WHERE expires_at < now()`)).rowCount ?? 0;
    const throttle =
      (await tx.execute(sql`DELETE FROM login_throttle WHERE window_start < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())`))
        .rowCount ?? 0;
    return { importFiles, sessions, throttle };
  });
}

export function startRetentionSchedule(database: Database, logger: Logger, everyMs = DAY) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const n = await purgeExpired(database);
      if (n.importFiles || n.sessions || n.throttle) logger.info(n, 'expired files and sessions purged');
    } catch (err) {
      logger.error({ err }, 'retention purge failed');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), runNow: run };
}
