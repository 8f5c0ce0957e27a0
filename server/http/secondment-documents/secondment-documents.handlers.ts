import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { DOCX_TYPE, fileResponse, streamedFileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './secondment-documents.routes.js';
import { exportDecisionListXlsx, listSecondmentDecisions } from '../../domain/secondment-documents/list-decisions.js';
import { exportDecisionDocx } from '../../domain/secondment-documents/export-decision-docx.js';
import { getSecondmentEntitlements } from '../../domain/secondment-entitlements/get-entitlements.js';
import { recordEntitlementPayment, reverseEntitlementPayment } from '../../domain/secondment-entitlements/record-payment.js';
import { exportFinanceList } from '../../domain/secondment-entitlements/export-finance-list.js';

/**
 * Entitlements and decision documents of the secondment path. Registered before the secondment routes:
 * `/api/secondments/decisions` and `/api/secondments/entitlements.xlsx` must not be taken for `/api/secondments/{id}`.
 */
export function registerSecondmentDocumentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listDecisions, async (c) => c.json(await withoutTransaction(c, (ctx) => listSecondmentDecisions(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.exportDecisions, async (c) => {
    const r = await withoutTransaction(c, (ctx) => exportDecisionListXlsx(ctx, c.req.valid('query')));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.decisionDocument, async (c) => {
    const r = await inTransaction(c, (ctx) => exportDecisionDocx(ctx, c.req.valid('param').id));
    return fileResponse(c, r.buffer, r.fileName, DOCX_TYPE);
  });
  app.openapi(routes.financeList, async (c) => {
    const r = await withoutTransaction(c, (ctx) => exportFinanceList(ctx, c.req.valid('query').year));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.entitlements, async (c) => c.json(await inTransaction(c, (ctx) => getSecondmentEntitlements(ctx, c.req.valid('param').id)), 200));
  app.openapi(routes.recordEntitlementPayment, async (c) =>
    c.json(await inTransaction(c, (ctx) => recordEntitlementPayment(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(routes.reverseEntitlementPayment, async (c) => {
    const { id, paymentId } = c.req.valid('param');
    return c.json(await inTransaction(c, (ctx) => reverseEntitlementPayment(ctx, id, paymentId, c.req.valid('json'))), 200);
  });
}
