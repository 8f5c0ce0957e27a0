import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction } from '../plugins/route.js';
import * as routes from './setup.routes.js';
import { getSetupStatus } from '../../domain/province/get-setup-status.js';
import { listNationalProvinces, setUpProvince } from '../../domain/province/set-up-province.js';

export function registerSetupRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.getSetupStatus, async (c) => c.json(await getSetupStatus(c.get('deps').database.db), 200));
  app.openapi(routes.listSetupProvinces, (c) => c.json({ items: listNationalProvinces() }, 200));
  app.openapi(routes.setUpProvince, async (c) => {
    const { provinceCode } = c.req.valid('json');
    return c.json(await inTransaction(c, (ctx) => setUpProvince(ctx, provinceCode)), 201);
  });
}
