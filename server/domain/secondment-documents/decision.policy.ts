import { definePolicy } from '../access/policy.js';

/**
 * Who lists and downloads the decisions of the secondment path: the province every decision, a sending unit or
 * a host commune those covering one of its secondments (`decisionScope` in the db scope module, by these sides).
 */
export const decisionPolicy = definePolicy<never, never, 'read'>({
  resource: 'decisions',
  gates: {
    read: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'sending'],
        ['unit_hr', 'sending'],
        ['host', 'host'],
      ],
    },
  },
});
