import { SECONDMENT_DEADLINES, SECONDMENT_DECIDED_STATUSES, type SecondmentStatus } from '../../../common/secondment.js';
import type { Actor } from '../access/actor.js';
import { addDays, viDate } from '../rules/dates.js';

/**
 * The inbox: what each user must do about secondments, computed from the data on a given day (nothing is stored;
 * only the e-mail reminders remember what they have sent). Pure, so the boundaries are tested without a database.
 */

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
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** Days ahead a report due is shown (an overdue one is shown until it is submitted or cancelled). */
export const REPORT_DUE_AHEAD_DAYS = 15;

export type InboxSecondmentRow = {
  id: string;
  status: SecondmentStatus;
  personId: string;
  personName: string;
  sendingUnitId: string;
  sendingUnitName: string;
  sendingPath: string[];
  hostUnitId: string | null;
  hostUnitName: string | null;
  hostPath: string[] | null;
  startDate: string | null;
  endDate: string | null;
  receivedOn: string | null;
  actualEndDate: string | null;
  /** The (Vietnam) day the secondment entered its current status: the last step event, else its last update. */
  stepSince: string;
  lastContactOn: string | null;
  /** The host has evaluated the cadre for the year of `today`. */
  evaluatedThisYear: boolean;
};

export type InboxReportRow = {
  id: string;
  secondmentId: string;
  kind: string; // periodic | adhoc
  periodNo: number | null;
  dueOn: string;
};

export interface InboxItem {
  /** kind:subject:due date — the e-mail reminders send each key once per user. */
  key: string;
  kind: InboxKind;
  title: string;
  secondmentId: string;
  /** The report for report items, else the secondment. */
  subjectId: string;
  status: SecondmentStatus;
  personId: string;
  personName: string;
  sendingUnitId: string;
  sendingUnitName: string;
  hostUnitId: string | null;
  hostUnitName: string | null;
  dueOn: string;
  overdue: boolean;
  /** Days from today to the due date (negative when overdue). */
  daysLeft: number;
  link: string;
}

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 864e5);

type Relation = 'homeAffairs' | 'authority' | 'sending' | 'host' | 'own';

/** How the actor stands to a secondment (through any of their grants). */
export function relationsOf(actor: Actor, s: Pick<InboxSecondmentRow, 'status' | 'personId' | 'sendingPath' | 'hostPath'>): Set<Relation> {
  const out = new Set<Relation>();
  const touches = (unitId: string | null) => unitId === null || s.sendingPath.includes(unitId) || (s.hostPath?.includes(unitId) ?? false);
  for (const g of actor.grants) {
    if (g.role === 'home_affairs' && touches(g.unitId)) out.add('homeAffairs');
    if (g.role === 'authority' && touches(g.unitId)) out.add('authority');
    if ((g.role === 'unit_manager' || g.role === 'unit_hr') && g.unitId && s.sendingPath.includes(g.unitId)) out.add('sending');
    if (g.role === 'host' && g.unitId && s.hostPath?.includes(g.unitId) && (SECONDMENT_DECIDED_STATUSES as readonly SecondmentStatus[]).includes(s.status)) out.add('host');
    if (g.role === 'cadre' && actor.personId && actor.personId === s.personId) out.add('own');
  }
  return out;
}

/** Who must act at each waiting step of the path, and what they must do. */
const STEP_OWNERS: Partial<Record<SecondmentStatus, { who: Relation; title: string }>> = {
  proposed: { who: 'homeAffairs', title: 'Thẩm định đề xuất cử tăng cường' },
  appraised: { who: 'authority', title: 'Xem xét, quyết định cử tăng cường' },
  decided: { who: 'host', title: 'Xác nhận tiếp nhận cán bộ tăng cường' },
  sent_back: { who: 'sending', title: 'Bổ sung, hoàn thiện đề xuất bị trả lại' },
};

const reportName = (r: InboxReportRow) => (r.kind === 'periodic' ? `Báo cáo định kỳ${r.periodNo ? ` kỳ ${r.periodNo}` : ''}` : 'Báo cáo đột xuất');

