import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import * as routes from './inspections.routes.js';
import {
  acceptRecommendation,
  answerRecommendation,
  concludeInspection,
  editInspection,
  getInspection,
  getRecommendation,
  listInspectableUnits,
  listInspections,
  recordInspection,
  returnRecommendation,
} from '../../domain/inspections/inspections.js';

/** Sở Nội vụ's inspections and their recommendations (Plan 131 IV.3). Fixed paths are registered before /{id}. */
export function registerInspectionRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.list, async (c) => c.json(await withoutTransaction(c, (ctx) => listInspections(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.units, async (c) => c.json(await withoutTransaction(c, (ctx) => listInspectableUnits(ctx)), 200));
  app.openapi(routes.record, async (c) => {
    const body = c.req.valid('json');
    return c.json(await inTransaction(c, async (ctx) => getInspection(ctx, await recordInspection(ctx, body))), 201);
  });
  app.openapi(routes.get, async (c) => c.json(await withoutTransaction(c, (ctx) => getInspection(ctx, c.req.valid('param').id)), 200));
  app.openapi(routes.edit, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, async (ctx) => {
        await editInspection(ctx, id, body);
        return getInspection(ctx, id);
      }),
      200,
    );
  });
  app.openapi(routes.conclude, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, async (ctx) => {
        await concludeInspection(ctx, id, body);
        return getInspection(ctx, id);
      }),
      200,
    );
  });
  app.openapi(routes.answer, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, async (ctx) => {
        await answerRecommendation(ctx, id, body);
        return getRecommendation(ctx, id);
      }),
      200,
    );
  });
  app.openapi(routes.accept, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, async (ctx) => {
        await acceptRecommendation(ctx, id, body);
        return getRecommendation(ctx, id);
      }),
      200,
    );
  });
  app.openapi(routes.sendBack, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, async (ctx) => {
        await returnRecommendation(ctx, id, body);
        return getRecommendation(ctx, id);
      }),
      200,
    );
  });
}
