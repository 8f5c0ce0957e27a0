import { parentPort, workerData } from 'node:worker_threads';
import { solveMatching } from './solve-matching.js';
import type { MatchingInput } from './model.js';

// a worker thread: solves the matching it is given and posts the result back (solve-in-worker.ts)
try {
  parentPort!.postMessage({ ok: true, result: solveMatching(workerData as MatchingInput) });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
}
