import type { UseCaseContext } from '../context.js';
import { setImportState } from '../../db/repositories/imports.repository.js';
import { insertJob } from '../../db/repositories/jobs.repository.js';
import { AppError, forbidden } from '../errors.js';
import { getImport, loadImport } from './get-import.js';
import { importActions } from './imports.policy.js';

/**
 * Queues the commit of a checked import. The commit runs the same checks again (the data may have changed
 * since the dry run) and writes everything or nothing.
 */
export async function commitImport(ctx: UseCaseContext, id: string) {
  const i = await loadImport(ctx, id, true);
  if (i.createdBy !== ctx.actor.userId) throw forbidden('Chỉ người tải tệp lên mới được ghi dữ liệu.');
  if (!importActions(ctx.actor, i).includes('commit')) {
    const why = i.state === 'invalid' ? 'Tệp còn lỗi: vui lòng sửa tệp và tải lên lại.' : 'Lần nhập này không ở trạng thái sẵn sàng ghi dữ liệu.';
    throw new AppError('conflict', why);
  }
  const jobId = await insertJob(ctx.tx, {
    kind: 'import_commit',
    payload: { importId: i.id },
    createdBy: ctx.actor.userId,
    unitScope: ctx.actor.grants.map((g) => g.unitId),
  });
  await setImportState(ctx.tx, i.id, 'committing', { jobId, error: null });
  return getImport(ctx, i.id);
}
