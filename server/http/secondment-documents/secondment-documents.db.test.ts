import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import JSZip from 'jszip';
import { docxPageNumbering, hasCentredPageField } from '../../../test/support/docx-pages.js';
import type pg from 'pg';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { download } from '../../../test/support/import-helpers.js';
import { readXlsx } from '../../../test/support/xlsx-files.js';

const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function secondment(pool: pg.Pool, o: Record<string, unknown>): Promise<string> {
  const id = crypto.randomUUID();
  const cols = Object.keys(o);
  await pool.query(`INSERT INTO secondments (id, ${cols.join(', ')}) VALUES ($1, ${cols.map((_, i) => `$${i + 2}`).join(', ')})`, [
    id,
    ...cols.map((c) => (o[c] !== null && typeof o[c] === 'object' ? JSON.stringify(o[c]) : o[c])),
  ]);
  return id;
}

async function decision(
  pool: pg.Pool,
  kind: string,
  seq: number,
  decidedOn: string,
  items: { secondmentId: string; hostUnitId?: string; startDate?: string; endDate?: string; durationMonths?: number; reason?: string }[],
) {
  const id = crypto.randomUUID();
  await pool.query(
    `INSERT INTO secondment_decisions (id, kind, year, seq, number, decided_on, signer_name, signer_title, created_by)
     VALUES ($1, $2, 2026, $3, $4, $5, 'Trần Văn Ký', 'KT. Chủ tịch - Phó Chủ tịch', $6)`,
    [id, kind, seq, `${String(seq).padStart(2, '0')}/QĐ-UBND`, decidedOn, crypto.randomUUID()],
  );
  for (const i of items) {
    await pool.query(
      `INSERT INTO secondment_decision_items (decision_id, secondment_id, host_unit_id, start_date, end_date, duration_months, reason) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [id, i.secondmentId, i.hostUnitId ?? null, i.startDate ?? null, i.endDate ?? null, i.durationMonths ?? null, i.reason ?? null],
    );
  }
  return id;
}

const docText = async (body: Buffer) => {
  const zip = await JSZip.loadAsync(body);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
};

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(pool, '92');
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  const deptA = await makeUnit(pool, { parent: root, name: 'Sở Thử Nghiệm A' });
  const deptB = await makeUnit(pool, { parent: root, name: 'Sở Thử Nghiệm B' });
  const cx = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Tân Lộc Thử' });
  const cy = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Vĩnh Khó' });
  await pool.query(`UPDATE org_units SET is_especially_disadvantaged = true WHERE id = $1`, [cy.id]);
  const p1 = await makePerson(pool, { unitId: deptA.id, fullName: 'Nguyễn Văn An', birthDate: '1984-03-09' });
  const p2 = await makePerson(pool, { unitId: deptA.id, fullName: 'Trần Thị Bình', gender: 'female', birthDate: '1980-11-02' });
  const p3 = await makePerson(pool, { unitId: deptB.id, fullName: 'Lê Văn Cường' });
  await pool.query(
    `UPDATE people SET rank_code = '01.003', salary_step = 4, salary_coefficient = 3.33, leadership_allowance_coef = 0.30, position_title = 'Phó Trưởng phòng' WHERE id = $1`,
    [p1.id],
  );
  await pool.query(`UPDATE people SET rank_code = '01.003', salary_step = 9, salary_coefficient = 4.98, position_title = 'Chuyên viên' WHERE id = $1`, [p2.id]);
  const post = (unit: { id: string; name: string }, title: string, step: number, coef: string, lead: string | null) => ({
    unitId: unit.id,
    unitName: unit.name,
    jobPostId: null,
    positionTitle: title,
    isLeader: lead !== null,
    leadershipAllowanceCoef: lead,
    rankCode: '01.003',
    salaryStep: step,
    salaryCoefficient: coef,
  });
  ids.s1 = await secondment(pool, {
    person_id: p1.id,
    sending_unit_id: deptA.id,
    host_unit_id: cx.id,
    status: 'active',
    start_date: '2026-06-30',
    end_date: '2029-06-29',
    duration_months: 36,
    decision_no: '05/QĐ-UBND',
    host_role: 'Phó Chủ tịch UBND xã',
    reserved_post: post(deptA, 'Phó Trưởng phòng', 4, '3.33', '0.30'),
  });
  ids.s2 = await secondment(pool, {
    person_id: p2.id,
    sending_unit_id: deptA.id,
    host_unit_id: cy.id,
    status: 'active',
    start_date: '2026-07-01',
    end_date: '2029-06-30',
    duration_months: 36,
    decision_no: '05/QĐ-UBND',
    suggested_role: 'Công chức Văn phòng - Thống kê',
    reserved_post: post(deptA, 'Chuyên viên', 9, '4.98', null),
  });
  ids.s3 = await secondment(pool, {
    person_id: p3.id,
    sending_unit_id: deptB.id,
    host_unit_id: cx.id,
    status: 'returned',
    start_date: '2026-07-01',
    end_date: '2029-06-30',
    duration_months: 36,
    decision_no: '06/QĐ-UBND',
    reserved_post: post(deptB, 'Chuyên viên', 4, '3.33', null),
    placement: post(deptB, 'Phó Trưởng phòng Tổng hợp', 4, '3.33', '0.30'),
    outcome_rating: 'HTT',
    extra_step_granted: true,
    returned_on: '2029-07-15',
    actual_end_date: '2029-06-30',
  });
  ids.dSend = await decision(pool, 'send', 5, '2026-06-25', [
    { secondmentId: ids.s1, hostUnitId: cx.id, startDate: '2026-06-30', endDate: '2029-06-29', durationMonths: 36 },
    { secondmentId: ids.s2, hostUnitId: cy.id, startDate: '2026-07-01', endDate: '2029-06-30', durationMonths: 36 },
  ]);
  ids.dExtend = await decision(pool, 'extend', 12, '2026-09-10', [
    { secondmentId: ids.s1, endDate: '2029-12-31', durationMonths: 6, reason: 'Theo đề nghị của Ủy ban nhân dân xã' },
  ]);
  ids.dReturn = await decision(pool, 'return', 20, '2026-10-02', [{ secondmentId: ids.s3, startDate: '2029-07-15' }]);

  s.homeAffairs = await makeSession(pool, 'home_affairs');
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: deptA.id });
  s.hrB = await makeSession(pool, 'unit_hr', { unitId: deptB.id });
  s.hostX = await makeSession(pool, 'host', { unitId: cx.id });
  s.hostY = await makeSession(pool, 'host', { unitId: cy.id });
  s.cadre1 = await makeSession(pool, 'cadre', { personId: p1.id });
});

const get = (r: { json: any }, code: string) => r.json.entitlements.find((e: { code: string }) => e.code === code);

describe('GET /api/secondments/{id}/entitlements', () => {
  it('computes each entitlement with its clause and amount, and logs the read', async () => {
    const r = await call(app, 'GET', `/api/secondments/${ids.s1}/entitlements`, { session: s.hrA });
    expect(r.status).toBe(200);
    expect(r.json.tentative).toBe(false);
    expect(get(r, 'one_off_allowance')).toMatchObject({ amountVnd: 23_400_000, applies: true, clause: expect.stringContaining('Điểm b khoản 1 Điều 12') });
    expect(get(r, 'keep_salary').periods.map((p: { monthlyVnd: number }) => p.monthlyVnd)).toEqual([8_494_200, 9_183_900]);
    expect(get(r, 'disadvantaged_package').applies).toBe(false);
    expect(get(r, 'extra_step').state).toBe('pending');
    const log = await t
      .get()
      .pool.query(`SELECT person_id FROM audit_log WHERE action = 'read_sensitive' AND entity_type = 'secondment_entitlements' AND entity_id = $1`, [ids.s1]);
    expect(log.rows).toHaveLength(1);
  });
  it('an especially disadvantaged commune gets the Decree 76/2019 package instead of the allowance', async () => {
    const r = await call(app, 'GET', `/api/secondments/${ids.s2}/entitlements`, { session: s.homeAffairs });
    expect(r.status).toBe(200);
    expect(get(r, 'one_off_allowance')).toMatchObject({ applies: false, amountVnd: null });
    expect(get(r, 'disadvantaged_package').explanation).toContain('theo Nghị định 76/2019/NĐ-CP');
  });
  it('a returned cadre with HTT shows the extra step as done, 4 → 5', async () => {
    const r = await call(app, 'GET', `/api/secondments/${ids.s3}/entitlements`, { session: s.hrB });
    expect(get(r, 'extra_step')).toMatchObject({ state: 'done', step: { stepBefore: 4, stepAfter: 5, coefficientAfter: '3.66' } });
  });
  it('a cadre reads their own; out of scope is 404; a host may not read pay (403)', async () => {
    expect((await call(app, 'GET', `/api/secondments/${ids.s1}/entitlements`, { session: s.cadre1 })).status).toBe(200);
    expect((await call(app, 'GET', `/api/secondments/${ids.s2}/entitlements`, { session: s.cadre1 })).status).toBe(404);
    expect((await call(app, 'GET', `/api/secondments/${ids.s1}/entitlements`, { session: s.hrB })).status).toBe(404);
    expect((await call(app, 'GET', `/api/secondments/${ids.s1}/entitlements`, { session: s.hostX })).status).toBe(403);
  });
});

describe('finance list (.xlsx)', () => {
  it('lists the year with the base salary applied, the allowance or the package, who pays, and totals', async () => {
    const r = await download(app, s.homeAffairs, '/api/secondments/entitlements.xlsx?year=2026');
    expect(r.status).toBe(200);
    const sheet = (await readXlsx(r.body)).get('Chi trả 2026')!;
    const [header, ...rows] = sheet.rows as unknown[][];
    const col = (h: string) => (header as string[]).indexOf(h);
    const byName = (n: string) => rows.find((x) => x[col('Họ và tên')] === n)!;
    expect(rows).toHaveLength(4); // three people and the totals row
    expect(byName('Nguyễn Văn An')[col('Lương cơ sở áp dụng (đồng)')]).toBe(2_340_000);
    expect(byName('Nguyễn Văn An')[col('Trợ cấp một lần (đồng)')]).toBe(23_400_000);
    expect(byName('Nguyễn Văn An')[col('Nguồn chi trả trợ cấp')]).toMatch(/Ngân sách nhà nước/);
    expect(byName('Trần Thị Bình')[col('Trợ cấp một lần (đồng)')]).toBe('Gói chính sách NĐ 76/2019');
    expect(byName('Lê Văn Cường')[col('Trợ cấp một lần (đồng)')]).toBe(25_300_000);
    expect(String(byName('Lê Văn Cường')[col('Nâng lương vượt bậc')])).toContain('bậc 4 → 5');
    const totals = rows[rows.length - 1];
    expect(totals[col('Họ và tên')]).toBe('Tổng cộng: 3 người');
    expect(totals[col('Trợ cấp một lần (đồng)')]).toBe(48_700_000);
  });
  it('a sending unit sees only its own secondments', async () => {
    const r = await download(app, s.hrA, '/api/secondments/entitlements.xlsx?year=2026');
    const [header, ...rows] = (await readXlsx(r.body)).get('Chi trả 2026')!.rows as unknown[][];
    const names = rows.map((x) => x[(header as string[]).indexOf('Họ và tên')]);
    expect(names).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Tổng cộng: 2 người']);
    expect(rows[2][(header as string[]).indexOf('Trợ cấp một lần (đồng)')]).toBe(23_400_000);
  });
  it('another year is empty but for the totals', async () => {
    const r = await download(app, s.homeAffairs, '/api/secondments/entitlements.xlsx?year=2025');
    expect((await readXlsx(r.body)).get('Chi trả 2025')!.rows).toHaveLength(2);
  });
});

describe('decisions list', () => {
  const numbers = async (who: string, q = '') =>
    (await call(app, 'GET', `/api/secondments/decisions${q}`, { session: s[who] })).json.items.map((d: { number: string }) => d.number);
  it('Sở Nội vụ sees all, newest first, with the count of people and paging', async () => {
    const r = await call(app, 'GET', '/api/secondments/decisions?pageSize=2', { session: s.homeAffairs });
    expect(r.status).toBe(200);
    expect(r.json.total).toBe(3);
    expect(r.json.items.map((d: { number: string }) => d.number)).toEqual(['20/QĐ-UBND', '12/QĐ-UBND']);
    const p2 = await call(app, 'GET', '/api/secondments/decisions?pageSize=2&page=2', { session: s.homeAffairs });
    expect(p2.json.items).toMatchObject([{ number: '05/QĐ-UBND', count: 2, kind: 'send', signerName: 'Trần Văn Ký' }]);
    expect(await numbers('homeAffairs', '?kind=extend')).toEqual(['12/QĐ-UBND']);
  });
  it('a unit or a commune sees only the decisions covering its secondments', async () => {
    expect(await numbers('hrA')).toEqual(['12/QĐ-UBND', '05/QĐ-UBND']);
    expect(await numbers('hrB')).toEqual(['20/QĐ-UBND']);
    expect(await numbers('hostY')).toEqual(['05/QĐ-UBND']);
    expect(await numbers('hostX')).toEqual(['20/QĐ-UBND', '12/QĐ-UBND', '05/QĐ-UBND']);
    expect((await call(app, 'GET', '/api/secondments/decisions', { session: s.cadre1 })).status).toBe(403);
  });
  it('exports the list as .xlsx', async () => {
    const r = await download(app, s.hrA, '/api/secondments/decisions.xlsx');
    expect(r.status).toBe(200);
    const [header, ...rows] = (await readXlsx(r.body)).get('Quyết định')!.rows as unknown[][];
    expect(header).toContain('Số người');
    expect(rows.map((x) => x[1])).toEqual(['12/QĐ-UBND', '05/QĐ-UBND']);
    expect(rows[1][2]).toEqual(new Date('2026-06-25T00:00:00Z'));
  });
});

describe('decision documents (.docx)', () => {
  it('the decision to send: number, date, articles and the annex with both people and communes; logged', async () => {
    const r = await download(app, s.hrA, `/api/secondments/decisions/${ids.dSend}/document.docx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    // Decree 30/2020 page numbers: none on the decision's first page, centred at the top after; the annex continues them
    const [decision, annexSection] = await docxPageNumbering(r.body);
    expect(decision.titlePage).toBe(true);
    expect(hasCentredPageField(decision.headers.default)).toBe(true);
    expect(decision.headers.first).not.toMatch(/PAGE/);
    expect(annexSection.titlePage).toBe(false);
    expect(hasCentredPageField(annexSection.headers.default)).toBe(true);
    const text = await docText(r.body);
    for (const x of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ',
      'Số: 05/QĐ-UBND',
      'Cần Thơ, ngày 25 tháng 6 năm 2026',
      'Căn cứ Kế hoạch số 131/KH-UBND ngày 03 tháng 6 năm 2025 của Ủy ban nhân dân thành phố Cần Thơ về tăng cường cán bộ',
      'Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc Sở Nội vụ',
      'Chủ tịch, các Phó Chủ tịch UBND thành phố;',
      'Cử các ông (bà) có tên tại Phụ lục kèm theo Quyết định này (2 người)',
      'Xã Tân Lộc Thử',
      'Xã Vĩnh Khó',
      'đến công tác tại các xã, phường: xã Tân Lộc Thử, xã Vĩnh Khó, thời gian và ngày bắt đầu của từng người theo Phụ lục',
      'Chủ tịch Ủy ban nhân dân xã Tân Lộc Thử, xã Vĩnh Khó',
      'Nghị định số 178/2024/NĐ-CP',
      'trợ cấp một lần bằng 10 tháng lương cơ sở',
      'Nghị định số 76/2019/NĐ-CP',
      'Giám đốc Sở Nội vụ',
      'Thủ trưởng Sở Thử Nghiệm A',
      'PHỤ LỤC',
      '(Kèm theo Quyết định số 05/QĐ-UBND ngày 25/06/2026',
      'Nguyễn Văn An',
      'Trần Thị Bình',
      '09/03/1984',
      'Phó Chủ tịch UBND xã',
      '30/06/2026 – 29/06/2029',
      '01/07/2026 – 30/06/2029',
      'Nơi nhận:',
      'Trần Văn Ký',
    ]) {
      expect(text).toContain(x);
    }
    const log = await t
      .get()
      .pool.query(`SELECT meta FROM audit_log WHERE action = 'export' AND entity_type = 'secondment_decision' AND entity_id = $1`, [ids.dSend]);
    expect(log.rows[0].meta).toMatchObject({ format: 'docx', kind: 'send', people: 2 });
  });
  it('one commune covered by the decision may download the extract of its own cadre; another unit may not (404)', async () => {
    const r = await download(app, s.hostY, `/api/secondments/decisions/${ids.dSend}/document.docx`);
    expect(r.status).toBe(200);
    // the other commune's cadre is not in the host's copy: an extract (trích) of its own
    const text = await docText(r.body);
    expect(text).toContain('TRÍCH');
    expect(text).toContain('Trích danh sách: 1 trong số 2 người');
    expect(text).toContain('(2 người; bản trích gồm 1 người)');
    expect(text).toContain('Trần Thị Bình');
    expect(text).not.toContain('Nguyễn Văn An');
    expect(decodeURIComponent(r.headers.get('content-disposition') ?? '')).toContain('Trích quyết định');
    expect((await download(app, s.hrB, `/api/secondments/decisions/${ids.dSend}/document.docx`)).status).toBe(404);
    expect((await download(app, s.hostY, `/api/secondments/decisions/${ids.dReturn}/document.docx`)).status).toBe(404);
    expect((await download(app, s.cadre1, `/api/secondments/decisions/${ids.dSend}/document.docx`)).status).toBe(403);
  });
  it('the extension: new end date and reason', async () => {
    const r = await download(app, s.homeAffairs, `/api/secondments/decisions/${ids.dExtend}/document.docx`);
    const text = await docText(r.body);
    for (const x of [
      'Số: 12/QĐ-UBND',
      'Cần Thơ, ngày 10 tháng 9 năm 2026',
      'Gia hạn thời gian công tác tăng cường',
      'Ông Nguyễn Văn An',
      'đang công tác tăng cường tại xã Tân Lộc Thử',
      'theo Quyết định số 05/QĐ-UBND',
      'gia hạn đến hết ngày 31/12/2029 (thêm 6 tháng)',
      'Lý do: Theo đề nghị của Ủy ban nhân dân xã',
    ]) {
      expect(text).toContain(x);
    }
    expect(text).not.toContain('PHỤ LỤC');
  });
  it('the return: reserved post, placement and the extra salary step', async () => {
    const r = await download(app, s.hrB, `/api/secondments/decisions/${ids.dReturn}/document.docx`);
    expect(r.status).toBe(200);
    const text = await docText(r.body);
    for (const x of [
      'Số: 20/QĐ-UBND',
      'Cần Thơ, ngày 02 tháng 10 năm 2026',
      'Ông Lê Văn Cường',
      'bố trí công tác: Phó Trưởng phòng Tổng hợp, Sở Thử Nghiệm B, kể từ ngày 15/07/2029',
      'Vị trí được bảo lưu trước khi tăng cường: Chuyên viên, Sở Thử Nghiệm B',
      'nâng lương vượt một bậc từ bậc 4/9 (hệ số 3,33) lên bậc 5/9 (hệ số 3,66)',
      'mã số 01.003',
    ]) {
      expect(text).toContain(x);
    }
  });
  it('the return placed lower than the reserved post states what is lower and the recorded reason', async () => {
    const { pool } = t.get();
    const placed =
      "placement || jsonb_build_object('lowerThanReserved', jsonb_build_array('Ngạch thấp hơn: Cán sự (loại C) so với Chuyên viên (loại A1).'), 'lowerReason', $2::text)";
    await pool.query(`UPDATE secondments SET placement = ${placed} WHERE id = $1`, [ids.s3, 'Theo nguyện vọng của cán bộ, vị trí cũ đã sắp xếp lại.']);
    try {
      const text = await docText((await download(app, s.hrB, `/api/secondments/decisions/${ids.dReturn}/document.docx`)).body);
      expect(text).toContain(
        'Bố trí thấp hơn vị trí được bảo lưu (Ngạch thấp hơn: Cán sự (loại C) so với Chuyên viên (loại A1)); lý do: Theo nguyện vọng của cán bộ, vị trí cũ đã sắp xếp lại.',
      );
    } finally {
      await pool.query(`UPDATE secondments SET placement = placement - 'lowerThanReserved' - 'lowerReason' WHERE id = $1`, [ids.s3]);
    }
    // a placement not lower says nothing of it
    expect(await docText((await download(app, s.hrB, `/api/secondments/decisions/${ids.dReturn}/document.docx`)).body)).not.toContain(
      'thấp hơn vị trí được bảo lưu',
    );
  });
  it('reads the province and the plan from the database: the same decision for Hà Nội names no Cần Thơ', async () => {
    const { pool } = t.get();
    const before = await pool.query('SELECT * FROM province_settings');
    const plan = await pool.query(`SELECT id, code, title, issued_by, issued_on FROM plans`);
    try {
      await pool.query(`DELETE FROM province_settings`);
      await makeProvince(pool, '01');
      await pool.query(`UPDATE plans SET code = '215/KH-UBND', issued_by = 'Ủy ban nhân dân thành phố Hà Nội', issued_on = '2025-07-15'`);
      const text = await docText((await download(app, s.hrA, `/api/secondments/decisions/${ids.dSend}/document.docx`)).body);
      for (const x of [
        'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
        'Hà Nội, ngày 25 tháng 6 năm 2026',
        'Căn cứ Kế hoạch số 215/KH-UBND ngày 15 tháng 7 năm 2025 của Ủy ban nhân dân thành phố Hà Nội về',
        'Chủ tịch, các Phó Chủ tịch UBND thành phố;',
        '(Kèm theo Quyết định số 05/QĐ-UBND ngày 25/06/2026 của Ủy ban nhân dân thành phố Hà Nội)',
      ]) {
        expect(text).toContain(x);
      }
      expect(text).not.toMatch(/Cần Thơ|CẦN THƠ|131\/KH/);
      // a province of level "tỉnh": "UBND tỉnh" in the recipients, the heading in capitals
      await pool.query(`DELETE FROM province_settings`);
      await makeProvince(pool, '91');
      const an = await docText((await download(app, s.hrA, `/api/secondments/decisions/${ids.dExtend}/document.docx`)).body);
      expect(an).toContain('ỦY BAN NHÂN DÂN TỈNH AN GIANG');
      expect(an).toContain('Chủ tịch, các Phó Chủ tịch UBND tỉnh;');
      // before any setup there is no province to name: a clear refusal
      await pool.query(`DELETE FROM province_settings`);
      const none = await download(app, s.hrA, `/api/secondments/decisions/${ids.dSend}/document.docx`);
      expect(none.status).toBe(409);
    } finally {
      await pool.query(`DELETE FROM province_settings`);
      await pool.query(`INSERT INTO province_settings SELECT * FROM json_populate_record(NULL::province_settings, $1)`, [JSON.stringify(before.rows[0])]);
      const p = plan.rows[0];
      await pool.query(`UPDATE plans SET code = $2, issued_by = $3, issued_on = $4 WHERE id = $1`, [p.id, p.code, p.issued_by, p.issued_on]);
    }
  });
});
