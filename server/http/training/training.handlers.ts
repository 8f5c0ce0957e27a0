import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../plugins/app-env.js';
import { inTransaction, withoutTransaction } from '../plugins/route.js';
import { DOCX_TYPE, fileResponse, XLSX_TYPE } from '../plugins/file-response.js';
import * as routes from './training.routes.js';
import { listCourses } from '../../domain/training/list-courses.js';
import { createCourse } from '../../domain/training/create-course.js';
import { updateCourse } from '../../domain/training/update-course.js';
import { closeCourse } from '../../domain/training/close-course.js';
import { listNeeds } from '../../domain/training/list-needs.js';
import { recordNeed } from '../../domain/training/record-need.js';
import { checkTrainingEligibility } from '../../domain/training/check-eligibility.js';
import { listEnrolments } from '../../domain/training/list-enrolments.js';
import { nominate } from '../../domain/training/nominate.js';
import { approveEnrolment } from '../../domain/training/approve-enrolment.js';
import { refuseEnrolment } from '../../domain/training/refuse-enrolment.js';
import { enrol } from '../../domain/training/enrol.js';
import { recordPayment } from '../../domain/training/record-payment.js';
import { completeEnrolment } from '../../domain/training/complete-enrolment.js';
import { endEnrolment } from '../../domain/training/end-enrolment.js';
import { recordRepayment } from '../../domain/training/record-repayment.js';
import { decideRepayment, formRepaymentCouncil, recordRepaymentPayment } from '../../domain/training/repayment-procedure.js';
import { getBudgetOverview } from '../../domain/training/get-budget-overview.js';
import { setRegularBudget } from '../../domain/training/set-regular-budget.js';
import { computeSupplementary } from '../../domain/training/compute-supplementary-budget.js';
import { overrideBudget } from '../../domain/training/override-budget.js';
import { exportTrainingPlan } from '../../domain/training/export-training-plan.js';
import { exportTrainingSummary } from '../../domain/training/export-training-summary.js';
import { exportTrainingDecision } from '../../domain/training/export-training-decision.js';

export function registerTrainingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(routes.listCourses, async (c) => c.json({ items: await withoutTransaction(c, (ctx) => listCourses(ctx, c.req.valid('query'))) }, 200));
  app.openapi(routes.createCourse, async (c) => c.json(await inTransaction(c, (ctx) => createCourse(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.updateCourse, async (c) => c.json(await inTransaction(c, (ctx) => updateCourse(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.closeCourse, async (c) => c.json(await inTransaction(c, (ctx) => closeCourse(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.listNeeds, async (c) => c.json({ items: await withoutTransaction(c, (ctx) => listNeeds(ctx, c.req.valid('query'))) }, 200));
  app.openapi(routes.createNeed, async (c) => c.json(await inTransaction(c, (ctx) => recordNeed(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.checkEligibility, async (c) => {
    const { personId, courseId } = c.req.valid('query');
    return c.json(await inTransaction(c, (ctx) => checkTrainingEligibility(ctx, personId, courseId)), 200);
  });
  app.openapi(routes.listEnrolments, async (c) => c.json({ items: await withoutTransaction(c, (ctx) => listEnrolments(ctx, c.req.valid('query'))) }, 200));
  app.openapi(routes.nominate, async (c) => c.json(await inTransaction(c, (ctx) => nominate(ctx, c.req.valid('json'))), 201));
  app.openapi(routes.approve, async (c) => c.json(await inTransaction(c, (ctx) => approveEnrolment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.refuse, async (c) => c.json(await inTransaction(c, (ctx) => refuseEnrolment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.enrol, async (c) => c.json(await inTransaction(c, (ctx) => enrol(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.pay, async (c) => c.json(await inTransaction(c, (ctx) => recordPayment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.complete, async (c) => c.json(await inTransaction(c, (ctx) => completeEnrolment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.end, async (c) => c.json(await inTransaction(c, (ctx) => endEnrolment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.repay, async (c) => c.json(await inTransaction(c, (ctx) => recordRepayment(ctx, c.req.valid('param').id, c.req.valid('json'))), 201));
  app.openapi(routes.repaymentCouncil, async (c) =>
    c.json(await inTransaction(c, (ctx) => formRepaymentCouncil(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(routes.repaymentDecision, async (c) =>
    c.json(await inTransaction(c, (ctx) => decideRepayment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(routes.repaymentPayment, async (c) =>
    c.json(await inTransaction(c, (ctx) => recordRepaymentPayment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(routes.getBudgets, async (c) => c.json(await withoutTransaction(c, (ctx) => getBudgetOverview(ctx, c.req.valid('query'))), 200));
  app.openapi(routes.setRegularBudget, async (c) => c.json(await inTransaction(c, (ctx) => setRegularBudget(ctx, c.req.valid('json'))), 200));
  app.openapi(routes.computeSupplementary, async (c) => c.json(await inTransaction(c, (ctx) => computeSupplementary(ctx, c.req.valid('json'))), 200));
  app.openapi(routes.overrideBudget, async (c) => c.json(await inTransaction(c, (ctx) => overrideBudget(ctx, c.req.valid('param').id, c.req.valid('json'))), 200));
  app.openapi(routes.exportPlan, async (c) => {
    const r = await inTransaction(c, (ctx) => exportTrainingPlan(ctx, c.req.valid('query')));
    return fileResponse(c, r.buffer, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.exportSummary, async (c) => {
    const r = await inTransaction(c, (ctx) => exportTrainingSummary(ctx, c.req.valid('query')));
    return fileResponse(c, r.buffer, r.fileName, XLSX_TYPE);
  });
  app.openapi(routes.exportDecision, async (c) => {
    const r = await inTransaction(c, (ctx) => exportTrainingDecision(ctx, c.req.valid('param').id, c.req.valid('query')));
    return fileResponse(c, r.buffer, r.fileName, DOCX_TYPE);
  });
}
