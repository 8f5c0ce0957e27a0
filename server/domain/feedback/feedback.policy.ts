import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../common/enums.js';
import type { Actor, RoleGrant } from '../access/actor.js';
import { AppError, type Issue } from '../errors.js';

/**
 * Who takes part in the feedback of Plan 131 (S17): the sending units and the host communes raise difficulties
 * or propose changes; Sở Nội vụ answers and closes; the authority reads. Admin and cadres have no part.
 */
export const FEEDBACK_READERS = ['home_affairs', 'authority', 'unit_manager', 'unit_hr', 'host'] as const satisfies readonly Role[];
/** Roles that raise an item, for their own unit (and reply back on it). */
export const FEEDBACK_AUTHORS = ['unit_manager', 'unit_hr', 'host'] as const satisfies readonly Role[];
export const FEEDBACK_REPLIERS = ['home_affairs', ...FEEDBACK_AUTHORS] as const satisfies readonly Role[];
export const FEEDBACK_CLOSERS = ['home_affairs'] as const satisfies readonly Role[];

const PROVINCE_WIDE: Role[] = ['home_affairs', 'authority'];
const AUTHOR_ROLES: Role[] = [...FEEDBACK_AUTHORS];

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;

/**
 * SQL condition on the `org_units` row (alias `alias`) of an item's unit: true when the actor may read the item.
 * Sở Nội vụ and the authority see every item (or their subtree when the grant names one); a unit or a commune
 * sees the items of its own subtree only.
 */
export function feedbackScope(actor: Actor, alias = 'u'): SQL {
  const u = sql.raw(alias);
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (PROVINCE_WIDE.includes(g.role)) parts.push(g.unitId ? sql`${u}.path @> ARRAY[${g.unitId}::uuid]` : sql`TRUE`);
    else if (AUTHOR_ROLES.includes(g.role) && g.unitId) parts.push(sql`${u}.path @> ARRAY[${g.unitId}::uuid]`);
  }
  if (parts.length === 0) return sql`FALSE`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

const covers = (g: RoleGrant, unitPath: string[]) => g.unitId === null || unitPath.includes(g.unitId);

/** The unit grants under which the actor raises items (one per unit or commune they act for). */
export const authorGrants = (actor: Actor): RoleGrant[] => actor.grants.filter((g) => AUTHOR_ROLES.includes(g.role) && g.unitId);

/** Sở Nội vụ covering the item's unit: answers and closes. */
export const answersFor = (actor: Actor, unitPath: string[]) => actor.grants.some((g) => g.role === 'home_affairs' && covers(g, unitPath));

/** The raising unit (or a unit above it) covering the item: may reply back. */
export const speaksFor = (actor: Actor, unitPath: string[]) => authorGrants(actor).some((g) => covers(g, unitPath));

export type FeedbackAction = 'reply' | 'close';

/** What the actor may do on an item in the given state. */
export function allowedFeedbackActions(actor: Actor, item: { status: string; unitPath: string[] }): FeedbackAction[] {
  if (item.status === 'closed') return [];
  const out: FeedbackAction[] = [];
  if (answersFor(actor, item.unitPath) || speaksFor(actor, item.unitPath)) out.push('reply');
  if (answersFor(actor, item.unitPath)) out.push('close');
  return out;
}

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
