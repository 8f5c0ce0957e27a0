/**
 * The reliability suite (on demand: `npm run test:faults`, which builds dist/bench): a one-minute soak
 * (bench/soak.ts with SOAK_SECONDS=60 after 30 s of warm-up (the heap sizes up under the first load), 32 workers, on a demo server of its own) must see no error and a flat
 * memory: the server's RSS over the last 20 s at most 25 % above the first 20 s. `npm run soak` is the 10-minute one.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../e2e/support/app-server.js';

interface SoakResult {
  requests: number;
  errors: number;
  p95: number;
  rssMb: [number, number][];
  rssGrowth: number;
  errorsByKind: Record<string, number>;
}

describe('soak', () => {
  it('60 s of 32 workers: no error, flat memory', async () => {
    const script = path.join(ROOT, 'dist/bench/soak.js');
    expect(fs.existsSync(script), 'dist/bench/soak.js: run `npm run build:bench` first').toBe(true);
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      // vitest sets BASE_URL ('/', Vite's base path): the soak starts a server of its own
      env: { ...process.env, BASE_URL: '', SOAK_SECONDS: '60', SOAK_WINDOW: '20', SOAK_WARMUP: '30', SOAK_CONCURRENCY: '32' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    console.log(
      out
        .split('\n')
        .filter((l) => !l.startsWith('SOAK_RESULT'))
        .join('\n'),
    );
    const line = out.split('\n').find((l) => l.startsWith('SOAK_RESULT '));
    expect(line, out.slice(-4000)).toBeDefined();
    const r = JSON.parse(line!.slice('SOAK_RESULT '.length)) as SoakResult;
    expect(r.errorsByKind).toEqual({});
    expect(r.errors).toBe(0);
    expect(code).toBe(0);
    expect(r.requests).toBeGreaterThan(1000);
    // a sample every 10 s: at least the first, five in between and the last
    expect(r.rssMb.length).toBeGreaterThanOrEqual(6);
    expect(r.rssGrowth).toBeLessThan(0.25);
  }, 600_000);
});
