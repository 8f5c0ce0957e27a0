import type { Role } from './enums.js';

/** Areas of the interface; the menu shows only those a role may use (the API enforces the same on each route). */
export const FEATURES = ['cadres', 'org', 'plans', 'users', 'myProfile'] as const;
export type Feature = (typeof FEATURES)[number];

export const ROLE_FEATURES: Record<Role, Feature[]> = {
  admin: ['org', 'users'],
  home_affairs: ['cadres', 'org', 'plans'],
  authority: ['cadres', 'org', 'plans'],
  unit_manager: ['cadres', 'org', 'plans'],
  unit_hr: ['cadres', 'org', 'plans'],
  host: ['cadres', 'org'],
  cadre: ['myProfile'],
};

export const featuresOf = (roles: Role[]): Feature[] => FEATURES.filter((f) => roles.some((r) => ROLE_FEATURES[r].includes(f)));
