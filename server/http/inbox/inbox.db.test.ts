import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildFixture, day, findInboxSecondments, findPendingReports, makeSecondment, T, type Fixture } from '../../../test/support/inbox-fixtures.js';
import type { Actor } from '../../domain/access/actor.js';
import { computeInbox, readInboxPage } from '../../domain/inbox/get-inbox.js';
import { compareInboxItems, inboxItemsFor } from '../../domain/inbox/inbox-rules.js';
import { secondmentsScope } from '../../db/scope.js';
import { addDays } from '../../../common/dates.js';

const t = useTestDatabase();
let app: TestApp;
let f: Fixture;

beforeAll(async () => {
  app = testApp(t.get());
  f = await buildFixture(t.get().pool);
});

type Item = { kind: string; secondmentId: string; subjectId: string; overdue: boolean; dueOn: string; title: string; link: string; personName: string };
async function inbox(who: keyof Fixture['sessions'], on = T): Promise<Item[]> {
  const r = await call(app, 'GET', `/api/inbox?on=${on}`, { session: f.sessions[who] });
  expect(r.status).toBe(200);
  expect(r.json.total).toBe(r.json.items.length);
  return r.json.items;
}
const summary = (items: Item[]) => items.map((i) => `${i.kind}:${Object.entries(f.s).find(([, s]) => s.id === i.secondmentId)?.[0]}`).sort();

describe('GET /api/inbox', () => {
  it('a sending unit sees its own secondments only: ends approaching, placement due — never unit B’s', async () => {
    const a = await inbox('hrA');
    expect(summary(a)).toEqual(['end_in_30_days:a2', 'end_in_90_days:a1', 'placement_due:a5']);
    expect(summary(await inbox('mgrA'))).toEqual(summary(a));
    const b = await inbox('hrB');
    expect(summary(b)).toEqual(['action_needed:b2']);
    const aIds = new Set([f.s.a1, f.s.a2, f.s.a3, f.s.a4, f.s.a5, f.s.a6].map((x) => x.id));
    expect(b.some((i) => aIds.has(i.secondmentId))).toBe(false);
    expect(a[0].link).toMatch(/^\/secondments\/[0-9a-f-]{36}$/);
  });

  it('the end warnings move at their boundaries: 91 days out nothing, 90 days the first, 30 days the second', async () => {
    // on T-1, a1 (ends T+90) is 91 days out and a2 (ends T+30) is 31 days out
    expect(summary(await inbox('hrA', day(-1))).filter((k) => k.startsWith('end'))).toEqual(['end_in_90_days:a2']);
    expect(summary(await inbox('hrA', day(0))).filter((k) => k.startsWith('end'))).toEqual(['end_in_30_days:a2', 'end_in_90_days:a1']);
    // b1 ends T+91: not yet for unit B; the next day it is
    expect(summary(await inbox('hrB', day(1))).filter((k) => k.startsWith('end'))).toEqual(['end_in_90_days:b1']);
  });

  it('a host sees its cadres’ reports (due today is not overdue, yesterday is) and the cadres awaiting reception', async () => {
    const c1 = await inbox('hostC1');
    const reports = c1.filter((i) => i.kind.startsWith('report'));
    expect(reports.map((i) => [i.subjectId, i.kind, i.overdue])).toEqual([
      [f.reports.a1Late, 'report_overdue', true],
      [f.reports.a1Today, 'report_due', false],
    ]);
    expect(c1.some((i) => i.subjectId === f.reports.a1Far || i.subjectId === f.reports.a1Done)).toBe(false);
    // a2 leaves within 30 days without this year's evaluation: the host is asked for it now, due by 15/12
    expect(summary(c1)).toEqual(['end_in_30_days:a2', 'end_in_90_days:a1', 'evaluation_due:a2', 'report_due:a1', 'report_overdue:a1']);
    expect(c1.find((i) => i.kind === 'evaluation_due')!.dueOn).toBe('2026-12-15');
    // the appraised a4 suggests c1, but nothing is decided yet: not c1's business
    expect(c1.some((i) => i.secondmentId === f.s.a4.id)).toBe(false);
    const c2 = await inbox('hostC2');
    expect(summary(c2)).toEqual(['action_needed:b3', 'report_overdue:b1']);
    // the next day the report due today becomes overdue
    const tomorrow = (await inbox('hostC1', day(1))).find((i) => i.subjectId === f.reports.a1Today);
    expect(tomorrow).toMatchObject({ kind: 'report_overdue', overdue: true });
  });

  it('a cadre sees their own reports only', async () => {
    const items = await inbox('cadreA1');
    expect(items.map((i) => i.kind)).toEqual(['report_overdue', 'report_due']);
    expect(items.every((i) => i.secondmentId === f.s.a1.id)).toBe(true);
    expect(items[1].title).toBe('Báo cáo định kỳ kỳ 2 đến hạn nộp ngày 26/11/2026');
  });

  it('Sở Nội vụ sees every late report, the proposals waiting for it, and the ends; the authority what waits for its decision', async () => {
    const ha = await inbox('homeAffairs');
    expect(summary(ha)).toEqual(['end_in_30_days:a2', 'end_in_90_days:a1', 'report_overdue:a1', 'report_overdue:b1', 'step_overdue:a3']);
    expect(ha.find((i) => i.kind === 'step_overdue')!.title).toContain('đã chờ 16 ngày');
    expect(summary(await inbox('authority'))).toEqual(['action_needed:a4']);
  });

  it('a proposal waiting exactly 15 days is not yet overdue', async () => {
    const ha = await inbox('homeAffairs', day(-1));
    expect(ha.find((i) => i.secondmentId === f.s.a3.id)).toMatchObject({ kind: 'action_needed', overdue: false });
  });

  it('the administrator has no inbox', async () => {
    expect((await call(app, 'GET', '/api/inbox', { session: f.sessions.admin })).status).toBe(403);
  });
});

