import type { UseCaseContext } from '../context.js';
import { setImportState } from '../../db/repositories/imports.repository.js';
import { requestJobCancel } from '../../db/repositories/jobs.repository.js';
import { AppError, forbidden } from '../errors.js';
import { getImport, loadImport } from './get-import.js';

/**
 * Asks the running dry run or commit to stop (a commit that is stopped writes nothing), or drops a checked
 * import that the user decided not to commit.
 */
export async function cancelImport(ctx: UseCaseContext, id: string) {
  const i = await loadImport(ctx, id, true);
  if (i.createdBy !== ctx.actor.userId) throw forbidden('Chỉ người tải tệp lên mới được hủy.');
  if (i.state === 'validated') {
    await setImportState(ctx.tx, i.id, 'cancelled', { error: 'Người tải tệp đã bỏ lần nhập này; dữ liệu không thay đổi.' });
    return getImport(ctx, i.id);
  }
  if (!['uploaded', 'validating', 'committing'].includes(i.state) || !i.jobId) throw new AppError('conflict', 'Lần nhập này không còn đang xử lý.');
  const status = await requestJobCancel(ctx.tx, i.jobId);
  // a job still in the queue stops at once; a running one stops at its next check (the worker sets the state)
  if (status === 'cancelled')
    await setImportState(ctx.tx, i.id, i.state === 'committing' ? 'validated' : 'cancelled', { error: 'Đã hủy theo yêu cầu của người dùng' });
  return getImport(ctx, i.id);
}
