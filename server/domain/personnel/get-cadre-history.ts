import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findPersonInScope } from '../../db/repositories/personnel.repository.js';
import { findPersonHistory } from '../../db/repositories/audit.repository.js';
import { canCadre } from './personnel.policy.js';
import { forbidden, notFound } from '../errors.js';

/** The change history of one person's record (from the audit trail), newest first. */
export async function getCadreHistory({ actor, tx, today }: UseCaseContext, id: string, page: number, pageSize: number) {
  const p = await findPersonInScope(tx, id, peopleScope({ actor, today }));
  if (!p) throw notFound('Cán bộ');
  if (!canCadre(actor, 'viewHistory', p)) throw forbidden('Bạn không có quyền xem lịch sử thay đổi của hồ sơ này.');
  return findPersonHistory(tx, p.id, pageSize, (page - 1) * pageSize);
}
