import { definePolicy } from '../access/policy.js';

/**
 * The dated reference tables (base salary, allowance multipliers, discipline bars, key posts, training rules): Sở
 * Nội vụ reads them with their history, tries a change out and saves it; the change of law moves verdicts and money
 * province-wide, so only the province's Sở Nội vụ.
 */
export const referencePolicy = definePolicy<never, never, 'manage'>({
  resource: 'reference',
  gates: {
    manage: { who: [['home_affairs', 'province']] },
  },
});
