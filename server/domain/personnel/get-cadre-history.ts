import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findPersonInScope } from '../../db/repositories/personnel.repository.js';
import { findPersonHistory } from '../../db/repositories/audit.repository.js';
import { canCadre } from './personnel.policy.js';
import { forbidden, notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';

/**
 * The change history of one person's record (from the audit trail), newest first. It shows sensitive values before
 * and after (religion, health, discipline …), so each page read is itself audited as a sensitive read.
 */
export async function getCadreHistory(ctx: UseCaseContext, id: string, page: number, pageSize: number) {
  const { actor, tx, today } = ctx;
  const p = await findPersonInScope(tx, id, peopleScope({ actor, today }));
  if (!p) throw notFound('Cán bộ');
  if (!canCadre(actor, 'viewHistory', p)) throw forbidden('Bạn không có quyền xem lịch sử thay đổi của hồ sơ này.');
  const history = await findPersonHistory(tx, p.id, pageSize, (page - 1) * pageSize);
  await recordAudit(tx, ctx, {
    action: 'read_sensitive',
    entityType: 'person',
    entityId: p.id,
    personId: p.id,
    meta: { what: 'history', page, entries: history.items.length },
  });
  return history;
}
