import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import {
  inboxItemsFor,
  inboxTitle,
  repaymentInboxItems,
  scheduledReportItems,
  type InboxRepaymentRow,
  type InboxReportRow,
  type InboxScheduledReportRow,
  type InboxSecondmentRow,
} from './inbox-rules.js';
import { addDays } from '../../../common/dates.js';

const TODAY = '2026-11-26';
const ROOT = 'root';
const row = (o: Partial<InboxSecondmentRow>): InboxSecondmentRow => ({
  id: 's1',
  status: 'active',
  personId: 'p1',
  personName: 'Nguyễn Văn An',
  sendingUnitId: 'A',
  sendingUnitName: 'Sở A',
  sendingPath: [ROOT, 'A'],
  hostUnitId: 'X',
  hostUnitName: 'Xã X',
  hostPath: [ROOT, 'X'],
  startDate: '2025-09-01',
  endDate: '2028-08-31',
  receivedOn: '2025-09-01',
  actualEndDate: null,
  stepSince: '2025-09-01',
  lastContactOn: addDays(TODAY, -10),
  evaluatedThisYear: false,
  ...o,
});
const actor = (role: Actor['grants'][number]['role'], unitId: string | null = null, personId: string | null = null): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  personId,
  grants: [{ role, unitId }],
});
const kinds = (a: Actor, rows: InboxSecondmentRow[], reports: InboxReportRow[] = [], today = TODAY) => inboxItemsFor(a, rows, reports, today).map((i) => i.kind);

