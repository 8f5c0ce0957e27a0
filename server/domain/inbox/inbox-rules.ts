import {
  SECONDMENT_DEADLINES,
  SECONDMENT_DECIDED_STATUSES,
  SECONDMENT_REPORTING_STATUSES,
  SCHEDULED_REPORT_KINDS,
  type SecondmentStatus,
  type InboxKind,
} from '../../../common/secondment.js';
import type { Actor } from '../access/actor.js';
import type { RepaymentStatus } from '../../../common/training.js';
import type { ReportStatus } from '../../../common/schemas/reports.js';
import { addDays, daysBetween, viDate } from '../../../common/dates.js';
import { RECOMMENDATION_DUE_AHEAD_DAYS, type RecommendationStatus } from '../../../common/inspections.js';

/**
 * The inbox: what each user must do about secondments, computed from the data on a given day (nothing is stored;
 * only the e-mail reminders remember what they have sent). The server evaluates the rules in SQL, one page at a
 * time (`findInboxPage` in `inbox.repository.ts`); this module holds their constants, their wording, and a
 * pure reference reading of them (`inboxItemsFor`), so the boundaries are tested without a database and the SQL
 * is checked against it.
 */

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
  /** After the return: the date back, the outcome rating, and whether the commendation and the follow-up are recorded. */
  returnedOn?: string | null;
  outcomeRating?: string | null;
  commendationRecorded?: boolean;
  followUpRecorded?: boolean;
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
  /** Null for a training repayment. */
  secondmentId: string | null;
  /** The report for report items, the enrolment for repayment items, the recommendation for inspection items, else the secondment. */
  subjectId: string;
  status: SecondmentStatus | RepaymentStatus | RecommendationStatus | ReportStatus;
  /** Null for an inspection's recommendation or a report of the schedule (they concern a unit, not a cadre). */
  personId: string | null;
  personName: string | null;
  /** Null for the province's report of the schedule. */
  sendingUnitId: string | null;
  sendingUnitName: string;
  hostUnitId: string | null;
  hostUnitName: string | null;
  dueOn: string;
  overdue: boolean;
  /** Days from today to the due date (negative when overdue). */
  daysLeft: number;
  link: string;
}

/** How a role stands to a secondment; the SQL of the inbox turns each into a condition on the actor's grants. */
export type InboxRelation = 'homeAffairs' | 'authority' | 'sending' | 'host' | 'own';

/** States whose reports are asked for (the cadre is serving, or has just ended and reports the last period). */
export const REPORT_STATUSES = SECONDMENT_REPORTING_STATUSES satisfies readonly SecondmentStatus[];
/** States in which the sending unit must place the returning cadre. */
export const PLACEMENT_STATUSES = ['completed', 'ended_early'] as const satisfies readonly SecondmentStatus[];

/** Outcome ratings of completing the term well (Decree 178/2024 Art. 12 cl. 1 d): the commendation is considered. */
export const COMMENDATION_RATINGS = ['HTXS', 'HTT'] as const;

/** Who must act at each waiting step of the path, and what they must do. */
export const STEP_OWNERS = {
  proposed: { who: 'homeAffairs', title: 'Thẩm định đề xuất cử tăng cường' },
  appraised: { who: 'authority', title: 'Xem xét, quyết định cử tăng cường' },
  decided: { who: 'host', title: 'Xác nhận tiếp nhận cán bộ tăng cường' },
  sent_back: { who: 'sending', title: 'Bổ sung, hoàn thiện đề xuất bị trả lại' },
} as const satisfies Partial<Record<SecondmentStatus, { who: InboxRelation; title: string }>>;

/** The annual evaluation is asked for from this day of the year (month, day) — or earlier when the cadre leaves. */
export const EVALUATION_FROM = { month: 12, day: 1 };
const ymd = (year: string, md: { month: number; day: number }) => `${year}-${String(md.month).padStart(2, '0')}-${String(md.day).padStart(2, '0')}`;
/** The day the host is asked to evaluate by, this year; and the day from which it is asked. */
export const evaluationDays = (today: string) => ({
  from: ymd(today.slice(0, 4), EVALUATION_FROM),
  due: ymd(today.slice(0, 4), SECONDMENT_DEADLINES.evaluationDue),
});

