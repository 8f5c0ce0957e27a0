import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded } from './embedded.js';
import { openDatabase } from './client.js';
import { runMigrations } from './migrate.js';
import { ensureAppRole } from './app-role.js';
import { recordAudit } from '../domain/audit/record-audit.js';
import { SYSTEM_ACTOR } from '../domain/access/actor.js';
import { projectRoot } from '../config.js';

const query = async (url: string, text: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
};

describe('embedded PostgreSQL', () => {
  it('keeps data across restarts and starts again after its owner was killed with SIGKILL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-embedded-'));
    fs.chmodSync(dir, 0o755);
    try {
      // a child process starts the server, writes a row, and is then killed -9, orphaning the postmaster
      const script = `
        import { startEmbedded } from './server/db/embedded.ts';
        import pg from 'pg';
        const s = await startEmbedded(${JSON.stringify(dir)});
        const c = new pg.Client({ connectionString: s.url }); await c.connect();
        await c.query('CREATE TABLE t (v text)'); await c.query("INSERT INTO t VALUES ('Cần Thơ')"); await c.end();
        console.log('READY'); setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => String(d).includes('READY') && resolve());
        child.on('exit', (code) => reject(new Error('child exited ' + code)));
      });
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(true);

      const again = await startEmbedded(dir);
      try {
        expect(await query(again.url, 'SELECT v FROM t')).toEqual([{ v: 'Cần Thơ' }]);
        const coll = await query(again.url, `SELECT 'Đặng' < 'Em' COLLATE "vi-VN-x-icu" AS ok`);
        expect(coll[0].ok).toBe(true);
      } finally {
        await again.stop();
      }
      expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('joins a server already running on the folder and never stops it (the CLI beside a live server)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-embedded-'));
    fs.chmodSync(dir, 0o755);
    const server = await startEmbedded(dir);
    try {
      expect(server.owned).toBe(true);
      const cli = await startEmbedded(dir, { adoptOrphan: false });
      expect(cli.owned).toBe(false);
      expect(cli.url).toBe(server.url);
      await cli.stop();
      // the server's database still answers after the CLI is done
      expect(await query(server.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a postmaster.pid naming an unrelated live process is stale: the process is left alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-embedded-'));
    fs.chmodSync(dir, 0o755);
    const bystander = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      const first = await startEmbedded(dir);
      const pgDir = first.pgDir;
      await first.stop();
      fs.writeFileSync(path.join(pgDir, 'postmaster.pid'), `${bystander.pid}\n${pgDir}\n1700000000\n5999\n/tmp\nlocalhost\n  0 0\nready\n`);
      const again = await startEmbedded(dir);
      try {
        expect(await query(again.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
        expect(bystander.exitCode).toBeNull();
        expect(() => process.kill(bystander.pid!, 0)).not.toThrow();
      } finally {
        await again.stop();
      }
    } finally {
      bystander.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.runIf(process.getuid?.() === 0)(
    'as root in a private folder, runs as postgres with its binaries and data where postgres can reach them',
    async () => {
      const priv = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-private-'));
      fs.chmodSync(priv, 0o700);
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-home-'));
      fs.chmodSync(home, 0o755);
      const dataDir = path.join(priv, 'data');
      try {
        const s = await startEmbedded(dataDir, { rootHome: home });
        try {
          expect(s.pgDir.startsWith(home)).toBe(true);
          expect(fs.readFileSync(path.join(dataDir, 'pg-location'), 'utf8')).toContain(s.pgDir);
          expect(await query(s.url, 'SELECT current_user AS u')).toEqual([{ u: 'postgres' }]);
        } finally {
          await s.stop();
        }
        // the next start finds the same data
        const again = await startEmbedded(dataDir, { rootHome: home });
        expect(again.pgDir).toBe(s.pgDir);
        await again.stop();
      } finally {
        fs.rmSync(priv, { recursive: true, force: true });
        fs.rmSync(home, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it('the requests run as a role that reads and writes the tables but cannot rewrite the audit log', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-embedded-'));
    fs.chmodSync(dir, 0o755);
    const server = await startEmbedded(dir);
    const owner = openDatabase(server.url, 2);
    try {
      await runMigrations(owner);
      await ensureAppRole(owner.pool, server.appPassword);
      await ensureAppRole(owner.pool, server.appPassword); // again after a later migration: the same
      // the application appends to the chain as itself
      const app = openDatabase(server.appUrl, 1);
      try {
        await app.db.transaction((tx) => recordAudit(tx, { actor: SYSTEM_ACTOR }, { action: 'test', entityType: 'test' }));
      } finally {
        await app.close();
      }
      expect(await query(server.url, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'test'`)).toEqual([{ n: 1 }]);
      expect(await query(server.appUrl, 'SELECT current_user AS u, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su')).toEqual([
        { u: 'tangcuong_app', su: false },
      ]);
      expect(await query(server.appUrl, `SELECT count(*)::int AS n FROM ethnic_groups`)).toEqual([{ n: 54 }]);
      await query(server.appUrl, `UPDATE ethnic_groups SET aliases = aliases WHERE code = '01'`);
      for (const statement of [
        'DELETE FROM audit_log',
        `UPDATE audit_log SET action = 'x'`,
        'TRUNCATE audit_log',
        'DROP TABLE people',
        'ALTER TABLE people ADD COLUMN x int',
      ]) {
        await expect(query(server.appUrl, statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await owner.close();
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
