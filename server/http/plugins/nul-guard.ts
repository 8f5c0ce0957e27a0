import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { errorResponse } from './error-handler.js';

const MESSAGE = 'Dữ liệu có ký tự không hợp lệ (ký tự rỗng NUL). Vui lòng nhập lại.';

/** The path of the first string (value or key) holding a NUL character, or null. */
export function nulPath(value: unknown, path = '(body)'): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nulPath(value[i], `${path === '(body)' ? '' : path + '.'}${i}`);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return k.replace(/\u0000/g, '');
      const p = nulPath(v, path === '(body)' ? k : `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold a NUL character: a query string or JSON body carrying one is refused with a Vietnamese
 * 422 before any route runs, instead of failing inside SQL with a 500.
 */
export const nulGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  for (const [k, v] of new URL(c.req.url).searchParams) {
    if (k.includes('\u0000') || v.includes('\u0000'))
      return errorResponse(c, 422, 'validation', MESSAGE, [{ path: k.replace(/\u0000/g, ''), message: 'Có ký tự không hợp lệ' }]);
  }
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && (c.req.header('content-type') ?? '').includes('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.raw.clone().text());
    } catch {
      return next(); // malformed JSON: the route's validation answers it
    }
    const path = nulPath(body);
    if (path) return errorResponse(c, 422, 'validation', MESSAGE, [{ path, message: 'Có ký tự không hợp lệ' }]);
  }
  return next();
};
