import type { Logger } from 'pino';
import type pg from 'pg';
import type { Database } from '../db/client.js';
import { beatJob, claimNextJob, finishJob, requeueStaleJobs, type JobRow } from '../db/repositories/jobs.repository.js';

/** insertJob notifies this channel; the notice arrives when the queuing transaction commits. */
const JOBS_CHANNEL = 'tc_jobs';

/** What a job handler may call while it works. */
export interface JobContext {
  /** Records progress (throttled) and answers whether the user asked to cancel. */
  progress(done: number, total: number | null): Promise<boolean>;
  isCancelRequested(): Promise<boolean>;
}

export type JobOutcome = { status: 'succeeded' | 'failed' | 'cancelled'; result?: unknown; error?: string | null };
export type JobHandler = (job: JobRow, ctx: JobContext) => Promise<JobOutcome>;

export interface WorkerOptions {
  pollMs?: number;
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this was orphaned by a dead process. */
  staleSeconds?: number;
  maxAttempts?: number;
}

/**
 * Runs background jobs inside a server process, one at a time. Several processes may run workers: each claims
 * work with FOR UPDATE SKIP LOCKED. A job keeps running when the user closes the page; if the process dies,
 * another worker re-queues it once its heartbeat is stale. A queued job wakes the workers at once (LISTEN);
 * polling remains for jobs whose notice was missed.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private listener: pg.PoolClient | null = null;
  private readonly o: Required<WorkerOptions>;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly handlers: Record<string, JobHandler>,
    o: WorkerOptions = {},
  ) {
    this.o = { pollMs: 500, heartbeatMs: 5000, staleSeconds: 60, maxAttempts: 3, ...o };
  }

  /** The last poll failed (the database is away): further failures are not logged until a poll succeeds. */
  private failing = false;

  start(): this {
    this.stopped = false;
    this.timer = setTimeout(() => void this.tick(), 0);
    void this.listen();
    return this;
  }

  private readonly tick = async () => {
    this.timer = null;
    if (this.stopped) return;
    this.running = this.drain().then(
      () => {
        if (this.failing) this.logger.info('job worker: database reachable again');
        this.failing = false;
      },
      (err) => {
        // one line per outage, not one per poll: the worker keeps polling and recovers by itself
        if (!this.failing) this.logger.error({ err }, 'job worker error (repeated failures are not logged until it recovers)');
        this.failing = true;
      },
    );
    await this.running;
    this.running = null;
    if (!this.stopped && !this.timer) this.timer = setTimeout(() => void this.tick(), this.o.pollMs);
  };

  /** A job was queued: run now if idle (a worker busy with a job looks for the next one when it is done). */
  private wake(): void {
    if (this.stopped || this.running || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), 0);
  }

  /** Holds one connection listening for queued jobs; on failure, polling carries on and it tries again later. */
  private async listen(): Promise<void> {
    if (this.stopped || this.listener) return;
    let client: pg.PoolClient | null = null;
    try {
      client = await this.database.pool.connect();
      const c = client;
      c.on('notification', () => this.wake());
      c.on('error', (err) => {
        if (this.listener !== c) return; // already given back (stopping)
        // one line per outage (the poller then stays quiet until the database is back)
        if (!this.failing) this.logger.warn({ err }, 'job listener lost its connection (the database may be away)');
        this.failing = true;
        this.listener = null;
        c.release(err);
        if (!this.stopped) setTimeout(() => void this.listen(), 5000).unref();
      });
      await c.query(`LISTEN ${JOBS_CHANNEL}`);
      if (this.stopped) {
        c.release();
        return;
      }
      this.listener = c;
    } catch (err) {
      // the database is away: the poller has said so once already
      if (!this.failing) this.logger.warn({ err }, 'job listener could not start');
      client?.release(err as Error);
      if (!this.stopped) setTimeout(() => void this.listen(), 5000).unref();
    }
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const listener = this.listener;
    this.listener = null;
    if (listener) {
      await listener.query(`UNLISTEN ${JOBS_CHANNEL}`).catch(() => undefined);
      listener.release();
    }
    await this.running;
  }

  /** Runs queued jobs until none is left (tests call this directly). */
  async drain(): Promise<number> {
    await requeueStaleJobs(this.database.db, this.o.staleSeconds, this.o.maxAttempts);
    let n = 0;
    while (await this.runOne()) n++;
    return n;
  }

  /** Claims and runs one job; false when the queue is empty. */
  async runOne(): Promise<boolean> {
    const job = await claimNextJob(this.database.db, Object.keys(this.handlers));
    if (!job) return false;
    let cancel = job.cancelRequested;
    let lastWrite = 0;
    const beat = async (done?: number, total?: number | null) => {
      try {
        cancel = (await beatJob(this.database.db, job.id, done, total)).cancelRequested;
      } catch (err) {
        this.logger.warn({ err, job: job.id }, 'job heartbeat failed');
      }
    };
    const heartbeat = setInterval(() => void beat(), this.o.heartbeatMs);
    const ctx: JobContext = {
      progress: async (done, total) => {
        if (Date.now() - lastWrite > 300) {
          lastWrite = Date.now();
          await beat(done, total);
        }
        return cancel;
      },
      isCancelRequested: async () => {
        await beat();
        return cancel;
      },
    };
    let outcome: JobOutcome;
    try {
      outcome = await this.handlers[job.kind](job, ctx);
    } catch (err) {
      this.logger.error({ err, job: job.id, kind: job.kind }, 'job failed');
      outcome = { status: 'failed', error: 'Đã có lỗi hệ thống khi xử lý. Vui lòng thử lại hoặc báo cho quản trị viên.' };
    } finally {
      clearInterval(heartbeat);
    }
    await finishJob(this.database.db, job.id, outcome.status, outcome.result, outcome.error ?? null);
    return true;
  }
}
