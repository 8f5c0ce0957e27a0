import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { errorResponse } from '../plugins/error-handler.js';
import { fileResponse, readBodyLimited, streamedFileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './imports.routes.js';
import { createImport, MAX_UPLOAD_BYTES } from '../../domain/imports/create-import.js';
import { getImport, listImportChanges, listImportIssues, listMyImports } from '../../domain/imports/get-import.js';
import { commitImport } from '../../domain/imports/commit-import.js';
import { cancelImport } from '../../domain/imports/cancel-import.js';
import { getImportTemplate } from '../../domain/imports/import-template.js';
import { importIssuesReport } from '../../domain/imports/import-issues-report.js';

const TOO_LARGE = `Tệp vượt quá dung lượng cho phép (tối đa ${MAX_UPLOAD_BYTES / 1048576} MB).`;

/** Paths exempt from the 1 MB JSON body limit (they set their own). */
export const UPLOAD_PATHS = new Set(['/api/imports']);

export function registerImportRoutes(app: OpenAPIHono<AppEnv>) {
  // the template before /{id}: a static segment must not be read as an id
  app.openapi(routes.getTemplate, async (c) => {
    const t = await withoutTransaction(c, (ctx) => getImportTemplate(ctx));
    return fileResponse(c, t.buffer, t.fileName, XLSX_TYPE);
  });
  app.openapi(routes.uploadImport, async (c) => {
    const type = c.req.header('content-type') ?? '';
    let fileName = c.req.valid('query').fileName ?? '';
    let content: Buffer | null;
    if (type.startsWith('multipart/form-data')) {
      // read at most the limit (a chunked body has no Content-Length to refuse it by), then parse the form from it
      const raw = await readBodyLimited(c.req.raw, MAX_UPLOAD_BYTES + 64 * 1024);
      if (!raw) return errorResponse(c, 413, 'payload_too_large', TOO_LARGE);
      const form = await new Request('http://upload.local/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) })
        .formData()
        .catch(() => null);
      if (!form) return errorResponse(c, 422, 'validation', 'Nội dung tải lên không đúng định dạng biểu mẫu (multipart/form-data).');
      const f = form.get('file');
      if (!(f instanceof File)) return errorResponse(c, 422, 'validation', 'Thiếu tệp (trường "file").');
      fileName ||= f.name;
      content = f.size > MAX_UPLOAD_BYTES ? null : Buffer.from(await f.arrayBuffer());
    } else {
      content = await readBodyLimited(c.req.raw, MAX_UPLOAD_BYTES);
    }
    if (!content) return errorResponse(c, 413, 'payload_too_large', TOO_LARGE);
    const view = await inTransaction(c, (ctx) => createImport(ctx, { fileName, content: content! }));
    return c.json(view, 202);
  });
  app.openapi(routes.listImports, async (c) => c.json({ items: await withoutTransaction(c, (ctx) => listMyImports(ctx)) }, 200));
  app.openapi(routes.getImport, async (c) => c.json(await withoutTransaction(c, (ctx) => getImport(ctx, c.req.valid('param').id)), 200));
  app.openapi(routes.listIssues, async (c) => {
    const { id } = c.req.valid('param');
    const { page, pageSize, severity } = c.req.valid('query');
    return c.json(await withoutTransaction(c, (ctx) => listImportIssues(ctx, id, page, pageSize, severity)), 200);
  });
  app.openapi(routes.downloadIssues, async (c) => {
    const r = await withoutTransaction(c, (ctx) => importIssuesReport(ctx, c.req.valid('param').id));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.listChanges, async (c) => {
    const { id } = c.req.valid('param');
    const { page, pageSize } = c.req.valid('query');
    return c.json(await withoutTransaction(c, (ctx) => listImportChanges(ctx, id, page, pageSize)), 200);
  });
  app.openapi(routes.commitImport, async (c) => c.json(await inTransaction(c, (ctx) => commitImport(ctx, c.req.valid('param').id)), 202));
  app.openapi(routes.cancelImport, async (c) => c.json(await inTransaction(c, (ctx) => cancelImport(ctx, c.req.valid('param').id)), 200));
}
