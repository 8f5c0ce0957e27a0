import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction } from '../plugins/route.js';
import * as routes from './reference.routes.js';
import { loadReferenceLists } from '../../db/repositories/reference.repository.js';
import { getCurrentPlan } from '../../domain/plans/get-current-plan.js';

export function registerReferenceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getReference, async (c) => {
    c.header('Cache-Control', 'private, max-age=300');
    return c.json((await loadReferenceLists(c.get('deps').database.db)) as never, 200);
  });
  app.openapi(routes.getCurrentPlan, async (c) => c.json((await inTransaction(c, (ctx) => getCurrentPlan(ctx))) as never, 200));
}
