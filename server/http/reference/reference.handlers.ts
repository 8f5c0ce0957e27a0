import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import * as routes from './reference.routes.js';
import { loadReferenceLists } from '../../db/repositories/reference.repository.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { fileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import { listReferenceTables } from '../../domain/reference/list-reference-tables.js';
import { previewReferenceChange } from '../../domain/reference/preview-reference-change.js';
import { exportReferencePreview } from '../../domain/reference/export-reference-preview.js';
import { saveReferenceChange } from '../../domain/reference/save-reference-change.js';

export function registerReferenceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getReference, async (c) => {
    c.header('Cache-Control', 'private, max-age=300');
    return c.json(await loadReferenceLists(c.get('deps').database.db), 200);
  });
  app.openapi(routes.listTables, async (c) => c.json(await withoutTransaction(c, (ctx) => listReferenceTables(ctx)), 200));
  // the draft row is written in a savepoint and rolled back: a transaction, whose audit row stays
  app.openapi(routes.previewChange, async (c) => c.json(await inTransaction(c, (ctx) => previewReferenceChange(ctx, c.req.valid('json'))), 200));
  app.openapi(routes.exportPreview, async (c) => {
    const r = await inTransaction(c, (ctx) => exportReferencePreview(ctx, c.req.valid('json')));
    return fileResponse(c, r.buffer, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.saveChange, async (c) => c.json(await inTransaction(c, (ctx) => saveReferenceChange(ctx, c.req.valid('json'))), 201));
}