describe('inbox rules', () => {
  it('a report due today is due, not overdue; due yesterday is overdue', () => {
    const reports: InboxReportRow[] = [
      { id: 'r1', secondmentId: 's1', kind: 'periodic', periodNo: 2, dueOn: TODAY },
      { id: 'r2', secondmentId: 's1', kind: 'periodic', periodNo: 1, dueOn: addDays(TODAY, -1) },
      { id: 'r3', secondmentId: 's1', kind: 'periodic', periodNo: 3, dueOn: addDays(TODAY, 16) },
    ];
    const items = inboxItemsFor(actor('cadre', null, 'p1'), [row({})], reports, TODAY);
    expect(items.map((i) => [i.subjectId, i.kind, i.overdue])).toEqual([
      ['r2', 'report_overdue', true],
      ['r1', 'report_due', false],
    ]);
    expect(items[0].title).toContain('quá hạn');
    expect(items[1].title).toBe(`Báo cáo định kỳ kỳ 2 đến hạn nộp ngày 26/11/2026`);
    // Sở Nội vụ sees only the late one; another cadre nothing
    expect(
      inboxItemsFor(actor('home_affairs'), [row({})], reports, TODAY)
        .filter((i) => i.kind.startsWith('report'))
        .map((i) => i.subjectId),
    ).toEqual(['r2']);
    expect(kinds(actor('cadre', null, 'p2'), [row({})], reports)).toEqual([]);
  });

  it('warns 90 and 30 days before the end, at their boundaries', () => {
    const at = (d: number) => kinds(actor('unit_hr', 'A'), [row({ endDate: addDays(TODAY, d) })]).filter((k) => k.startsWith('end'));
    expect(at(91)).toEqual([]);
    expect(at(90)).toEqual(['end_in_90_days']);
    expect(at(31)).toEqual(['end_in_90_days']);
    expect(at(30)).toEqual(['end_in_30_days']);
    expect(at(0)).toEqual(['end_in_30_days']);
    // the host is warned too, another unit is not
    expect(kinds(actor('host', 'X'), [row({ endDate: addDays(TODAY, 60) })])).toContain('end_in_90_days');
    expect(kinds(actor('unit_hr', 'B'), [row({ endDate: addDays(TODAY, 60) })])).toEqual([]);
  });

  it('a step waits 15 days before it is overdue', () => {
    const ha = actor('home_affairs');
    const at = (d: number) => inboxItemsFor(ha, [row({ status: 'proposed', stepSince: addDays(TODAY, -d), hostUnitId: null, hostPath: null })], [], TODAY)[0];
    expect(at(15)).toMatchObject({ kind: 'action_needed', overdue: false, dueOn: TODAY });
    expect(at(16)).toMatchObject({ kind: 'step_overdue', overdue: true });
    // the step belongs to Sở Nội vụ: the authority and the unit have nothing to do
    expect(kinds(actor('authority'), [row({ status: 'proposed' })])).toEqual([]);
    expect(kinds(actor('unit_hr', 'A'), [row({ status: 'sent_back', stepSince: addDays(TODAY, -2) })])).toEqual(['action_needed']);
    expect(kinds(actor('authority'), [row({ status: 'appraised' })])).toEqual(['step_overdue']);
    expect(kinds(actor('host', 'X'), [row({ status: 'decided', stepSince: addDays(TODAY, -3) })])).toEqual(['action_needed']);
  });

  it('asks the host for the annual evaluation from 01/12 or before the cadre leaves', () => {
    const host = actor('host', 'X');
    expect(kinds(host, [row({})], [], '2026-11-30')).toEqual([]);
    expect(kinds(host, [row({})], [], '2026-12-01')).toEqual(['evaluation_due']);
    expect(kinds(host, [row({ evaluatedThisYear: true })], [], '2026-12-01')).toEqual([]);
    const leaving = inboxItemsFor(host, [row({ endDate: '2027-03-10' })], [], '2027-02-20').find((i) => i.kind === 'evaluation_due');
    expect(leaving?.dueOn).toBe('2027-03-10');
  });

  it('reminds the sending unit to place a returning cadre and to keep in touch', () => {
    const unit = actor('unit_manager', 'A');
    expect(kinds(unit, [row({ status: 'completed', endDate: addDays(TODAY, -3) })])).toEqual(['placement_due']);
    expect(kinds(unit, [row({ lastContactOn: addDays(TODAY, -90) })])).toEqual([]);
    expect(kinds(unit, [row({ lastContactOn: addDays(TODAY, -91) })])).toEqual(['contact_overdue']);
    expect(kinds(unit, [row({ lastContactOn: null, receivedOn: addDays(TODAY, -200) })])).toEqual(['contact_overdue']);
  });
  it('after the return asks the sending unit for the commendation (HTT or HTXS) and the follow-up, until each is recorded', () => {
    const unit = actor('unit_hr', 'A');
    const back = (o: Partial<InboxSecondmentRow>) => row({ status: 'returned', returnedOn: addDays(TODAY, -20), outcomeRating: 'HTT', ...o });
    const items = inboxItemsFor(unit, [back({})], [], TODAY);
    expect(items.map((i) => i.kind).sort()).toEqual(['commendation_due', 'follow_up_due']);
    // due 15 days after the return: overdue by now
    expect(items.every((i) => i.dueOn === addDays(TODAY, -5) && i.overdue)).toBe(true);
    expect(items.find((i) => i.kind === 'commendation_due')!.title).toMatch(/đề nghị khen thưởng/);
    expect(kinds(unit, [back({ outcomeRating: 'HTXS', commendationRecorded: true })])).toEqual(['follow_up_due']);
    expect(kinds(unit, [back({ outcomeRating: 'HT' })])).toEqual(['follow_up_due']);
    expect(kinds(unit, [back({ followUpRecorded: true, commendationRecorded: true })])).toEqual([]);
    // the unit's items only
    expect(kinds(actor('home_affairs'), [back({})])).toEqual([]);
    expect(kinds(actor('host', 'X'), [back({})])).toEqual([]);
  });
});

describe('training repayments in the inbox (Decree 171/2025 Art. 9–13)', () => {
  const rep = (o: Partial<InboxRepaymentRow>): InboxRepaymentRow => ({
    enrolmentId: 'e1',
    status: 'assessed',
    personId: 'p1',
    personName: 'Đặng Thị Thu',
    budgetUnitId: 'A',
    budgetUnitName: 'Sở A',
    budgetPath: [ROOT, 'A'],
    assessedOn: '2026-11-20',
    councilFormedOn: null,
    dueOn: null,
    amountVnd: '1550000',
    ...o,
  });
  const of = (a: Actor, r: InboxRepaymentRow, today = TODAY) => repaymentInboxItems(a, [r], today).map((i) => [i.kind, i.dueOn, i.overdue]);
  it('assessed or with a council: Sở Nội vụ and the budget unit make the next step; another unit, the host, the cadre do not', () => {
    expect(of(actor('home_affairs'), rep({}))).toEqual([['repayment_pending', '2026-12-05', false]]);
    expect(of(actor('unit_hr', 'A'), rep({ status: 'council_formed', councilFormedOn: '2026-11-01' }))).toEqual([['repayment_pending', '2026-11-16', true]]);
    expect(of(actor('unit_hr', 'B'), rep({}))).toEqual([]);
    expect(of(actor('host', 'A'), rep({}))).toEqual([]);
    expect(of(actor('cadre', null, 'p1'), rep({}))).toEqual([]);
    expect(repaymentInboxItems(actor('home_affairs'), [rep({})], TODAY)[0]).toMatchObject({ secondmentId: null, link: '/training?enrolment=e1' });
  });
  it('decided: due until the due date, overdue the day after; paid, waived or not due: nothing', () => {
    const decided = rep({ status: 'decided', dueOn: TODAY });
    expect(of(actor('home_affairs'), decided)).toEqual([['repayment_due', TODAY, false]]);
    expect(of(actor('home_affairs'), decided, addDays(TODAY, 1))).toEqual([['repayment_overdue', TODAY, true]]);
    for (const status of ['paid', 'waived', 'not_due'] as const) expect(of(actor('home_affairs'), rep({ status, dueOn: TODAY }))).toEqual([]);
    // a row assessed at 0 before the procedure's statuses existed: nothing to pursue
    expect(of(actor('home_affairs'), rep({ amountVnd: '0' }))).toEqual([]);
  });
});

