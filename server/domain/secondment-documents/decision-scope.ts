import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import type { Role } from '../../../common/enums.js';
import { provinceWide, secondmentsScope } from '../secondment/secondment.policy.js';

/** Who may list and download the decisions of the secondment path (others only those covering their secondments). */
export const DECISION_ROLES: Role[] = ['home_affairs', 'authority', 'unit_manager', 'unit_hr', 'host'];

/**
 * SQL condition on `secondment_decisions d`: Sở Nội vụ and the authority see every decision; a sending unit or
 * a host commune sees a decision when one of its secondments is theirs.
 */
export function decisionScope(actor: Actor): SQL {
  if (provinceWide(actor, DECISION_ROLES)) return sql`TRUE`;
  return sql`EXISTS (SELECT 1 FROM secondment_decision_items di JOIN secondments s ON s.id = di.secondment_id
    WHERE di.decision_id = d.id AND ${secondmentsScope(actor, { roles: DECISION_ROLES, itemAlias: 'di' })})`;
}