/**
 * One inbox item as the rules yield it (the SQL of the repository, or the reference below), before it is worded:
 * what the title cites besides the due date is `since` (the step's start, the last contact, the end) and the report.
 */
export type InboxRuleRow = {
  kind: InboxKind;
  secondmentId: string | null;
  subjectId: string;
  dueOn: string;
  since: string | null;
  reportKind: string | null;
  periodNo: number | null;
  status: SecondmentStatus | RepaymentStatus | RecommendationStatus | ReportStatus;
  personId: string | null;
  personName: string | null;
  /** The unit concerned: the sending unit; the budget unit of a repayment; the inspected unit of a recommendation; the
   * reporting unit of a report of the schedule (null for the province's). */
  sendingUnitId: string | null;
  sendingUnitName: string;
  hostUnitId: string | null;
  hostUnitName: string | null;
  /** The inspection of a recommendation (inspection items). */
  inspectionId?: string | null;
};

const reportName = (r: { reportKind: string | null; periodNo: number | null }) =>
  r.reportKind === 'periodic' ? `Báo cáo định kỳ${r.periodNo ? ` kỳ ${r.periodNo}` : ''}` : 'Báo cáo đột xuất';

/** The Vietnamese title of an item on a day. */
export function inboxTitle(r: InboxRuleRow, today: string): string {
  const D = SECONDMENT_DEADLINES;
  switch (r.kind) {
    case 'report_overdue':
      return `${reportName(r)} quá hạn nộp (hạn ${viDate(r.dueOn)})`;
    case 'report_due':
      return `${reportName(r)} đến hạn nộp ngày ${viDate(r.dueOn)}`;
    case 'end_in_90_days':
    case 'end_in_30_days': {
      const left = daysBetween(today, r.dueOn);
      return left >= 0 ? `Còn ${left} ngày hết thời hạn tăng cường (${viDate(r.dueOn)})` : `Đã hết thời hạn tăng cường từ ${viDate(r.dueOn)}`;
    }
    case 'evaluation_due':
      return `Nhận xét, đánh giá cán bộ tăng cường năm ${today.slice(0, 4)} (hạn ${viDate(r.dueOn)})`;
    case 'contact_overdue':
      return `Chưa trao đổi, nắm tình hình cán bộ tăng cường từ ${viDate(r.since ?? r.dueOn)} (quá ${D.contactEveryDays} ngày)`;
    case 'placement_due': {
      const what = r.status === 'completed' ? 'hết thời hạn tăng cường' : 'kết thúc tăng cường trước thời hạn';
      return `Bố trí công tác cho cán bộ ${what} (từ ${viDate(r.since ?? r.dueOn)})`;
    }
    case 'repayment_pending':
      return r.status === 'council_formed'
        ? `Ra quyết định bồi hoàn chi phí đào tạo (Hội đồng thành lập ngày ${viDate(r.since ?? r.dueOn)})`
        : `Thành lập Hội đồng xác định chi phí bồi hoàn đào tạo (đã tính bồi hoàn ngày ${viDate(r.since ?? r.dueOn)})`;
    case 'repayment_due':
      return `Bồi hoàn chi phí đào tạo: hạn nộp ngày ${viDate(r.dueOn)}`;
    case 'repayment_overdue':
      return `Bồi hoàn chi phí đào tạo quá hạn nộp (hạn ${viDate(r.dueOn)})`;
    case 'commendation_due':
      return `Xem xét đề nghị khen thưởng cán bộ hoàn thành tốt nhiệm vụ tăng cường (trở về từ ${viDate(r.since ?? r.dueOn)})`;
    case 'follow_up_due':
      return `Sử dụng kết quả đánh giá sau tăng cường: quy hoạch, nhu cầu đào tạo, bồi dưỡng (trở về từ ${viDate(r.since ?? r.dueOn)})`;
    case 'inspection_recommendation_due':
      return `Thực hiện kiến nghị sau kiểm tra: hạn ngày ${viDate(r.dueOn)}${r.status === 'returned' ? ' (Sở Nội vụ đã trả lại, cần trả lời lại)' : ''}`;
    case 'inspection_recommendation_overdue':
      return r.status === 'answered'
        ? `Kiến nghị sau kiểm tra quá hạn (hạn ${viDate(r.dueOn)}): đơn vị đã trả lời, chờ Sở Nội vụ xem xét`
        : `Kiến nghị sau kiểm tra quá hạn thực hiện (hạn ${viDate(r.dueOn)})`;
    case 'inspection_answer_pending':
      return `Xem xét kết quả thực hiện kiến nghị sau kiểm tra (đơn vị trả lời ngày ${viDate(r.since ?? r.dueOn)})`;
    case 'unit_report_due':
      return `Báo cáo kết quả thực hiện kế hoạch gửi Sở Nội vụ, kỳ từ ${viDate(r.since ?? r.dueOn)}: hạn gửi ngày ${viDate(r.dueOn)}`;
    case 'unit_report_overdue':
      return `Báo cáo của ${r.sendingUnitName} gửi Sở Nội vụ, kỳ từ ${viDate(r.since ?? r.dueOn)}, quá hạn (hạn ${viDate(r.dueOn)}, chậm ${daysBetween(r.dueOn, today)} ngày)`;
    case 'province_report_due':
      return `Báo cáo Ủy ban nhân dân kết quả thực hiện kế hoạch, kỳ từ ${viDate(r.since ?? r.dueOn)}: hạn gửi ngày ${viDate(r.dueOn)}`;
    case 'province_report_overdue':
      return `Báo cáo Ủy ban nhân dân kết quả thực hiện kế hoạch, kỳ từ ${viDate(r.since ?? r.dueOn)}, quá hạn (hạn ${viDate(r.dueOn)})`;
    case 'action_needed':
    case 'step_overdue': {
      const step = STEP_OWNERS[r.status as keyof typeof STEP_OWNERS]?.title ?? 'Xử lý hồ sơ tăng cường';
      if (r.kind === 'action_needed') return step;
      return `${step} — đã chờ ${daysBetween(r.since ?? r.dueOn, today)} ngày (quá ${D.stepWaitDays} ngày)`;
    }
  }
}

