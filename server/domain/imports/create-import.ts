import crypto from 'node:crypto';
import type { UseCaseContext } from '../context.js';
import { insertImport, setImportState } from '../../db/repositories/imports.repository.js';
import { insertJob } from '../../db/repositories/jobs.repository.js';
import { FileRejected, inspectXlsx } from '../../documents/inspect-xlsx.js';
import { AppError } from '../errors.js';
import { getImport } from './get-import.js';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * Stores an uploaded file and queues its dry run. The file is inspected first (not an xlsx, encrypted,
 * zip bomb, too large): such a file is refused at once with a clear message and nothing is stored.
 */
export async function createImport(ctx: UseCaseContext, file: { fileName: string; content: Buffer }) {
  let inspection;
  try {
    inspection = await inspectXlsx(file.content);
  } catch (err) {
    if (err instanceof FileRejected) {
      throw new AppError(err.problem === 'too_large' ? 'payload_too_large' : 'validation', err.message, [{ path: 'file', message: err.message }]);
    }
    throw err;
  }
  const fileName = (file.fileName || 'nhap-du-lieu.xlsx')
    .normalize('NFC')
    .replace(/[\\/\u0000-\u001f]/g, '_')
    .slice(0, 200);
  const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
  const id = await insertImport(ctx.tx, { createdBy: ctx.actor.userId, fileName, content: file.content, sha256, inspection });
  const jobId = await insertJob(ctx.tx, {
    kind: 'import_validate',
    payload: { importId: id },
    createdBy: ctx.actor.userId,
    unitScope: ctx.actor.grants.map((g) => g.unitId),
  });
  await setImportState(ctx.tx, id, 'validating', { jobId });
  return getImport(ctx, id);
}
