import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { fileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './statistics.routes.js';
import { exportStatistics, getStatistics } from '../../domain/reports/get-statistics.js';

/** The statistics page (S12): the report's figures for any period, unit and category, and their .xlsx. */
export function registerStatisticsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getStatistics, async (c) => c.json(await withoutTransaction(c, (ctx) => getStatistics(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.statisticsXlsx, async (c) => {
    const r = await inTransaction(c, (ctx) => exportStatistics(ctx, c.req.valid('query')));
    return fileResponse(c, r.buffer, r.fileName, XLSX_TYPE);
  });
}