/** The item shown and mailed for a rule row. */
export function toInboxItem(r: InboxRuleRow, today: string): InboxItem {
  const daysLeft = daysBetween(today, r.dueOn);
  return {
    key: `${r.kind}:${r.subjectId}:${r.dueOn}`,
    kind: r.kind,
    title: inboxTitle(r, today),
    secondmentId: r.secondmentId,
    subjectId: r.subjectId,
    status: r.status,
    personId: r.personId,
    personName: r.personName,
    sendingUnitId: r.sendingUnitId,
    sendingUnitName: r.sendingUnitName,
    hostUnitId: r.hostUnitId,
    hostUnitName: r.hostUnitName,
    dueOn: r.dueOn,
    overdue: daysLeft < 0,
    daysLeft,
    link: r.secondmentId
      ? `/secondments/${r.secondmentId}`
      : r.inspectionId
        ? `/inspections?inspection=${r.inspectionId}`
        : (SCHEDULED_REPORT_KINDS as readonly string[]).includes(r.kind)
          ? `/reports/${r.subjectId}`
          : `/training?enrolment=${r.subjectId}`,
  };
}

// ---- Training repayments (Decree 171/2025 Art. 9–13) ----

/** The repayment statuses waiting for the council or the decision (the "since" is the day the step began). */
export const REPAYMENT_PENDING_STATUSES = ['assessed', 'council_formed'] as const satisfies readonly RepaymentStatus[];

export type InboxRepaymentRow = {
  enrolmentId: string;
  status: RepaymentStatus;
  personId: string;
  personName: string;
  budgetUnitId: string;
  budgetUnitName: string;
  budgetPath: string[];
  /** The Vietnam day the repayment was assessed; the council's date once formed. */
  assessedOn: string;
  councilFormedOn: string | null;
  dueOn: string | null;
  /** The amount assessed (đồng, as text): nothing to pursue when 0 (rows assessed before the procedure's statuses). */
  amountVnd: string;
};

