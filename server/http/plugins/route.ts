import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Gate } from '../../domain/access/policy.js';
import { errorBody } from '../../../common/schemas/fields.js';
import { requireRoles } from './auth.js';
import type { AppEnv } from './app-env.js';
import type { UseCaseContext } from '../../domain/context.js';
import { currentActor } from './auth.js';

const errorResponses = {
  401: { description: 'Chưa đăng nhập', content: { 'application/json': { schema: errorBody } } },
  403: { description: 'Không có quyền', content: { 'application/json': { schema: errorBody } } },
  404: { description: 'Không tìm thấy (hoặc ngoài phạm vi được xem)', content: { 'application/json': { schema: errorBody } } },
  422: { description: 'Dữ liệu không hợp lệ', content: { 'application/json': { schema: errorBody } } },
} as const;

/** Every secured route with the policy names it serves, for the test that walks the policies against `x-roles`. */
export const ROUTE_GATES: { method: string; path: string; serves: string[] }[] = [];

/**
 * A route that declares who may call it, as the gate of a policy (`somePolicy.gate('action')`): the roles the
 * policy table gives are enforced by middleware and published in the OpenAPI document as `x-roles`; a test fails
 * for any /api route without them, and for any that differ from the policy's.
 */
export function secureRoute<const R extends Omit<RouteConfig, 'middleware'>>(gate: Gate, route: R) {
  const roles = gate.roles;
  ROUTE_GATES.push({ method: route.method, path: route.path, serves: gate.serves });
  // the session's own routes (who am I, change my password, sign out) serve any signed-in account, even one whose
  // grants all wait for confirmation; authenticate has already required the session
  const sessionOnly = gate.serves.length === 1 && gate.serves[0] === 'access.session';
  const middleware: MiddlewareHandler<AppEnv>[] = sessionOnly ? [] : [requireRoles(...roles)];
  // typed as the intersection so that the error statuses stay numeric keys the handler's return type knows
  const responses: typeof errorResponses & R['responses'] = { ...errorResponses, ...route.responses };
  return createRoute({ ...route, middleware, 'x-roles': roles, security: [{ session: [] }], responses });
}

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

/** A file download in the OpenAPI document (an .xlsx or .docx body). */
export const fileDownload = (description: string, type: string) => ({
  description,
  content: { [type]: { schema: z.string().meta({ format: 'binary' }) } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const idParam = z.object({ id: z.uuid('Mã định danh không hợp lệ') });

/** Runs a read-only use case on the pool (its statements may run in parallel) with the acting user. */
export function withoutTransaction<T>(c: Context<AppEnv>, fn: (ctx: UseCaseContext) => Promise<T>): Promise<T> {
  return fn({ actor: currentActor(c), tx: c.get('deps').database.db, requestId: c.get('requestId'), today: c.get('today') });
}

/** Runs a use case in one transaction with the acting user and the request id. */
export function inTransaction<T>(c: Context<AppEnv>, fn: (ctx: UseCaseContext) => Promise<T>): Promise<T> {
  const actor = currentActor(c);
  return c.get('deps').database.db.transaction((tx) => fn({ actor, tx, requestId: c.get('requestId'), today: c.get('today') }));
}
