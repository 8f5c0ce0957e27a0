import { definePolicy } from '../access/policy.js';

/**
 * Who reads the organisation (units, staffing, job posts): everyone but the cadre, each over their subtree — the
 * `units` relation of the db scope module reads the sides of `read`. Destinations: the communes a unit may
 * propose to. Manage: Sở Nội vụ alone creates, renames, moves, closes, merges and splits units and imports the
 * organisation sheets (the province's organisation is its remit); the administrator keeps accounts, not the org.
 */
export const orgPolicy = definePolicy<never, never, 'read' | 'destinations' | 'manage'>({
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
    manage: { who: [['home_affairs', 'province']] },
  },
});
