import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { useTestDatabase } from '../../test/support/test-database.js';
import { insertJob } from '../db/repositories/jobs.repository.js';
import { JobWorker } from './worker.js';

const t = useTestDatabase();

async function until(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('job worker', () => {
  it('a queued job wakes an idle worker at once instead of waiting for the next poll', async () => {
    const { pool, db } = t.get();
    const ran: string[] = [];
    const handlers = {
      test_job: async (job: { id: string }) => {
        ran.push(job.id);
        return { status: 'succeeded' as const };
      },
    };
    const worker = new JobWorker(t.get(), pino({ level: 'silent' }), handlers, { pollMs: 60_000 });
    worker.start();
    try {
      const listening = async () =>
        Number((await pool.query(`SELECT count(*) n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN tc_jobs'`)).rows[0].n) > 0;
      expect(await until(listening, 5000)).toBe(true);
      const id = await insertJob(db, { kind: 'test_job', payload: {}, createdBy: null, unitScope: [null] });
      // the worker polls once a minute here: only the notice can make it run the job within seconds
      expect(await until(() => ran.includes(id), 5000)).toBe(true);
      // the handler has run; the job is marked done just after it returns, in the worker's own statement
      const status = async () => (await pool.query(`SELECT status FROM jobs WHERE id = $1`, [id])).rows[0].status as string;
      expect(await until(async () => (await status()) === 'succeeded', 5000), await status()).toBe(true);
    } finally {
      await worker.stop();
    }
    expect(
      await until(
        async () =>
          Number(
            (await pool.query(`SELECT count(*) n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN tc_jobs' AND state = 'idle'`)).rows[0]
              .n,
          ) === 0,
        5000,
      ),
    ).toBe(true);
  });
});
