import { beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { useTestDatabase } from '../../test/support/test-database.js';
import { makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../test/support/factories.js';
import JSZip from 'jszip';
import { call, send, testApp, type TestApp } from '../../test/support/test-app.js';
import { seedPlan131 } from '../db/seed/plan-131.seed.js';
import { queueJobOfDayOnce } from '../db/repositories/inbox.repository.js';
import { JobWorker } from './worker.js';
import { REPORT_SCHEDULE_JOB_KIND, reportScheduleJobHandlers } from './report-schedule-job.js';
import { createScheduledReports } from '../domain/reports/create-scheduled-reports.js';
import { periodJustEnded, scheduledDue } from '../domain/reports/report-schedule.js';
import { computeInbox } from '../domain/inbox/get-inbox.js';
import { scheduledReportItems, type InboxScheduledReportRow } from '../domain/inbox/inbox-rules.js';
import { issueReport } from '../domain/reports/issue-report.js';
import { computeReportFigures } from '../domain/reports/report-figures.js';
import { SYSTEM_ACTOR, type Actor } from '../domain/access/actor.js';
import { PLAN_131_PARAMS } from '../../common/plan-params.js';
import { SCHEDULED_REPORT_KINDS } from '../../common/secondment.js';

/**
 * The plan's report schedule (Plan 131 defaults: the units half-yearly, by 10 days after the period; Sở Nội vụ
 * yearly, by 20 days after): the job drafts the period's reports on the day after it ends and not before, once
 * however often it runs; the inbox follows the deadlines; a unit's late report shows on the oversight list and in
 * the province report's figures as an SQL count says; a unit sees only its own reports.
 */
const t = useTestDatabase();
const logger = pino({ level: 'silent' });
let app: TestApp;
const u: Record<string, UnitRef> = {};
const s: Record<string, Session> = {};
const H1 = { from: '2026-01-01', to: '2026-06-30' };

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.get().pool.query(text, params)).rows as T[];
const actor = (role: Actor['grants'][number]['role'], unitId: string | null): Actor => ({
  ...SYSTEM_ACTOR,
  userId: crypto.randomUUID(),
  grants: [{ role, unitId }],
});
const reportsOf = (from: string, to: string) =>
  q<{ id: string; unitId: string | null; dueOn: string; createdBy: string; status: string }>(
    `SELECT id, unit_id AS "unitId", due_on::text AS "dueOn", created_by AS "createdBy", status FROM reports WHERE period_from = $1 AND period_to = $2 ORDER BY unit_id NULLS FIRST`,
    [from, to],
  );
/** The rows the pure reference reads, loaded straight from the tables. */
const scheduledRows = () =>
  q<InboxScheduledReportRow>(`SELECT r.id, r.unit_id AS "unitId", u.name AS "unitName", u.path::text[] AS "unitPath", r.period_from::text AS "periodFrom",
    r.due_on::text AS "dueOn", r.status FROM reports r LEFT JOIN org_units u ON u.id = r.unit_id`);
const scheduledInbox = async (a: Actor, on: string) =>
  (await computeInbox(t.get().db, a, on))
    .filter((i) => (SCHEDULED_REPORT_KINDS as readonly string[]).includes(i.kind))
    .map((i) => `${i.kind}:${i.subjectId}:${i.daysLeft}`)
    .sort();
const reference = async (a: Actor, on: string) =>
  scheduledReportItems(a, await scheduledRows(), on)
    .map((i) => `${i.kind}:${i.subjectId}:${i.daysLeft}`)
    .sort();

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(pool);
  const c = await pool.connect();
  try {
    await seedPlan131(c);
  } finally {
    c.release();
  }
  u.root = await makeUnit(pool, { kind: 'peoples_committee', name: 'UBND thành phố' });
  u.deptA = await makeUnit(pool, { parent: u.root, staffing: 40, name: 'Sở Tài chính', code: 'STC' });
  u.deptB = await makeUnit(pool, { parent: u.root, staffing: 60, name: 'Sở Xây dựng', code: 'SXD' });
  u.subA = await makeUnit(pool, { parent: u.deptA, kind: 'sub_unit', name: 'Phòng Ngân sách' });
  u.c1 = await makeUnit(pool, { parent: u.root, kind: 'commune', name: 'Xã Một' });
  s.ha = await makeSession(pool, 'home_affairs');
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: u.deptA.id });
  s.hrB = await makeSession(pool, 'unit_manager', { unitId: u.deptB.id });
});

