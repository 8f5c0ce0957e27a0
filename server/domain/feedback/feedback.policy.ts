import type { Actor, RoleGrant } from '../access/actor.js';
import { definePolicy, type Who } from '../access/policy.js';
import type { FeedbackStatus } from '../../../common/secondment.js';
import { AppError, type Issue } from '../errors.js';

/** The sending units and the host communes raise items for their own unit (and reply back on them). */
const AUTHORS: Who = [
  ['unit_manager', 'unit'],
  ['unit_hr', 'unit'],
  ['host', 'unit'],
];

/**
 * Who takes part in the feedback of Plan 131 (S17): the sending units and the host communes raise difficulties
 * or propose changes; Sở Nội vụ answers and closes; the authority reads. Admin and cadres have no part. What
 * each reader sees is the `feedback` relation of the db scope module, through the sides of `read`: the province
 * every item (or its subtree), a unit or commune the items of its own subtree.
 */
export const feedbackPolicy = definePolicy<{ status: string; unitPath: string[] }, FeedbackAction, 'read' | 'raise', FeedbackStatus>({
  resource: 'feedback',
  place: (item) => ({ province: [item.unitPath], unit: [item.unitPath] }),
  state: (item) => item.status,
  actions: {
    // Sở Nội vụ covering the item's unit answers; the raising unit (or a unit above it) replies back
    reply: { who: [['home_affairs', 'province'], ...AUTHORS], states: ['open', 'answered'], refused: 'Chỉ Sở Nội vụ hoặc đơn vị gửi kiến nghị được trả lời.' },
    close: { who: [['home_affairs', 'province']], states: ['open', 'answered'], refused: 'Chỉ Sở Nội vụ được đóng kiến nghị.' },
  },
  gates: {
    read: { who: [['home_affairs', 'province'], ['authority', 'province'], ...AUTHORS] },
    raise: { who: AUTHORS },
  },
});

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;

/** The unit grants under which the actor raises items (one per unit or commune they act for). */
export const authorGrants = (actor: Actor): RoleGrant[] => {
  const roles = feedbackPolicy.rolesFor('raise');
  return actor.grants.filter((g) => roles.includes(g.role) && g.unitId);
};

/** Sở Nội vụ covering the item's unit: answers and closes. */
export const answersFor = (actor: Actor, unitPath: string[]) => feedbackPolicy.holds(actor, 'close', { province: [unitPath] });

/** The raising unit (or a unit above it) covering the item: may reply back. */
export const speaksFor = (actor: Actor, unitPath: string[]) => feedbackPolicy.holds(actor, 'raise', { unit: [unitPath] });

export type FeedbackAction = 'reply' | 'close';

/** What the actor may do on an item in the given state. */
export const allowedFeedbackActions = (actor: Actor, item: { status: string; unitPath: string[] }): FeedbackAction[] => feedbackPolicy.allowedActions(actor, item);

/** The status after a reply: Sở Nội vụ's answer marks the item answered; the unit's reply puts it back in the queue. */
export const statusAfterReply = (fromHomeAffairs: boolean) => (fromHomeAffairs ? 'answered' : 'open');

/** Checks of the texts, also enforced by the HTTP schema: nothing empty, nothing over the limits. */
export function checkFeedbackText(fields: { subject?: string; body: string }): Issue[] {
  const issues: Issue[] = [];
  if (fields.subject !== undefined) {
    const s = fields.subject.trim();
    if (!s) issues.push({ path: 'subject', message: 'Tiêu đề không được để trống' });
    else if (s.length > SUBJECT_MAX) issues.push({ path: 'subject', message: `Tiêu đề tối đa ${SUBJECT_MAX} ký tự` });
  }
  const b = fields.body.trim();
  if (!b) issues.push({ path: 'body', message: 'Nội dung không được để trống' });
  else if (b.length > BODY_MAX) issues.push({ path: 'body', message: `Nội dung tối đa ${BODY_MAX} ký tự` });
  return issues;
}

export const staleVersion = () =>
  new AppError('version_conflict', 'Kiến nghị đã được người khác cập nhật (có trả lời mới hoặc đã đóng). Vui lòng tải lại trước khi thao tác.');

export const alreadyClosed = () =>
  new AppError('validation', 'Kiến nghị đã được Sở Nội vụ đóng, không thể trả lời thêm.', [{ path: 'status', message: 'Kiến nghị đã đóng' }]);
