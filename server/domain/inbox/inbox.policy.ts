import { definePolicy } from '../access/policy.js';

/**
 * Everyone on the secondment path has an inbox; what is in it is the `secondments` scope and the inbox relations
 * of the db scope module.
 */
export const inboxPolicy = definePolicy<never, never, 'read'>({
  resource: 'inbox',
  gates: {
    read: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'sending'],
        ['unit_hr', 'sending'],
        ['host', 'host'],
        ['cadre', 'self'],
      ],
    },
  },
});
