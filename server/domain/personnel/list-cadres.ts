import type { UseCaseContext } from '../context.js';
import type { CadreListQuery, CadreListResponse } from '../../../common/schemas/personnel.js';
import { allOf, peopleScope, sensitivePeopleScope } from '../../db/scope.js';
import { findCadrePage } from '../../db/repositories/personnel.repository.js';
import { canUseSensitiveFilters } from './personnel.policy.js';
import { forbidden, invalid } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';

/** One page of the cadres the actor may see, filtered and sorted in Vietnamese order. Needs no transaction. */
export async function listCadres({ actor, tx, requestId, today }: UseCaseContext, q: CadreListQuery): Promise<CadreListResponse> {
  if (q.ageMin !== undefined && q.ageMax !== undefined && q.ageMin > q.ageMax) {
    throw invalid([{ path: 'ageMin', message: 'Tuổi từ phải nhỏ hơn hoặc bằng tuổi đến' }]);
  }
  if (q.ethnicCode && !canUseSensitiveFilters(actor)) throw forbidden('Bạn không có quyền lọc theo dân tộc.');
  // a filter on ethnicity selects only among the people whose sensitive part the actor may read (per person)
  const scope = q.ethnicCode ? allOf([peopleScope({ actor, today }), sensitivePeopleScope({ actor, today })]) : peopleScope({ actor, today });
  const page = await findCadrePage(tx, q, scope);
  if (q.ethnicCode) {
    // selecting people by ethnicity is a processing of sensitive data: it is logged (in a transaction of
    // its own, or a savepoint when the caller holds one, since the chain append must be atomic)
    await tx.transaction((t) =>
      recordAudit(
        t,
        { actor, requestId },
        {
          action: 'read_sensitive',
          entityType: 'cadre_list',
          meta: { filter: { ethnicCode: q.ethnicCode }, returned: page.items.length, total: page.total },
        },
      ),
    );
  }
  return { ...page, page: q.page, pageSize: q.pageSize };
}
