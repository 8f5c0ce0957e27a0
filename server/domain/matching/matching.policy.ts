import { definePolicy } from '../access/policy.js';

/**
 * Matching cadres to the communes' needs (Plan 131 I.2, I.4; PRODUCT S7): Sở Nội vụ of the province runs a matching
 * for an approved demand round and reads its runs; the authority reads them. A run writes nothing but itself.
 */
export const matchingPolicy = definePolicy<never, never, 'run' | 'read'>({
  resource: 'matching',
  gates: {
    run: { who: [['home_affairs', 'province']] },
    read: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
      ],
    },
  },
});
