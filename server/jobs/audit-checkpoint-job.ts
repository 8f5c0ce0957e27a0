import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { checkpointPlace, writeCheckpoint } from '../domain/audit/checkpoints.js';

const EVERY_MS = 5 * 60_000;

/**
 * Every five minutes, and when the server stops, a signed checkpoint of the audit chain's head is appended to the
 * file outside the database (domain/audit/checkpoints.ts), when the head moved; verify-audit compares them.
 */
export function startAuditCheckpoints(database: Database, dataDir: string, logger: Logger, everyMs = EVERY_MS) {
  const place = checkpointPlace(dataDir);
  const run = async () => {
    try {
      await writeCheckpoint(database.pool, place);
    } catch (err) {
      logger.warn({ err }, 'audit checkpoint not written');
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await run();
    },
  };
}
