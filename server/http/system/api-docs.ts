import type { OpenAPIHono } from '@hono/zod-openapi';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AppEnv } from '../plugins/app-env.js';

// Swagger UI is served from the installed package, not a CDN: the system runs on closed government networks.
const require = createRequire(import.meta.url);
const DIST = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Tăng cường — API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger', deepLinking: true });`;

/** The API documentation page at /api/docs, rendered by Swagger UI from /api/openapi.json (public, like the document). */
export function registerApiDocs(app: OpenAPIHono<AppEnv>) {
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  for (const [file, type] of Object.entries(ASSETS)) {
    const body = fs.readFileSync(path.join(DIST, file));
    app.get(`/api/docs/${file}`, (c) => c.body(new Uint8Array(body), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' }));
  }
}
