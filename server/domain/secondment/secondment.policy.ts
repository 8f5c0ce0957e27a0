import { sql, type SQL } from 'drizzle-orm';
import type { Actor, RoleGrant } from '../access/actor.js';
import type { Role } from '../../../common/enums.js';
import {
  SECONDMENT_DECIDED_STATUSES,
  SECONDMENT_REPORTING_STATUSES,
  SECONDMENT_TRANSITIONS,
  type SecondmentAction,
  type SecondmentStatus,
} from '../../../common/secondment.js';
import type { SecondmentRow } from '../../db/repositories/secondment.repository.js';
import { pgArray } from '../../db/sql-helpers.js';
import { AppError, forbidden } from '../errors.js';

const subtree = (unitId: string) => sql`(SELECT su.id FROM org_units su WHERE su.path @> ARRAY[${unitId}::uuid])`;

export interface SecondmentsScopeOptions {
  /** Alias of the `secondments` row (default `s`). */
  alias?: string;
  /** Alias of the cadre's `people` row when the query joins it; otherwise the person is looked up by id. */
  peopleAlias?: string;
  /** Only the grants of these roles count (those the route admits); default all. */
  roles?: readonly Role[];
  /** A `secondment_decision_items` alias whose host unit also counts for a host commune (decisions list). */
  itemAlias?: string;
}

/**
 * Which secondments the actor may see, as a condition on the `secondments` row — the one reading used by the
 * register, the steps, the inbox, the oversight screens, the decisions and the entitlements. Sở Nội vụ and the
 * authority: all (a grant limited to a subtree: what is sent from, hosted in or concerns the people of that
 * subtree); the sending unit: what it sends and what concerns its people; the host commune: what is sent to it,
 * from the decision on; the cadre: their own, from the decision on (proposals are internal to the agencies).
 */
