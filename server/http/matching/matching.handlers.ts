import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import * as routes from './matching.routes.js';
import { acceptMatchingRun } from '../../domain/matching/accept-matching.js';
import { checkListAgainstRun, explainRunPair, getMatchingRun, runMatching } from '../../domain/matching/run-matching.js';

/** Matching runs of a demand round (S7). */
export function registerMatchingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.createRun, async (c) => {
    const body = c.req.valid('json');
    return c.json(await inTransaction(c, (ctx) => runMatching(ctx, body)), 201);
  });
  app.openapi(routes.acceptRun, async (c) => {
    const body = c.req.valid('json');
    return c.json(await inTransaction(c, (ctx) => acceptMatchingRun(ctx, c.req.valid('param').id, body)), 201);
  });
  app.openapi(routes.whyNot, async (c) => c.json(await withoutTransaction(c, (ctx) => explainRunPair(ctx, c.req.valid('param').id, c.req.valid('query'))), 200));
  app.openapi(routes.checkList, async (c) =>
    c.json(await withoutTransaction(c, (ctx) => checkListAgainstRun(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(routes.getRun, async (c) => c.json(await withoutTransaction(c, (ctx) => getMatchingRun(ctx, c.req.valid('param').id)), 200));
}