/**
 * Sở Nội vụ (covering the budget unit) and the budget unit's head and personnel officer follow a repayment: while
 * assessed or with a council but no decision, the next step (due after the step wait, as a file waiting at a step);
 * once decided and not paid, the payment due on `due_on` (overdue from the day after).
 */
export function repaymentInboxItems(actor: Actor, rows: InboxRepaymentRow[], today: string): InboxItem[] {
  const out: InboxItem[] = [];
  for (const r of rows) {
    const follows = actor.grants.some(
      (g) =>
        (g.role === 'home_affairs' && (g.unitId === null || r.budgetPath.includes(g.unitId))) ||
        ((g.role === 'unit_manager' || g.role === 'unit_hr') && g.unitId !== null && r.budgetPath.includes(g.unitId)),
    );
    if (!follows || BigInt(r.amountVnd) === 0n) continue;
    const base = {
      secondmentId: null,
      subjectId: r.enrolmentId,
      reportKind: null,
      periodNo: null,
      status: r.status,
      personId: r.personId,
      personName: r.personName,
      sendingUnitId: r.budgetUnitId,
      sendingUnitName: r.budgetUnitName,
      hostUnitId: null,
      hostUnitName: null,
    };
    if ((REPAYMENT_PENDING_STATUSES as readonly string[]).includes(r.status)) {
      const since = r.councilFormedOn ?? r.assessedOn;
      out.push(toInboxItem({ ...base, kind: 'repayment_pending', dueOn: addDays(since, SECONDMENT_DEADLINES.stepWaitDays), since }, today));
    } else if (r.status === 'decided' && r.dueOn) {
      out.push(toInboxItem({ ...base, kind: r.dueOn < today ? 'repayment_overdue' : 'repayment_due', dueOn: r.dueOn, since: null }, today));
    }
  }
  return out;
}

// ---- Inspections' recommendations (Plan 131 IV.3) ----

/** The answer waiting for Sở Nội vụ is due this many days after it was given (as a file waiting at a step). */
export const INSPECTION_ANSWER_WAIT_DAYS = SECONDMENT_DEADLINES.stepWaitDays;

export type InboxRecommendationRow = {
  id: string;
  inspectionId: string;
  /** The inspection is concluded (a draft's recommendations are not yet put to the unit). */
  concluded: boolean;
  status: RecommendationStatus;
  deadline: string;
  answeredOn: string | null;
  unitId: string;
  unitName: string;
  unitPath: string[];
};

/**
 * Who follows a recommendation of a concluded inspection, and what for: its deadline passed without an accepted
 * answer is `inspection_recommendation_overdue` for the inspected unit (its head, personnel officer or commune
 * account) and for Sở Nội vụ over it; a deadline within 15 days, not yet answered (or returned), is
 * `inspection_recommendation_due` for the unit; an answer not yet reviewed, before the deadline, is
 * `inspection_answer_pending` for Sở Nội vụ. The SQL of `findInboxPage` says the same.
 */
export function inspectionInboxItems(actor: Actor, rows: InboxRecommendationRow[], today: string): InboxItem[] {
  const out: InboxItem[] = [];
  for (const r of rows) {
    if (!r.concluded || r.status === 'accepted') continue;
    const homeAffairs = actor.grants.some((g) => g.role === 'home_affairs' && (g.unitId === null || r.unitPath.includes(g.unitId)));
    const unit = actor.grants.some(
      (g) => (g.role === 'unit_manager' || g.role === 'unit_hr' || g.role === 'host') && g.unitId !== null && r.unitPath.includes(g.unitId),
    );
    const base = {
      secondmentId: null,
      subjectId: r.id,
      inspectionId: r.inspectionId,
      reportKind: null,
      periodNo: null,
      status: r.status,
      personId: null,
      personName: null,
      sendingUnitId: r.unitId,
      sendingUnitName: r.unitName,
      hostUnitId: null,
      hostUnitName: null,
    };
    if (r.deadline < today) {
      if (unit || homeAffairs) out.push(toInboxItem({ ...base, kind: 'inspection_recommendation_overdue', dueOn: r.deadline, since: null }, today));
    } else if (r.status === 'answered') {
      const since = r.answeredOn ?? today;
      if (homeAffairs) out.push(toInboxItem({ ...base, kind: 'inspection_answer_pending', dueOn: addDays(since, INSPECTION_ANSWER_WAIT_DAYS), since }, today));
    } else if (daysBetween(today, r.deadline) <= RECOMMENDATION_DUE_AHEAD_DAYS && unit) {
      out.push(toInboxItem({ ...base, kind: 'inspection_recommendation_due', dueOn: r.deadline, since: null }, today));
    }
  }
  return out;
}

