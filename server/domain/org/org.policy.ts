import { definePolicy } from '../access/policy.js';

/**
 * Who reads the organisation (units, staffing, job posts): everyone but the cadre, each over their subtree — the
 * `units` relation of the db scope module reads the sides of `read`. Destinations: the communes a unit may
 * propose to.
 */
export const orgPolicy = definePolicy<never, never, 'read' | 'destinations'>({
  resource: 'org',
  gates: {
    read: {
      who: [
        ['admin', 'province'],
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
        ['host', 'unit'],
      ],
    },
    destinations: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
      ],
    },
  },
});
