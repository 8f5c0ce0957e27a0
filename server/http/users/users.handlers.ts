import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction } from '../plugins/route.js';
import * as routes from './users.routes.js';
import { createUser, listUsers, updateUser } from '../../domain/access/manage-users.js';

export function registerUserRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listUsers, async (c) => {
    const { page, pageSize } = c.req.valid('query');
    return c.json(await inTransaction(c, (ctx) => listUsers(ctx, page, pageSize)), 200);
  });
  app.openapi(routes.createUser, async (c) => c.json(await inTransaction(c, (ctx) => createUser(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.updateUser, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await inTransaction(c, (ctx) => updateUser(ctx, id, c.req.valid('json'))), 200);
  });
}
