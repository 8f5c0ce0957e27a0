import type { DestinationStream } from 'pino';
import { z } from 'zod';
import { createApp } from '../../server/http/app.js';
import { createLogger } from '../../server/logger.js';
import { suiteLog } from './log-watch.js';
import { loadConfig } from '../../server/config.js';
import type { Database } from '../../server/db/client.js';
import { errorBody } from '../../common/schemas/fields.js';
import type { Session } from './factories.js';

/**
 * The server's own logger (its redaction and error serializer), writing every level to `destination`, or to the
 * suite-wide log check (log-watch.ts) without one; TEST_LOG sets a level to read the lines on the console instead.
 */
export function testLogger(destination?: DestinationStream) {
  // TEST_LOG: a level, to read the server's lines on the console; else every line goes to the suite's log check
  if (!destination && process.env.TEST_LOG) return createLogger(process.env.TEST_LOG);
  return createLogger('trace', destination ?? suiteLog);
}

/** The real application, in process, on a test database; `log` receives every line it logs. */
export function testApp(database: Database, env: Record<string, string> = {}, o: { log?: DestinationStream } = {}) {
  const config = { ...loadConfig({ DATABASE_URL: 'test', ...env }), demo: false };
  return createApp({ database, config, logger: testLogger(o.log) });
}

export type TestApp = ReturnType<typeof testApp>;

type Contract = { method: string; path: string; pattern: RegExp; schemaFor: (status: number) => z.ZodType | undefined; declares: (status: number) => boolean };

const contractsByApp = new WeakMap<TestApp, Contract[]>();

/** The routes the app declares, in registration order (the order Hono matches them in). */
function contracts(app: TestApp): Contract[] {
  let list = contractsByApp.get(app);
  if (list) return list;
  list = [];
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const { method, path, responses } = d.route;
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    list.push({
      method: method.toUpperCase(),
      path,
      pattern: new RegExp(`^${source}$`),
      declares: (status) => String(status) in responses,
      schemaFor: (status) => {
        const r = responses[String(status)] as { content?: Record<string, { schema?: unknown }> } | undefined;
        const schema = r?.content?.['application/json']?.schema;
        return schema instanceof z.ZodType ? schema : undefined;
      },
    });
  }
  contractsByApp.set(app, list);
  return list;
}

/**
 * Throws unless a JSON body is what the route declares for this status: a 2xx body parses with the route's
 * response schema (an undeclared 2xx is a mismatch too), any 4xx/5xx body with the error schema.
 */
export function checkContract(app: TestApp, method: string, url: string, status: number, json: unknown) {
  const path = url.split('?')[0]!;
  const route = contracts(app).find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  const where = `${method.toUpperCase()} ${path} → ${status}`;
  const check = (schema: z.ZodType, what: string) => {
    const r = schema.safeParse(json);
    if (!r.success) throw new Error(`Response does not match ${what} (${where}):\n${z.prettifyError(r.error)}\nbody: ${JSON.stringify(json).slice(0, 2000)}`);
  };
  if (status >= 400) {
    check(errorBody, 'the error schema');
    return;
  }
  if (!route) return; // not an OpenAPI route (health, docs)
  if (!route.declares(status)) throw new Error(`${route.method} ${route.path} declares no response for status ${status} (${where})`);
  const schema = route.schemaFor(status);
  if (!schema) throw new Error(`${route.method} ${route.path} declares no JSON body for status ${status} (${where})`);
  check(schema, `the schema of ${route.method} ${route.path}`);
}

/** `app.request`, with every JSON response checked against its route's contract (see `checkContract`). */
export async function send(app: TestApp, path: string, init: RequestInit = {}) {
  const res = await app.request(path, init);
  if ((res.headers.get('content-type') ?? '').includes('application/json')) {
    const json: unknown = await res.clone().json();
    checkContract(app, init.method ?? 'GET', path, res.status, json);
  }
  return res;
}

/** A JSON request as the browser would send it: session cookie and CSRF header. */
export async function call(
  app: TestApp,
  method: string,
  path: string,
  o: { session?: Session; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.session) {
    headers.cookie = o.session.cookie;
    headers['x-csrf-token'] = o.session.csrf;
  }
  let body: string | undefined;
  if (o.rawBody !== undefined) body = o.rawBody;
  else if (o.body !== undefined) body = JSON.stringify(o.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await send(app, path, { method, headers, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}
