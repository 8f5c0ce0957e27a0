/** Domain errors carry a code; http/plugins/error-handler.ts maps each code to an HTTP status. */
export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'version_conflict'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'csrf'
  | 'payload_too_large'
  | 'bad_request';

export interface Issue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Bản ghi') => new AppError('not_found', `${what} không tồn tại hoặc bạn không có quyền xem.`);
export const forbidden = (why = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('forbidden', why);
export const invalid = (issues: Issue[]) => new AppError('validation', 'Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.', issues);
