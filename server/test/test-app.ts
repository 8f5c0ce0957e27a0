import pino from 'pino';
import { createApp } from '../http/app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import type { Session } from './factories.js';

/** The real application, in process, on a test database. */
export function testApp(database: Database, env: Record<string, string> = {}) {
  const config = { ...loadConfig({ DATABASE_URL: 'test', ...env }), demo: false };
  return createApp({ database, config, logger: pino({ level: process.env.TEST_LOG ?? 'silent' }) });
}

export type TestApp = ReturnType<typeof testApp>;

/** A JSON request as the browser would send it: session cookie and CSRF header. */
export async function call(app: TestApp, method: string, path: string, o: { session?: Session; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.session) {
    headers.cookie = o.session.cookie;
    headers['x-csrf-token'] = o.session.csrf;
  }
  let body: string | undefined;
  if (o.rawBody !== undefined) body = o.rawBody;
  else if (o.body !== undefined) body = JSON.stringify(o.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await app.request(path, { method, headers, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}
