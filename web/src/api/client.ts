import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

let csrfToken = '';
let onUnauthenticated: ((message: string) => void) | null = null;

/** Remembers the session's anti-forgery token (from login or /api/auth/me); sent with every state-changing request. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called when any API call (other than login and me) answers 401: the session is gone. */
export function setUnauthenticatedHandler(fn: ((message: string) => void) | null) {
  onUnauthenticated = fn;
}

/** The anti-forgery header, for the few requests made outside the typed client (an upload that reports its progress). */
export function sessionHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** Reports a 401 met outside the typed client, as the typed client does: the session is gone. */
export function reportUnauthenticated(message = 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.') {
  onUnauthenticated?.(message);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_PATHS = ['/api/auth/login', '/api/auth/me'];

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method.toUpperCase()) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 401 && !SESSION_PATHS.some((p) => new URL(request.url, location.origin).pathname === p)) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { error?: { message?: string } } | null;
      onUnauthenticated?.(body?.error?.message ?? 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
    }
    return response;
  },
};

/** The typed API client, generated from common/openapi.json (see `npm run gen:api`). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionMiddleware);
