import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { streamedFileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './secondment.routes.js';
import { listSecondments, exportSecondments } from '../../domain/secondment/list-secondments.js';
import { getSecondment } from '../../domain/secondment/get-secondment.js';
import { proposeSecondment } from '../../domain/secondment/propose-secondment.js';
import { resubmitProposal, withdrawProposal } from '../../domain/secondment/revise-proposal.js';
import { forwardProposal, sendBackProposal } from '../../domain/secondment/appraise-proposal.js';
import { decideSecondments, rejectProposal } from '../../domain/secondment/decide-secondments.js';
import { receiveCadre } from '../../domain/secondment/receive-cadre.js';
import { endSecondmentEarly, extendSecondment } from '../../domain/secondment/change-term.js';
import { completeSecondment } from '../../domain/secondment/complete-secondment.js';
import { placeOnReturn } from '../../domain/secondment/place-on-return.js';
import { requestReport, submitReport } from '../../domain/secondment/reports.js';
import { recordEvaluation } from '../../domain/secondment/record-evaluation.js';
import { logContact } from '../../domain/secondment/log-contact.js';
import { nextDecisionNumber } from '../../domain/secondment/decision-numbers.js';
import { recordPartyOpinion } from '../../domain/secondment/record-party-opinion.js';
import { recordTermReview } from '../../domain/secondment/record-term-review.js';
import { recordCommendation } from '../../domain/secondment/record-commendation.js';
import { recordFollowUp } from '../../domain/secondment/record-follow-up.js';

/** The secondment path. Fixed paths are registered before `/api/secondments/{id}`. */
export function registerSecondmentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.list, async (c) => c.json(await withoutTransaction(c, (ctx) => listSecondments(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.exportList, async (c) => {
    const r = await inTransaction(c, (ctx) => exportSecondments(ctx, c.req.valid('query')));
    return streamedFileResponse(c, r.write, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.nextDecisionNumber, async (c) => {
    const q = c.req.valid('query');
    return c.json(await withoutTransaction(c, (ctx) => nextDecisionNumber(ctx, q.year, q.issuerUnitId)), 200);
  });
  app.openapi(routes.propose, async (c) => c.json(await inTransaction(c, (ctx) => proposeSecondment(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.decide, async (c) => c.json(await inTransaction(c, (ctx) => decideSecondments(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.get, async (c) => c.json(await inTransaction(c, (ctx) => getSecondment(ctx, c.req.valid('param').id)), 200));

  const id = (c: { req: { valid(t: 'param'): { id: string } } }) => c.req.valid('param').id;
  app.openapi(routes.resubmit, async (c) => c.json(await inTransaction(c, (ctx) => resubmitProposal(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.withdraw, async (c) => c.json(await inTransaction(c, (ctx) => withdrawProposal(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.forward, async (c) => c.json(await inTransaction(c, (ctx) => forwardProposal(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.sendBack, async (c) => c.json(await inTransaction(c, (ctx) => sendBackProposal(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.reject, async (c) => c.json(await inTransaction(c, (ctx) => rejectProposal(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.receive, async (c) => c.json(await inTransaction(c, (ctx) => receiveCadre(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.extend, async (c) => c.json(await inTransaction(c, (ctx) => extendSecondment(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.endEarly, async (c) => c.json(await inTransaction(c, (ctx) => endSecondmentEarly(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.complete, async (c) => c.json(await inTransaction(c, (ctx) => completeSecondment(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.place, async (c) => c.json(await inTransaction(c, (ctx) => placeOnReturn(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.requestReport, async (c) => c.json(await inTransaction(c, (ctx) => requestReport(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.submitReport, async (c) => {
    const p = c.req.valid('param');
    return c.json(await inTransaction(c, (ctx) => submitReport(ctx, p.id, p.reportId, c.req.valid('json'))), 200);
  });
  app.openapi(routes.evaluate, async (c) => c.json(await inTransaction(c, (ctx) => recordEvaluation(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.logContact, async (c) => c.json(await inTransaction(c, (ctx) => logContact(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.recordPartyOpinion, async (c) => c.json(await inTransaction(c, (ctx) => recordPartyOpinion(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.recordTermReview, async (c) => c.json(await inTransaction(c, (ctx) => recordTermReview(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.recordCommendation, async (c) => c.json(await inTransaction(c, (ctx) => recordCommendation(ctx, id(c), c.req.valid('json'))), 200));
  app.openapi(routes.recordFollowUp, async (c) => c.json(await inTransaction(c, (ctx) => recordFollowUp(ctx, id(c), c.req.valid('json'))), 200));
}