// ---- The reports of the plan's schedule (server/domain/reports/report-schedule.ts) ----

export type InboxScheduledReportRow = {
  id: string;
  /** Null: the province's report (Sở Nội vụ's to the People's Committee). */
  unitId: string | null;
  unitName: string | null;
  unitPath: string[] | null;
  periodFrom: string;
  dueOn: string | null;
  status: ReportStatus;
};

/**
 * A report of the schedule not yet issued, from `REPORT_DUE_AHEAD_DAYS` before its deadline: a sending unit's for
 * its head and personnel officer (due, then overdue), and once overdue for Sở Nội vụ covering the unit too; the
 * province's for Sở Nội vụ of the province. The title cites the period's start (`since`).
 */
export function scheduledReportItems(actor: Actor, rows: InboxScheduledReportRow[], today: string): InboxItem[] {
  const out: InboxItem[] = [];
  for (const r of rows) {
    if (r.status !== 'draft' || !r.dueOn || daysBetween(today, r.dueOn) > REPORT_DUE_AHEAD_DAYS) continue;
    const late = r.dueOn < today;
    const follows = actor.grants.some((g) => {
      if (r.unitId === null) return g.role === 'home_affairs' && g.unitId === null;
      if ((g.role === 'unit_manager' || g.role === 'unit_hr') && g.unitId && r.unitPath?.includes(g.unitId)) return true;
      return late && g.role === 'home_affairs' && (g.unitId === null || (r.unitPath?.includes(g.unitId) ?? false));
    });
    if (!follows) continue;
    const kind: InboxKind = r.unitId === null ? (late ? 'province_report_overdue' : 'province_report_due') : late ? 'unit_report_overdue' : 'unit_report_due';
    out.push(
      toInboxItem(
        {
          kind,
          secondmentId: null,
          subjectId: r.id,
          dueOn: r.dueOn,
          since: r.periodFrom,
          reportKind: null,
          periodNo: null,
          status: r.status,
          inspectionId: null,
          personId: null,
          personName: null,
          sendingUnitId: r.unitId,
          sendingUnitName: r.unitName ?? 'Sở Nội vụ',
          hostUnitId: null,
          hostUnitName: null,
        },
        today,
      ),
    );
  }
  return out;
}

// ---- The reference reading of the rules, over loaded rows: the SQL of `findInboxPage` must say the same. ----

/** How the actor stands to a secondment (through any of their grants). */
export function relationsOf(actor: Actor, s: Pick<InboxSecondmentRow, 'status' | 'personId' | 'sendingPath' | 'hostPath'>): Set<InboxRelation> {
  const out = new Set<InboxRelation>();
  const touches = (unitId: string | null) => unitId === null || s.sendingPath.includes(unitId) || (s.hostPath?.includes(unitId) ?? false);
  for (const g of actor.grants) {
    if (g.role === 'home_affairs' && touches(g.unitId)) out.add('homeAffairs');
    if (g.role === 'authority' && touches(g.unitId)) out.add('authority');
    if ((g.role === 'unit_manager' || g.role === 'unit_hr') && g.unitId && s.sendingPath.includes(g.unitId)) out.add('sending');
    if (g.role === 'host' && g.unitId && s.hostPath?.includes(g.unitId) && (SECONDMENT_DECIDED_STATUSES as readonly SecondmentStatus[]).includes(s.status))
      out.add('host');
    if (g.role === 'cadre' && actor.personId && actor.personId === s.personId) out.add('own');
  }
  return out;
}

/** The order of the inbox: overdue first, then by due date, then by the cadre's name. */
export const compareInboxItems = (a: InboxItem, b: InboxItem) =>
  Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || (a.personName ?? '').localeCompare(b.personName ?? '', 'vi');

