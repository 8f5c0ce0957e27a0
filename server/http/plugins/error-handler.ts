import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError, type ErrorCode, type Issue } from '../../domain/errors.js';
import type { AppEnv } from './app-env.js';
import { pgErrorCode } from '../../db/sql-helpers.js';

/** The one table from domain error codes to HTTP statuses. */
export const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  payload_too_large: 413,
  validation: 422,
  too_many_attempts: 429,
};

/** The error body of every failure, with the request id (typed by its status, so a route's declared error responses accept it). */
export function errorResponse<S extends ContentfulStatusCode>(c: Context, status: S, code: string, message: string, issues?: Issue[]) {
  return c.json({ error: { code, message, requestId: c.get('requestId'), ...(issues ? { issues } : {}) } }, status);
}

export function zodIssues(err: ZodError): Issue[] {
  return err.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

/** Turns any thrown error into `{ error: { code, message, issues? } }` in Vietnamese; unknown ones into a 500 with the request id. */
export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) return errorResponse(c, STATUS_BY_CODE[err.code], err.code, err.message, err.issues);
  if (err instanceof ZodError) return errorResponse(c, 422, 'validation', 'Dữ liệu không hợp lệ.', zodIssues(err));
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    if (status === 400) return errorResponse(c, 400, 'bad_request', 'Nội dung yêu cầu không đúng định dạng JSON.');
    if (status === 413) return errorResponse(c, 413, 'payload_too_large', 'Nội dung yêu cầu quá lớn.');
    return errorResponse(c, status, 'http_error', 'Yêu cầu không hợp lệ.');
  }
  const pgCode = pgErrorCode(err);
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
    return errorResponse(c, 400, 'bad_request', 'Giá trị không đúng định dạng.');
  }
  c.get('logger')?.error({ err, requestId: c.get('requestId') }, 'unhandled error');
  return errorResponse(c, 500, 'internal', 'Đã có lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên kèm mã yêu cầu.');
}
