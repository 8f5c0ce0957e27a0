import { yearOf } from '../../../common/dates.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import * as routes from './org.routes.js';
import { getDestinations, getUnitJobPosts, getUnitTree } from '../../domain/org/get-unit-tree.js';

export function registerOrgRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getDestinations, async (c) => c.json({ items: await withoutTransaction(c, (ctx) => getDestinations(ctx)) }, 200));
  app.openapi(routes.getUnitTree, async (c) => {
    const year = c.req.valid('query').year ?? yearOf(c.get('today'));
    const items = await inTransaction(c, (ctx) => getUnitTree(ctx, year));
    return c.json({ year, items }, 200);
  });
  app.openapi(routes.getJobPosts, async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ items: (await inTransaction(c, (ctx) => getUnitJobPosts(ctx, id))) as Record<string, unknown>[] }, 200);
  });
}