describe("the reports of the plan's schedule in the inbox", () => {
  const unitReport = (o: Partial<InboxScheduledReportRow> = {}): InboxScheduledReportRow => ({
    id: 'rp1',
    unitId: 'A',
    unitName: 'Sở A',
    unitPath: [ROOT, 'A'],
    periodFrom: '2026-01-01',
    dueOn: '2026-07-10',
    status: 'draft',
    ...o,
  });
  const of = (a: Actor, r: InboxScheduledReportRow, today: string) => scheduledReportItems(a, [r], today).map((i) => [i.kind, i.daysLeft]);

  it("a unit's report: its staff from 15 days ahead, due on its day, overdue the day after, when Sở Nội vụ follows it too", () => {
    expect(of(actor('unit_hr', 'A'), unitReport(), '2026-06-24')).toEqual([]);
    expect(of(actor('unit_hr', 'A'), unitReport(), '2026-06-25')).toEqual([['unit_report_due', 15]]);
    expect(of(actor('unit_manager', 'A'), unitReport(), '2026-07-10')).toEqual([['unit_report_due', 0]]);
    expect(of(actor('home_affairs'), unitReport(), '2026-07-10')).toEqual([]);
    expect(of(actor('unit_hr', 'A'), unitReport(), '2026-07-11')).toEqual([['unit_report_overdue', -1]]);
    expect(of(actor('home_affairs'), unitReport(), '2026-07-11')).toEqual([['unit_report_overdue', -1]]);
    expect(of(actor('home_affairs', 'B'), unitReport(), '2026-07-11')).toEqual([]); // Sở Nội vụ of another subtree
    expect(of(actor('unit_hr', 'B'), unitReport(), '2026-07-11')).toEqual([]);
    expect(of(actor('host', 'A'), unitReport(), '2026-07-11')).toEqual([]);
  });

  it("issued, or with no deadline, it asks nothing; the province's report is Sở Nội vụ's of the province", () => {
    expect(of(actor('unit_hr', 'A'), unitReport({ status: 'issued' }), '2026-07-11')).toEqual([]);
    expect(of(actor('unit_hr', 'A'), unitReport({ dueOn: null }), '2026-07-11')).toEqual([]);
    const province = unitReport({ unitId: null, unitName: null, unitPath: null, periodFrom: '2025-01-01', dueOn: '2026-01-20' });
    expect(of(actor('home_affairs'), province, '2026-01-20')).toEqual([['province_report_due', 0]]);
    expect(of(actor('home_affairs'), province, '2026-01-21')).toEqual([['province_report_overdue', -1]]);
    expect(of(actor('home_affairs', 'A'), province, '2026-01-21')).toEqual([]);
    expect(of(actor('authority'), province, '2026-01-21')).toEqual([]);
    const item = scheduledReportItems(actor('home_affairs'), [province], '2026-01-21')[0]!;
    expect(item).toMatchObject({ link: '/reports/rp1', personId: null, personName: null, sendingUnitId: null, sendingUnitName: 'Sở Nội vụ' });
    expect(inboxTitle({ ...item, reportKind: null, periodNo: null, since: '2025-01-01' }, '2026-01-21')).toBe(
      'Báo cáo Ủy ban nhân dân kết quả thực hiện kế hoạch, kỳ từ 01/01/2025, quá hạn (hạn 20/01/2026)',
    );
  });
});
