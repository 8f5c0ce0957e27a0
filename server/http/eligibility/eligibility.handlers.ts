import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import * as routes from './eligibility.routes.js';
import { screenPeople } from '../../domain/eligibility/screen-people.js';
import { explainPerson } from '../../domain/eligibility/explain-person.js';
import { recordAssessment } from '../../domain/eligibility/record-assessment.js';

export function registerEligibilityRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.screen, async (c) => {
    const q = c.req.valid('query');
    const { rows: _rows, ...result } = await withoutTransaction(c, (ctx) => screenPeople(ctx, q));
    return c.json(result as never, 200);
  });
  app.openapi(routes.explain, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    return c.json((await inTransaction(c, (ctx) => explainPerson(ctx, id, q))) as never, 200);
  });
  app.openapi(routes.assess, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await inTransaction(c, (ctx) => recordAssessment(ctx, id, c.req.valid('json'))), 201);
  });
}
