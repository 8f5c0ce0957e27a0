import { ApiError } from '../api/errors';

/**
 * The file name of a download from its Content-Disposition header: the UTF-8 name (RFC 5987 `filename*`) when
 * given, otherwise the plain `filename`; null when there is none.
 */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* a malformed encoding: fall back to the plain name */
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || null;
}

/** Hands a blob to the browser as a download under the given name. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has taken the file once the click is handled; the address is freed a little later
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Completes a download made with the typed client and `parseAs: 'blob'` (plain GET with the session cookie):
 * saves the file under the server's name, or throws an ApiError with the server's Vietnamese message.
 */
export async function downloadFile(call: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallbackName: string): Promise<void> {
  let r: { data?: Blob; error?: unknown; response: Response };
  try {
    r = await call;
  } catch {
    throw new ApiError(0, null);
  }
  if (!r.response.ok || !r.data) throw new ApiError(r.response.status, r.error);
  saveBlob(r.data, fileNameFromDisposition(r.response.headers.get('content-disposition')) ?? fallbackName);
}
