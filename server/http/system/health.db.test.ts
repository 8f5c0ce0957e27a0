import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { testApp } from '../../../test/support/test-app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { JobWorker } from '../../jobs/worker.js';

const t = useTestDatabase();

/** A TCP relay to the test database that can be cut and restored: the database "goes away" and comes back. */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server!.close(() => resolve());
    });
  return { open, cut, url: () => Object.assign(new URL(target.toString()), { port: String(port) }).toString() };
}

/** Waits until the condition holds (at most 10 s). */
async function waitFor(ok: () => boolean) {
  for (let i = 0; i < 500 && !ok(); i++) await new Promise((res) => setTimeout(res, 20));
  expect(ok()).toBe(true);
}

const opened: Database[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => {});
});

describe('health checks', () => {
  it('liveness answers without the database; readiness says whether the database answers', async () => {
    const r = relay(new URL(t.url()));
    await r.open();
    const database = openDatabase(r.url(), 2);
    opened.push(database);
    const app = testApp(database);
    expect((await app.request('/api/health/ready')).status).toBe(200);
    await r.cut();
    const live = await app.request('/api/health');
    expect(live.status).toBe(200);
    const ready = await app.request('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unavailable' });
    // the database comes back: ready again without a restart
    await r.open();
    expect((await app.request('/api/health/ready')).status).toBe(200);
  });

  it('the job worker logs one line while the database is away, and one when it is back', async () => {
    const r = relay(new URL(t.url()));
    await r.open();
    const database = openDatabase(r.url(), 2);
    opened.push(database);
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as { level: number; msg: string });
        done();
      },
    });
    const started = Date.now();
    const worker = new JobWorker(database, pino({ level: 'info' }, sink), {}, { pollMs: 20 }).start();
    try {
      await waitFor(() => lines.length === 0 && Date.now() - started > 150);
      await r.cut();
      await waitFor(() => lines.some((l) => l.level >= 40));
      // many polls later, still the one line
      await new Promise((res) => setTimeout(res, 500));
      expect(lines.filter((l) => l.level >= 40)).toHaveLength(1);
      await r.open();
      await waitFor(() => lines.some((l) => l.msg.includes('reachable again')));
      await new Promise((res) => setTimeout(res, 200));
      expect(lines.filter((l) => l.msg.includes('reachable again'))).toHaveLength(1);
      expect(lines.filter((l) => l.level >= 40)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });
});
