import type { Actor } from '../access/actor.js';
import { definePolicy } from '../access/policy.js';

/**
 * Who screens: Sở Nội vụ, the authority, and the sending unit's head and personnel officer; the cadre reads the
 * verdict on themself. The sending unit's head or personnel officer assesses its own staff (Plan 131 IV.1.b).
 */
export const eligibilityPolicy = definePolicy<never, never, 'screen' | 'explain' | 'assess'>({
  resource: 'eligibility',
  gates: {
    screen: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
      ],
    },
    explain: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
        ['cadre', 'self'],
      ],
    },
    assess: {
      who: [
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
      ],
    },
  },
});

/** The sending unit's head or personnel officer assesses its own staff; nobody else does. */
export const canAssess = (actor: Actor, unitPath: string[]) => eligibilityPolicy.holds(actor, 'assess', { unit: [unitPath] });
