import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';

/** The project root: the nearest folder above this file that holds package.json (works from server/ and dist/server/). */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /**
   * With DATABASE_URL (the owner: migrations, the CLI): the role the requests run as, not a superuser nor the owner, so
   * the audit log stays append-only by privilege (db/app-role.ts). Unset: the requests use DATABASE_URL, with a warning.
   */
  appDatabaseUrl?: string;
  /** Demo mode: load demo data on first start and give demo accounts the password `tangcuong`. */
  demo: boolean;
  demoPeople: number;
  /** GSO code of the province the demo data is built on ('92' Cần Thơ; `npm run cli -- provinces` lists them). */
  demoProvince: string;
  sessionTtlMinutes: number;
  cookieSecure: boolean;
  logLevel: string;
  /** Behind a reverse proxy / load balancer: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Connections to PostgreSQL per server process (a few per core of the database server). */
  dbPoolSize: number;
  /** E-mail reminders: the SMTP server (smtp://host:port or smtps://user:password@host:port); unset = no e-mail. */
  smtpUrl?: string;
  /** The sender of the e-mail reminders. */
  smtpFrom: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    appDatabaseUrl: (databaseUrl && env.APP_DATABASE_URL) || undefined,
    // with the embedded database the system is a demo unless told otherwise; on a real server it is not
    demo: bool(env.DEMO, !databaseUrl),
    demoPeople: Number(env.DEMO_PEOPLE ?? 12000),
    demoProvince: (env.DEMO_PROVINCE ?? '').trim() || '92',
    sessionTtlMinutes: Number(env.SESSION_TTL_MINUTES ?? 480),
    cookieSecure: bool(env.COOKIE_SECURE, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: bool(env.TRUST_PROXY, false),
    dbPoolSize: Number(env.DB_POOL_SIZE ?? 8),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || 'Hệ thống Tăng cường <no-reply@localhost>',
  };
}
