import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { addDays, vietnamToday } from '../../../common/dates.js';

/**
 * Payments of the entitlement lines of a secondment (Decree 178/2024 Art. 12 cl. 1) and section II of the report
 * that counts them: two departments, a commune and an especially disadvantaged one, three cadres serving and one only
 * proposed. Each payment is recorded through the API by the paying side, a wrong one reversed; the report's
 * entitlement figures are compared with SQL sums over the same rows, and the .docx is read back. The units' feedback
 * raised in the period is offered to section V.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const u: Record<string, UnitRef> = {};
const id: Record<string, string> = {};
const TODAY = vietnamToday();
const START = addDays(TODAY, -200);
const FROM = addDays(TODAY, -89);
const IN = addDays(TODAY, -30);
const BEFORE = addDays(TODAY, -150); // in the previous period of the report (the 90 days before FROM)

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.get().pool.query(text, params)).rows as T[];
}
const payments = async () => Number((await q<{ n: string }>(`SELECT count(*) AS n FROM entitlement_payments`))[0]!.n);
const pay = (session: Session, secondmentId: string, body: Record<string, unknown>) =>
  call(app, 'POST', `/api/secondments/${secondmentId}/entitlement-payments`, { session, body });
type Line = { code: string; paymentStatus: string; paidVnd: number; payerKey: string | null; allowedActions: string[] };
const line = (r: { json: { entitlements: Line[] } }, code: string) => r.json.entitlements.find((e) => e.code === code)!;

async function docxText(path: string, session: Session) {
  const res = await send(app, path, { headers: { cookie: session.cookie } });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(pool);
  u.root = await makeUnit(pool, { kind: 'peoples_committee', name: 'UBND thành phố' });
  u.deptA = await makeUnit(pool, { parent: u.root, staffing: 40, name: 'Sở Tài chính', code: 'STC' });
  u.deptB = await makeUnit(pool, { parent: u.root, staffing: 60, name: 'Sở Xây dựng', code: 'SXD' });
  u.c1 = await makeUnit(pool, { parent: u.root, kind: 'commune', name: 'Xã Một' });
  u.c2 = await makeUnit(pool, { parent: u.root, kind: 'commune', name: 'Xã Khó' });
  await q(`UPDATE org_units SET is_especially_disadvantaged = true WHERE id = $1`, [u.c2.id]);
  const second = async (unit: UnitRef, host: UnitRef, status: string) => {
    const person = await makePerson(pool, { unitId: unit.id });
    return (
      await q<{ id: string }>(
        `INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status, target_group, start_date, end_date, duration_months)
         VALUES ($1, $2, $3, $4, 1, $5, $6, 36) RETURNING id`,
        [person.id, unit.id, host.id, status, status === 'proposed' ? null : START, status === 'proposed' ? null : addDays(START, 1095)],
      )
    )[0]!.id;
  };
  id.sA1 = await second(u.deptA, u.c1, 'active');
  id.sA2 = await second(u.deptA, u.c2, 'active');
  id.sB1 = await second(u.deptB, u.c1, 'active');
  id.sA3 = await second(u.deptA, u.c1, 'proposed');
  s.ha = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: u.deptA.id });
  s.mgrA = await makeSession(pool, 'unit_manager', { unitId: u.deptA.id });
  s.hrB = await makeSession(pool, 'unit_hr', { unitId: u.deptB.id });
  s.host = await makeSession(pool, 'host', { unitId: u.c1.id });
});

describe('recording a payment of an entitlement line', () => {
  it('lets the sending unit record the salary it pays, and shows the line paid', async () => {
    const before = await call(app, 'GET', `/api/secondments/${id.sA1}/entitlements`, { session: s.hrA });
    expect(before.status).toBe(200);
    expect(line(before, 'keep_salary')).toMatchObject({ paymentStatus: 'unpaid', paidVnd: 0, payerKey: 'sending_unit', allowedActions: ['recordPayment'] });
    // the one-off allowance is the State budget's: the unit sees it unpaid but may not record it
    expect(line(before, 'one_off_allowance')).toMatchObject({ paymentStatus: 'unpaid', payerKey: 'state_budget', allowedActions: [] });
    const r = await pay(s.hrA, id.sA1!, { code: 'keep_salary', amountVnd: 9_000_000, paidOn: IN, voucherNo: ' PC-01/2026 ' });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(line(r, 'keep_salary')).toMatchObject({ paymentStatus: 'paid', paidVnd: 9_000_000 });
    expect(r.json.payments).toHaveLength(1);
    expect(r.json.payments[0]).toMatchObject({
      kind: 'payment',
      code: 'keep_salary',
      amountVnd: 9_000_000,
      paidOn: IN,
      voucherNo: 'PC-01/2026',
      payer: 'sending_unit',
    });
    expect(r.json.payments[0].payerName).toContain('Cơ quan, đơn vị cử đi chi trả');
    const row = (await q(`SELECT amount_vnd::text AS amount, payer, recorded_by_name IS NOT NULL AS named, version FROM entitlement_payments`))[0];
    expect(row).toEqual({ amount: '9000000', payer: 'sending_unit', named: true, version: 1 });
    const audit = await q(`SELECT action, entity_type FROM audit_log WHERE entity_type = 'entitlement_payment' AND entity_id = $1`, [r.json.payments[0].id]);
    expect(audit).toEqual([{ action: 'pay', entity_type: 'entitlement_payment' }]);
  });

  it("refuses another side's line or secondment, changing nothing", async () => {
    const n = await payments();
    const stateLine = await pay(s.hrA, id.sA1!, { code: 'one_off_allowance', amountVnd: 23_400_000, paidOn: IN, voucherNo: 'PC-02' });
    expect(stateLine.status).toBe(403);
    expect(stateLine.json.error.message).toContain('Sở Nội vụ');
    // another unit's secondment is not found, a host commune and the authority have no such route
    expect((await pay(s.hrB, id.sA1!, { code: 'keep_salary', amountVnd: 1_000_000, paidOn: IN, voucherNo: 'PC-03' })).status).toBe(404);
    expect((await pay(s.host, id.sA1!, { code: 'keep_salary', amountVnd: 1_000_000, paidOn: IN, voucherNo: 'PC-03' })).status).toBe(403);
    expect((await pay(s.authority, id.sA1!, { code: 'keep_salary', amountVnd: 1_000_000, paidOn: IN, voucherNo: 'PC-03' })).status).toBe(403);
    expect(await payments()).toBe(n);
  });

  it('refuses bad input with a Vietnamese 422, changing nothing', async () => {
    const n = await payments();
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [id.sA1!, { code: 'keep_salary', amountVnd: 0, paidOn: IN, voucherNo: 'X' }, 'amountVnd', /lớn hơn 0/],
      [id.sA1!, { code: 'keep_salary', amountVnd: -5, paidOn: IN, voucherNo: 'X' }, 'amountVnd', /lớn hơn 0/],
      [id.sA1!, { code: 'keep_salary', amountVnd: 1.5, paidOn: IN, voucherNo: 'X' }, 'amountVnd', /đồng/],
      [id.sA1!, { code: 'keep_salary', amountVnd: 1000, paidOn: addDays(TODAY, 1), voucherNo: 'X' }, 'paidOn', /không được sau ngày hôm nay/],
      [id.sA1!, { code: 'keep_salary', amountVnd: 1000, paidOn: addDays(START, -1), voucherNo: 'X' }, 'paidOn', /trước ngày bắt đầu tăng cường/],
      [id.sA1!, { code: 'keep_salary', amountVnd: 1000, paidOn: IN, voucherNo: '  ' }, 'voucherNo', /Không được để trống/],
      // the package of Decree 76/2019 is not given at a commune that is not especially disadvantaged
      [id.sA1!, { code: 'disadvantaged_package', amountVnd: 1000, paidOn: IN, voucherNo: 'X' }, 'code', /không áp dụng|chưa phát sinh/],
      // a proposal: the entitlements are only expected
      [id.sA3!, { code: 'keep_salary', amountVnd: 1000, paidOn: IN, voucherNo: 'X' }, 'code', /chưa phát sinh/],
      // no line of the rule
      [id.sA1!, { code: 'commendation', amountVnd: 1000, paidOn: IN, voucherNo: 'X' }, 'code', /không hợp lệ/],
    ];
    for (const [sid, body, path, message] of cases) {
      const r = await pay(s.ha, sid, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      const issue = r.json.error.issues.find((i: { path: string }) => i.path === path);
      expect(issue, JSON.stringify(r.json)).toBeDefined();
      expect(issue.message).toMatch(message);
    }
    expect(await payments()).toBe(n);
  });

  it('lets Sở Nội vụ record any line, the payer as the rule names it', async () => {
    const a = await pay(s.ha, id.sA1!, { code: 'one_off_allowance', amountVnd: 23_400_000, paidOn: IN, voucherNo: 'UNC-11' });
    expect(a.status, JSON.stringify(a.json)).toBe(201);
    expect(a.json.payments.find((p: { code: string }) => p.code === 'one_off_allowance')).toMatchObject({ payer: 'state_budget' });
    const b = await pay(s.ha, id.sA2!, { code: 'disadvantaged_package', amountVnd: 30_000_000, paidOn: IN, voucherNo: 'UNC-12', note: 'Theo NĐ 76' });
    expect(b.status, JSON.stringify(b.json)).toBe(201);
    expect(b.json.payments[0]).toMatchObject({ payer: 'decree76', note: 'Theo NĐ 76' });
    // the sending unit's salary of the previous period (counted there, and as paid by the period's end)
    expect((await pay(s.mgrA, id.sA2!, { code: 'keep_salary', amountVnd: 8_000_000, paidOn: BEFORE, voucherNo: 'PC-07' })).status).toBe(201);
  });

  it('corrects a payment by a reversing entry with its reason, once, at the version read', async () => {
    const wrong = await pay(s.hrA, id.sA1!, { code: 'keep_salary', amountVnd: 90_000_000, paidOn: IN, voucherNo: 'PC-09' });
    expect(wrong.status).toBe(201);
    const p = wrong.json.payments.find((x: { voucherNo: string }) => x.voucherNo === 'PC-09');
    expect(p.allowedActions).toEqual(['reverse']);
    expect(line(wrong, 'keep_salary').paidVnd).toBe(99_000_000);
    const path = `/api/secondments/${id.sA1}/entitlement-payments/${p.id}/reverse`;
    const noReason = await call(app, 'POST', path, { session: s.hrA, body: { version: p.version, reason: ' ' } });
    expect(noReason.status).toBe(422);
    const stale = await call(app, 'POST', path, { session: s.hrA, body: { version: p.version + 1, reason: 'Nhập nhầm số tiền' } });
    expect(stale.status).toBe(409);
    const r = await call(app, 'POST', path, { session: s.hrA, body: { version: p.version, reason: 'Nhập nhầm số tiền' } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(line(r, 'keep_salary').paidVnd).toBe(9_000_000);
    const rows = await q(`SELECT kind, amount_vnd::text AS amount, reason, paid_on::text AS on FROM entitlement_payments WHERE reverses_id = $1`, [p.id]);
    expect(rows).toEqual([{ kind: 'reversal', amount: '90000000', reason: 'Nhập nhầm số tiền', on: TODAY }]);
    expect((await q(`SELECT version FROM entitlement_payments WHERE id = $1`, [p.id]))[0]).toEqual({ version: 2 });
    const again = await call(app, 'POST', path, { session: s.hrA, body: { version: 2, reason: 'Lần nữa' } });
    expect(again.status).toBe(409);
    // the unit may not reverse a payment of the State budget
    const state = r.json.payments.find((x: { code: string }) => x.code === 'one_off_allowance');
    expect(state.allowedActions).toEqual([]);
    const refused = await call(app, 'POST', `/api/secondments/${id.sA1}/entitlement-payments/${state.id}/reverse`, {
      session: s.hrA,
      body: { version: state.version, reason: 'Không được' },
    });
    expect(refused.status).toBe(403);
    const audit = await q(`SELECT action FROM audit_log WHERE entity_type = 'entitlement_payment' AND entity_id = $1 ORDER BY id`, [p.id]);
    expect(audit.map((a) => a.action)).toEqual(['pay', 'reverse']);
  });
});

type Figure = { key: string; value: number; previous: number; label: string; group: string };
const byKey = (figures: Figure[]) => Object.fromEntries(figures.filter((f) => f.group === 'entitlements' || f.group === 'feedback').map((f) => [f.key, f.value]));

/** The entitlement and feedback figures as SQL sums over the rows, written apart from the repository. */
async function expected(from: string, to: string, unitId: string | null) {
  const one = async (text: string) => Number((await q<{ n: unknown }>(text, [from, to, unitId]))[0]!.n ?? 0);
  const scope = `($3::uuid IS NULL OR s.sending_unit_id IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)))`;
  const paid = `FROM entitlement_payments e JOIN secondments s ON s.id = e.secondment_id WHERE e.kind = 'payment' AND e.paid_on BETWEEN $1 AND $2 AND ${scope}
    AND NOT EXISTS (SELECT 1 FROM entitlement_payments r WHERE r.reverses_id = e.id)`;
  const e: Record<string, number> = {};
  e['entitlements.cadres'] = await one(`SELECT count(DISTINCT s.person_id) AS n ${paid}`);
  e['entitlements.amount'] = await one(`SELECT coalesce(sum(e.amount_vnd), 0) AS n ${paid}`);
  for (const k of ['sending_unit', 'state_budget', 'decree76']) {
    e[`entitlements.cadres.${k}`] = await one(`SELECT count(DISTINCT s.person_id) AS n ${paid} AND e.payer = '${k}'`);
    e[`entitlements.amount.${k}`] = await one(`SELECT coalesce(sum(e.amount_vnd), 0) AS n ${paid} AND e.payer = '${k}'`);
  }
  const fb = `FROM feedback_items f WHERE (f.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1 AND $2
    AND ($3::uuid IS NULL OR f.unit_id IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)))`;
  e['feedback.raised'] = await one(`SELECT count(*) AS n ${fb}`);
  e['feedback.open'] = await one(`SELECT count(*) AS n ${fb} AND f.status = 'open'`);
  return e;
}

