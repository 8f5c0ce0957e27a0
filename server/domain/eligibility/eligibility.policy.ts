import type { Role } from '../../../common/enums.js';
import type { Actor } from '../access/actor.js';
import { grantsCovering } from '../access/scope.js';

/** Who screens: Sở Nội vụ, the authority, and the sending unit's head and personnel officer. */
export const SCREENING_ROLES: Role[] = ['home_affairs', 'authority', 'unit_manager', 'unit_hr'];

/** The sending unit's head or personnel officer assesses its own staff (Plan 131 IV.1.b); nobody else does. */
export function canAssess(actor: Actor, unitPath: string[]): boolean {
  return grantsCovering(actor, unitPath).some((g) => g.role === 'unit_manager' || g.role === 'unit_hr');
}