describe('the schedule of the plan (pure)', () => {
  it('takes the calendar period last ended and its deadline; another span has none', () => {
    expect(periodJustEnded('2026-07-01', PLAN_131_PARAMS, 'unit')).toEqual({ ...H1, dueOn: '2026-07-10' });
    expect(periodJustEnded('2026-06-30', PLAN_131_PARAMS, 'unit')).toEqual({ from: '2025-07-01', to: '2025-12-31', dueOn: '2026-01-10' });
    expect(periodJustEnded('2027-01-01', PLAN_131_PARAMS, 'province')).toEqual({ from: '2026-01-01', to: '2026-12-31', dueOn: '2027-01-20' });
    expect(scheduledDue('2026-01-01', '2026-06-30', PLAN_131_PARAMS, 'unit')).toBe('2026-07-10');
    expect(scheduledDue('2026-01-01', '2026-06-29', PLAN_131_PARAMS, 'unit')).toBeNull();
    expect(scheduledDue('2026-01-01', '2026-06-30', PLAN_131_PARAMS, 'province')).toBeNull(); // the province reports yearly
  });
});

describe('the report schedule job', () => {
  it('drafts nothing for the half year on its last day, then each unit its draft on the day after, once however often it runs', async () => {
    const db = t.get().db;
    await db.transaction((tx) => createScheduledReports(tx, '2026-06-30'));
    expect(await reportsOf(H1.from, H1.to)).toEqual([]);
    // the day before had the previous periods drafted: the province's 2025 and the units' second half of 2025
    expect((await reportsOf('2025-01-01', '2025-12-31')).map((r) => [r.unitId, r.dueOn])).toEqual([[null, '2026-01-20']]);
    expect((await reportsOf('2025-07-01', '2025-12-31')).map((r) => r.unitId).sort()).toEqual([u.deptA.id, u.deptB.id].sort());

    // the day after the half year: through the worker, queued twice by two processes, then run again by hand
    const worker = new JobWorker(t.get(), logger, reportScheduleJobHandlers(t.get(), logger));
    expect(await queueJobOfDayOnce(db, REPORT_SCHEDULE_JOB_KIND, '2026-07-01')).toBeTruthy();
    expect(await queueJobOfDayOnce(db, REPORT_SCHEDULE_JOB_KIND, '2026-07-01')).toBeNull();
    expect(await worker.drain()).toBe(1);
    const job = (
      await q<{ status: string; result: { units: { created: number } } }>(`SELECT status, result FROM jobs WHERE kind = $1`, [REPORT_SCHEDULE_JOB_KIND])
    )[0]!;
    expect(job.status).toBe('succeeded');
    expect(job.result.units.created).toBe(2);
    await db.transaction((tx) => createScheduledReports(tx, '2026-07-01'));
    await db.transaction((tx) => createScheduledReports(tx, '2026-07-02'));

    const h1 = await reportsOf(H1.from, H1.to);
    // one draft per city-level unit (not the sub-unit, not the commune), none for the province (it reports yearly)
    expect(h1.map((r) => r.unitId).sort()).toEqual([u.deptA.id, u.deptB.id].sort());
    expect(h1.every((r) => r.dueOn === '2026-07-10' && r.status === 'draft' && r.createdBy === SYSTEM_ACTOR.userId)).toBe(true);
    const audits = await q<{ n: number; actor: string }>(
      `SELECT count(*)::int AS n, min(actor_name) AS actor FROM audit_log WHERE entity_type = 'report' AND action = 'create' AND entity_id = ANY($1::text[])`,
      [h1.map((r) => r.id)],
    );
    expect(audits[0]).toEqual({ n: 2, actor: SYSTEM_ACTOR.displayName });
    // and a unit drafting by hand a period of the schedule gets its deadline too
    const manual = await call(app, 'POST', '/api/reports', { session: s.hrA, body: { from: '2025-01-01', to: '2025-06-30', unitId: u.deptA.id } });
    expect(manual.status).toBe(201);
    expect(manual.json.dueOn).toBe('2025-07-10');
  });

  it('puts the reports in the inbox around their deadline, as the pure reference reads them', async () => {
    const [a, b] = [
      (await reportsOf(H1.from, H1.to)).find((r) => r.unitId === u.deptA.id)!,
      (await reportsOf(H1.from, H1.to)).find((r) => r.unitId === u.deptB.id)!,
    ];
    const hrA = actor('unit_hr', u.deptA.id);
    const ha = actor('home_affairs', null);
    const subHr = actor('unit_hr', u.subA.id);
    const dueOf = async (x: Actor, on: string) => (await scheduledInbox(x, on)).filter((k) => k.includes(a.id) || k.includes(b.id));
    // due within the days ahead: the unit's staff; Sở Nội vụ not yet
    expect(await dueOf(hrA, '2026-07-01')).toEqual([`unit_report_due:${a.id}:9`]);
    expect(await dueOf(hrA, '2026-07-10')).toEqual([`unit_report_due:${a.id}:0`]);
    expect(await dueOf(ha, '2026-07-10')).toEqual([]);
    // the day after the deadline: overdue for the unit and for Sở Nội vụ (both units), not for a sub-unit's officer
    expect(await dueOf(hrA, '2026-07-11')).toEqual([`unit_report_overdue:${a.id}:-1`]);
    expect(await dueOf(ha, '2026-07-11')).toEqual([`unit_report_overdue:${a.id}:-1`, `unit_report_overdue:${b.id}:-1`].sort());
    expect(await dueOf(subHr, '2026-07-11')).toEqual([]);
    // the province's report of 2025 (due 20/01/2026) is overdue for Sở Nội vụ only
    const prov = (await reportsOf('2025-01-01', '2025-12-31'))[0]!;
    expect(await scheduledInbox(ha, '2026-01-20')).toContain(`province_report_due:${prov.id}:0`);
    expect(await scheduledInbox(ha, '2026-07-11')).toContain(`province_report_overdue:${prov.id}:-172`);
    expect((await scheduledInbox(hrA, '2026-07-11')).some((k) => k.startsWith('province_'))).toBe(false);
    // the SQL of the inbox says what the reference says, for every actor and day
    for (const x of [hrA, ha, subHr, actor('unit_manager', u.deptB.id), actor('host', u.c1.id)])
      for (const on of ['2026-06-25', '2026-07-01', '2026-07-10', '2026-07-11', '2026-08-01'])
        expect(await scheduledInbox(x, on), `${x.grants[0]!.role} ${on}`).toEqual(await reference(x, on));
    // the item links to the report
    const item = (await computeInbox(t.get().db, hrA, '2026-07-01')).find((i) => i.subjectId === a.id)!;
    expect(item).toMatchObject({ link: `/reports/${a.id}`, personId: null, sendingUnitName: 'Sở Tài chính', status: 'draft' });
  });

  it("shows a unit's late report on the oversight list and counts it in the province's figures as SQL does", async () => {
    const db = t.get().db;
    const b = (await reportsOf(H1.from, H1.to)).find((r) => r.unitId === u.deptB.id)!;
    const a = (await reportsOf(H1.from, H1.to)).find((r) => r.unitId === u.deptA.id)!;
    // unit B issues its report on time; unit A does not
    await db.transaction((tx) =>
      issueReport({ actor: actor('unit_manager', u.deptB.id), tx, requestId: null, today: '2026-07-08' }, b.id, {
        version: 1,
        issuedOn: '2026-07-08',
        signerName: 'Lê Văn Ba',
        signerTitle: 'Giám đốc',
      }),
    );
    const late = await call(app, 'GET', '/api/oversight/late-unit-reports?on=2026-07-15', { session: s.ha });
    expect(late.status).toBe(200);
    const ours = late.json.items.filter((x: { periodFrom: string }) => x.periodFrom === H1.from);
    expect(ours).toEqual([expect.objectContaining({ reportId: a.id, unitName: 'Sở Tài chính', dueOn: '2026-07-10', days: 5 })]);
    // a sending unit does not read the oversight lists
    expect((await call(app, 'GET', '/api/oversight/late-unit-reports', { session: s.hrA })).status).toBe(403);

    const ha = actor('home_affairs', null);
    const f = await computeReportFigures({ actor: ha, tx: db, requestId: null, today: '2026-07-15' }, { from: '2026-01-01', to: '2026-12-31', unitId: null });
    const value = (k: string) => f.figures.find((x) => x.key === k)?.value;
    const sql = (
      await q<{ due: number; on_time: number; late: number }>(
        `SELECT count(*)::int AS due, count(*) FILTER (WHERE status = 'issued' AND issued_on <= due_on)::int AS on_time,
           count(*) FILTER (WHERE (status = 'draft' AND due_on < '2026-07-15') OR issued_on > due_on)::int AS late
         FROM reports WHERE unit_id IS NOT NULL AND due_on IS NOT NULL AND period_to BETWEEN '2026-01-01' AND '2026-12-31'`,
      )
    )[0]!;
    expect(sql).toEqual({ due: 2, on_time: 1, late: 1 });
    expect([value('unit_reports.due'), value('unit_reports.on_time'), value('unit_reports.late')]).toEqual([sql.due, sql.on_time, sql.late]);
    // the list filters the units' late ones, tagged with their deadline
    const list = await call(app, 'GET', '/api/reports?issuer=units&status=late', { session: s.ha });
    expect(list.json.items.map((r: { id: string }) => r.id)).toContain(a.id);
    expect(list.json.items.map((r: { id: string }) => r.id)).not.toContain(b.id);
    expect(list.json.items.find((r: { id: string }) => r.id === a.id)).toMatchObject({ dueOn: '2026-07-10', late: true });
    // and section III of the province's report of 2026 states the late ones (the request's today: unit A's is still late)
    const drafted = await call(app, 'POST', '/api/reports', { session: s.ha, body: { from: '2026-01-01', to: '2026-12-31' } });
    expect(drafted.status).toBe(201);
    expect(drafted.json.dueOn).toBe('2027-01-20');
    const res = await send(app, `/api/reports/${drafted.json.id}/report.docx`, { headers: { cookie: s.ha.cookie } });
    expect(res.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('Báo cáo của cơ quan, đơn vị gửi Sở Nội vụ chậm hoặc chưa gửi: 1/2 báo cáo đến hạn.');
  });

  it('a unit sees, drafts and issues only its own reports', async () => {
    const list = await call(app, 'GET', '/api/reports', { session: s.hrA });
    expect(list.status).toBe(200);
    expect(list.json.items.length).toBeGreaterThan(0);
    expect(list.json.items.every((r: { unitId: string | null }) => r.unitId === u.deptA.id)).toBe(true);
    const b = (await reportsOf(H1.from, H1.to)).find((r) => r.unitId === u.deptB.id)!;
    expect((await call(app, 'GET', `/api/reports/${b.id}`, { session: s.hrA })).status).toBe(404);
    const province = (await reportsOf('2025-01-01', '2025-12-31'))[0]!;
    expect((await call(app, 'GET', `/api/reports/${province.id}`, { session: s.hrA })).status).toBe(404);
    expect((await call(app, 'POST', '/api/reports', { session: s.hrA, body: { from: H1.from, to: H1.to, unitId: u.deptB.id } })).status).toBe(404);
    expect((await call(app, 'POST', '/api/reports', { session: s.hrA, body: { from: H1.from, to: H1.to } })).status).toBe(403);
    // the session tells the web it may open "Báo cáo" and draft there
    const me = await call(app, 'GET', '/api/auth/me', { session: s.hrA });
    expect(me.json.features).toContain('reports');
    expect(me.json.capabilities).toEqual(expect.arrayContaining(['readReports', 'draftReports']));
  });
});
