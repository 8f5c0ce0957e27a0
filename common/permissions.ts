import type { Role } from './enums.js';

/** Areas of the interface; the menu shows only those a role may use (the API enforces the same on each route). */
export const FEATURES = ['cadres', 'org', 'plans', 'training', 'users', 'myProfile'] as const;
export type Feature = (typeof FEATURES)[number];

export const ROLE_FEATURES: Record<Role, Feature[]> = {
  admin: ['org', 'users'],
  home_affairs: ['cadres', 'org', 'plans', 'training'],
  authority: ['cadres', 'org', 'plans', 'training'],
  unit_manager: ['cadres', 'org', 'plans', 'training'],
  unit_hr: ['cadres', 'org', 'plans', 'training'],
  host: ['cadres', 'org'],
  cadre: ['myProfile', 'training'],
};

export const featuresOf = (roles: Role[]): Feature[] => FEATURES.filter((f) => roles.some((r) => ROLE_FEATURES[r].includes(f)));
