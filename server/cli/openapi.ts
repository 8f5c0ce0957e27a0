import pino from 'pino';
import { createApp, OPENAPI_INFO } from '../http/app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';

/** The OpenAPI document, generated from the same zod contracts that validate requests. */
export function buildOpenApiDocument() {
  // building the document touches no database
  const app = createApp({ database: {} as Database, config: loadConfig({ DATABASE_URL: 'unused' }), logger: pino({ level: 'silent' }) });
  return app.getOpenAPI31Document(OPENAPI_INFO);
}
