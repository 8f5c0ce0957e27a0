import { serve } from '@hono/node-server';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { openDatabase } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { AppRoleError, ensureAppRole, grantAppRole, requestRoleProblems, roleOfUrl } from './db/app-role.js';
import { EmbeddedStartError, startEmbedded, type EmbeddedServer } from './db/embedded.js';
import { createApp } from './http/app.js';
import { ensureDemoData } from './db/seed/demo-setup.js';
import { JobWorker } from './jobs/worker.js';
import { importJobHandlers } from './jobs/import-job.js';
import { reminderJobHandlers, startReminderSchedule } from './jobs/reminders-job.js';
import { createSmtpMailer } from './mail/mailer.js';
import { startSecondmentTermSchedule } from './jobs/secondment-terms-job.js';
import { startRetentionSchedule } from './jobs/retention-job.js';
import { startAuditCheckpoints } from './jobs/audit-checkpoint-job.js';
import { reportScheduleJobHandlers, startReportSchedule } from './jobs/report-schedule-job.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);

let embedded: EmbeddedServer | null = null;
let url = config.databaseUrl;
if (!url) {
  logger.info({ dataDir: config.dataDir }, 'starting embedded PostgreSQL');
  try {
    embedded = await startEmbedded(config.dataDir);
  } catch (err) {
    // a start that cannot succeed says what to do, in the first second
    if (err instanceof EmbeddedStartError) console.error(`\n${err.message}\n`);
    else logger.error({ err }, 'embedded PostgreSQL did not start');
    process.exit(1);
  }
  if (!embedded.owned) logger.info('joined the embedded PostgreSQL already running on this data folder');
  url = embedded.url;
}
// the owner's connection: migrations and the demo load; the requests use the application role: ours where we run the
// database, APP_DATABASE_URL's on a PostgreSQL we do not (db/app-role.ts), else DATABASE_URL's own user, with a warning
const owner = openDatabase(url, embedded || config.appDatabaseUrl ? 2 : config.dbPoolSize);
let database = owner;
let worker: JobWorker | null = null;
// e-mail reminders only when SMTP_URL is set
const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.smtpFrom) : null;
let reminders: { stop(): void } | null = null;
let terms: { stop(): void } | null = null;
let retention: { stop(): void } | null = null;
let reportSchedule: { stop(): void } | null = null;
let checkpoints: { stop(): Promise<void> } | null = null;

async function shutdown(signal: string, code = 0) {
  logger.info({ signal }, 'stopping');
  reminders?.stop();
  terms?.stop();
  retention?.stop();
  reportSchedule?.stop();
  await checkpoints?.stop().catch(() => {});
  await worker?.stop().catch(() => {});
  mailer?.close();
  await database.close().catch(() => {});
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  await runMigrations(owner);
  if (config.demo) {
    const r = await ensureDemoData(owner, { people: config.demoPeople, province: config.demoProvince, log: (m) => logger.info(m) });
    if (r.accounts) {
      console.log('\nTài khoản dùng thử (mật khẩu: tangcuong):');
      for (const a of r.accounts) console.log(`  ${a.username.padEnd(10)} ${a.description}`);
    }
  }
  if (embedded) {
    await ensureAppRole(owner.pool, embedded.appPassword);
    database = openDatabase(embedded.appUrl, config.dbPoolSize);
    await owner.close();
  } else if (config.appDatabaseUrl) {
    await grantAppRole(owner.pool, roleOfUrl(config.appDatabaseUrl));
    database = openDatabase(config.appDatabaseUrl, config.dbPoolSize);
    await owner.close();
  }
  for (const problem of await requestRoleProblems(database.pool)) logger.warn(problem);
  const app = createApp({ database, config, logger });
  // background jobs (imports) run in every server process; they claim work with SKIP LOCKED
  worker = new JobWorker(database, logger, {
    ...importJobHandlers(database),
    ...reportScheduleJobHandlers(database, logger),
    ...(mailer ? reminderJobHandlers(database, mailer, logger) : {}),
  }).start();
  reportSchedule = startReportSchedule(database, logger);
  if (mailer) reminders = startReminderSchedule(database, logger);
  terms = startSecondmentTermSchedule(database, logger);
  retention = startRetentionSchedule(database, logger);
  checkpoints = startAuditCheckpoints(database, config.dataDir, logger);
  serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`\nTăng cường đang chạy: http://localhost:${info.port}  (API: /api/docs)\n`);
  });
} catch (err) {
  if (err instanceof AppRoleError) console.error(`\n${err.message}\n`);
  else logger.error({ err }, 'start-up failed');
  await shutdown('error', 1);
}