describe('GET /api/inbox, one page at a time', () => {
  it('pages the items in the inbox order, with the counts of every item whatever the filter', async () => {
    const get = async (q: string) => {
      const r = await call(app, 'GET', `/api/inbox?on=${T}&${q}`, { session: f.sessions.homeAffairs });
      expect(r.status).toBe(200);
      return r.json;
    };
    const all = await get('pageSize=200');
    expect(all).toMatchObject({ total: 5, overdue: 3, matching: 5, page: 1, pageSize: 200 });
    expect(all.countsByKind).toEqual({
      report_due: 0,
      report_overdue: 2,
      end_in_90_days: 1,
      end_in_30_days: 1,
      evaluation_due: 0,
      placement_due: 0,
      action_needed: 0,
      step_overdue: 1,
      contact_overdue: 0,
      repayment_pending: 0,
      repayment_due: 0,
      repayment_overdue: 0,
      commendation_due: 0,
      follow_up_due: 0,
      inspection_recommendation_due: 0,
      inspection_recommendation_overdue: 0,
      inspection_answer_pending: 0,
      // the plan's report schedule (its own test: server/jobs/report-schedule-job.db.test.ts)
      unit_report_due: 0,
      unit_report_overdue: 0,
      province_report_due: 0,
      province_report_overdue: 0,
    });
    // overdue first, then by due date
    expect(all.items.map((i: Item) => i.overdue)).toEqual([true, true, true, false, false]);
    const pages = [await get('page=1&pageSize=2'), await get('page=2&pageSize=2'), await get('page=3&pageSize=2'), await get('page=4&pageSize=2')];
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1, 0]);
    expect(pages.every((p) => p.total === 5 && p.matching === 5)).toBe(true);
    expect(pages.flatMap((p) => p.items.map((i: Item) => i.subjectId))).toEqual(all.items.map((i: Item) => i.subjectId));

    const late = await get('kind=report_overdue');
    expect(late).toMatchObject({ total: 5, overdue: 3, matching: 2 });
    expect(late.items.map((i: Item) => i.subjectId).sort()).toEqual([f.reports.a1Late, f.reports.b1Late].sort());
    const overdue = await get('overdue=true');
    expect(overdue.matching).toBe(3);
    expect(overdue.items.map((i: Item) => i.kind).sort()).toEqual(['report_overdue', 'report_overdue', 'step_overdue']);
    const notYet = await get('overdue=false&kind=end_in_30_days');
    expect(notYet.items.map((i: Item) => i.secondmentId)).toEqual([f.s.a2.id]);
    expect((await call(app, 'GET', '/api/inbox?pageSize=201', { session: f.sessions.homeAffairs })).status).toBe(422);
    expect((await call(app, 'GET', '/api/inbox?kind=unknown', { session: f.sessions.homeAffairs })).status).toBe(422);
  });

  it('the badge reads the counts only', async () => {
    const r = await call(app, 'GET', `/api/inbox/count?on=${T}`, { session: f.sessions.homeAffairs });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ today: T, total: 5, overdue: 3 });
    const hrB = await call(app, 'GET', `/api/inbox/count?on=${T}`, { session: f.sessions.hrB });
    expect(hrB.json).toMatchObject({ total: 1, overdue: 0 });
    expect((await call(app, 'GET', '/api/inbox/count', { session: f.sessions.admin })).status).toBe(403);
  });
});

