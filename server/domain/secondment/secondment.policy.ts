import type { Actor } from '../access/actor.js';
import { definePolicy, type Who } from '../access/policy.js';
import {
  PARTY_OPINION_STATUSES,
  SECONDMENT_REPORTING_STATUSES,
  SECONDMENT_TRANSITIONS as T,
  TERM_REVIEW_STATUSES,
  type SecondmentStatus,
} from '../../../common/secondment.js';
import type { SecondmentRow } from '../../db/repositories/secondment.repository.js';

const UNIT: Who = [
  ['unit_manager', 'sending'],
  ['unit_hr', 'sending'],
];
const PROVINCE: Who = [
  ['home_affairs', 'province'],
  ['authority', 'province'],
];

/**
 * Who takes each step of a secondment, on which side of it their grant must sit, and in which states; what each
 * side sees is the `secondments` relation of the db scope module (same side names). Proposals are internal to
 * the agencies: the host commune and the cadre see a secondment from the decision on.
 */
export const secondmentPolicy = definePolicy<
  SecondmentRow,
  SecondmentActivity | 'readProposal',
  'read' | 'export' | 'nextDecisionNumber' | 'propose',
  SecondmentStatus
>({
  resource: 'secondment',
  place: (s) => ({ province: [s.sendingUnitPath, s.personUnitPath], sending: [s.sendingUnitPath, s.personUnitPath], host: [s.hostUnitPath], personId: s.personId }),
  state: (s) => s.status,
  messages: {
    refused: (text) => `Bạn không có quyền ${text} đối với hồ sơ này.`,
    outOfState: (text) => `Không thể ${text}: hồ sơ đang ở bước khác, không được bỏ qua bước của quy trình.`,
  },
  actions: {
    resubmit: { who: UNIT, states: T.resubmit.from, text: 'gửi lại đề xuất' },
    withdraw: { who: UNIT, states: T.withdraw.from, text: 'rút đề xuất' },
    forward: { who: [['home_affairs', 'province']], states: T.forward.from, text: 'thẩm định, trình quyết định' },
    // from `proposed` it is Sở Nội vụ's, from `appraised` the authority's
    send_back: { who: PROVINCE, states: T.send_back.from, onlyBy: { proposed: ['home_affairs'], appraised: ['authority'] }, text: 'trả lại đề xuất' },
    decide: { who: [['authority', 'province']], states: T.decide.from, text: 'quyết định cử' },
    reject: { who: [['authority', 'province']], states: T.reject.from, text: 'quyết định không cử' },
    receive: { who: [['host', 'host']], states: T.receive.from, text: 'xác nhận tiếp nhận' },
    extend: { who: [['authority', 'province']], states: T.extend.from, text: 'gia hạn' },
    end_early: { who: [['authority', 'province']], states: T.end_early.from, text: 'kết thúc trước thời hạn' },
    complete: {
      who: [['home_affairs', 'province'], ...UNIT],
      states: T.complete.from,
      offerIf: (s, today) => s.endDate !== null && s.endDate < today, // offered once the end date has passed
      text: 'ghi nhận hết thời hạn',
    },
    place: { who: UNIT, states: T.place.from, text: 'bố trí công tác khi trở về' },
    // the activities of the "during" step
    // the last period ends with the term and falls due after it: the cadre still files it once completed or ended early
    submit_report: { who: [['cadre', 'self']], states: SECONDMENT_REPORTING_STATUSES, text: 'nộp báo cáo' },
    request_report: {
      who: [
        ['home_affairs', 'province'],
        ['host', 'host'],
      ],
      states: ['active'],
      text: 'yêu cầu báo cáo đột xuất',
    },
    evaluate: { who: [['host', 'host']], states: ['active', 'completed', 'ended_early'], text: 'nhận xét, đánh giá' },
    log_contact: { who: UNIT, states: ['decided', 'active', 'completed', 'ended_early'], text: 'ghi nhận liên hệ' },
    // Plan 131 II.1, Decree 170/2025 Art. 46: Sở Nội vụ, who appraises the proposal, records the Party committee's opinion before the decision
    record_party_opinion: { who: [['home_affairs', 'province']], states: PARTY_OPINION_STATUSES, text: 'ghi nhận ý kiến của cấp ủy' },
    // Decree 170/2025 Art. 49: the cadre's self-review, filed by the cadre (like their reports) or by the sending unit for them
    review_self: { who: [['cadre', 'self'], ...UNIT], states: TERM_REVIEW_STATUSES, text: 'ghi bản tự nhận xét, đánh giá' },
    // the host's collective and its Party committee, entered by the host commune
    review_host: { who: [['host', 'host']], states: TERM_REVIEW_STATUSES, text: 'ghi nhận xét, đánh giá của nơi đến khi kết thúc' },
    // Decree 178/2024 Art. 12 (as amended): the sending unit proposes a commendation (or declines) once the cadre is back
    record_commendation: { who: UNIT, states: ['returned'], text: 'ghi nhận đề nghị khen thưởng' },
    // Plan 131 II.2: the result fed back to planning and training needs
    record_follow_up: { who: UNIT, states: ['returned'], text: 'ghi nhận việc sử dụng kết quả đánh giá' },
    /**
     * Who reads the proposal's inside (the screening verdicts, with health and discipline in their reasons; the
     * unit's remarks and justification): Sở Nội vụ, the authority, the sending unit and the cadre. The host commune
     * sees the decision, the reception and what follows, not how the person was chosen.
     */
    readProposal: { who: [...PROVINCE, ['unit_hr', 'sending'], ['unit_manager', 'sending'], ['cadre', 'self']], unlisted: true, noRoute: true },
  },
  gates: {
    read: { who: [...PROVINCE, ['unit_manager', 'sending'], ['unit_hr', 'sending'], ['host', 'host'], ['cadre', 'self']] },
    export: { who: [...PROVINCE, ['unit_manager', 'sending'], ['unit_hr', 'sending'], ['host', 'host']] },
    nextDecisionNumber: {
      who: [
        ['authority', 'province'],
        ['home_affairs', 'province'],
        ['unit_manager', 'sending'],
        ['unit_hr', 'sending'],
      ],
    },
    propose: {
      who: [
        ['unit_manager', 'sending'],
        ['unit_hr', 'sending'],
      ],
    },
  },
});

