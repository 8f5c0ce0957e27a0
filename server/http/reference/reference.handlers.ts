import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import * as routes from './reference.routes.js';
import { loadReferenceLists } from '../../db/repositories/reference.repository.js';

export function registerReferenceRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getReference, async (c) => {
    c.header('Cache-Control', 'private, max-age=300');
    return c.json(await loadReferenceLists(c.get('deps').database.db), 200);
  });
}
