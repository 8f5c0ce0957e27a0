import { SECONDMENT_ACTION_LABELS, SECONDMENT_STATUS_LABELS, type SecondmentAction, type SecondmentStatus } from '../../../../../common/secondment';

/** Tag colours of each step: waiting ones warm, working ones green, closed ones grey, refusals red. */
export const STATUS_COLORS: Record<SecondmentStatus, string> = {
  proposed: 'gold',
  sent_back: 'orange',
  appraised: 'cyan',
  decided: 'blue',
  active: 'green',
  completed: 'purple',
  ended_early: 'magenta',
  returned: 'geekblue',
  withdrawn: 'default',
  rejected: 'red',
};

/** The label of a status, or the raw value when the API sends one this screen does not know. */
export const statusLabel = (s: string) => SECONDMENT_STATUS_LABELS[s as SecondmentStatus] ?? s;

/** The seven stages of the path shown as steps (Plan 131 I.4, IV.1). */
export const PATH_STAGES = [
  { key: 'proposal', title: 'Đề xuất' },
  { key: 'appraisal', title: 'Thẩm định' },
  { key: 'decision', title: 'Quyết định cử' },
  { key: 'reception', title: 'Tiếp nhận' },
  { key: 'during', title: 'Công tác tại cơ sở' },
  { key: 'end', title: 'Kết thúc' },
  { key: 'return', title: 'Trở về, bố trí công tác' },
] as const;
export type PathStage = (typeof PATH_STAGES)[number]['key'];

/**
 * Where a secondment stands on the path: the index of the stage being worked on (PATH_STAGES.length when all
 * are done) and whether the path stopped there (withdrawn, rejected) or waits for a revision (sent back).
 */
export function pathProgress(status: SecondmentStatus): { current: number; state: 'process' | 'error' | 'finish' | 'warning' } {
  switch (status) {
    case 'proposed':
      return { current: 1, state: 'process' };
    case 'sent_back':
      return { current: 0, state: 'warning' };
    case 'withdrawn':
      return { current: 0, state: 'error' };
    case 'appraised':
      return { current: 2, state: 'process' };
    case 'rejected':
      return { current: 2, state: 'error' };
    case 'decided':
      return { current: 3, state: 'process' };
    case 'active':
      return { current: 4, state: 'process' };
    case 'completed':
    case 'ended_early':
      return { current: 6, state: 'process' };
    case 'returned':
      return { current: PATH_STAGES.length, state: 'finish' };
  }
}

/** The stage an event of the timeline belongs to (by the action the server recorded). */
export function stageOfEvent(action: string): PathStage | null {
  switch (action) {
    case 'propose':
    case 'resubmit':
    case 'withdraw':
      return 'proposal';
    case 'forward':
    case 'send_back':
    case 'party_opinion':
      return 'appraisal';
    case 'decide':
    case 'reject':
      return 'decision';
    case 'receive':
      return 'reception';
    case 'extend':
    case 'submit_report':
    case 'request_report':
    case 'evaluate':
    case 'log_contact':
      return 'during';
    case 'complete':
    case 'end_early':
      return 'end';
    case 'term_review':
      return 'end';
    case 'place':
    case 'commendation':
    case 'follow_up':
      return 'return';
    default:
      return null;
  }
}

/** The labels of the activities that are not steps of the path but appear in allowedActions. */
export const ACTIVITY_LABELS = {
  submit_report: 'Nộp báo cáo',
  request_report: 'Yêu cầu báo cáo đột xuất',
  evaluate: 'Nhận xét, đánh giá',
  log_contact: 'Ghi nhận liên hệ',
  record_party_opinion: 'Ghi nhận ý kiến cấp ủy',
  review_self: 'Bản tự nhận xét khi kết thúc',
  review_host: 'Nhận xét của nơi đến khi kết thúc',
  record_commendation: 'Đề nghị khen thưởng',
  record_follow_up: 'Sử dụng kết quả đánh giá',
} as const;

const OTHER_EVENT_LABELS: Record<string, string> = {
  propose: 'Đề xuất cử đi tăng cường',
  ...ACTIVITY_LABELS,
  auto_complete: 'Hết thời hạn (tự động)',
  party_opinion: 'Ý kiến của cấp ủy',
  term_review: 'Nhận xét, đánh giá khi kết thúc',
  commendation: 'Đề nghị khen thưởng',
  follow_up: 'Sử dụng kết quả đánh giá',
};

/** The Vietnamese name of an event of the timeline. */
export const eventLabel = (action: string) => SECONDMENT_ACTION_LABELS[action as SecondmentAction] ?? OTHER_EVENT_LABELS[action] ?? action;

/**
 * A report the cadre can submit now: not submitted or cancelled, and either ad hoc or of a period that has
 * started (the periods ahead are listed but not open yet).
 */
export function isReportOpen(r: { kind: string; periodFrom: string | null; submittedOn: string | null; cancelled: boolean }, today: string): boolean {
  if (r.submittedOn || r.cancelled) return false;
  return r.kind !== 'periodic' || !r.periodFrom || r.periodFrom <= today;
}
