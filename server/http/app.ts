import { databaseReady } from '../db/client.js';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { requestId } from 'hono/request-id';
import { serveStatic } from '@hono/node-server/serve-static';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AppEnv, Deps } from './plugins/app-env.js';
import { authenticate } from './plugins/auth.js';
import { errorResponse, handleError, zodIssues } from './plugins/error-handler.js';
import { nulGuard } from './plugins/nul-guard.js';
import { registerAuthRoutes } from './auth/auth.handlers.js';
import { registerPersonnelRoutes } from './personnel/personnel.handlers.js';
import { registerOrgRoutes } from './org/org.handlers.js';
import { registerReferenceRoutes } from './reference/reference.handlers.js';
import { registerUserRoutes } from './users/users.handlers.js';
import { PLAN_DOCUMENT_PATH, registerPlanRoutes } from './plans/plans.handlers.js';
import { registerEligibilityRoutes } from './eligibility/eligibility.handlers.js';
import { registerImportRoutes, UPLOAD_PATHS } from './imports/imports.handlers.js';
import { registerExportRoutes } from './exports/exports.handlers.js';
import { registerSecondmentDocumentRoutes } from './secondment-documents/secondment-documents.handlers.js';
import { registerInboxRoutes } from './inbox/inbox.handlers.js';
import { registerOversightRoutes } from './oversight/oversight.handlers.js';
import { registerFeedbackRoutes } from './feedback/feedback.handlers.js';
import { registerDemandRoutes } from './demand/demand.handlers.js';
import { registerMatchingRoutes } from './matching/matching.handlers.js';
import { registerReportRoutes } from './reports/reports.handlers.js';
import { registerStatisticsRoutes } from './statistics/statistics.handlers.js';
import { registerInspectionRoutes } from './inspections/inspections.handlers.js';
import { registerGuidanceRoutes } from './guidance/guidance.handlers.js';
import { registerSecondmentRoutes } from './secondment/secondment.handlers.js';
import { registerTrainingRoutes } from './training/training.handlers.js';
import { registerSetupRoutes } from './setup/setup.handlers.js';
import { projectRoot } from '../config.js';
import { registerApiDocs } from './system/api-docs.js';

// Validation messages in Vietnamese for every schema that does not set its own.
z.config(z.locales.vi());

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Tăng cường — API',
    version: '0.1.0',
    description:
      'API của hệ thống quản lý tăng cường cán bộ đi công tác ở cơ sở và đào tạo, bồi dưỡng sau sắp xếp tổ chức bộ máy (Nghị định 178/2024/NĐ-CP, Điều 3 khoản 8; kế hoạch của tỉnh, thành phố).',
  },
};

/** Builds the HTTP application around its dependencies (no listening socket: tests call `app.request`). */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return errorResponse(c, 422, 'validation', 'Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.', zodIssues(result.error));
      }
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'tc_session' });

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('logger', deps.logger);
    const started = performance.now();
    await next();
    // method, route pattern and status only: no query strings or bodies, which may hold personal data
    deps.logger.info(
      { reqId: c.get('requestId'), method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  const jsonLimit = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => errorResponse(c, 413, 'payload_too_large', 'Nội dung yêu cầu quá lớn (tối đa 1 MB).') });
  // file uploads carry their own limit (50 MB for imports, 20 MB for a plan's text, checked while reading)
  const isUpload = (method: string, path: string) => (method === 'POST' && UPLOAD_PATHS.has(path)) || (method === 'PUT' && PLAN_DOCUMENT_PATH.test(path));
  app.use('/api/*', (c, next) => (isUpload(c.req.method, c.req.path) ? next() : jsonLimit(c, next)));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store');
  });
  app.use('/api/*', authenticate);
  app.use('/api/*', nulGuard);
  app.onError(handleError);

  // liveness: the process answers; readiness: it can reach its database (for a load balancer), checked each call
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.get('/api/health/ready', async (c) => {
    const ok = await databaseReady(deps.database);
    return c.json({ status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unavailable' }, ok ? 200 : 503);
  });
  registerAuthRoutes(app);
  registerExportRoutes(app); // before the cadre routes: /api/cadres/export.xlsx is not /api/cadres/{id}
  registerSecondmentDocumentRoutes(app); // before the secondment routes: /api/secondments/decisions is not /api/secondments/{id}
  registerPersonnelRoutes(app);
  registerOrgRoutes(app);
  registerReferenceRoutes(app);
  registerUserRoutes(app);
  registerPlanRoutes(app);
  registerEligibilityRoutes(app);
  registerImportRoutes(app);
  registerInboxRoutes(app);
  registerOversightRoutes(app);
  registerFeedbackRoutes(app);
  registerDemandRoutes(app);
  registerMatchingRoutes(app);
  registerReportRoutes(app);
  registerStatisticsRoutes(app);
  registerInspectionRoutes(app);
  registerGuidanceRoutes(app);
  registerSecondmentRoutes(app);
  registerTrainingRoutes(app);
  registerSetupRoutes(app);

  app.doc31('/api/openapi.json', OPENAPI_INFO);
  registerApiDocs(app);

  app.all('/api/*', (c) => errorResponse(c, 404, 'not_found', 'Không có chức năng này.'));

  const webRoot = path.join(projectRoot(), 'web/dist');
  if (fs.existsSync(webRoot)) {
    const rel = path.relative(process.cwd(), webRoot) || '.';
    app.use('/assets/*', serveStatic({ root: rel }));
    app.use('/favicon.svg', serveStatic({ root: rel }));
    const index = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    // the single-page app answers every other GET
    app.get('*', (c) => c.html(index));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
