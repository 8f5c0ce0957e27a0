import type { Me } from '../../../api/types';

const has = (me: Me, ...roles: string[]) => me.grants.some((g) => roles.includes(g.role));

/** What the training screens offer to a user (the API checks the same on every call). */
export const trainingRoles = (me: Me) => ({
  homeAffairs: has(me, 'home_affairs'),
  authority: has(me, 'authority'),
  unit: has(me, 'unit_hr', 'unit_manager'),
  cadreOnly: me.grants.every((g) => g.role === 'cadre'),
});