export function secondmentsScope(actor: Actor, o: SecondmentsScopeOptions = {}): SQL {
  const s = sql.raw(o.alias ?? 's');
  const decidedOnwards = sql`${s}.status = ANY(${pgArray(SECONDMENT_DECIDED_STATUSES)}::text[])`;
  const sentFrom = (unitId: string) => sql`${s}.sending_unit_id IN ${subtree(unitId)}`;
  const hostedIn = (unitId: string) => sql`${s}.host_unit_id IN ${subtree(unitId)}`;
  const peopleOf = (unitId: string) =>
    o.peopleAlias
      ? sql`${sql.raw(o.peopleAlias)}.unit_id IN ${subtree(unitId)}`
      : sql`EXISTS (SELECT 1 FROM people sp WHERE sp.id = ${s}.person_id AND sp.unit_id IN ${subtree(unitId)})`;

  const condition = (g: RoleGrant): SQL | null => {
    if (g.role === 'home_affairs' || g.role === 'authority') {
      return g.unitId ? sql`(${sentFrom(g.unitId)} OR ${hostedIn(g.unitId)} OR ${peopleOf(g.unitId)})` : sql`TRUE`;
    }
    if ((g.role === 'unit_manager' || g.role === 'unit_hr') && g.unitId) return sql`(${sentFrom(g.unitId)} OR ${peopleOf(g.unitId)})`;
    if (g.role === 'host' && g.unitId) {
      const hosted = o.itemAlias ? sql`(${hostedIn(g.unitId)} OR ${sql.raw(o.itemAlias)}.host_unit_id IN ${subtree(g.unitId)})` : hostedIn(g.unitId);
      return sql`(${hosted} AND ${decidedOnwards})`;
    }
    if (g.role === 'cadre' && actor.personId) return sql`(${s}.person_id = ${actor.personId}::uuid AND ${decidedOnwards})`;
    return null; // admin and anything unknown: nothing
  };

  const parts = actor.grants
    .filter((g) => !o.roles || o.roles.includes(g.role))
    .map(condition)
    .filter((x): x is SQL => x !== null);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`;
}

/** True when the actor sees every secondment through one of `roles` (a province-wide grant of Sở Nội vụ or the authority). */
export const provinceWide = (actor: Actor, roles: readonly Role[]) =>
  actor.grants.some((g) => roles.includes(g.role) && (g.role === 'home_affairs' || g.role === 'authority') && g.unitId === null);

/** Who takes each step, and on which side of the secondment their grant must sit. */
type Side = 'province' | 'sending' | 'host' | 'self';
const ACTORS: Record<SecondmentAction | 'submit_report' | 'request_report' | 'evaluate' | 'log_contact', [Role, Side][]> = {
  resubmit: [['unit_hr', 'sending'], ['unit_manager', 'sending']],
  withdraw: [['unit_hr', 'sending'], ['unit_manager', 'sending']],
  forward: [['home_affairs', 'province']],
  send_back: [['home_affairs', 'province'], ['authority', 'province']],
  decide: [['authority', 'province']],
  reject: [['authority', 'province']],
  receive: [['host', 'host']],
  extend: [['authority', 'province']],
  end_early: [['authority', 'province']],
  complete: [['home_affairs', 'province'], ['unit_hr', 'sending'], ['unit_manager', 'sending']],
  place: [['unit_hr', 'sending'], ['unit_manager', 'sending']],
  submit_report: [['cadre', 'self']],
  request_report: [['home_affairs', 'province'], ['host', 'host']],
  evaluate: [['host', 'host']],
  log_contact: [['unit_hr', 'sending'], ['unit_manager', 'sending']],
};

/** States in which the activities of the "during" step are open. */
const ACTIVITY_STATES: Record<'submit_report' | 'request_report' | 'evaluate' | 'log_contact', SecondmentStatus[]> = {
  // the last period ends with the term and falls due after it: the cadre still files it once completed or ended early
  submit_report: [...SECONDMENT_REPORTING_STATUSES],
  request_report: ['active'],
  evaluate: ['active', 'completed', 'ended_early'],
  log_contact: ['decided', 'active', 'completed', 'ended_early'],
};
/** send_back from `proposed` is Sở Nội vụ's; from `appraised` it is the authority's. */
const SEND_BACK_BY: Record<string, Role> = { proposed: 'home_affairs', appraised: 'authority' };

export type SecondmentActivity = keyof typeof ACTORS;

function holds(actor: Actor, role: Role, side: Side, s: SecondmentRow): boolean {
  return actor.grants.some((g) => {
    if (g.role !== role) return false;
    if (side === 'self') return actor.personId === s.personId;
    if (side === 'province') return g.unitId === null || s.sendingUnitPath.includes(g.unitId) || s.personUnitPath.includes(g.unitId);
    if (side === 'sending') return g.unitId !== null && (s.sendingUnitPath.includes(g.unitId) || s.personUnitPath.includes(g.unitId));
    return g.unitId !== null && (s.hostUnitPath ?? []).includes(g.unitId);
  });
}

/** Whether the actor's role lets them take this step on this secondment (state aside). */
export function mayAct(actor: Actor, what: SecondmentActivity, s: SecondmentRow): boolean {
  const who = what === 'send_back' && SEND_BACK_BY[s.status] ? ACTORS.send_back.filter(([r]) => r === SEND_BACK_BY[s.status]) : ACTORS[what];
  return who.some(([role, side]) => holds(actor, role, side, s));
}

function stateAllows(what: SecondmentActivity, status: string): boolean {
  if (what in ACTIVITY_STATES) return ACTIVITY_STATES[what as keyof typeof ACTIVITY_STATES].includes(status as SecondmentStatus);
  return SECONDMENT_TRANSITIONS[what as SecondmentAction].from.includes(status as SecondmentStatus);
}

/** The steps the actor may take now: the page shows only these. */
export function allowedActions(actor: Actor, s: SecondmentRow, today: string): SecondmentActivity[] {
  return (Object.keys(ACTORS) as SecondmentActivity[]).filter(
    (a) => stateAllows(a, s.status) && mayAct(actor, a, s) && (a !== 'complete' || (s.endDate !== null && s.endDate < today)),
  );
}

const STEP_TEXT: Record<SecondmentActivity, string> = {
  resubmit: 'gửi lại đề xuất',
  withdraw: 'rút đề xuất',
  forward: 'thẩm định, trình quyết định',
  send_back: 'trả lại đề xuất',
  decide: 'quyết định cử',
  reject: 'quyết định không cử',
  receive: 'xác nhận tiếp nhận',
  extend: 'gia hạn',
  end_early: 'kết thúc trước thời hạn',
  complete: 'ghi nhận hết thời hạn',
  place: 'bố trí công tác khi trở về',
  submit_report: 'nộp báo cáo',
  request_report: 'yêu cầu báo cáo đột xuất',
  evaluate: 'nhận xét, đánh giá',
  log_contact: 'ghi nhận liên hệ',
};

/**
 * Refuses a step out of order (409: the record is not at that step; nothing is skipped) or by someone whose
 * role does not take it here (403).
 */
export function assertCan(actor: Actor, what: SecondmentActivity, s: SecondmentRow): void {
  if (!mayAct(actor, what, s)) throw forbidden(`Bạn không có quyền ${STEP_TEXT[what]} đối với hồ sơ này.`);
  if (!stateAllows(what, s.status)) {
    throw new AppError('conflict', `Không thể ${STEP_TEXT[what]}: hồ sơ đang ở bước khác, không được bỏ qua bước của quy trình.`);
  }
}

/**
 * Who reads the proposal's inside (the screening verdicts, with health and discipline in their reasons; the
 * unit's remarks and justification): Sở Nội vụ, the authority, the sending unit and the cadre. The host commune
 * sees the decision, the reception and what follows, not how the person was chosen.
 */
export function readsProposal(actor: Actor, s: SecondmentRow): boolean {
  return (
    holds(actor, 'home_affairs', 'province', s) ||
    holds(actor, 'authority', 'province', s) ||
    holds(actor, 'unit_hr', 'sending', s) ||
    holds(actor, 'unit_manager', 'sending', s) ||
    holds(actor, 'cadre', 'self', s)
  );
}
