import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/test-database.js';
import { call, testApp, type TestApp } from '../../test/test-app.js';
import { buildFixture, day, T, type Fixture } from './inbox-fixtures.js';

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
