import type { Role } from '../../../common/enums.js';

export interface RoleGrant {
  role: Role;
  /** Root of the org-unit subtree the grant covers; null = the whole province. */
  unitId: string | null;
}

/** The authenticated user on whose behalf domain code runs. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  personId: string | null;
  grants: RoleGrant[];
  /** The password was chosen by someone else: nothing but changing it is allowed until it is changed. */
  mustChangePassword?: boolean;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => actor.grants.some((g) => roles.includes(g.role));
export const rolesOf = (actor: Actor): Role[] => [...new Set(actor.grants.map((g) => g.role))];

/** The system itself (CLI, jobs, demo loading), recorded as such in the audit trail. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'Hệ thống',
  personId: null,
  grants: [],
};
