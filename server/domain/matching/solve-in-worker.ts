import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { solveMatching, type MatchingResult } from './solve-matching.js';
import type { MatchingInput } from './model.js';

/** Below this many candidate × need combinations the solve takes well under 100 ms: it runs inline. */
export const INLINE_LIMIT = 50_000;

/**
 * Solves the matching off the event loop when it is big enough to take longer than about 100 ms (5,000 × 300 takes
 * about half a second), so the server keeps answering meanwhile; small ones run inline. The worker runs the same
 * solveMatching; from TypeScript sources (dev, tests) it is loaded through tsx.
 */
export async function solveMatchingOffThread(input: MatchingInput, o: { force?: boolean } = {}): Promise<MatchingResult> {
  if (!o.force && input.candidates.length * input.needs.length < INLINE_LIMIT) return solveMatching(input);
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './solve-worker.ts' : './solve-worker.js', import.meta.url);
  return new Promise<MatchingResult>((resolve, reject) => {
    const worker = fromSource ? sourceWorker(url, input) : new Worker(url, { workerData: input });
    worker.once('message', (m: { ok: true; result: MatchingResult } | { ok: false; error: string }) => {
      if (m.ok) resolve(m.result);
      else reject(new Error(`matching worker failed: ${m.error}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`matching worker exited with code ${code}`));
    });
  });
}

/** From TypeScript sources: a worker that registers tsx, then loads the worker module. */
function sourceWorker(url: URL, input: MatchingInput): Worker {
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: input });
}
