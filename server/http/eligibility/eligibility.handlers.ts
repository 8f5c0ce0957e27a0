import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import * as routes from './eligibility.routes.js';
import { screenPeople } from '../../domain/eligibility/screen-people.js';
import { explainPerson } from '../../domain/eligibility/explain-person.js';
import { recordAssessment } from '../../domain/eligibility/record-assessment.js';
import { exportCandidateAnnex, exportScreeningXlsx } from '../../domain/eligibility/export-candidates.js';
import { DOCX_TYPE, fileResponse, streamedFileResponse, XLSX_TYPE } from '../plugins/file-response.js';

export function registerEligibilityRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.exportXlsx, async (c) => {
    const r = await withoutTransaction(c, (ctx) => exportScreeningXlsx(ctx, c.req.valid('query')));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.exportAnnex, async (c) => {
    const r = await inTransaction(c, (ctx) => exportCandidateAnnex(ctx, c.req.valid('query'), ctx.today));
    return fileResponse(c, r.buffer, r.fileName, DOCX_TYPE);
  });
  app.openapi(routes.screen, async (c) => {
    const q = c.req.valid('query');
    const { rows: _rows, rules: _rules, ...result } = await withoutTransaction(c, (ctx) => screenPeople(ctx, q));
    return c.json(result, 200);
  });
  app.openapi(routes.explain, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    return c.json(await inTransaction(c, (ctx) => explainPerson(ctx, id, q)), 200);
  });
  app.openapi(routes.assess, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await inTransaction(c, (ctx) => recordAssessment(ctx, id, c.req.valid('json'))), 201);
  });
}
