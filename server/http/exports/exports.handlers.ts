import { yearOf } from '../../../common/dates.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { DOCX_TYPE, fileResponse, streamedFileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './exports.routes.js';
import { exportCadres } from '../../domain/exports/export-cadres.js';
import { exportCadreResume } from '../../domain/exports/export-cadre-resume.js';
import { exportOrgUnits } from '../../domain/exports/export-org-units.js';

/** Registered before the cadre routes: `/api/cadres/export.xlsx` must not be taken for `/api/cadres/{id}`. */
export function registerExportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.exportCadres, async (c) => {
    const r = await withoutTransaction(c, (ctx) => exportCadres(ctx, c.req.valid('query')));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.exportResume, async (c) => {
    const r = await inTransaction(c, (ctx) => exportCadreResume(ctx, c.req.valid('param').id));
    return fileResponse(c, r.buffer, r.fileName, DOCX_TYPE);
  });
  app.openapi(routes.exportOrgUnits, async (c) => {
    const year = c.req.valid('query').year ?? yearOf(c.get('today'));
    const r = await withoutTransaction(c, (ctx) => exportOrgUnits(ctx, year));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
}