export function inboxItemsFor(actor: Actor, rows: InboxSecondmentRow[], reports: InboxReportRow[], today: string): InboxItem[] {
  const D = SECONDMENT_DEADLINES;
  const year = today.slice(0, 4);
  const reportsOf = new Map<string, InboxReportRow[]>();
  for (const r of reports) reportsOf.set(r.secondmentId, [...(reportsOf.get(r.secondmentId) ?? []), r]);
  const items = new Map<string, InboxItem>();

  for (const s of rows) {
    const rel = relationsOf(actor, s);
    if (rel.size === 0) continue;
    const push = (kind: InboxKind, title: string, dueOn: string, subjectId = s.id) => {
      const key = `${kind}:${subjectId}:${dueOn}`;
      const daysLeft = daysBetween(today, dueOn);
      items.set(key, {
        key, kind, title, secondmentId: s.id, subjectId, status: s.status, personId: s.personId, personName: s.personName,
        sendingUnitId: s.sendingUnitId, sendingUnitName: s.sendingUnitName, hostUnitId: s.hostUnitId, hostUnitName: s.hostUnitName,
        dueOn, overdue: daysLeft < 0, daysLeft, link: `/secondments/${s.id}`,
      });
    };

    // reports: the cadre's own, the host's cadres', and every late one for Sở Nội vụ
    if (['active', 'completed', 'ended_early'].includes(s.status)) {
      for (const r of reportsOf.get(s.id) ?? []) {
        const late = r.dueOn < today;
        if (!late && daysBetween(today, r.dueOn) > REPORT_DUE_AHEAD_DAYS) continue;
        if (!(rel.has('own') || rel.has('host') || (late && rel.has('homeAffairs')))) continue;
        if (late) push('report_overdue', `${reportName(r)} quá hạn nộp (hạn ${viDate(r.dueOn)})`, r.dueOn, r.id);
        else push('report_due', `${reportName(r)} đến hạn nộp ngày ${viDate(r.dueOn)}`, r.dueOn, r.id);
      }
    }

    if (s.status === 'active' && s.endDate) {
      const left = daysBetween(today, s.endDate);
      const [far, near] = D.endWarningDays;
      if (left <= far && (rel.has('sending') || rel.has('host') || rel.has('homeAffairs'))) {
        const kind = left <= near ? 'end_in_30_days' : 'end_in_90_days';
        const title = left >= 0 ? `Còn ${left} ngày hết thời hạn tăng cường (${viDate(s.endDate)})` : `Đã hết thời hạn tăng cường từ ${viDate(s.endDate)}`;
        push(kind, title, s.endDate);
      }
      // the host's annual evaluation: from 01/12, or before the cadre leaves
      if (rel.has('host') && !s.evaluatedThisYear) {
        const yearDue = `${year}-${String(D.evaluationDue.month).padStart(2, '0')}-${String(D.evaluationDue.day).padStart(2, '0')}`;
        const endingSoon = left <= near;
        if (today >= `${year}-12-01` || endingSoon) {
          const dueOn = endingSoon && s.endDate < yearDue ? s.endDate : yearDue;
          push('evaluation_due', `Nhận xét, đánh giá cán bộ tăng cường năm ${year} (hạn ${viDate(dueOn)})`, dueOn);
        }
      }
      if (rel.has('sending')) {
        const last = s.lastContactOn ?? s.receivedOn ?? s.startDate;
        if (last) {
          const dueOn = addDays(last, D.contactEveryDays);
          if (dueOn < today) push('contact_overdue', `Chưa trao đổi, nắm tình hình cán bộ tăng cường từ ${viDate(last)} (quá ${D.contactEveryDays} ngày)`, dueOn);
        }
      }
    }

    if ((s.status === 'completed' || s.status === 'ended_early') && rel.has('sending')) {
      const ended = s.actualEndDate ?? s.endDate ?? s.stepSince;
      const what = s.status === 'completed' ? 'hết thời hạn tăng cường' : 'kết thúc tăng cường trước thời hạn';
      push('placement_due', `Bố trí công tác cho cán bộ ${what} (từ ${viDate(ended)})`, addDays(ended, D.stepWaitDays));
    }

    const step = STEP_OWNERS[s.status];
    if (step && rel.has(step.who)) {
      const dueOn = addDays(s.stepSince, D.stepWaitDays);
      if (dueOn < today) push('step_overdue', `${step.title} — đã chờ ${daysBetween(s.stepSince, today)} ngày (quá ${D.stepWaitDays} ngày)`, dueOn);
      else push('action_needed', step.title, dueOn);
    }
  }
  return [...items.values()].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || a.personName.localeCompare(b.personName, 'vi'));
}
