import type { Context } from 'hono';
import { PassThrough, type Writable } from 'node:stream';
import { contentDisposition } from '../../documents/xlsx-cells.js';
import type { AppEnv } from './app-env.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A whole file as a download with its Vietnamese name (RFC 5987 filename*). */
export function fileResponse(c: Context<AppEnv>, buffer: Buffer, fileName: string, type: string) {
  return c.body(new Uint8Array(buffer), 200, { 'Content-Type': type, 'Content-Disposition': contentDisposition(fileName), 'Content-Length': String(buffer.length) });
}

/** A file written by `write` as it is produced (big exports): memory stays flat, the first bytes leave at once. */
export function streamedFileResponse(c: Context<AppEnv>, write: (out: Writable) => Promise<void>, fileName: string, type: string) {
  const pass = new PassThrough();
  write(pass).catch((err) => {
    c.get('logger')?.error({ err, requestId: c.get('requestId') }, 'export stream failed');
    pass.destroy(err as Error);
  });
  // read on demand (the export waits while the client is slow), as Readable.toWeb would, but as the DOM stream type hono takes
  const chunks: AsyncIterator<Buffer> = pass[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return?.();
    },
  });
  return c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': contentDisposition(fileName) });
}

/** Reads a request body up to `max` bytes; null when it is longer (the caller answers 413). */
export async function readBodyLimited(req: Request, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return null;
  if (!req.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
