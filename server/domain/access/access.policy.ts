import { ROLES, type Role } from '../../../common/enums.js';
import { definePolicy } from './policy.js';

/**
 * Every signed-in user has a session and reads the code lists; only the administrator manages accounts. A grant
 * that opens personal data, proposed by the administrator, is confirmed by Sở Nội vụ (a second person); either may
 * revoke a grant.
 */
export const accessPolicy = definePolicy<never, never, 'session' | 'manageUsers' | 'confirmGrants' | 'revokeGrants'>({
  resource: 'access',
  gates: {
    session: { who: ROLES.map((r) => [r, 'any'] as const) },
    manageUsers: { who: [['admin', 'any']] },
    confirmGrants: { who: [['home_affairs', 'province']] },
    revokeGrants: {
      who: [
        ['admin', 'any'],
        ['home_affairs', 'province'],
      ],
    },
  },
});

/** The roles that open personal data: every role but the administrator's (who sees users, roles and the org tree). */
export const grantNeedsConfirmation = (role: Role) => role !== 'admin';