export function inboxItemsFor(actor: Actor, rows: InboxSecondmentRow[], reports: InboxReportRow[], today: string): InboxItem[] {
  const D = SECONDMENT_DEADLINES;
  const evaluation = evaluationDays(today);
  const reportsOf = new Map<string, InboxReportRow[]>();
  for (const r of reports) reportsOf.set(r.secondmentId, [...(reportsOf.get(r.secondmentId) ?? []), r]);
  const items = new Map<string, InboxItem>();

  for (const s of rows) {
    const rel = relationsOf(actor, s);
    if (rel.size === 0) continue;
    const push = (kind: InboxKind, dueOn: string, o: { since?: string | null; subjectId?: string; report?: InboxReportRow } = {}) => {
      const item = toInboxItem(
        {
          kind,
          secondmentId: s.id,
          subjectId: o.subjectId ?? s.id,
          dueOn,
          since: o.since ?? null,
          reportKind: o.report?.kind ?? null,
          periodNo: o.report?.periodNo ?? null,
          status: s.status,
          personId: s.personId,
          personName: s.personName,
          sendingUnitId: s.sendingUnitId,
          sendingUnitName: s.sendingUnitName,
          hostUnitId: s.hostUnitId,
          hostUnitName: s.hostUnitName,
        },
        today,
      );
      items.set(item.key, item);
    };

    // reports: the cadre's own, the host's cadres', and every late one for Sở Nội vụ
    if ((REPORT_STATUSES as readonly string[]).includes(s.status)) {
      for (const r of reportsOf.get(s.id) ?? []) {
        const late = r.dueOn < today;
        if (!late && daysBetween(today, r.dueOn) > REPORT_DUE_AHEAD_DAYS) continue;
        if (!(rel.has('own') || rel.has('host') || (late && rel.has('homeAffairs')))) continue;
        push(late ? 'report_overdue' : 'report_due', r.dueOn, { subjectId: r.id, report: r });
      }
    }

    if (s.status === 'active' && s.endDate) {
      const left = daysBetween(today, s.endDate);
      const [far, near] = D.endWarningDays;
      if (left <= far && (rel.has('sending') || rel.has('host') || rel.has('homeAffairs'))) push(left <= near ? 'end_in_30_days' : 'end_in_90_days', s.endDate);
      // the host's annual evaluation: from 01/12, or before the cadre leaves
      if (rel.has('host') && !s.evaluatedThisYear) {
        const endingSoon = left <= near;
        if (today >= evaluation.from || endingSoon) push('evaluation_due', endingSoon && s.endDate < evaluation.due ? s.endDate : evaluation.due);
      }
      if (rel.has('sending')) {
        const last = s.lastContactOn ?? s.receivedOn ?? s.startDate;
        if (last) {
          const dueOn = addDays(last, D.contactEveryDays);
          if (dueOn < today) push('contact_overdue', dueOn, { since: last });
        }
      }
    }

    if ((PLACEMENT_STATUSES as readonly string[]).includes(s.status) && rel.has('sending')) {
      const ended = s.actualEndDate ?? s.endDate ?? s.stepSince;
      push('placement_due', addDays(ended, D.stepWaitDays), { since: ended });
    }

    // after the return: the commendation (Decree 178/2024 Art. 12) and the result fed back (Plan 131 II.2)
    if (s.status === 'returned' && s.returnedOn && s.outcomeRating && rel.has('sending')) {
      const dueOn = addDays(s.returnedOn, D.stepWaitDays);
      if ((COMMENDATION_RATINGS as readonly string[]).includes(s.outcomeRating) && !s.commendationRecorded) push('commendation_due', dueOn, { since: s.returnedOn });
      if (!s.followUpRecorded) push('follow_up_due', dueOn, { since: s.returnedOn });
    }

    const step = STEP_OWNERS[s.status as keyof typeof STEP_OWNERS];
    if (step && rel.has(step.who)) {
      const dueOn = addDays(s.stepSince, D.stepWaitDays);
      push(dueOn < today ? 'step_overdue' : 'action_needed', dueOn, { since: s.stepSince });
    }
  }
  return [...items.values()].sort(compareInboxItems);
}
