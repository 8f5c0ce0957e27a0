import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbedded } from './embedded.js';
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
});
