import { definePolicy } from '../access/policy.js';

/**
 * Who reads the plans (and their attached text) and the quotas; Sở Nội vụ enters a plan, corrects its identity,
 * attaches its text and saves a new version; the authority too may try a change out.
 */
export const plansPolicy = definePolicy<never, never, 'read' | 'save' | 'preview' | 'manage'>({
  resource: 'plans',
  gates: {
    read: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
      ],
    },
    save: { who: [['home_affairs', 'province']] },
    manage: { who: [['home_affairs', 'province']] },
    preview: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
      ],
    },
  },
});
