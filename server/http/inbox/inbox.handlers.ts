import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { withoutTransaction } from '../plugins/route.js';
import * as routes from './inbox.routes.js';
import { getInbox } from '../../domain/reminders/get-inbox.js';

export function registerInboxRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getInbox, async (c) => c.json(await withoutTransaction(c, (ctx) => getInbox(ctx, c.req.valid('query').on)), 200));
}
