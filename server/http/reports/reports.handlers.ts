import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { DOCX_TYPE, fileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './reports.routes.js';
import { getReport, listReports } from '../../domain/reports/get-report.js';
import { draftReport } from '../../domain/reports/draft-report.js';
import { editReport } from '../../domain/reports/edit-report.js';
import { issueReport } from '../../domain/reports/issue-report.js';
import { exportReportDocx, exportReportXlsx } from '../../domain/reports/export-report.js';
import { exportFigureRows, listFigureRows } from '../../domain/reports/list-figure-rows.js';

/** Reports of Sở Nội vụ to the People's Committee, and the units' reports to Sở Nội vụ (S12). */
export function registerReportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listReports, async (c) => c.json({ items: await withoutTransaction(c, (ctx) => listReports(ctx, c.req.valid('query'))) }, 200));
  app.openapi(routes.createReport, async (c) => c.json(await inTransaction(c, (ctx) => draftReport(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.getReport, async (c) => c.json(await withoutTransaction(c, (ctx) => getReport(ctx, c.req.valid('param').id)), 200));
  app.openapi(routes.updateReport, async (c) => c.json(await inTransaction(c, (ctx) => editReport(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.issueReport, async (c) => c.json(await inTransaction(c, (ctx) => issueReport(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.reportDocx, async (c) => {
    const r = await inTransaction(c, (ctx) => exportReportDocx(ctx, c.req.valid('param').id));
    return fileResponse(c, r.buffer, r.fileName, DOCX_TYPE);
  });
  app.openapi(routes.reportXlsx, async (c) => {
    const r = await inTransaction(c, (ctx) => exportReportXlsx(ctx, c.req.valid('param').id));
    return fileResponse(c, r.buffer, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.figureRows, async (c) =>
    c.json(await withoutTransaction(c, (ctx) => listFigureRows(ctx, c.req.valid('param').key, c.req.valid('query'))), 200),
  );
  app.openapi(routes.figureRowsXlsx, async (c) => {
    const r = await inTransaction(c, (ctx) => exportFigureRows(ctx, c.req.valid('param').key, c.req.valid('query')));
    return fileResponse(c, r.buffer, r.fileName, XLSX_TYPE);
  });
}
