import type { Actor } from '../access/actor.js';
import { grantsCovering } from '../access/scope.js';
import type { Role } from '../../../common/enums.js';
import type { CADRE_ACTIONS } from '../../../common/schemas/personnel.js';

export type CadreAction = (typeof CADRE_ACTIONS)[number];

/** Who may change a record: the unit's personnel officer, and Sở Nội vụ. */
const EDITORS: Role[] = ['unit_hr', 'home_affairs'];
/** Who may read ethnicity, religion, health, Party history and discipline. Hosts may not. */
const SENSITIVE_READERS: Role[] = ['home_affairs', 'authority', 'unit_manager', 'unit_hr'];

/**
 * What the actor may do to a person already found within their scope (scope.ts decides visibility).
 * `unitPath` is the path of the person's unit (ids from the root down).
 */
export function cadreActions(actor: Actor, person: { id: string; unitPath: string[] }): CadreAction[] {
  const covering = grantsCovering(actor, person.unitPath).map((g) => g.role);
  const isSelf = actor.personId === person.id && actor.grants.some((g) => g.role === 'cadre');
  const actions: CadreAction[] = [];
  if (covering.some((r) => EDITORS.includes(r))) actions.push('update');
  if (covering.some((r) => SENSITIVE_READERS.includes(r)) || isSelf) actions.push('readSensitive');
  if (actions.length > 0) actions.push('viewHistory');
  return actions;
}

export const canCadre = (actor: Actor, action: CadreAction, person: { id: string; unitPath: string[] }) =>
  cadreActions(actor, person).includes(action);

/** May the actor place people in this unit (as the target of a move)? */
export function canManageUnit(actor: Actor, unitPath: string[]): boolean {
  return grantsCovering(actor, unitPath).some((g) => EDITORS.includes(g.role));
}

/** May the actor filter or list by sensitive fields anywhere? */
export const canUseSensitiveFilters = (actor: Actor) => actor.grants.some((g) => SENSITIVE_READERS.includes(g.role));