describe('section II and V of the report', () => {
  let report: { id: string; version: number; figures: Figure[]; proposalFacts: { text: string; unitName: string }[] };

  beforeAll(async () => {
    for (const [session, subject] of [
      [s.hrA!, 'Chưa bố trí chỗ ở cho cán bộ tăng cường'],
      [s.hrB!, 'Đề nghị bổ sung kinh phí đi lại'],
    ] as const) {
      const r = await call(app, 'POST', '/api/feedback', { session, body: { kind: 'difficulty', subject, body: `${subject} tại xã.` } });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
    }
  });

  it('counts the cadres and amounts paid in the period per payer and the lines due unpaid, as SQL sums of the same rows', async () => {
    const r = await call(app, 'POST', '/api/reports', { session: s.ha, body: { from: FROM, to: TODAY } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    report = r.json;
    const got = byKey(report.figures);
    const want = await expected(FROM, TODAY, null);
    expect(got).toMatchObject(want);
    expect(Object.fromEntries(report.figures.filter((f) => f.key in want).map((f) => [f.key, f.previous]))).toEqual(
      await expected(addDays(FROM, -90), addDays(FROM, -1), null),
    );
    // by hand: A1 salary 9 000 000 (the 90 000 000 reversed) and allowance 23 400 000; A2 the package 30 000 000
    expect(got).toMatchObject({
      'entitlements.cadres': 2,
      'entitlements.amount': 62_400_000,
      'entitlements.cadres.sending_unit': 1,
      'entitlements.amount.sending_unit': 9_000_000,
      'entitlements.amount.state_budget': 23_400_000,
      'entitlements.amount.decree76': 30_000_000,
      // B1's salary and allowance; A2's salary was paid the period before
      'entitlements.due_unpaid': 2,
      'entitlements.due_unpaid.sending_unit': 1,
      'entitlements.due_unpaid.state_budget': 1,
      'entitlements.due_unpaid.decree76': 0,
      'feedback.raised': 2,
      'feedback.open': 2,
    });
    expect(report.proposalFacts.map((f) => f.unitName).sort()).toEqual(['Sở Tài chính', 'Sở Xây dựng']);
    expect(report.proposalFacts.map((f) => f.text).join('\n')).toContain('Chưa bố trí chỗ ở cho cán bộ tăng cường (chờ trả lời).');
  });

  it('names the payers in section II, the feedback in section V and the annex by payer, in the issued .docx and .xlsx', async () => {
    const issued = await call(app, 'POST', `/api/reports/${report.id}/issue`, {
      session: s.ha,
      body: { version: report.version, issuedOn: TODAY, signerName: 'Nguyễn Văn Bình', signerTitle: 'Giám đốc' },
    });
    expect(issued.status, JSON.stringify(issued.json)).toBe(200);
    expect(byKey(issued.json.figures)).toEqual(byKey(report.figures));
    const text = await docxText(`/api/reports/${report.id}/report.docx`, s.ha);
    for (const x of [
      'Chế độ, chính sách đã chi trả cho cán bộ tăng cường',
      'Số tiền đã chi trả — Cơ quan, đơn vị cử đi chi trả: 9.000.000 đồng',
      'Số tiền đã chi trả — Ngân sách nhà nước bảo đảm: 23.400.000 đồng',
      'Số tiền đã chi trả — Chi trả theo Nghị định 76/2019/NĐ-CP: 30.000.000 đồng',
      'Khoản chế độ đã phát sinh nhưng chưa chi trả (đến cuối kỳ): 2 khoản',
      'Biểu 04. Chế độ, chính sách đã chi trả cho cán bộ tăng cường theo nguồn chi trả',
      'Trong kỳ, các đơn vị gửi 2 kiến nghị, đề xuất, trong đó 2 kiến nghị đang chờ trả lời:',
      'Sở Xây dựng',
      'Đề nghị bổ sung kinh phí đi lại (chờ trả lời).',
    ]) {
      expect(text).toContain(x);
    }
    // section V carries the feedback after its heading; the annex row of the sending unit: 1 cadre, 9 000 000, 1 unpaid
    expect(text.slice(text.indexOf('V. ĐỀ XUẤT, KIẾN NGHỊ'))).toContain('Chưa bố trí chỗ ở cho cán bộ tăng cường');
    expect(text).toMatch(/1\nCơ quan, đơn vị cử đi chi trả\n1\n9\.000\.000\n1\n/);
    const res = await send(app, `/api/reports/${report.id}/annex.xlsx`, { headers: { cookie: s.ha.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Biểu 04 - Chi trả chế độ')!.getRow(4).values).toEqual([undefined, 3, 'Chi trả theo Nghị định 76/2019/NĐ-CP', 1, 30_000_000, 0]);
  });

  it("counts only the unit's own in a unit's report", async () => {
    const r = await call(app, 'POST', '/api/reports', { session: s.hrA, body: { from: FROM, to: TODAY, unitId: u.deptA!.id } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const got = byKey(r.json.figures);
    expect(got).toMatchObject(await expected(FROM, TODAY, u.deptA!.id));
    expect(got).toMatchObject({ 'entitlements.amount': 62_400_000, 'entitlements.due_unpaid': 0, 'feedback.raised': 1 });
    expect(r.json.proposalFacts.map((f: { unitName: string }) => f.unitName)).toEqual(['Sở Tài chính']);
    const b = await call(app, 'POST', '/api/reports', { session: s.hrB, body: { from: FROM, to: TODAY, unitId: u.deptB!.id } });
    expect(byKey(b.json.figures)).toMatchObject({ 'entitlements.amount': 0, 'entitlements.due_unpaid': 2, 'feedback.raised': 1 });
  });
});
