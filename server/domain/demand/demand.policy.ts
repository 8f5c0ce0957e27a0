import type { Actor, RoleGrant } from '../access/actor.js';
import { definePolicy, type Who } from '../access/policy.js';
import type { NeedStatus, RoundStatus } from '../../../common/demand.js';
import { AppError } from '../errors.js';

/** The host commune or ward, for its own unit: it declares its needs. */
const COMMUNE: Who = [['host', 'unit']];
const PROVINCE: Who = [
  ['home_affairs', 'province'],
  ['authority', 'province'],
];

/** A need as the policy reads it: its state, its commune's path, and whether an approved round froze it. */
export interface NeedPlace {
  status: string;
  unitPath: string[];
  frozen: boolean;
}

/**
 * The demand side of Plan 131 (I.2, I.4; PRODUCT S7): a host commune declares, edits, submits and withdraws its
 * needs; Sở Nội vụ approves (a count up to the one asked) or rejects them with a note. The province (Sở Nội vụ,
 * the authority) reads every commune; a commune reads only its own (the `demand` relation of the db scope module).
 * The sending units have no part here.
 */
export const demandPolicy = definePolicy<NeedPlace, NeedAction, 'read' | 'declare' | 'shortages', NeedStatus>({
  resource: 'demand',
  place: (n) => ({ province: [n.unitPath], unit: [n.unitPath] }),
  state: (n) => n.status,
  actions: {
    edit: { who: COMMUNE, states: ['draft', 'submitted'], text: 'sửa nhu cầu', outOfState: 'Chỉ sửa được nhu cầu đang soạn hoặc đã gửi mà chưa được xem xét.' },
    submit: { who: COMMUNE, states: ['draft'], text: 'gửi nhu cầu', outOfState: 'Nhu cầu này đã được gửi.' },
    withdraw: {
      who: COMMUNE,
      states: ['draft', 'submitted', 'approved'],
      text: 'rút nhu cầu',
      outOfState: 'Nhu cầu đã bị từ chối hoặc đã rút, không thể rút nữa.',
    },
    approve: {
      who: [['home_affairs', 'province']],
      states: ['submitted'],
      refused: 'Chỉ Sở Nội vụ được xem xét nhu cầu tăng cường.',
      outOfState: 'Chỉ xem xét được nhu cầu đã gửi và chưa được xem xét.',
    },
    reject: {
      who: [['home_affairs', 'province']],
      states: ['submitted', 'approved'],
      refused: 'Chỉ Sở Nội vụ được xem xét nhu cầu tăng cường.',
      outOfState: 'Chỉ từ chối được nhu cầu đã gửi hoặc đã chấp thuận.',
    },
  },
  gates: {
    read: { who: [...PROVINCE, ...COMMUNE] },
    declare: { who: COMMUNE },
    shortages: { who: PROVINCE },
  },
  messages: { refused: (t) => `Chỉ xã, phường có nhu cầu được ${t}.` },
});

export type NeedAction = 'edit' | 'submit' | 'withdraw' | 'approve' | 'reject';

/** What the actor may do on a need now (none once an approved round froze it). */
export const allowedNeedActions = (actor: Actor, n: NeedPlace): NeedAction[] => (n.frozen ? [] : demandPolicy.allowedActions(actor, n));

/** The commune grants under which the actor declares needs. */
export const communeGrants = (actor: Actor): RoleGrant[] => {
  const roles = demandPolicy.rolesFor('declare');
  return actor.grants.filter((g) => roles.includes(g.role) && g.unitId);
};

/**
 * Demand rounds (đợt tổng hợp nhu cầu): Sở Nội vụ creates one, puts approved needs in it and approves it by a
 * decision; from then its needs are frozen. The authority reads them.
 */
export const demandRoundPolicy = definePolicy<{ status: string }, 'arrange' | 'approve', 'read' | 'create', RoundStatus>({
  resource: 'demandRound',
  state: (r) => r.status,
  actions: {
    arrange: {
      who: [['home_affairs', 'any']],
      states: ['draft'],
      refused: 'Chỉ Sở Nội vụ được tổng hợp nhu cầu.',
      outOfState: 'Đợt đã được phê duyệt: không thay đổi danh sách nhu cầu được nữa.',
    },
    approve: {
      who: [['home_affairs', 'any']],
      states: ['draft'],
      refused: 'Chỉ Sở Nội vụ được phê duyệt đợt tổng hợp nhu cầu.',
      outOfState: 'Đợt này đã được phê duyệt.',
    },
  },
  gates: {
    read: { who: PROVINCE },
    create: { who: [['home_affairs', 'province']] },
  },
});

export const staleNeed = () => new AppError('version_conflict', 'Nhu cầu đã được người khác cập nhật. Vui lòng tải lại trước khi thao tác.');
export const staleRound = () => new AppError('version_conflict', 'Đợt tổng hợp đã được người khác cập nhật. Vui lòng tải lại trước khi thao tác.');
export const frozenNeed = () =>
  new AppError('conflict', 'Nhu cầu thuộc đợt tổng hợp đã được phê duyệt: không thay đổi được nữa.', [{ path: 'roundId', message: 'Đợt đã phê duyệt' }]);
