import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import * as routes from './plans.routes.js';
import { getCurrentPlan } from '../../domain/plans/get-current-plan.js';
import { getQuotas } from '../../domain/plans/get-quotas.js';
import { listPlanVersions, savePlanVersion } from '../../domain/plans/save-plan-version.js';
import { previewPlanChange } from '../../domain/plans/preview-plan-change.js';

export function registerPlanRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getCurrentPlan, async (c) => c.json(await withoutTransaction(c, (ctx) => getCurrentPlan(ctx)), 200));
  app.openapi(routes.listVersions, async (c) => c.json({ items: await withoutTransaction(c, (ctx) => listPlanVersions(ctx)) }, 200));
  app.openapi(routes.saveVersion, async (c) => c.json(await inTransaction(c, (ctx) => savePlanVersion(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.whatIf, async (c) => {
    const { params, referenceDate, year } = c.req.valid('json');
    return c.json(await withoutTransaction(c, (ctx) => previewPlanChange(ctx, params, { referenceDate, year })), 200);
  });
  app.openapi(routes.getQuotas, async (c) => c.json(await withoutTransaction(c, (ctx) => getQuotas(ctx, c.req.valid('query').year)), 200));
}
