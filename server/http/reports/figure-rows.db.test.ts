import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { seedReportProvince } from '../../../test/support/report-fixtures.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { addDays } from '../../../common/dates.js';
import { makePerson } from '../../../test/support/factories.js';

/**
 * Every figure of the report that counts rows opens the list of what it counts (issue 15): on a province whose rows
 * are known, the list's total (for money, the sum of its amounts) equals the figure's value for each key, for the
 * province, for a unit's own report, and for the period before; the list is paged, scoped like the figure, shows
 * ethnicity only in the lists by ethnicity (audited), and exports to .xlsx.
 */
const t = useTestDatabase();
let app: TestApp;
let fx: Awaited<ReturnType<typeof seedReportProvince>>;
type Figure = { key: string; value: number; listed: boolean };
const NOT_ROWS = [
  'sent.quota_target',
  'sent.quota_gap',
  'hosts.especially_disadvantaged_share',
  'entitlements.due_unpaid',
  'entitlements.due_unpaid.sending_unit',
  'entitlements.due_unpaid.state_budget',
  'entitlements.due_unpaid.decree76',
];
const byKeyOf = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.key, f.value]));

beforeAll(async () => {
  app = testApp(t.get());
  fx = await seedReportProvince(t.get().pool);
});

const rowsPath = (key: string, q: Record<string, string | number | undefined>) =>
  `/api/reports/figures/${key}/rows?${new URLSearchParams(
    Object.entries(q)
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  )}`;

async function expectListsMatch(figures: Figure[], session: 'ha' | 'hrA', q: { from: string; to: string; unitId?: string }) {
  const listed = figures.filter((f) => f.listed);
  expect(listed.map((f) => f.key).sort()).toEqual(
    figures
      .map((f) => f.key)
      // not rows: documents, quotas, a share, and the entitlement lines due unpaid (the entitlement rule computes them, not SQL)
      .filter((k) => !k.startsWith('documents.') && !NOT_ROWS.includes(k))
      .sort(),
  );
  for (const f of listed) {
    const r = await call(app, 'GET', rowsPath(f.key, { ...q, pageSize: 200 }), { session: fx.s[session] });
    expect(r.status, `${f.key}: ${JSON.stringify(r.json)}`).toBe(200);
    if (r.json.sums) {
      expect(r.json.sum, f.key).toBe(f.value);
      expect(
        r.json.items.reduce((s: number, x: { amount: number }) => s + x.amount, 0),
        f.key,
      ).toBe(f.value);
    } else {
      expect(r.json.total, f.key).toBe(f.value);
      expect(r.json.items, f.key).toHaveLength(f.value);
    }
    expect(new Set(r.json.items.map((x: { id: string }) => x.id)).size, f.key).toBe(r.json.items.length);
  }
  return listed;
}

