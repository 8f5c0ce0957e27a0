import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { streamedFileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './feedback.routes.js';
import { listFeedback } from '../../domain/feedback/list-feedback.js';
import { getFeedback } from '../../domain/feedback/get-feedback.js';
import { raiseFeedback } from '../../domain/feedback/raise-feedback.js';
import { replyFeedback } from '../../domain/feedback/reply-feedback.js';
import { closeFeedback } from '../../domain/feedback/close-feedback.js';
import { exportFeedbackXlsx } from '../../domain/feedback/export-feedback.js';
import { listLinkableSecondments } from '../../domain/feedback/list-linkable-secondments.js';

/** Feedback of the units and communes to Sở Nội vụ (S17). Fixed paths are registered before /{id}. */
export function registerFeedbackRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.list, async (c) => c.json(await withoutTransaction(c, (ctx) => listFeedback(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.exportXlsx, async (c) => {
    const r = await inTransaction(c, (ctx) => exportFeedbackXlsx(ctx, c.req.valid('query')));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.secondments, async (c) => c.json(await withoutTransaction(c, (ctx) => listLinkableSecondments(ctx)), 200));
  app.openapi(routes.create, async (c) => {
    const body = c.req.valid('json');
    const r = await inTransaction(c, async (ctx) => getFeedback(ctx, (await raiseFeedback(ctx, body)).id));
    return c.json(r, 201);
  });
  app.openapi(routes.detail, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await withoutTransaction(c, (ctx) => getFeedback(ctx, id)), 200);
  });
  app.openapi(routes.reply, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const r = await inTransaction(c, async (ctx) => {
      await replyFeedback(ctx, id, body);
      return getFeedback(ctx, id);
    });
    return c.json(r, 200);
  });
  app.openapi(routes.close, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const r = await inTransaction(c, async (ctx) => {
      await closeFeedback(ctx, id, body);
      return getFeedback(ctx, id);
    });
    return c.json(r, 200);
  });
}
