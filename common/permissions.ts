import type { Role } from './enums.js';

/** Areas of the interface; the menu shows only those a role may use (the API enforces the same on each route). */
export const FEATURES = ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'oversight', 'inbox', 'users', 'myProfile'] as const;
export type Feature = (typeof FEATURES)[number];

export const ROLE_FEATURES: Record<Role, Feature[]> = {
  admin: ['org', 'users'],
  home_affairs: ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'oversight', 'inbox'],
  authority: ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'oversight', 'inbox'],
  unit_manager: ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'inbox'],
  unit_hr: ['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'inbox'],
  host: ['cadres', 'org', 'secondments', 'feedback', 'inbox'],
  cadre: ['myProfile', 'secondments', 'training', 'inbox'],
};

export const featuresOf = (roles: Role[]): Feature[] => FEATURES.filter((f) => roles.some((r) => ROLE_FEATURES[r].includes(f)));
