import { definePolicy } from '../access/policy.js';

/**
 * The first setup of the province this deployment serves is the system administrator's, once: the use case
 * refuses a second one. Whether the system is set up, and for which province, is public (the login page says it).
 */
export const provincePolicy = definePolicy<never, never, 'setUp'>({
  resource: 'province',
  gates: {
    setUp: { who: [['admin', 'any']] },
  },
});
