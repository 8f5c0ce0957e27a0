import { definePolicy, type Who } from '../access/policy.js';

const FINANCE: Who = [
  ['home_affairs', 'province'],
  ['authority', 'province'],
  ['unit_manager', 'sending'],
  ['unit_hr', 'sending'],
];

/** Who reads a secondment's entitlements (a host sees the work, not the pay), and who downloads the finance list. */
export const entitlementsPolicy = definePolicy<never, never, 'read' | 'financeList'>({
  resource: 'entitlements',
  gates: {
    read: { who: [...FINANCE, ['cadre', 'self']] },
    financeList: { who: FINANCE },
  },
});
