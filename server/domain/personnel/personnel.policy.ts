import type { Actor } from '../access/actor.js';
import { definePolicy } from '../access/policy.js';
import type { CADRE_ACTIONS } from '../../../common/schemas/personnel.js';

export type CadreAction = (typeof CADRE_ACTIONS)[number];

type PersonPlace = { id: string; unitPath: string[] };

/**
 * Who may do what to a person's record, once found within their scope (the `people` relation of the db scope
 * module decides visibility, through the sides of `read`): the unit's personnel officer and Sở Nội vụ change it;
 * everyone but the host commune reads ethnicity, religion, health, Party history and discipline, the cadre their own.
 */
export const personnelPolicy = definePolicy<PersonPlace, CadreAction, 'read' | 'sensitiveFilters'>({
  resource: 'personnel',
  place: (p) => ({ province: [p.unitPath], unit: [p.unitPath], personId: p.id }),
  actions: {
    update: {
      who: [
        ['home_affairs', 'province'],
        ['unit_hr', 'unit'],
      ],
      refused: 'Bạn không có quyền sửa hồ sơ này.',
    },
    readSensitive: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
        ['cadre', 'self'],
      ],
      noRoute: true,
    },
    // whoever may change or read the sensitive part of a record may read its history
    viewHistory: {
      who: [
        ['home_affairs', 'province'],
        ['unit_hr', 'unit'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['cadre', 'self'],
      ],
      refused: 'Bạn không có quyền xem lịch sử thay đổi của hồ sơ này.',
      noRoute: true,
    },
  },
  gates: {
    read: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
        ['host', 'host'],
        ['cadre', 'self'],
      ],
    },
    /** Filtering or listing by sensitive fields anywhere (the cadre reads only their own). */
    sensitiveFilters: {
      who: [
        ['home_affairs', 'province'],
        ['authority', 'province'],
        ['unit_manager', 'unit'],
        ['unit_hr', 'unit'],
      ],
      noRoute: true,
    },
  },
});

/** What the actor may do to a person already found within their scope. `unitPath` is the path of the person's unit. */
export const cadreActions = (actor: Actor, person: PersonPlace): CadreAction[] => personnelPolicy.allowedActions(actor, person);

export const canCadre = (actor: Actor, action: CadreAction, person: PersonPlace) => personnelPolicy.mayAct(actor, action, person);

/** May the actor place people in this unit (as the target of a move)? Those who change records there. */
export const canManageUnit = (actor: Actor, unitPath: string[]) => personnelPolicy.holds(actor, 'update', { province: [unitPath], unit: [unitPath] });

/** May the actor filter or list by sensitive fields anywhere? */
export const canUseSensitiveFilters = (actor: Actor) => personnelPolicy.mayAnywhere(actor, 'sensitiveFilters');