describe("the lists behind the report's figures", () => {
  it("lists, for every figure of the province's draft, exactly the rows it counts, this period and the one before", async () => {
    const r = await call(app, 'POST', '/api/reports', { session: fx.s.ha, body: { from: fx.FROM, to: fx.TODAY } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const figures = r.json.figures as (Figure & { previous: number })[];
    const listed = await expectListsMatch(figures, 'ha', { from: r.json.periodFrom, to: r.json.periodTo });
    // the fixture by hand, so that a list and a figure cannot agree by both being empty
    const v = Object.fromEntries(figures.map((f) => [f.key, f.value]));
    expect(v).toMatchObject({
      'sent.total': 4,
      'sex.female': 3,
      'ethnicity.minority': 1,
      'evaluations.total': 2,
      'training.completed': 1,
      'training.spent': 6_500_000,
    });
    expect(listed.filter((f) => f.value > 0).length).toBeGreaterThan(20);
    await expectListsMatch(
      figures.map((f) => ({ ...f, value: f.previous })),
      'ha',
      { from: r.json.previousFrom, to: r.json.previousTo },
    );
  });

  it("lists a unit's own figures within its subtree, and refuses another unit's", async () => {
    const r = await call(app, 'POST', '/api/reports', { session: fx.s.hrA, body: { from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptA!.id } });
    expect(r.status).toBe(201);
    await expectListsMatch(r.json.figures, 'hrA', { from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptA!.id });
    const sent = await call(app, 'GET', rowsPath('sent.total', { from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptA!.id }), { session: fx.s.hrA });
    expect(sent.json.items.map((x: { sendingUnitName: string }) => x.sendingUnitName)).toEqual(['Sở Tài chính', 'Sở Tài chính', 'Sở Tài chính']);
    // without a unit, a unit's user is held to its own
    const own = await call(app, 'GET', rowsPath('sent.total', { from: fx.FROM, to: fx.TODAY }), { session: fx.s.hrA });
    expect(own.json).toMatchObject({ unitId: fx.u.deptA!.id, total: 3 });
    expect((await call(app, 'GET', rowsPath('sent.total', { from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptB!.id }), { session: fx.s.hrA })).status).toBe(404);
    expect((await call(app, 'GET', rowsPath('sent.total', { from: fx.FROM, to: fx.TODAY }), { session: fx.s.host })).status).toBe(403);
  });

  it('pages the list in Vietnamese name order with its total, and refuses a figure with no rows or a bad period', async () => {
    const all = await call(app, 'GET', rowsPath('sent.total', { from: fx.FROM, to: fx.TODAY }), { session: fx.s.ha });
    expect(all.json.total).toBe(4);
    const second = await call(app, 'GET', rowsPath('sent.total', { from: fx.FROM, to: fx.TODAY, page: 2, pageSize: 1 }), { session: fx.s.ha });
    expect(second.json).toMatchObject({ total: 4, page: 2, pageSize: 1 });
    expect(second.json.items).toEqual([all.json.items[1]]);
    expect(all.json.items[0]).toMatchObject({ personCode: expect.any(String), fullName: expect.any(String), hostUnitName: expect.any(String), ethnicity: null });
    for (const key of ['sent.quota_target', 'hosts.especially_disadvantaged_share', 'documents.decisions', 'nothing.here']) {
      const r = await call(app, 'GET', rowsPath(key, { from: fx.FROM, to: fx.TODAY }), { session: fx.s.ha });
      expect(r.status, key).toBe(404);
    }
    const bad = await call(app, 'GET', rowsPath('sent.total', { from: fx.TODAY, to: fx.FROM }), { session: fx.s.ha });
    expect(bad.status).toBe(422);
    const long = await call(app, 'GET', rowsPath('sent.total', { from: addDays(fx.TODAY, -3000), to: fx.TODAY }), { session: fx.s.ha });
    expect(long.status).toBe(422);
  });

  it('shows ethnicity only in the lists by ethnicity, and records that sensitive read', async () => {
    const before = await fx.q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read_sensitive' AND entity_type = 'report_figure_list'`);
    const r = await call(app, 'GET', rowsPath('ethnicity.minority', { from: fx.FROM, to: fx.TODAY }), { session: fx.s.ha });
    expect(r.status).toBe(200);
    expect(r.json.items).toHaveLength(1);
    expect(r.json.items[0].ethnicity).toEqual(expect.any(String));
    expect(r.json.items[0].personId).toBe(fx.p.a1);
    const after = await fx.q<{ n: number; meta: { figure: string; total: number } }>(
      `SELECT meta FROM audit_log WHERE action = 'read_sensitive' AND entity_type = 'report_figure_list' ORDER BY id DESC LIMIT 1`,
    );
    expect(after[0]!.meta).toMatchObject({ figure: 'ethnicity.minority', total: 1 });
    expect(
      (await fx.q<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read_sensitive' AND entity_type = 'report_figure_list'`))[0]!.n,
    ).toBe(before[0]!.n + 1);
  });

  it("counts a cadre's ethnicity as unknown, and does not list it, where the user may not read that person's sensitive part", async () => {
    // sent by Sở Tài chính but on the staff of Sở Xây dựng: Sở Tài chính sees the secondment, not the person's ethnicity
    const other = (await makePerson(t.get().pool, { unitId: fx.u.deptB!.id, gender: 'male', birthDate: '1992-03-03', ethnicCode: '05' })).id;
    const [d] = await fx.q<{ id: string }>(
      `INSERT INTO secondment_decisions (kind, year, seq, number, decided_on, signer_name, signer_title, created_by)
       VALUES ('send', $1, 900, '900/QĐ-UBND', $2, 'Trần Văn Lâm', 'Chủ tịch', gen_random_uuid()) RETURNING id`,
      [Number(fx.IN.slice(0, 4)), fx.IN],
    );
    const [sec] = await fx.q<{ id: string }>(
      `INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status, target_group, start_date, end_date, decision_id)
       VALUES ($1, $2, $3, 'decided', 2, $4, $5, $6) RETURNING id`,
      [other, fx.u.deptA!.id, fx.u.c2!.id, fx.IN, addDays(fx.TODAY, 700), d!.id],
    );
    await fx.q(`INSERT INTO secondment_decision_items (decision_id, secondment_id, host_unit_id) VALUES ($1, $2, $3)`, [d!.id, sec!.id, fx.u.c2!.id]);
    const q = { from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptA!.id };
    const unit = byKeyOf((await call(app, 'GET', `/api/statistics?${new URLSearchParams(q)}`, { session: fx.s.hrA })).json.figures);
    const province = byKeyOf((await call(app, 'GET', `/api/statistics?${new URLSearchParams(q)}`, { session: fx.s.ha })).json.figures);
    expect(unit['sent.total']).toBe(province['sent.total']);
    expect(unit['ethnicity.minority']).toBe(province['ethnicity.minority']! - 1);
    expect(unit['ethnicity.unknown']).toBe(province['ethnicity.unknown']! + 1);
    expect(unit['ethnicity.kinh']! + unit['ethnicity.minority']! + unit['ethnicity.unknown']!).toBe(unit['sent.total']);
    const minority = await call(app, 'GET', rowsPath('ethnicity.minority', q), { session: fx.s.hrA });
    expect(minority.json.items.map((x: { personId: string }) => x.personId)).not.toContain(other);
    const unknown = await call(app, 'GET', rowsPath('ethnicity.unknown', q), { session: fx.s.hrA });
    expect(unknown.json.total).toBe(unit['ethnicity.unknown']);
    expect(unknown.json.items.find((x: { personId: string }) => x.personId === other)).toMatchObject({ ethnicity: null });
    const seenByHa = await call(app, 'GET', rowsPath('ethnicity.minority', q), { session: fx.s.ha });
    expect(seenByHa.json.items.find((x: { personId: string }) => x.personId === other)?.ethnicity).toEqual(expect.any(String));
  });

  it("lists the entitlement payments, the units' feedback, the inspections and the units' reports behind their figures, scoped like them", async () => {
    const pay = async (secondmentId: string, payer: string, amount: number, kind = 'payment', reversesId: string | null = null) =>
      (
        await fx.q<{ id: string }>(
          `INSERT INTO entitlement_payments (secondment_id, kind, code, amount_vnd, paid_on, voucher_no, payer, payer_name, reverses_id, reason, recorded_by, recorded_by_name)
           VALUES ($1, $2, 'one_off_allowance', $3, $4, 'PC-01', $5, 'Kho bạc', $6, $7, gen_random_uuid(), 'Kế toán') RETURNING id`,
          [secondmentId, kind, amount, fx.IN, payer, reversesId, reversesId ? 'Nhầm' : null],
        )
      )[0]!.id;
    await pay(fx.p.sA1!, 'sending_unit', 1_000_000);
    await pay(fx.p.sA1!, 'state_budget', 2_000_000);
    await pay(fx.p.sB1!, 'decree76', 500_000);
    await pay(fx.p.sA2!, 'sending_unit', 9_000_000, 'reversal', await pay(fx.p.sA2!, 'sending_unit', 9_000_000));
    for (const [unit, status] of [
      [fx.u.deptA!, 'open'],
      [fx.u.subA!, 'answered'],
      [fx.u.deptB!, 'open'],
    ] as const) {
      await fx.q(
        `INSERT INTO feedback_items (unit_id, kind, subject, body, status, author_user_id, author_name) VALUES ($1, 'difficulty', 'Kiến nghị', 'Nội dung', $2, gen_random_uuid(), 'Cán bộ')`,
        [unit.id, status],
      );
    }
    const inspect = async (unitId: string, status: 'draft' | 'concluded', recs: [string, string, string | null, string | null][]) => {
      const [i] = await fx.q<{ id: string }>(
        `INSERT INTO inspections (unit_id, from_on, to_on, subject, findings, status, conclusion_no, concluded_on, created_by)
         VALUES ($1, $2, $2, 'Kiểm tra việc tiếp nhận cán bộ', 'Ghi nhận', $3, $4, $5, gen_random_uuid()) RETURNING id`,
        [unitId, fx.IN, status, status === 'concluded' ? '01/KL-SNV' : null, status === 'concluded' ? fx.IN : null],
      );
      for (const [n, [deadline, st, answeredOn, acceptedOn]] of recs.entries()) {
        await fx.q(
          `INSERT INTO inspection_recommendations (inspection_id, seq, text, deadline, status, answer, answered_on, accepted_on) VALUES ($1, $2, 'Khắc phục', $3, $4, $5, $6, $7)`,
          [i!.id, n + 1, deadline, st, answeredOn ? 'Đã khắc phục' : null, answeredOn, acceptedOn],
        );
      }
    };
    await inspect(fx.u.c1!.id, 'concluded', [
      [addDays(fx.IN, 5), 'answered', addDays(fx.IN, 3), null],
      [addDays(fx.IN, 5), 'open', null, null],
    ]);
    await inspect(fx.u.subA!.id, 'concluded', [[addDays(fx.IN, 5), 'accepted', addDays(fx.IN, 2), addDays(fx.IN, 4)]]);
    await inspect(fx.u.deptB!.id, 'draft', [[addDays(fx.IN, 5), 'open', null, null]]);
    const unitReport = async (unitId: string, dueOn: string, issuedOn: string | null) =>
      fx.q(
        `INSERT INTO reports (kind, period_from, period_to, unit_id, due_on, status, year, seq, number, issued_on, figures, created_by, updated_by)
         VALUES ('plan131', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, gen_random_uuid(), gen_random_uuid())`,
        [
          fx.FROM,
          fx.IN,
          unitId,
          dueOn,
          issuedOn ? 'issued' : 'draft',
          issuedOn ? Number(issuedOn.slice(0, 4)) : null,
          issuedOn ? 1 : null,
          issuedOn ? '01/BC' : null,
          issuedOn,
          issuedOn ? '[]' : null,
        ],
      );
    await unitReport(fx.u.deptA!.id, addDays(fx.IN, 5), null);
    await unitReport(fx.u.deptB!.id, addDays(fx.IN, 5), addDays(fx.IN, 4));
    await unitReport(fx.u.subA!.id, addDays(fx.TODAY, 5), null);

    const r = await call(app, 'POST', '/api/reports', { session: fx.s.ha, body: { from: fx.FROM, to: fx.TODAY } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const v = byKeyOf(r.json.figures);
    expect(v).toMatchObject({
      'entitlements.cadres': 2,
      'entitlements.cadres.sending_unit': 1,
      'entitlements.cadres.state_budget': 1,
      'entitlements.amount': 3_500_000,
      'entitlements.amount.state_budget': 2_000_000,
      'feedback.raised': 3,
      'feedback.open': 2,
      'inspections.concluded': 2,
      'inspections.recommendations': 3,
      'inspections.answered': 2,
      'inspections.overdue': 2,
      'unit_reports.due': 3,
      'unit_reports.on_time': 1,
      'unit_reports.late': 1,
    });
    await expectListsMatch(r.json.figures, 'ha', { from: fx.FROM, to: fx.TODAY });
    const paid = await call(app, 'GET', rowsPath('entitlements.cadres', { from: fx.FROM, to: fx.TODAY }), { session: fx.s.ha });
    expect(paid.json.items.find((x: { personId: string }) => x.personId === fx.p.a1)).toMatchObject({ status: 'sending_unit,state_budget', amount: 3_000_000 });

    // Sở Tài chính's own report: its subtree's payments, feedback and inspections, the reports of the units under it
    const unit = await call(app, 'POST', '/api/reports', { session: fx.s.hrA, body: { from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptA!.id } });
    expect(unit.status).toBe(201);
    expect(byKeyOf(unit.json.figures)).toMatchObject({
      'entitlements.cadres': 1,
      'entitlements.amount': 3_000_000,
      'feedback.raised': 2,
      'inspections.concluded': 1,
      'inspections.answered': 1,
      'unit_reports.due': 1,
      'unit_reports.late': 0,
    });
    await expectListsMatch(unit.json.figures, 'hrA', { from: fx.FROM, to: fx.TODAY, unitId: fx.u.deptA!.id });
    const insp = await call(app, 'GET', rowsPath('inspections.concluded', { from: fx.FROM, to: fx.TODAY }), { session: fx.s.hrA });
    expect(insp.json.items.map((x: { unitName: string }) => x.unitName)).toEqual(['Phòng Ngân sách']);
  });

  it('exports the list to .xlsx with every row counted', async () => {
    const res = await send(app, rowsPath('sent.total', { from: fx.FROM, to: fx.TODAY }).replace('/rows?', '/rows.xlsx?'), { headers: { cookie: fx.s.ha.cookie } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Danh sách')!;
    const total = (await call(app, 'GET', rowsPath('sent.total', { from: fx.FROM, to: fx.TODAY }), { session: fx.s.ha })).json.total;
    expect(total).toBe(5);
    expect(sheet.rowCount).toBe(1 + total);
    expect(sheet.getRow(1).getCell(3).value).toBe('Họ và tên / Nội dung');
    const list = await call(app, 'GET', rowsPath('sent.total', { from: fx.FROM, to: fx.TODAY }), { session: fx.s.ha });
    expect([2, 3, 4, 5, 6].map((n) => sheet.getRow(n).getCell(3).value)).toEqual(list.json.items.map((x: { fullName: string }) => x.fullName));
    expect((await fx.q(`SELECT 1 FROM audit_log WHERE action = 'export' AND entity_type = 'report_figure_list'`)).length).toBe(1);
  });
});
