import { yearOf } from '../../../common/dates.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import * as routes from './org.routes.js';
import { getDestinations, getUnitJobPosts, getUnitTree } from '../../domain/org/get-unit-tree.js';
import { addUnit, closeOrgUnit, listUnitEvents, mergeUnits, moveOrgUnit, renameOrgUnit, splitUnit } from '../../domain/org/restructure-units.js';

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
  // static paths (merge, split) are registered before /{id}/… so a segment is never read as an id
  app.openapi(routes.mergeUnits, async (c) => c.json(await inTransaction(c, (ctx) => mergeUnits(ctx, c.req.valid('json'))), 200));
  app.openapi(routes.splitUnit, async (c) => c.json(await inTransaction(c, (ctx) => splitUnit(ctx, c.req.valid('json'))), 200));
  app.openapi(routes.addUnit, async (c) => c.json(await inTransaction(c, (ctx) => addUnit(ctx, c.req.valid('json'))), 200));
  app.openapi(routes.renameUnit, async (c) => c.json(await inTransaction(c, (ctx) => renameOrgUnit(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.moveUnit, async (c) => c.json(await inTransaction(c, (ctx) => moveOrgUnit(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.closeUnit, async (c) => c.json(await inTransaction(c, (ctx) => closeOrgUnit(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.getUnitEvents, async (c) => c.json({ items: await inTransaction(c, (ctx) => listUnitEvents(ctx, c.req.valid('param').id)) }, 200));
}
