import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import * as routes from './guidance.routes.js';
import { editGuidance, getGuidance, issueGuidance, listGuidance } from '../../domain/guidance/guidance.js';

/** Sở Nội vụ's guidance documents to the units (Plan 131 IV.3). */
export function registerGuidanceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.list, async (c) => c.json(await withoutTransaction(c, (ctx) => listGuidance(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.issue, async (c) => {
    const body = c.req.valid('json');
    return c.json(await inTransaction(c, async (ctx) => getGuidance(ctx, await issueGuidance(ctx, body))), 201);
  });
  app.openapi(routes.get, async (c) => c.json(await withoutTransaction(c, (ctx) => getGuidance(ctx, c.req.valid('param').id)), 200));
  app.openapi(routes.edit, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, async (ctx) => {
        await editGuidance(ctx, id, body);
        return getGuidance(ctx, id);
      }),
      200,
    );
  });
}
