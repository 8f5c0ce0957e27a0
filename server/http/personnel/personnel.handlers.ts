import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import * as routes from './personnel.routes.js';
import { listCadres } from '../../domain/personnel/list-cadres.js';
import { getCadreProfile } from '../../domain/personnel/get-cadre-profile.js';
import { updateCadre } from '../../domain/personnel/update-cadre.js';
import { getCadreHistory } from '../../domain/personnel/get-cadre-history.js';
import { closeProceeding, removeRating, removeRecord, saveRating, saveRecord } from '../../domain/personnel/manage-person-records.js';
import type { RecordKind } from '../../db/repositories/person-records.repository.js';

const KIND_BY_PATH: Record<routes.RecordPath, RecordKind> = {
  discipline: 'discipline',
  planning: 'planning',
  'work-history': 'workHistory',
  'training-history': 'trainingHistory',
  proceedings: 'proceedings',
  circumstances: 'circumstances',
};

export function registerPersonnelRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listCadres, async (c) => {
    const q = c.req.valid('query');
    return c.json(await withoutTransaction(c, (ctx) => listCadres(ctx, q)), 200);
  });
  app.openapi(routes.getCadre, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await inTransaction(c, (ctx) => getCadreProfile(ctx, id)), 200);
  });
  app.openapi(routes.updateCadre, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await inTransaction(c, (ctx) => updateCadre(ctx, id, body)), 200);
  });
  app.openapi(routes.getCadreHistory, async (c) => {
    const { id } = c.req.valid('param');
    const { page, pageSize } = c.req.valid('query');
    return c.json(await inTransaction(c, (ctx) => getCadreHistory(ctx, id, page, pageSize)), 200);
  });
  app.openapi(routes.putRating, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await inTransaction(c, (ctx) => saveRating(ctx, id, body)), 200);
  });
  app.openapi(routes.deleteRating, async (c) => {
    const { id, year } = c.req.valid('param');
    await inTransaction(c, (ctx) => removeRating(ctx, id, year));
    return c.body(null, 204);
  });
  app.openapi(routes.closeProceeding, async (c) => {
    const { id, recordId } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await inTransaction(c, (ctx) => closeProceeding(ctx, id, recordId, body)), 200);
  });
  for (const path of Object.keys(KIND_BY_PATH) as routes.RecordPath[]) {
    const kind = KIND_BY_PATH[path];
    const r = routes.recordRoutes(path);
    app.openapi(r.create, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json') as Record<string, unknown>;
      return c.json(await inTransaction(c, (ctx) => saveRecord(ctx, kind, id, null, body)), 201);
    });
    app.openapi(r.update, async (c) => {
      const { id, recordId } = c.req.valid('param');
      const body = c.req.valid('json') as Record<string, unknown>;
      return c.json(await inTransaction(c, (ctx) => saveRecord(ctx, kind, id, recordId, body)), 200);
    });
    app.openapi(r.remove, async (c) => {
      const { id, recordId } = c.req.valid('param');
      await inTransaction(c, (ctx) => removeRecord(ctx, kind, id, recordId));
      return c.body(null, 204);
    });
  }
}
