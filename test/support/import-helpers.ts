import type { Logger } from 'pino';
import type { Database } from '../../server/db/client.js';
import { JobWorker } from '../../server/jobs/worker.js';
import { importJobHandlers } from '../../server/jobs/import-job.js';
import type { Session } from './factories.js';
import { send, testLogger, type TestApp } from './test-app.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A worker on the test database; tests run the queue with `drain()` instead of waiting for a poll. */
export function testWorker(database: Database, logger: Logger = testLogger()) {
  return new JobWorker(database, logger, importJobHandlers(database), { heartbeatMs: 200 });
}

/** Uploads a file as the browser does (raw body, session cookie, CSRF header). */
export async function uploadFile(app: TestApp, session: Session, content: Buffer, fileName = 'nhap.xlsx') {
  const res = await send(app, `/api/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': XLSX_MIME },
    body: new Uint8Array(content),
  });
  return { status: res.status, json: (await res.json()) as any };
}

/** GET of a binary download: status, headers and the bytes. */
export async function download(app: TestApp, session: Session, path: string) {
  const res = await send(app, path, { headers: { cookie: session.cookie } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
