/**
 * The secondment path of Plan 131 (I.4, IV.1): proposal → appraisal → decision → reception → during → end and
 * return. Shared by the server (which enforces it) and the web (which labels it).
 */
import { planClause } from './plan-clause.js';

export const SECONDMENT_STATUSES = [
  'proposed', // the sending unit proposed the cadre; waiting for Sở Nội vụ's appraisal
  'sent_back', // Sở Nội vụ (or the authority) sent the proposal back with reasons; the unit revises or withdraws
  'appraised', // Sở Nội vụ appraised and forwarded it; waiting for the authority's decision
  'decided', // the authority decided; waiting for the host commune to confirm reception
  'active', // the host confirmed reception; the cadre is working at the grassroots
  'completed', // the end date has passed; waiting for the sending unit to place the cadre
  'ended_early', // ended early by a decision; waiting for the sending unit to place the cadre
  'returned', // placed back in a post not lower than the reserved one; closed
  'withdrawn', // withdrawn by the sending unit before the decision; closed
  'rejected', // the authority decided not to send; closed
] as const;
export type SecondmentStatus = (typeof SECONDMENT_STATUSES)[number];

export const SECONDMENT_STATUS_LABELS: Record<SecondmentStatus, string> = {
  proposed: 'Chờ thẩm định',
  sent_back: 'Bị trả lại, chờ đơn vị bổ sung',
  appraised: 'Đã thẩm định, chờ quyết định',
  decided: 'Đã có quyết định cử, chờ tiếp nhận',
  active: 'Đang tăng cường ở cơ sở',
  completed: 'Hết thời hạn, chờ bố trí công tác',
  ended_early: 'Kết thúc trước thời hạn, chờ bố trí công tác',
  returned: 'Đã trở về, đã bố trí công tác',
  withdrawn: 'Đơn vị đã rút đề xuất',
  rejected: 'Không được quyết định cử',
};

/**
 * The clause of the secondment's minimum term in the plan in force (Plan 131 III.1.c: "thời gian ít nhất 36
 * tháng"; the number is the plan parameter `minSecondmentMonths`): the one text, cited by the decision form, the
 * duration check and the service-left criterion.
 */
export const minTermClause = (planCode: string) => planClause(planCode, 'III.1.c');

/** A person has at most one secondment in these states (enforced by a unique partial index too). */
export const SECONDMENT_OPEN_STATUSES = ['proposed', 'sent_back', 'appraised', 'decided', 'active', 'completed', 'ended_early'] as const;
/** States in which the cadre's reports are still expected (the last period may end after the term). */
export const SECONDMENT_REPORTING_STATUSES = ['active', 'completed', 'ended_early'] as const;
/** States that count against the sending unit's quota as "proposed". */
export const SECONDMENT_PROPOSED_STATUSES = ['proposed', 'sent_back', 'appraised'] as const;
/**
 * What counts against a sending unit's quota (Plan 131 III.1.c, S4): the one definition, three figures, each read
 * by `countsAgainstQuota` (server/domain/rules/quota.ts) and its SQL twin (quota.repository).
 * - counted: the quota page's progress and gap — the path under way, from the proposal to the cadre serving
 *   (a withdrawn or refused proposal frees its place), shown as proposed + decided + serving;
 * - forwarded: the appraisal's check before forwarding one more — of those, the ones Sở Nội vụ has already
 *   forwarded (a proposal still waiting for its appraisal, or sent back, is not yet against the target);
 * - fulfilled: the oversight dashboard's fulfilment — cadres who went: serving, term completed, returned.
 */
export const QUOTA_COUNTED_STATUSES = [...SECONDMENT_PROPOSED_STATUSES, 'decided', 'active'] as const;
export const QUOTA_FORWARDED_STATUSES = ['appraised', 'decided', 'active'] as const;
export const QUOTA_FULFILLED_STATUSES = ['active', 'completed', 'returned'] as const;
/** The three figures by name. */
export const QUOTA_FIGURES = {
  counted: QUOTA_COUNTED_STATUSES,
  forwarded: QUOTA_FORWARDED_STATUSES,
  fulfilled: QUOTA_FULFILLED_STATUSES,
} as const satisfies Record<string, readonly SecondmentStatus[]>;
export type QuotaFigure = keyof typeof QUOTA_FIGURES;
/** From the decision on: what the host commune and the cadre see (proposals are internal to the agencies). */
export const SECONDMENT_DECIDED_STATUSES = ['decided', 'active', 'completed', 'ended_early', 'returned'] as const;
/** Waiting for someone's step (appraisal, revision, decision, reception): overdue after `stepWaitDays`. */
export const SECONDMENT_WAITING_STATUSES = ['proposed', 'sent_back', 'appraised', 'decided'] as const;

/** The actions of the path; each moves a secondment from given states to one state. */
export const SECONDMENT_ACTIONS = [
  'resubmit',
  'withdraw',
  'forward',
  'send_back',
  'decide',
  'reject',
  'receive',
  'extend',
  'end_early',
  'complete',
  'place',
] as const;
export type SecondmentAction = (typeof SECONDMENT_ACTIONS)[number];