describe('the SQL of the inbox says what the rules say', () => {
  it('yields the items of the reference reading, for every kind of grant, on days across the boundaries', async () => {
    const { db, pool } = t.get();
    const u = f.units;
    const a1PersonId = f.s.a1.personId;
    const actor = (grants: Actor['grants'], personId: string | null = null): Actor => ({ userId: 'u', username: 'u', displayName: 'U', personId, grants });
    const actors: Record<string, Actor> = {
      homeAffairs: actor([{ role: 'home_affairs', unitId: null }]),
      homeAffairsOverB: actor([{ role: 'home_affairs', unitId: u.deptB.id }]),
      authority: actor([{ role: 'authority', unitId: null }]),
      authorityOverC1: actor([{ role: 'authority', unitId: u.c1.id }]),
      hrA: actor([{ role: 'unit_hr', unitId: u.deptA.id }]),
      hrSubA: actor([{ role: 'unit_hr', unitId: u.subA.id }]),
      mgrB: actor([{ role: 'unit_manager', unitId: u.deptB.id }]),
      hostC1: actor([{ role: 'host', unitId: u.c1.id }]),
      hostC2: actor([{ role: 'host', unitId: u.c2.id }]),
      cadreA1: actor([{ role: 'cadre', unitId: null }], a1PersonId),
      cadreWithoutPerson: actor([{ role: 'cadre', unitId: null }]),
      several: actor(
        [
          { role: 'unit_hr', unitId: u.deptB.id },
          { role: 'host', unitId: u.c1.id },
          { role: 'cadre', unitId: null },
        ],
        a1PersonId,
      ),
      nothing: actor([]),
    };
    // an evaluation already given and an unsent ad-hoc report, so those branches are met both ways
    await pool.query(
      `INSERT INTO secondment_evaluations (secondment_id, year, evaluated_on, proposed_rating, evaluator_user_id, evaluator_name) VALUES ($1, 2026, $2, 'HTT', gen_random_uuid(), 'Thử')`,
      [f.s.a1.id, T],
    );
    await pool.query(`INSERT INTO secondment_reports (secondment_id, kind, due_on) VALUES ($1, 'adhoc', $2)`, [f.s.b1.id, day(3)]);
    // returned cadres: rated well (commendation and follow-up due), one with both recorded, one rated HT (follow-up only)
    for (const [n, rating, recorded] of [
      [1, 'HTT', false],
      [2, 'HTXS', true],
      [3, 'HT', false],
    ] as const) {
      const r = await makeSecondment(pool, {
        personUnitId: u.subA.id,
        sendingUnitId: n === 3 ? u.deptB.id : u.deptA.id,
        hostUnitId: u.c1.id,
        status: 'returned',
        stepSince: day(-10 * n),
        start: '2023-01-01',
        end: day(-20 * n),
        actualEnd: day(-20 * n),
      });
      await pool.query(`UPDATE secondments SET outcome_rating = $2, returned_on = $3, commendation = $4::jsonb, follow_up = $4::jsonb WHERE id = $1`, [
        r.id,
        rating,
        day(-10 * n),
        recorded ? JSON.stringify({ declined: true, reason: 'Thử', byName: 'Thử', on: T }) : null,
      ]);
    }
    const days = [day(-30), day(-1), T, day(1), day(15), day(16), day(31), day(61), day(80), day(81), day(90), day(91), day(200), '2026-12-01', '2027-01-01'];
    let compared = 0;
    const seen = new Set<string>();
    for (const [who, a] of Object.entries(actors)) {
      for (const on of days) {
        const scope = secondmentsScope(a);
        const reference = inboxItemsFor(a, await findInboxSecondments(db, scope, Number(on.slice(0, 4))), await findPendingReports(db, scope, addDays(on, 15)), on);
        const got = await computeInbox(db, a, on, 3); // small pages, so the paging is crossed too
        const label = `${who} on ${on}`;
        expect(got.map((i) => i.key).sort(), label).toEqual(reference.map((i) => i.key).sort());
        const byKey = new Map(reference.map((i) => [i.key, i]));
        for (const i of got) expect(i, label).toEqual(byKey.get(i.key));
        for (let n = 1; n < got.length; n++) expect(compareInboxItems(got[n - 1], got[n]) <= 0, label).toBe(true);
        const p = await readInboxPage(db, a, on, { pageSize: 1 });
        expect(p.total, label).toBe(reference.length);
        expect(p.overdue, label).toBe(reference.filter((i) => i.overdue).length);
        compared += reference.length;
        for (const i of reference) seen.add(i.kind);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['commendation_due', 'follow_up_due']));
    expect(compared).toBeGreaterThan(150); // the days and grants above do meet items
  });
});
