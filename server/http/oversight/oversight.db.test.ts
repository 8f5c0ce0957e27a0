import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { buildFixture, T, type Fixture } from '../../../test/support/inbox-fixtures.js';

const t = useTestDatabase();
let app: TestApp;
let f: Fixture;

beforeAll(async () => {
  app = testApp(t.get());
  f = await buildFixture(t.get().pool);
});

describe('GET /api/oversight/dashboard', () => {
  it('counts the path by step with what is late at each step, cadres per commune, reports and returns due', async () => {
    const r = await call(app, 'GET', `/api/oversight/dashboard?on=${T}`, { session: f.sessions.homeAffairs });
    expect(r.status).toBe(200);
    const d = r.json;
    const step = Object.fromEntries(d.pipeline.map((p: { status: string; count: number; overdue: number }) => [p.status, [p.count, p.overdue]]));
    expect(step).toMatchObject({
      proposed: [1, 1], // waiting 16 days
      sent_back: [1, 0],
      appraised: [1, 0],
      decided: [1, 0],
      active: [3, 2], // a1 and b1 have a late report
      completed: [1, 1], // ended 20 days ago, not placed
      returned: [1, 0],
      withdrawn: [0, 0],
    });
    expect(d.hosts.map((h: { unitName: string; active: number }) => [h.unitName, h.active])).toEqual([
      ['Xã Một', 2],
      ['Xã Hai', 1],
    ]);
    expect(d.reports).toMatchObject({ due: 1, late: 2 });
    expect(d.returnsDue.items.map((x: { secondmentId: string; daysLeft: number }) => [x.secondmentId, x.daysLeft])).toEqual([
      [f.s.a2.id, 30],
      [f.s.a1.id, 90],
    ]);
    const a = d.quota.find((u: { unitId: string }) => u.unitId === f.units.deptA.id);
    // fulfilled = active (a1, a2) + completed (a5) + returned (a6); target 5 % of 100
    expect(a).toMatchObject({ target: 5, active: 2, completed: 1, returned: 1, fulfilled: 4, rate: 0.8 });
    const b = d.quota.find((u: { unitId: string }) => u.unitId === f.units.deptB.id);
    expect(b).toMatchObject({ target: 2, active: 1, fulfilled: 1 });
    expect(d.totals).toMatchObject({ active: 3, inProgress: 4, overdueSteps: 1, awaitingPlacement: 1, communes: 2 });
  });

  it('is for Sở Nội vụ and the authority only', async () => {
    expect((await call(app, 'GET', '/api/oversight/dashboard', { session: f.sessions.authority })).status).toBe(200);
    for (const who of ['hrA', 'hostC1', 'cadreA1', 'admin'] as const) {
      expect((await call(app, 'GET', '/api/oversight/dashboard', { session: f.sessions[who] })).status).toBe(403);
    }
  });
});

describe('GET /api/oversight/overdue', () => {
  const list = async (name: string, extra = '') => {
    const r = await call(app, 'GET', `/api/oversight/overdue?list=${name}&on=${T}${extra}`, { session: f.sessions.homeAffairs });
    expect(r.status).toBe(200);
    return r.json;
  };
  it('lists late reports, steps waiting too long, placements due and ends within 30 days, a page at a time', async () => {
    const reports = await list('reports');
    expect(reports.total).toBe(2);
    expect(reports.items.map((x: { subjectId: string; days: number }) => [x.subjectId, x.days])).toEqual([
      [f.reports.b1Late, 5],
      [f.reports.a1Late, 1],
    ]);
    expect(reports.items[0].detail).toBe('Báo cáo định kỳ kỳ 2');
    const page2 = await list('reports', '&pageSize=1&page=2');
    expect(page2).toMatchObject({ total: 2, page: 2 });
    expect(page2.items.map((x: { subjectId: string }) => x.subjectId)).toEqual([f.reports.a1Late]);
    const steps = await list('steps');
    expect(steps.items.map((x: { secondmentId: string; days: number; detail: string }) => [x.secondmentId, x.days, x.detail])).toEqual([
      [f.s.a3.id, 16, 'Chờ Sở Nội vụ thẩm định'],
    ]);
    expect((await list('placements')).items.map((x: { secondmentId: string }) => x.secondmentId)).toEqual([f.s.a5.id]);
    expect((await list('ends')).items.map((x: { secondmentId: string; days: number }) => [x.secondmentId, x.days])).toEqual([[f.s.a2.id, 30]]);
  });

  it('exports the four lists to .xlsx, a sheet each, and refuses others than Sở Nội vụ', async () => {
    const res = await send(app, `/api/oversight/overdue.xlsx?on=${T}`, { headers: { cookie: f.sessions.homeAffairs.cookie } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => [w.name, w.actualRowCount])).toEqual([
      ['Báo cáo quá hạn', 3],
      ['Hồ sơ chờ quá 15 ngày', 2],
      ['Chờ bố trí công tác', 2],
      ['Hết thời hạn trong 30 ngày', 2],
    ]);
    const row = wb.worksheets[0].getRow(2);
    expect(row.getCell(5).value).toBe('Báo cáo định kỳ kỳ 2');
    expect(row.getCell(7).value).toBe(5);
    expect((await call(app, 'GET', '/api/oversight/overdue?list=reports', { session: f.sessions.authority })).status).toBe(403);
    expect((await call(app, 'GET', '/api/oversight/overdue.xlsx', { session: f.sessions.hrA })).status).toBe(403);
    const audit = await t.get().pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'oversight_overdue' AND action = 'export'`);
    expect(audit.rows[0].n).toBe(1);
  });
});
