export interface ApiIssue {
  path: string;
  message: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; requestId?: string; issues?: ApiIssue[] };
}

/** An error answer of the API, with its Vietnamese message and, for 422, every field issue. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];
  readonly requestId?: string;

  constructor(status: number, body: unknown) {
    const e = (body as ErrorBody | null)?.error;
    super(e?.message ?? defaultMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.code = e?.code ?? `http_${status}`;
    this.issues = e?.issues ?? [];
    this.requestId = e?.requestId;
  }
}

function defaultMessage(status: number) {
  if (status === 0) return 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';
  if (status >= 500) return 'Đã có lỗi hệ thống. Vui lòng thử lại sau.';
  return 'Yêu cầu không thực hiện được.';
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the server's message. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await call;
  } catch {
    throw new ApiError(0, null);
  }
  if (!r.response.ok) throw new ApiError(r.response.status, r.error);
  return r.data as T;
}

/** The message to show for any error thrown while talking to the API. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Đã có lỗi xảy ra.';
}

export const isApiError = (err: unknown, status?: number): err is ApiError => err instanceof ApiError && (status === undefined || err.status === status);
