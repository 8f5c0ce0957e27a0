import { definePolicy } from '../access/policy.js';

/** Oversight of the whole path: the dashboard for Sở Nội vụ and the authority, the overdue lists for Sở Nội vụ. */
export const oversightPolicy = definePolicy<never, never, 'dashboard' | 'overdue'>({
  resource: 'oversight',
  gates: {
    dashboard: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
      ],
    },
    overdue: { who: [['home_affairs', 'province']] },
  },
});
