import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction } from '../plugins/route.js';
import * as routes from './users.routes.js';
import { addGrant, confirmGrant, createUser, listPendingGrants, listUsers, revokeGrant, updateUser } from '../../domain/access/manage-users.js';

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
  app.openapi(routes.addGrant, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await inTransaction(c, (ctx) => addGrant(ctx, id, c.req.valid('json'))), 201);
  });
  app.openapi(routes.revokeGrant, async (c) => {
    const { id, grantId } = c.req.valid('param');
    return c.json(await inTransaction(c, (ctx) => revokeGrant(ctx, id, grantId, c.req.valid('json').reason ?? null)), 200);
  });
  app.openapi(routes.confirmGrant, async (c) => {
    const { id, grantId } = c.req.valid('param');
    return c.json(await inTransaction(c, (ctx) => confirmGrant(ctx, id, grantId)), 200);
  });
  app.openapi(routes.pendingGrants, async (c) => c.json(await inTransaction(c, (ctx) => listPendingGrants(ctx)), 200));
}
