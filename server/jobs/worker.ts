import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { beatJob, claimNextJob, finishJob, requeueStaleJobs, type JobRow } from '../db/repositories/jobs.repository.js';

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
 * another worker re-queues it once its heartbeat is stale.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly o: Required<WorkerOptions>;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly handlers: Record<string, JobHandler>,
    o: WorkerOptions = {},
  ) {
    this.o = { pollMs: 500, heartbeatMs: 5000, staleSeconds: 60, maxAttempts: 3, ...o };
  }

  start(): this {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.drain().then(
        () => undefined,
        (err) => this.logger.error({ err }, 'job worker error'),
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, this.o.pollMs);
    };
    this.timer = setTimeout(tick, 0);
    return this;
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
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