export const SECONDMENT_ACTION_LABELS: Record<SecondmentAction, string> = {
  resubmit: 'Gửi lại đề xuất',
  withdraw: 'Rút đề xuất',
  forward: 'Thẩm định, trình quyết định',
  send_back: 'Trả lại đề xuất',
  decide: 'Quyết định cử',
  reject: 'Không cử',
  receive: 'Xác nhận tiếp nhận',
  extend: 'Quyết định gia hạn',
  end_early: 'Quyết định kết thúc trước thời hạn',
  complete: 'Ghi nhận hết thời hạn',
  place: 'Bố trí công tác khi trở về',
};

/** The transition table: from which states an action may be taken, and the state it leads to. */
export const SECONDMENT_TRANSITIONS: Record<SecondmentAction, { from: readonly SecondmentStatus[]; to: SecondmentStatus | null }> = {
  resubmit: { from: ['sent_back'], to: 'proposed' },
  withdraw: { from: ['proposed', 'sent_back'], to: 'withdrawn' },
  forward: { from: ['proposed'], to: 'appraised' },
  send_back: { from: ['proposed', 'appraised'], to: 'sent_back' },
  decide: { from: ['appraised'], to: 'decided' },
  reject: { from: ['appraised'], to: 'rejected' },
  receive: { from: ['decided'], to: 'active' },
  extend: { from: ['active'], to: null }, // stays active with a later end date
  end_early: { from: ['active'], to: 'ended_early' },
  complete: { from: ['active'], to: 'completed' },
  place: { from: ['completed', 'ended_early'], to: 'returned' },
};

/** Kinds of decision the authority issues along the path (Decree 30/2020 numbering: from 01 each calendar year). */
export const DECISION_KINDS = ['send', 'extend', 'end_early', 'return'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  send: 'Quyết định cử cán bộ tăng cường về cơ sở',
  extend: 'Quyết định gia hạn thời gian tăng cường',
  end_early: 'Quyết định kết thúc tăng cường trước thời hạn',
  return: 'Quyết định tiếp nhận trở lại và bố trí công tác',
};

