/**
 * The real server for the browser journeys: `node dist/server/main.js` (so `npm run build` first) on a fresh
 * database of the PostgreSQL at 127.0.0.1:5432, which stop() drops again — in demo mode, or (`demo: false`) as
 * in production, with accounts created by the CLI (`cli()`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { expect } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface AppServerOptions {
  /** Part of the database's name, `tc_e2e_<name>_<random>` (`tc_e2e_<random>` without it). */
  name?: string;
  /** false: production mode (DEMO=false), an empty database after `migrate`; true by default. */
  demo?: boolean;
  /** Runs before the server starts, on its new database: the operator's `cli migrate`, `cli setup`, `cli create-user`. */
  prepare?: (cli: (args: string[], env?: Record<string, string>) => Promise<string>) => Promise<void>;
  /**
   * Requests through a role of their own (APP_DATABASE_URL, README), as an operator sets it up: a login role with a
   * password, created before `migrate`, dropped with the database. The server and the CLI get both URLs.
   */
  appRole?: boolean;
  /** More environment for the server and the CLI (e.g. DATA_DIR, where the signed audit checkpoints are kept). */
  env?: Record<string, string>;
}

/** Another server process on the same database (as behind a load balancer): no demo load, its own port. */
export interface SecondServer {
  baseURL: string;
  /** Its connections' application_name in pg_stat_activity (the first server's is `tangcuong-a`). */
  appName: string;
  pid(): number | undefined;
  log(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export interface AppServer {
  baseURL: string;
  dbName: string;
  /** Stops the server, drops its database and asserts that the process is gone. */
  stop(): Promise<void>;
  /** The end of the server's output (the last 20,000 characters). */
  log(): string;
  /** Runs `node dist/server/cli.js <args>` on the server's database; resolves with its output, rejects when it fails. */
  cli(args: string[], env?: Record<string, string>): Promise<string>;
  /** Kills the server process with SIGKILL (a crash: no shutdown hook runs) and waits until it is gone. */
  kill9(): Promise<void>;
  /** Starts the server again on the same database and port, and waits for /api/health. */
  restart(): Promise<void>;
  /** The server's database, for checks a test makes behind the API. */
  databaseUrl: string;
  /** The requests' role, with `appRole`. */
  appRoleName?: string;
  /** The server process's id (for its memory, /proc/<pid>/status), undefined when it is not running. */
  pid(): number | undefined;
  /** Starts another server process on this database (DEMO=false, another port) and waits for /api/health; stop() stops it too. */
  secondProcess(): Promise<SecondServer>;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

/** Runs one statement as the PostgreSQL superuser on the `postgres` database (CREATE/DROP DATABASE). */
export async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The CLI as an operator runs it (`npm run cli -- …`), on the given database. */
export async function runCli(databaseUrl: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/server/cli.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`cli ${args[0]} exited with ${code}:\n${out.slice(-4000)}`);
  return out;
}

const withAppName = (url: string, appName: string) => `${url}${url.includes('?') ? '&' : '?'}application_name=${appName}`;

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering:\n${log().slice(-4000)}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs / 1000} s:\n${log().slice(-4000)}`);
}

async function stopProcess(child: ChildProcess) {
  if (exited(child)) return;
  const exit = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = new Promise((r) => setTimeout(r, 10_000, 'timeout'));
  if ((await Promise.race([exit, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exit;
  }
}

/**
 * Creates the database, starts the server on a free port with the demo data (1,500 people; none with
 * `demo: false`) and waits for /api/health. If it does not come up, it is stopped and its database dropped before the error is thrown.
 */
export async function startAppServer(opts: AppServerOptions = {}): Promise<AppServer> {
  const main = path.join(ROOT, 'dist/server/main.js');
  if (!fs.existsSync(main) || !fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('dist/server/main.js or web/dist/index.html is missing: run `npm run build` first');
  }
  const dbName = `tc_e2e_${opts.name ? `${opts.name}_` : ''}${crypto.randomBytes(5).toString('hex')}`;
  let serverLog = '';
  const log = () => serverLog;
  let child: ChildProcess | undefined;
  let stopping: Promise<void> | undefined;
  const seconds: (() => Promise<void>)[] = [];
  const stop = () =>
    (stopping ??= (async () => {
      const pid = child?.pid;
      for (const stopSecond of seconds) await stopSecond().catch((err) => console.error('could not stop a second server', err));
      if (child) await stopProcess(child);
      await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((err) => console.error('could not drop', dbName, err));
      if (appRoleName) await adminQuery(`DROP ROLE IF EXISTS ${appRoleName}`).catch((err) => console.error('could not drop', appRoleName, err));
      if (pid) expect(() => process.kill(pid, 0), 'the server process is gone').toThrow();
    })());

  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${dbName}`;
  const appRoleName = opts.appRole ? `tc_e2e_app_${crypto.randomBytes(4).toString('hex')}` : undefined;
  const appPassword = crypto.randomBytes(12).toString('hex');
  const roleEnv: Record<string, string> = appRoleName ? { APP_DATABASE_URL: `postgres://${appRoleName}:${appPassword}@127.0.0.1:5432/${dbName}` } : {};
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  if (appRoleName) await adminQuery(`CREATE ROLE ${appRoleName} LOGIN NOSUPERUSER PASSWORD '${appPassword}'`);
  try {
    if (opts.prepare) await opts.prepare((args, env) => runCli(databaseUrl, args, { ...roleEnv, ...opts.env, ...env }));
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const spawnServer = (p: number, demo: boolean, appName: string, collect: (b: Buffer) => void) => {
      const c = spawn(process.execPath, [main], {
        cwd: ROOT,
        env: {
          ...process.env,
          // which process a connection belongs to, in pg_stat_activity (the faults suite watches its job workers):
          // the URL's application_name wins over the one server/db/client.ts sets
          DATABASE_URL: withAppName(databaseUrl, appName),
          ...(roleEnv.APP_DATABASE_URL ? { APP_DATABASE_URL: withAppName(roleEnv.APP_DATABASE_URL, appName) } : {}),
          ...opts.env,
          PORT: String(p),
          HOST: '127.0.0.1',
          DEMO: demo ? 'true' : 'false',
          DEMO_PEOPLE: '1500',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      c.stdout?.on('data', collect);
      c.stderr?.on('data', collect);
      return c;
    };
    const launch = async () => {
      child = spawnServer(port, opts.demo !== false, 'tangcuong-a', (b: Buffer) => {
        serverLog = (serverLog + b.toString()).slice(-20_000);
      });
      await waitForHealth(baseURL, child, log, 110_000);
    };
    await launch();
    const kill9 = async () => {
      if (!child || exited(child)) return;
      const exit = once(child, 'exit');
      child.kill('SIGKILL');
      await exit;
    };
    const secondProcess = async (): Promise<SecondServer> => {
      const p = await freePort();
      let out = '';
      const appName = `tangcuong-${String.fromCharCode(98 + seconds.length)}`;
      const c = spawnServer(p, false, appName, (b: Buffer) => {
        out = (out + b.toString()).slice(-20_000);
      });
      const stopSecond = async () => {
        await stopProcess(c);
        if (c.pid) expect(() => process.kill(c.pid!, 0), 'the second server process is gone').toThrow();
      };
      seconds.push(stopSecond);
      const second: SecondServer = {
        baseURL: `http://127.0.0.1:${p}`,
        appName,
        pid: () => (exited(c) ? undefined : c.pid),
        log: () => out,
        kill9: async () => {
          if (exited(c)) return;
          const exit = once(c, 'exit');
          c.kill('SIGKILL');
          await exit;
        },
        stop: stopSecond,
      };
      await waitForHealth(second.baseURL, c, second.log, 110_000);
      return second;
    };
    return {
      baseURL,
      dbName,
      stop,
      log,
      cli: (args, env) => runCli(databaseUrl, args, { ...roleEnv, ...opts.env, ...env }),
      kill9,
      restart: launch,
      databaseUrl,
      appRoleName,
      pid: () => (child && !exited(child) ? child.pid : undefined),
      secondProcess,
    };
  } catch (err) {
    await stop().catch((stopErr) => console.error('could not stop the server', stopErr));
    throw err;
  }
}
