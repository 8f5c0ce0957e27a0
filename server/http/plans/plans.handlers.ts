import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { errorResponse } from '../plugins/error-handler.js';
import { fileResponse, readBodyLimited } from '../plugins/file-response.js';
import * as routes from './plans.routes.js';
import { getCurrentPlan } from '../../domain/plans/get-current-plan.js';
import { getQuotas } from '../../domain/plans/get-quotas.js';
import { listPlanVersions, savePlanVersion } from '../../domain/plans/save-plan-version.js';
import { previewPlanChange } from '../../domain/plans/preview-plan-change.js';
import { listPlans } from '../../domain/plans/list-plans.js';
import { createPlan } from '../../domain/plans/create-plan.js';
import { updatePlan } from '../../domain/plans/update-plan.js';
import { attachPlanDocument, getPlanDocument, MAX_PLAN_DOCUMENT_BYTES } from '../../domain/plans/plan-document.js';
import type { UseCaseContext } from '../../domain/context.js';
import { notFound } from '../../domain/errors.js';

/** The plan's text is uploaded as the raw body: exempt from the 1 MB JSON limit, it carries its own (20 MB). */
export const PLAN_DOCUMENT_PATH = /^\/api\/plans\/[^/]+\/document$/;

/** One plan as the list shows it (after a change). */
async function planSummaryOf(ctx: UseCaseContext, id: string) {
  const plan = (await listPlans(ctx)).items.find((p) => p.id === id);
  if (!plan) throw notFound('Kế hoạch');
  return plan;
}

export function registerPlanRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getCurrentPlan, async (c) => c.json(await withoutTransaction(c, (ctx) => getCurrentPlan(ctx)), 200));
  app.openapi(routes.listVersions, async (c) => c.json({ items: await withoutTransaction(c, (ctx) => listPlanVersions(ctx, c.req.valid('query').planId)) }, 200));
  app.openapi(routes.saveVersion, async (c) => c.json(await inTransaction(c, (ctx) => savePlanVersion(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.whatIf, async (c) => {
    const { params, referenceDate, year } = c.req.valid('json');
    return c.json(await withoutTransaction(c, (ctx) => previewPlanChange(ctx, params, { referenceDate, year })), 200);
  });
  app.openapi(routes.getQuotas, async (c) => c.json(await withoutTransaction(c, (ctx) => getQuotas(ctx, c.req.valid('query').year)), 200));
  app.openapi(routes.listPlans, async (c) => c.json(await withoutTransaction(c, (ctx) => listPlans(ctx)), 200));
  app.openapi(routes.createPlan, async (c) => c.json(await inTransaction(c, (ctx) => createPlan(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.updatePlan, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      await inTransaction(c, async (ctx) => {
        await updatePlan(ctx, id, c.req.valid('json'));
        return planSummaryOf(ctx, id);
      }),
      200,
    );
  });
  app.openapi(routes.uploadPlanDocument, async (c) => {
    const { id } = c.req.valid('param');
    const content = await readBodyLimited(c.req.raw, MAX_PLAN_DOCUMENT_BYTES);
    if (!content) return errorResponse(c, 413, 'payload_too_large', `Tệp vượt quá dung lượng cho phép (tối đa ${MAX_PLAN_DOCUMENT_BYTES / 1048576} MB).`);
    const fileName = c.req.valid('query').fileName ?? '';
    return c.json(
      await inTransaction(c, async (ctx) => {
        await attachPlanDocument(ctx, id, { fileName, content });
        return planSummaryOf(ctx, id);
      }),
      200,
    );
  });
  app.openapi(routes.downloadPlanDocument, async (c) => {
    const doc = await withoutTransaction(c, (ctx) => getPlanDocument(ctx, c.req.valid('param').id));
    return fileResponse(c, doc.content, doc.name, doc.type);
  });
}
