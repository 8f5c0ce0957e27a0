import { ROLES } from '../../../common/enums.js';
import { definePolicy } from './policy.js';

/** Every signed-in user has a session and reads the code lists; only the administrator manages accounts. */
export const accessPolicy = definePolicy<never, never, 'session' | 'manageUsers'>({
  resource: 'access',
  gates: {
    session: { who: ROLES.map((r) => [r, 'any'] as const) },
    manageUsers: { who: [['admin', 'any']] },
  },
});
