import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { streamedFileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './demand.routes.js';
import { approveNeed, declareNeed, editNeed, getNeed, listNeeds, rejectNeed, submitNeed, withdrawNeed } from '../../domain/demand/needs.js';
import { approveRound, arrangeRound, createRound, getRound, listRounds } from '../../domain/demand/rounds.js';
import { exportShortagesXlsx, getCommuneDemand, listShortages, listSurplus } from '../../domain/demand/views.js';

/** The demand of the communes (S7): needs, rounds, shortages and surplus. Fixed paths are registered before /{id}. */
export function registerDemandRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.shortages, async (c) => c.json(await withoutTransaction(c, (ctx) => listShortages(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.shortagesXlsx, async (c) => {
    const r = await inTransaction(c, (ctx) => exportShortagesXlsx(ctx, c.req.valid('query')));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.surplus, async (c) => c.json(await withoutTransaction(c, (ctx) => listSurplus(ctx)), 200));
  app.openapi(routes.commune, async (c) => c.json(await withoutTransaction(c, (ctx) => getCommuneDemand(ctx, c.req.valid('param').id)), 200));
  app.openapi(routes.listNeeds, async (c) => c.json(await withoutTransaction(c, (ctx) => listNeeds(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.declare, async (c) => {
    const body = c.req.valid('json');
    return c.json(await inTransaction(c, async (ctx) => getNeed(ctx, (await declareNeed(ctx, body)).id)), 201);
  });
  app.openapi(routes.edit, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const r = await inTransaction(c, async (ctx) => {
      await editNeed(ctx, id, body);
      return getNeed(ctx, id);
    });
    return c.json(r, 200);
  });
  app.openapi(routes.submit, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const r = await inTransaction(c, async (ctx) => {
      await submitNeed(ctx, id, body);
      return getNeed(ctx, id);
    });
    return c.json(r, 200);
  });
  app.openapi(routes.withdraw, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const r = await inTransaction(c, async (ctx) => {
      await withdrawNeed(ctx, id, body);
      return getNeed(ctx, id);
    });
    return c.json(r, 200);
  });
  app.openapi(routes.approve, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const r = await inTransaction(c, async (ctx) => {
      await approveNeed(ctx, id, body);
      return getNeed(ctx, id);
    });
    return c.json(r, 200);
  });
  app.openapi(routes.reject, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const r = await inTransaction(c, async (ctx) => {
      await rejectNeed(ctx, id, body);
      return getNeed(ctx, id);
    });
    return c.json(r, 200);
  });
  app.openapi(routes.rounds, async (c) => c.json(await withoutTransaction(c, (ctx) => listRounds(ctx)), 200));
  app.openapi(routes.createRound, async (c) => {
    const body = c.req.valid('json');
    return c.json(await inTransaction(c, async (ctx) => getRound(ctx, await createRound(ctx, body))), 201);
  });
  app.openapi(routes.round, async (c) => c.json(await withoutTransaction(c, (ctx) => getRound(ctx, c.req.valid('param').id)), 200));
  app.openapi(routes.arrangeRound, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, async (ctx) => {
        await arrangeRound(ctx, id, body);
        return getRound(ctx, id);
      }),
      200,
    );
  });
  app.openapi(routes.approveRound, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, async (ctx) => {
        await approveRound(ctx, id, body);
        return getRound(ctx, id);
      }),
      200,
    );
  });
}
