import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { seedReportProvince } from '../../../test/support/report-fixtures.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';

/**
 * The statistics page (issue 15): the report's figures for any period, unit and category, by the report's own code.
 * On a province whose rows are known: the page's numbers equal a report's of the same period and scope; the
 * category and unit filters move them as an SQL count written here says; a unit's user sees only its own subtree;
 * the .xlsx reads back with the same numbers.
 */
const t = useTestDatabase();
let app: TestApp;
let fx: Awaited<ReturnType<typeof seedReportProvince>>;
type Figure = { key: string; value: number; group: string };
const byKey = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.key, f.value]));
const stats = (q: Record<string, string | undefined>) =>
  `/api/statistics?${new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined))}`;

beforeAll(async () => {
  app = testApp(t.get());
  fx = await seedReportProvince(t.get().pool);
});

/** The cadres with a send decision dated in the period, sent from the unit's subtree, of the category — counted independently. */
async function sentCount(o: { unitId?: string; category?: string; where?: string }) {
  const r = await fx.q<{ n: number }>(
    `SELECT count(*)::int AS n FROM secondments s JOIN people p ON p.id = s.person_id
     WHERE s.status IN ('decided', 'active', 'completed', 'ended_early', 'returned')
       AND ($3::uuid IS NULL OR s.sending_unit_id IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)))
       AND ($4::text IS NULL OR p.category = $4)
       AND s.id IN (SELECT di.secondment_id FROM secondment_decision_items di JOIN secondment_decisions d ON d.id = di.decision_id
         WHERE d.kind = 'send' AND d.decided_on BETWEEN $1 AND $2) AND ${o.where ?? 'TRUE'}`,
    [fx.FROM, fx.TODAY, o.unitId ?? null, o.category ?? null],
  );
  return r[0]!.n;
}

describe('the statistics page', () => {
  it("gives the same numbers as the report of the same period and scope, for the province and for a unit's own", async () => {
    const report = await call(app, 'POST', '/api/reports', { session: fx.s.ha, body: { from: fx.FROM, to: fx.TODAY } });
    const page = await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY }), { session: fx.s.ha });
    expect(page.status, JSON.stringify(page.json)).toBe(200);
    expect(page.json).toMatchObject({ unitId: null, unitName: null, category: null });
    expect(byKey(page.json.figures)).toEqual(byKey(report.json.figures));
    expect(byKey(page.json.figures)['sent.total']).toBe(4);
    const authority = await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY }), { session: fx.s.authority });
    expect(byKey(authority.json.figures)).toEqual(byKey(report.json.figures));
    const unitReport = await call(app, 'POST', '/api/reports', { session: fx.s.hrA, body: { from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptA!.id } });
    const unitPage = await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptA!.id }), { session: fx.s.hrA });
    expect(byKey(unitPage.json.figures)).toEqual(byKey(unitReport.json.figures));
  });

  it('moves the numbers with the category and the unit as an SQL count says', async () => {
    for (const o of [
      { category: 'vien_chuc' },
      { category: 'can_bo' },
      { category: 'cong_chuc' },
      { unitId: fx.u.deptB!.id },
      { unitId: fx.u.subA!.id },
      { unitId: fx.u.deptA!.id, category: 'vien_chuc' },
    ]) {
      const r = await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY, ...o }), { session: fx.s.ha });
      expect(r.status).toBe(200);
      const v = byKey(r.json.figures);
      expect(v['sent.total'], JSON.stringify(o)).toBe(await sentCount(o));
      expect(v['sex.female'], JSON.stringify(o)).toBe(await sentCount({ ...o, where: `p.gender = 'female'` }));
      expect(v['target_group.1'], JSON.stringify(o)).toBe(await sentCount({ ...o, where: 's.target_group = 1' }));
    }
    // the fixture by hand: a1 and a4 are viên chức of Sở Tài chính, b1 a cán bộ of Sở Xây dựng
    expect(await sentCount({ category: 'vien_chuc' })).toBe(2);
    expect(await sentCount({ unitId: fx.u.deptB!.id })).toBe(1);
    const training = byKey((await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY, category: 'vien_chuc' }), { session: fx.s.ha })).json.figures);
    // a4 (viên chức) completed the course; a2 (công chức) holds the other seat
    expect(training).toMatchObject({ 'training.participants': 1, 'training.completed': 1, 'training.spent': 4_500_000, 'training.committed': 5_000_000 });
  });

  it("holds a unit's user to its own subtree", async () => {
    const own = await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY }), { session: fx.s.hrA });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ unitId: fx.u.deptA!.id, unitName: 'Sở Tài chính' });
    expect(byKey(own.json.figures)['sent.total']).toBe(await sentCount({ unitId: fx.u.deptA!.id }));
    expect(byKey(own.json.figures)['training.spent']).toBe(6_500_000);
    const other = await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptB!.id }), { session: fx.s.hrA });
    expect(other.status).toBe(404);
    const b = await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY }), { session: fx.s.hrB });
    expect(byKey(b.json.figures)).toMatchObject({ 'sent.total': 1, 'training.participants': 0, 'training.spent': 0 });
    expect((await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY }), { session: fx.s.host })).status).toBe(403);
    expect((await call(app, 'GET', stats({ from: fx.TODAY, to: fx.FROM }), { session: fx.s.ha })).status).toBe(422);
    expect((await call(app, 'GET', stats({ from: fx.FROM, to: fx.TODAY, category: 'khac' }), { session: fx.s.ha })).status).toBe(422);
  });

  it('exports a breakdown to .xlsx with the same numbers and its filters', async () => {
    const q = { from: fx.FROM, to: fx.TODAY, category: 'vien_chuc' };
    const page = await call(app, 'GET', stats(q), { session: fx.s.ha });
    const res = await send(app, stats({ ...q, group: 'sex' }).replace('/api/statistics?', '/api/statistics.xlsx?'), { headers: { cookie: fx.s.ha.cookie } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const rows = new Map<string, number>();
    wb.getWorksheet('Thống kê')!.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(3).value), Number(row.getCell(6).value));
    });
    const sex = (page.json.figures as Figure[]).filter((f) => f.group === 'sex');
    expect(Object.fromEntries(rows)).toEqual(byKey(sex));
    expect(Object.fromEntries(rows)).toEqual({ 'sex.male': 0, 'sex.female': 2 });
    const filters = wb.getWorksheet('Điều kiện')!;
    expect(filters.getRow(4).values).toEqual([undefined, 'Đối tượng', 'Viên chức']);
    expect((await fx.q(`SELECT 1 FROM audit_log WHERE action = 'export' AND entity_type = 'statistics'`)).length).toBe(1);
  });
});
