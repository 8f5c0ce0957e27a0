import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { withoutTransaction } from '../plugins/route.js';
import * as routes from './inbox.routes.js';
import { countInbox, getInbox } from '../../domain/inbox/get-inbox.js';

export function registerInboxRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getInbox, async (c) => {
    const { on, overdue, ...page } = c.req.valid('query');
    return c.json(await withoutTransaction(c, (ctx) => getInbox(ctx, on, { ...page, overdue: overdue === undefined ? undefined : overdue === 'true' })), 200);
  });
  app.openapi(routes.getInboxCount, async (c) => c.json(await withoutTransaction(c, (ctx) => countInbox(ctx, c.req.valid('query').on)), 200));
}
