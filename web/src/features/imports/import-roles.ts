import type { Grant, Me } from '../../api/types';

/** Roles that may import (server: IMPORTERS in server/http/imports/imports.routes.ts). */
export const IMPORTER_ROLES: ReadonlySet<Grant['role']> = new Set<Grant['role']>(['unit_hr', 'home_affairs']);

export const canImport = (me: Me) => me.grants.some((g) => IMPORTER_ROLES.has(g.role));