export type SecondmentActivity =
  | 'resubmit'
  | 'withdraw'
  | 'forward'
  | 'send_back'
  | 'decide'
  | 'reject'
  | 'receive'
  | 'extend'
  | 'end_early'
  | 'complete'
  | 'place'
  | 'submit_report'
  | 'request_report'
  | 'evaluate'
  | 'log_contact'
  | 'record_party_opinion'
  | 'review_self'
  | 'review_host'
  | 'record_commendation'
  | 'record_follow_up';

/** Whether the actor's role lets them take this step on this secondment (state aside). */
export const mayAct = (actor: Actor, what: SecondmentActivity, s: SecondmentRow) => secondmentPolicy.mayAct(actor, what, s);

/** The steps the actor may take now: the page shows only these. */
export const allowedActions = (actor: Actor, s: SecondmentRow, today: string) => secondmentPolicy.allowedActions(actor, s, today) as SecondmentActivity[];

/**
 * Refuses a step by someone whose role does not take it here (403), or out of order (409: the record is not at
 * that step; nothing is skipped).
 */
export const assertCan = (actor: Actor, what: SecondmentActivity, s: SecondmentRow) => secondmentPolicy.assertCan(actor, what, s);

/** Who reads the proposal's inside: everyone on the record but the host commune. */
export const readsProposal = (actor: Actor, s: SecondmentRow) => secondmentPolicy.mayAct(actor, 'readProposal', s);
