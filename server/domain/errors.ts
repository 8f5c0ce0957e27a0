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

/**
 * A fact recorded once it has happened (a decision signed, a payment, an enrolment, a completion, a leaving) is dated
 * today at the latest: refused on its field otherwise. `today` is the request's Vietnam date.
 */
export function refuseFutureDate(today: string, path: string, date: string | null | undefined, what: string): void {
  if (date && date > today) {
    const [y, m, d] = today.split('-');
    throw invalid([{ path, message: `${what} không được sau ngày hôm nay (${d}/${m}/${y})` }]);
  }
}
