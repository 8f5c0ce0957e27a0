import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { withoutTransaction } from '../plugins/route.js';
import { streamedFileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './oversight.routes.js';
import { getOversightDashboard } from '../../domain/oversight/get-dashboard.js';
import { exportOverdueXlsx, listOverdue } from '../../domain/oversight/list-overdue.js';
import { listLateUnitReports } from '../../domain/oversight/list-late-unit-reports.js';

export function registerOversightRoutes(app: OpenAPIHono<AppEnv>) {
  // the export before the list: /api/oversight/overdue.xlsx is its own path
  app.openapi(routes.exportOverdue, async (c) => {
    const r = await withoutTransaction(c, (ctx) => exportOverdueXlsx(ctx, c.req.valid('query').on));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.getDashboard, async (c) => c.json(await withoutTransaction(c, (ctx) => getOversightDashboard(ctx, c.req.valid('query').on)), 200));
  app.openapi(routes.listOverdue, async (c) => c.json(await withoutTransaction(c, (ctx) => listOverdue(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.listLateUnitReports, async (c) => c.json(await withoutTransaction(c, (ctx) => listLateUnitReports(ctx, c.req.valid('query'))), 200));
}
