import type { Role } from '../../../common/enums.js';
import { hasRole, type Actor } from '../access/actor.js';
import { grantsCovering } from '../access/scope.js';

/** Who reads the training catalogue, needs, nominations and budgets (each scoped to what they may see). */
export const TRAINING_READERS: Role[] = ['home_affairs', 'authority', 'unit_manager', 'unit_hr'];
/** The sending unit's head and personnel officer nominate their staff and follow them (Plan 131 IV.1.b). */
export const UNIT_ROLES: Role[] = ['unit_manager', 'unit_hr'];
/** Who records what happens after approval: the unit, and Sở Nội vụ. */
export const FOLLOW_UP_ROLES: Role[] = ['home_affairs', 'unit_manager', 'unit_hr'];

export const coversAsUnit = (actor: Actor, unitPath: string[]) => grantsCovering(actor, unitPath).some((g) => UNIT_ROLES.includes(g.role));

/** The actions the actor may take on an enrolment in its status (the UI hides the others). */
export function enrolmentActions(actor: Actor, e: { status: string; unitPath: string[] }): string[] {
  const ha = hasRole(actor, 'home_affairs');
  const unit = coversAsUnit(actor, e.unitPath);
  const follow = ha || unit;
  const out: string[] = [];
  if (e.status === 'nominated') {
    if (ha) out.push('approve', 'refuse');
    if (hasRole(actor, 'authority')) out.push('approve');
    if (unit) out.push('withdraw');
  }
  if (e.status === 'approved' && follow) out.push('enrol', 'pay', 'withdraw');
  if (e.status === 'enrolled' && follow) out.push('pay', 'complete', 'fail', 'withdraw');
  if ((e.status === 'completed' || e.status === 'failed') && follow) out.push('pay', 'repay');
  if (e.status === 'withdrawn' && follow) out.push('repay');
  return [...new Set(out)];
}
