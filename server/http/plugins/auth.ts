import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import crypto from 'node:crypto';
import type { AppEnv } from './app-env.js';
import type { Role } from '../../../common/enums.js';
import { resolveSession } from '../../domain/access/login.js';
import { errorResponse } from './error-handler.js';
import type { Actor } from '../../domain/access/actor.js';
import { vietnamToday } from '../../../common/dates.js';

export const SESSION_COOKIE = 'tc_session';
const PUBLIC_PATHS = new Set([
  '/api/auth/login',
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/init.js',
  '/api/docs/swagger-ui.css',
  '/api/docs/swagger-ui-bundle.js',
  '/api/health',
  '/api/health/ready',
]);
/** What an account that must change its password may still call. */
const PASSWORD_CHANGE_PATHS = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);
/** Public to read only: POST /api/setup is the administrator's, behind the session and the CSRF check. */
const PUBLIC_READS = new Set(['/api/setup']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const isPublic = (path: string, method: string) => PUBLIC_PATHS.has(path) || (PUBLIC_READS.has(path) && SAFE_METHODS.has(method));

function sameToken(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Deny by default: every /api route needs a live session except the few public ones, and every
 * state-changing request must carry the session's CSRF token in `X-CSRF-Token`.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('actor', null);
  c.set('csrfToken', null);
  const today = vietnamToday();
  c.set('today', today);
  const token = getCookie(c, SESSION_COOKIE) ?? null;
  c.set('sessionToken', token);
  if (token && token.length < 200) {
    const { database, config } = c.get('deps');
    const s = await resolveSession(database.db, token, config.sessionTtlMinutes, today);
    if (s) {
      c.set('actor', s.actor);
      c.set('csrfToken', s.csrfToken);
    }
  }
  if (isPublic(c.req.path, c.req.method)) return next();
  const actor = c.get('actor');
  if (!actor) return errorResponse(c, 401, 'unauthenticated', 'Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập.');
  // a password someone else chose: nothing but reading the session, changing it or signing out until it is changed
  if (actor.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(c.req.path)) {
    return errorResponse(c, 403, 'password_change_required', 'Bạn cần đổi mật khẩu (do quản trị viên cấp) trước khi tiếp tục.');
  }
  if (!SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header('x-csrf-token') ?? '';
    if (!sameToken(sent, c.get('csrfToken') ?? '')) return errorResponse(c, 403, 'csrf', 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.');
  }
  return next();
};

/** Route-level gate: the roles that may call the route at all (403 otherwise). Scope is checked in the query. */
export function requireRoles(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!actor) return errorResponse(c, 401, 'unauthenticated', 'Vui lòng đăng nhập.');
    if (!actor.grants.some((g) => roles.includes(g.role))) {
      return errorResponse(c, 403, 'forbidden', 'Vai trò của bạn không được phép sử dụng chức năng này.');
    }
    return next();
  };
}

export function currentActor(c: { get(k: 'actor'): Actor | null }): Actor {
  const a = c.get('actor');
  if (!a) throw new Error('route without authentication');
  return a;
}
