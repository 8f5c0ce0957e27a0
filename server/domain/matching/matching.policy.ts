import { definePolicy, type Who } from '../access/policy.js';

const PROVINCE: Who = [
  ['home_affairs', 'province'],
  ['authority', 'province'],
];

/**
 * Matching cadres to the communes' needs (Plan 131 I.2, I.4; PRODUCT S7): Sở Nội vụ of the province runs a matching
 * for an approved demand round; it and the authority read whole runs, ask why a person was not proposed and measure
 * a list against a run. A sending unit reads what a run proposes for its own people (the pairs of the people in its
 * scope), before Sở Nội vụ appraises. A run writes nothing but itself; Sở Nội vụ of the province accepts its pairs
 * into proposals (accept-matching.ts).
 */
export const matchingPolicy = definePolicy<never, never, 'run' | 'accept' | 'read' | 'review'>({
  resource: 'matching',
  gates: {
    run: { who: [['home_affairs', 'province']] },
    accept: { who: [['home_affairs', 'province']] },
    review: { who: PROVINCE },
    read: { who: [...PROVINCE, ['unit_manager', 'unit'], ['unit_hr', 'unit']] },
  },
});