export const REPORT_KINDS = ['periodic', 'adhoc'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = { periodic: 'Báo cáo định kỳ', adhoc: 'Báo cáo đột xuất' };

export const CONTACT_CHANNELS = ['meeting', 'phone', 'visit', 'online', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  meeting: 'Làm việc trực tiếp',
  phone: 'Điện thoại',
  visit: 'Thăm, kiểm tra tại cơ sở',
  online: 'Trực tuyến',
  letter: 'Văn bản',
};

export const FEEDBACK_KINDS = ['difficulty', 'plan_change'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  difficulty: 'Khó khăn, vướng mắc',
  plan_change: 'Đề xuất sửa đổi, bổ sung kế hoạch',
};
export const FEEDBACK_STATUSES = ['open', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  open: 'Chờ trả lời',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
};

/**
 * Operational deadlines of the reminders. They are not numbers of the plan or the law (the plan sets only the
 * report period, a plan parameter), so they live here as settings of the software.
 */
export const SECONDMENT_DEADLINES = {
  /** A periodic report is due this many days after the end of its period. */
  reportGraceDays: 10,
  /** An ad-hoc report is due this many days after it was requested, unless the request sets a date. */
  adhocReportDays: 7,
  /** End dates approaching: reminders this many days ahead. */
  endWarningDays: [90, 30] as const,
  /** A proposal, appraisal, decision or reception waiting longer than this at one step is overdue. */
  stepWaitDays: 15,
  /** The host's annual evaluation is due by this day of the year (month, day). */
  evaluationDue: { month: 12, day: 15 },
  /** The sending unit should log a contact with its cadre at least this often. */
  contactEveryDays: 90,
} as const;

/** The kinds of item of the inbox ("Việc cần xử lý"), in its order of display. */
export const INBOX_KINDS = [
  'report_due',
  'report_overdue',
  'end_in_90_days',
  'end_in_30_days',
  'evaluation_due',
  'placement_due',
  'action_needed',
  'step_overdue',
  'contact_overdue',
  // training repayments (Decree 171/2025 Art. 9–13): the council and decision to make; the payment due in 120 days
  'repayment_pending',
  'repayment_due',
  'repayment_overdue',
  'commendation_due',
  'follow_up_due',
  // Sở Nội vụ's inspections (Plan 131 IV.3): a recommendation's deadline near or passed, an answer to review
  'inspection_recommendation_due',
  'inspection_recommendation_overdue',
  'inspection_answer_pending',
  // the reports of the plan's schedule: a sending unit's to Sở Nội vụ, Sở Nội vụ's to the People's Committee
  'unit_report_due',
  'unit_report_overdue',
  'province_report_due',
  'province_report_overdue',
] as const;
/** The inbox kinds of the plan's report schedule (their subject is the report). */
export const SCHEDULED_REPORT_KINDS = ['unit_report_due', 'unit_report_overdue', 'province_report_due', 'province_report_overdue'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** Sở Nội vụ's overdue lists (oversight). */
export const OVERDUE_LISTS = ['reports', 'steps', 'placements', 'ends'] as const;
export type OverdueList = (typeof OVERDUE_LISTS)[number];

/**
 * The Party committee's opinion before the decision (Plan 131 II.1; Decree 170/2025/NĐ-CP Art. 46): whether it
 * agrees to the secondment, and its conclusion on the person's political standards (tiêu chuẩn chính trị).
 */
export const PARTY_OPINION_OUTCOMES = ['agree', 'disagree'] as const;
export type PartyOpinionOutcome = (typeof PARTY_OPINION_OUTCOMES)[number];
export const PARTY_OPINION_OUTCOME_LABELS: Record<PartyOpinionOutcome, string> = { agree: 'Đồng ý', disagree: 'Không đồng ý' };
export const POLITICAL_CONCLUSIONS = ['meets', 'not_meets'] as const;
export type PoliticalConclusion = (typeof POLITICAL_CONCLUSIONS)[number];
export const POLITICAL_CONCLUSION_LABELS: Record<PoliticalConclusion, string> = {
  meets: 'Đủ tiêu chuẩn chính trị',
  not_meets: 'Không đủ tiêu chuẩn chính trị',
};
/** The clause of the Party committee's opinion, cited by the decision's refusal. */
export const partyOpinionClause = (planCode: string) => `${planClause(planCode, 'II.1')}; Điều 46 Nghị định 170/2025/NĐ-CP`;
/**
 * Why a secondment may not be decided yet when the plan requires the opinion (`partyOpinionRequired`), or null
 * when it may: no opinion, or the standing (latest) one disagrees or finds the political standards not met. The
 * server refuses the decision with it; the decision dialog shows the same words beforehand.
 */
export function partyOpinionBar(
  fullName: string,
  latest: { outcome: PartyOpinionOutcome; politicalConclusion: PoliticalConclusion; committeeName: string; documentNo: string } | null | undefined,
  planCode: string,
): string | null {
  const clause = partyOpinionClause(planCode);
  if (!latest) return `Chưa có ý kiến của cấp ủy và kết luận về tiêu chuẩn chính trị đối với ${fullName} (${clause}).`;
  if (latest.outcome === 'disagree')
    return `Cấp ủy (${latest.committeeName}, văn bản số ${latest.documentNo}) không đồng ý cử ${fullName}: không thể quyết định cử (${clause}).`;
  if (latest.politicalConclusion === 'not_meets')
    return `${latest.committeeName} kết luận ${fullName} không đủ tiêu chuẩn chính trị (văn bản số ${latest.documentNo}): không thể quyết định cử (${clause}).`;
  return null;
}
/** States in which the opinion is recorded: before the authority decides. */
export const PARTY_OPINION_STATUSES = ['proposed', 'appraised'] as const satisfies readonly SecondmentStatus[];

/**
 * End of term (Decree 170/2025/NĐ-CP Art. 49): the cadre's self-review, the host collective's evaluation and the
 * host Party committee's, one of each, from when the cadre serves until they are placed on return.
 */
export const TERM_REVIEW_KINDS = ['self_review', 'host_collective', 'host_party_committee'] as const;
export type TermReviewKind = (typeof TERM_REVIEW_KINDS)[number];
export const TERM_REVIEW_KIND_LABELS: Record<TermReviewKind, string> = {
  self_review: 'Bản tự nhận xét, đánh giá của cán bộ',
  host_collective: 'Nhận xét, đánh giá của tập thể lãnh đạo nơi đến',
  host_party_committee: 'Nhận xét, đánh giá của cấp ủy nơi đến',
};
export const TERM_REVIEW_STATUSES = ['active', 'completed', 'ended_early'] as const satisfies readonly SecondmentStatus[];
export const TERM_REVIEW_CLAUSE = 'Điều 49 Nghị định 170/2025/NĐ-CP';

/** Forms of commendation the sending unit may propose (Decree 178/2024 Art. 12, as amended); free text is allowed too. */
export const COMMENDATION_FORMS = [
  'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố',
  'Giấy khen của Thủ trưởng cơ quan, đơn vị',
  'Bằng khen của Thủ tướng Chính phủ',
] as const;

/**
 * Plan 131 II.2: what the sending unit does with the result of the secondment in the planning review. `keep`:
 * kept in planning as it stands; `add_title`: approved into planning for a (further) title, recorded as a
 * planning entry; `no_change`: the result does not change the planning.
 */
export const FOLLOW_UP_PLANNING = ['keep', 'add_title', 'no_change'] as const;
export type FollowUpPlanning = (typeof FOLLOW_UP_PLANNING)[number];
export const FOLLOW_UP_PLANNING_LABELS: Record<FollowUpPlanning, string> = {
  keep: 'Tiếp tục giữ trong quy hoạch',
  add_title: 'Bổ sung quy hoạch chức danh',
  no_change: 'Không thay đổi quy hoạch',
};
