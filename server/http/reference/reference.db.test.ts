import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { addDays, addMonths, vietnamToday } from '../../../common/dates.js';
import { DECREE_171_2025 } from '../../../common/training.js';

/**
 * "What a change of law moves": Sở Nội vụ drafts a dated row of a reference table and sees, before saving, whose
 * screening verdict flips and why, which entitlements, supplementary budgets and repayments move and by how much;
 * exports it; saves it with instrument and reason (reference_changes + audit); a row already in force can only be
 * closed; nobody else may do any of it.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const TODAY = vietnamToday();
// a new base salary from the first day of a month about seven months ahead (after the 2,530,000 row of 01/07/2026)
const FUTURE = addMonths(TODAY.slice(0, 8) + '01', 7);
const NEW_BASE = 2_800_000;
const OLD_BASE = 2_530_000;
let deptA: UnitRef;

async function secondment(pool: pg.Pool, o: Record<string, unknown>): Promise<string> {
  const id = crypto.randomUUID();
  const cols = Object.keys(o);
  await pool.query(`INSERT INTO secondments (id, ${cols.join(', ')}) VALUES ($1, ${cols.map((_, i) => `$${i + 2}`).join(', ')})`, [
    id,
    ...cols.map((c) => (o[c] !== null && typeof o[c] === 'object' ? JSON.stringify(o[c]) : o[c])),
  ]);
  return id;
}

const post = (unit: UnitRef, coef: string, lead: string | null) => ({
  unitId: unit.id,
  unitName: unit.name,
  jobPostId: null,
  positionTitle: lead ? 'Phó Trưởng phòng' : 'Chuyên viên',
  isLeader: lead !== null,
  leadershipAllowanceCoef: lead,
  rankCode: '01.003',
  salaryStep: 2,
  salaryCoefficient: coef,
});

/** A person who meets every criterion today, so that only the discipline can make the verdict fail. */
async function candidate(unit: UnitRef, fullName: string) {
  const { pool } = t.get();
  const year = Number(TODAY.slice(0, 4));
  const p = await makePerson(pool, { unitId: unit.id, fullName, birthDate: '1988-03-01' });
  await pool.query(
    `UPDATE people SET is_leader = true, position_title = 'Phó Trưởng phòng', rank_code = '01.003', salary_step = 3, salary_coefficient = 3.00,
       health_status = 'good', health_checked_on = $2 WHERE id = $1`,
    [p.id, addDays(TODAY, -30)],
  );
  await pool.query(`INSERT INTO planning_entries (person_id, title, term, approved_on) VALUES ($1, 'Trưởng phòng', '2025-2030', '2025-08-01')`, [p.id]);
  await pool.query(`INSERT INTO annual_ratings (person_id, year, level_code) VALUES ($1, $2, 'HTT'), ($1, $3, 'HTXS'), ($1, $4, 'HTT')`, [
    p.id,
    year - 2,
    year - 1,
    year,
  ]);
  await pool.query(
    `INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok)
     VALUES ($1, $2, gen_random_uuid(), 'Thủ trưởng', 'yes', 'yes', 'yes', 'yes')`,
    [p.id, addDays(TODAY, -20)],
  );
  return p;
}

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(pool, '92');
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  deptA = await makeUnit(pool, { parent: root, name: 'Sở Thử Nghiệm A' });
  const cx = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Tân Lộc Thử' });
  const cy = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Vĩnh Khó' });
  await pool.query(`UPDATE org_units SET is_especially_disadvantaged = true WHERE id = $1`, [cy.id]);
  s.home = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.hr = await makeSession(pool, 'unit_hr', { unitId: deptA.id });

  // the secondments whose pay the new base salary may move
  const people = await Promise.all(
    ['Nguyễn Văn Trước', 'Trần Thị Đúng', 'Lê Văn Khó', 'Phạm Văn Đề Xuất'].map((n) => makePerson(pool, { unitId: deptA.id, fullName: n })),
  );
  ids.personB = people[1].code;
  ids.personC = people[2].code;
  const base = { sending_unit_id: deptA.id, duration_months: 36, decision_no: '05/QĐ-UBND' };
  // A starts before the new row: nothing moves
  ids.a = await secondment(pool, {
    ...base,
    person_id: people[0].id,
    host_unit_id: cx.id,
    status: 'active',
    start_date: addMonths(FUTURE, -3),
    reserved_post: post(deptA, '3.33', '0.30'),
  });
  // B starts on the new row's first day: one-off allowance and monthly salary move
  ids.b = await secondment(pool, {
    ...base,
    person_id: people[1].id,
    host_unit_id: cx.id,
    status: 'decided',
    start_date: FUTURE,
    reserved_post: post(deptA, '3.00', null),
  });
  // C in an especially disadvantaged commune: the Decree 76 package, no one-off allowance; the monthly salary moves
  ids.c = await secondment(pool, {
    ...base,
    person_id: people[2].id,
    host_unit_id: cy.id,
    status: 'active',
    start_date: addMonths(FUTURE, 2),
    reserved_post: post(deptA, '2.34', null),
  });
  // D only proposed: not counted
  ids.d = await secondment(pool, { person_id: people[3].id, sending_unit_id: deptA.id, status: 'proposed', start_date: addMonths(FUTURE, 1) });

  // a supplementary budget computed for a unit whose first year after restructuring straddles the new row: 3 months old, 9 new
  const merged = await makeUnit(pool, { parent: root, name: 'Sở Hợp Nhất', restructuredOn: addMonths(FUTURE, -3) });
  const computation = { restructuredOn: addMonths(FUTURE, -3), rate: 0.05, coefficientSum: '3.00', peopleCounted: 1, peopleWithoutCoefficient: 0 };
  const r = await pool.query(
    `INSERT INTO training_budgets (unit_id, year, funding_source, amount_vnd, computed_vnd, computation, updated_by)
     VALUES ($1, $2, 'supplementary', 4554000, 4554000, $3, $4) RETURNING id`,
    [merged.id, Number(FUTURE.slice(0, 4)), JSON.stringify(computation), s.home.userId],
  );
  ids.budget = r.rows[0].id;

  // discipline: one reprimand decided today, one a year ago (under the row in force then)
  const today = await candidate(deptA, 'Võ Văn Hôm Nay');
  const earlier = await candidate(deptA, 'Đỗ Văn Năm Trước');
  ids.disciplinedToday = today.id;
  ids.disciplinedEarlier = earlier.id;
  await pool.query(`INSERT INTO discipline_records (person_id, form_code, decided_on, effective_from) VALUES ($1, 'KT', $2, $2), ($3, 'KT', $4, $4)`, [
    today.id,
    TODAY,
    earlier.id,
    addDays(TODAY, -400),
  ]);

  // key posts: a person from Xã Tân Lộc Thử, judged for its vice-chair post
  await pool.query(`INSERT INTO legacy_communes (old_code, old_name, new_unit_id, match) VALUES ('99001', 'Xã Tân Lộc Cũ', $1, 'full')`, [cx.id]);
  const local = await candidate(deptA, 'Lý Văn Địa Phương');
  await pool.query(`UPDATE people SET home_town_code = '99001' WHERE id = $1`, [local.id]);
  ids.local = local.id;
  ids.vicePost = (await pool.query(`INSERT INTO job_posts (unit_id, title, is_leadership) VALUES ($1, 'Phó Chủ tịch UBND', true) RETURNING id`, [cx.id])).rows[0].id;

  // a nomination of the person disciplined today for a short course starting in 18 months (a discipline period bars all
  // training: Law 80/2025 Art. 38 cl. 2)
  const shortCourse = await pool.query(
    `INSERT INTO training_courses (title, provider, location, source, kind, fields, start_date, end_date, hours, capacity, cost_per_participant_vnd, funding_source, created_by)
     VALUES ('Bồi dưỡng kỹ năng lãnh đạo', 'Học viện Chính trị khu vực IV', 'domestic', 'city_plan', 'short_course', '{}', $1, $2, 40, 30, 2000000, 'regular', $3) RETURNING id`,
    [addMonths(TODAY, 18), addDays(addMonths(TODAY, 18), 5), s.home.userId],
  );
  ids.nomination = (
    await pool.query(
      `INSERT INTO training_enrolments (course_id, person_id, budget_unit_id, status, nominated_by, eligibility, funding_source, estimated_cost_vnd)
       VALUES ($1, $2, $3, 'nominated', $4, '{}', 'regular', 2000000) RETURNING id`,
      [shortCourse.rows[0].id, today.id, deptA.id, s.home.userId],
    )
  ).rows[0].id;

  // a repayment recorded for a master's course starting today, left the same day after ten years of service
  const leaver = await makePerson(pool, { unitId: deptA.id, fullName: 'Hồ Văn Thôi Việc' });
  await pool.query(`UPDATE people SET status = 'left', recruited_on = $2 WHERE id = $1`, [leaver.id, addMonths(TODAY, -121)]);
  const course = await pool.query(
    `INSERT INTO training_courses (title, provider, location, source, kind, fields, start_date, end_date, hours, capacity, cost_per_participant_vnd, funding_source, created_by)
     VALUES ('Thạc sĩ Quản lý công', 'Học viện Hành chính', 'domestic', 'city_plan', 'master', '{}', $1, $2, 600, 10, 50000000, 'regular', $3) RETURNING id`,
    [TODAY, addMonths(TODAY, 24), s.home.userId],
  );
  const enrolment = await pool.query(
    `INSERT INTO training_enrolments (course_id, person_id, budget_unit_id, status, nominated_by, eligibility, funding_source, estimated_cost_vnd, committed_vnd, spent_vnd, enrolled_on)
     VALUES ($1, $2, $3, 'withdrawn', $4, '{}', 'regular', 50000000, 50000000, 50000000, $5) RETURNING id`,
    [course.rows[0].id, leaver.id, deptA.id, s.home.userId, TODAY],
  );
  ids.repayment = (
    await pool.query(
      `INSERT INTO training_repayments (enrolment_id, left_on, reason, amount_vnd, explanation, created_by, probation_ended_on)
       VALUES ($1, $2, 'quit', 45000000, '{}', $3, $4) RETURNING id`,
      // ten years of service after probation (Decree 171 Art. 8: probation is not counted)
      [enrolment.rows[0].id, TODAY, s.home.userId, addMonths(TODAY, -120)],
    )
  ).rows[0].id;
});

const basePreview = (o: Record<string, unknown> = {}) => ({ draft: { table: 'base_salaries', effectiveFrom: FUTURE, amountVnd: NEW_BASE }, ...o });

describe('a new base salary from a future date', () => {
  it('previews the entitlements and budgets that move, with totals matching a hand computation', async () => {
    const r = await call(app, 'POST', '/api/reference/preview', { session: s.home, body: basePreview() });
    expect(r.status).toBe(200);
    expect(r.json.action).toBe('insert');
    expect(r.json.period).toEqual({ from: FUTURE, to: null });
    expect(r.json.screening).toBeNull();
    const e = r.json.entitlements;
    // A, B, C are decided or active; D is only proposed
    expect(e.considered).toBe(3);
    expect(e.items.map((x: { secondmentId: string }) => x.secondmentId).sort()).toEqual([ids.b, ids.c].sort());
    const b = e.items.find((x: { secondmentId: string }) => x.secondmentId === ids.b);
    expect(b.oneOff).toEqual({ before: 10 * OLD_BASE, after: 10 * NEW_BASE });
    expect(b.monthly).toEqual({ before: 3 * OLD_BASE, after: 3 * NEW_BASE });
    const c = e.items.find((x: { secondmentId: string }) => x.secondmentId === ids.c);
    expect(c.oneOff).toEqual({ before: null, after: null });
    // 2.34 × 2,530,000 = 5,920,200 → 2.34 × 2,800,000 = 6,552,000
    expect(c.monthly).toEqual({ before: 5_920_200, after: 6_552_000 });
    // one-off: 10 × 270,000 for B only; monthly: (3.00 + 2.34) × 270,000
    expect(e.oneOffDeltaVnd).toBe(2_700_000);
    expect(e.monthlyDeltaVnd).toBe(1_441_800);
    // 5 % × 3.00 × (3 × 2,530,000 + 9 × 2,800,000) = 4,918,500, was 5 % × 3.00 × 12 × 2,530,000 = 4,554,000
    expect(r.json.budgets.items).toEqual([expect.objectContaining({ budgetId: ids.budget, before: 4_554_000, after: 4_918_500 })]);
    expect(r.json.budgets.deltaVnd).toBe(364_500);
    // nothing was saved, and the read was logged
    expect((await t.get().pool.query(`SELECT 1 FROM base_salaries WHERE effective_from = $1`, [FUTURE])).rowCount).toBe(0);
    const logged = await t
      .get()
      .pool.query(`SELECT meta FROM audit_log WHERE entity_type = 'reference_preview' AND action = 'read_sensitive' ORDER BY id DESC LIMIT 1`);
    expect(logged.rows[0].meta).toMatchObject({ table: 'base_salaries', entitlementsMoved: 2 });
  });

  it('exports the same preview as an .xlsx that opens back with the moved rows and the totals', async () => {
    const res = await send(app, '/api/reference/preview.xlsx', {
      method: 'POST',
      headers: { cookie: s.home.cookie, 'x-csrf-token': s.home.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(basePreview()),
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Chế độ tăng cường')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0][0]).toBe('STT');
    const codes = rows.slice(1, -1).map((r) => r[1]);
    expect(codes.sort()).toEqual([ids.personB, ids.personC].sort());
    const total = rows.at(-1)!;
    expect(total[8]).toBe(2_700_000);
    expect(total[11]).toBe(1_441_800);
    const budget = wb.getWorksheet('Kinh phí bổ sung')!;
    expect(budget.getRow(2).getCell(6).value).toBe(364_500);
    const summary: unknown[][] = [];
    wb.getWorksheet('Tóm tắt')!.eachRow((row) => summary.push((row.values as unknown[]).slice(1)));
    const [d, m, y] = [FUTURE.slice(8, 10), FUTURE.slice(5, 7), FUTURE.slice(0, 4)];
    expect(summary).toContainEqual(['Dòng dự kiến', `2.800.000 đồng/tháng — hiệu lực từ ${d}/${m}/${y} (Dự thảo)`]);
    expect(summary).toContainEqual(['Tổng chênh lệch trợ cấp một lần', '2.700.000 đồng']);
  });

  it('saving needs the instrument and the reason, then writes the row, reference_changes and the audit in one go', async () => {
    const { pool } = t.get();
    const missing = await call(app, 'POST', '/api/reference/changes', { session: s.home, body: { draft: basePreview().draft, instrument: ' ', reason: '' } });
    expect(missing.status).toBe(422);
    expect(missing.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['instrument', 'reason']);
    expect(missing.json.error.issues[0].message).toMatch(/Nhập/);
    expect((await pool.query(`SELECT 1 FROM base_salaries WHERE effective_from = $1`, [FUTURE])).rowCount).toBe(0);

    const saved = await call(app, 'POST', '/api/reference/changes', {
      session: s.home,
      body: { draft: basePreview().draft, instrument: 'Nghị định 999/2027/NĐ-CP', reason: 'Điều chỉnh lương cơ sở từ 01/07' },
    });
    expect(saved.status).toBe(201);
    expect(saved.json.action).toBe('insert');
    const row = await pool.query(`SELECT amount_vnd::int AS amount, instrument FROM base_salaries WHERE effective_from = $1`, [FUTURE]);
    expect(row.rows[0]).toEqual({ amount: NEW_BASE, instrument: 'Nghị định 999/2027/NĐ-CP' });
    const change = await pool.query(`SELECT * FROM reference_changes WHERE id = $1`, [saved.json.id]);
    expect(change.rows[0]).toMatchObject({
      table_name: 'base_salaries',
      action: 'insert',
      instrument: 'Nghị định 999/2027/NĐ-CP',
      reason: 'Điều chỉnh lương cơ sở từ 01/07',
      author_user_id: s.home.userId,
      before: null,
    });
    expect(change.rows[0].author_name).toMatch(/^Người dùng/);
    expect(change.rows[0].after).toMatchObject({ effectiveFrom: FUTURE, amountVnd: NEW_BASE });
    const audit = await pool.query(`SELECT entity_id, actor_user_id FROM audit_log WHERE action = 'reference_insert' AND entity_type = 'base_salaries'`);
    expect(audit.rows).toEqual([{ entity_id: saved.json.id, actor_user_id: s.home.userId }]);

    // the list shows the row (not yet in force, still editable) and the history
    const list = await call(app, 'GET', '/api/reference/tables', { session: s.home });
    const salaries = list.json.tables.find((x: { table: string }) => x.table === 'base_salaries');
    expect(salaries.rows.find((x: { effectiveFrom: string }) => x.effectiveFrom === FUTURE)).toMatchObject({ inForce: false, editable: 'full' });
    expect(salaries.rows.find((x: { effectiveFrom: string }) => x.effectiveFrom === '2024-07-01')).toMatchObject({ inForce: false, editable: 'none' });
    expect(list.json.history[0]).toMatchObject({ id: saved.json.id, actionLabel: 'Thêm dòng mới', instrument: 'Nghị định 999/2027/NĐ-CP' });

    // a row not yet in force may still be corrected: an update, with the row before
    const fixed = await call(app, 'POST', '/api/reference/changes', {
      session: s.home,
      body: { draft: { ...basePreview().draft, amountVnd: 2_810_000 }, instrument: 'Nghị định 999/2027/NĐ-CP', reason: 'Sửa số' },
    });
    expect(fixed.status).toBe(201);
    expect(fixed.json.action).toBe('update');
    const upd = await pool.query(`SELECT before FROM reference_changes WHERE id = $1`, [fixed.json.id]);
    expect(upd.rows[0].before).toMatchObject({ amountVnd: NEW_BASE });
  });
});

describe('a discipline bar change', () => {
  it('previews the people whose verdict flips, with the criterion and the reasons before and after', async () => {
    // reprimands decided from today bar for 24 months instead of 12: judged 18 months ahead
    const on = addMonths(TODAY, 18);
    const r = await call(app, 'POST', '/api/reference/preview', {
      session: s.home,
      body: { draft: { table: 'discipline_forms', code: 'KT', appliesTo: ['can_bo', 'cong_chuc'], barMonths: 24, effectiveFrom: TODAY }, referenceDate: on },
    });
    expect(r.status).toBe(200);
    expect(r.json.action).toBe('insert');
    expect(r.json.after.name).toBe('Khiển trách');
    const sc = r.json.screening;
    expect(sc.referenceDate).toBe(on);
    expect(sc.changed).toBe(1);
    const [p] = sc.people;
    expect(p.personId).toBe(ids.disciplinedToday);
    expect(p.verdictBefore).not.toBe('not_eligible');
    expect(p.verdictAfter).toBe('not_eligible');
    const d = p.criteria.find((c: { criterion: string }) => c.criterion === 'discipline');
    expect(d).toMatchObject({ resultBefore: 'pass', resultAfter: 'fail' });
    expect(d.reasonAfter).toMatch(/Đang trong thời gian thi hành kỷ luật/);
    expect(sc.draft.not_eligible).toBe((sc.current.not_eligible ?? 0) + 1);
    // the same bar applies to training: the nomination for the course in 18 months no longer passes
    const [n] = r.json.training.items;
    expect(n).toMatchObject({ enrolmentId: ids.nomination, verdictAfter: 'not_eligible' });
    expect(n.verdictBefore).not.toBe('not_eligible');
    expect(n.criteria).toEqual([expect.objectContaining({ criterion: 'discipline', resultBefore: 'pass', resultAfter: 'fail' })]);
    // the draft was rolled back
    expect((await t.get().pool.query(`SELECT 1 FROM discipline_forms WHERE code = 'KT' AND effective_from = $1`, [TODAY])).rowCount).toBe(0);
  });

  it('closing the row in force previews the people it leaves without a known bar', async () => {
    const r = await call(app, 'POST', '/api/reference/preview', {
      session: s.home,
      body: { draft: { table: 'discipline_forms', code: 'KT', effectiveFrom: '2025-07-01', effectiveTo: addDays(TODAY, -1) } },
    });
    expect(r.status).toBe(200);
    expect(r.json.action).toBe('close');
    expect(r.json.period.from).toBe(TODAY);
    const flipped = r.json.screening.people.map((x: { personId: string }) => x.personId);
    // decided today: no row in force on the decision date any more; decided a year ago: still under the row
    expect(flipped).toEqual([ids.disciplinedToday]);
    expect(r.json.screening.people[0].criteria[0]).toMatchObject({ criterion: 'discipline', resultBefore: 'fail', resultAfter: 'unknown' });
  });
});

describe('a new key post', () => {
  it('flips the local people judged for that post; without a destination post it says why nothing is judged', async () => {
    const draft = { table: 'key_posts', title: 'Phó Chủ tịch UBND', effectiveFrom: TODAY };
    const r = await call(app, 'POST', '/api/reference/preview', { session: s.home, body: { draft, destinationPostId: ids.vicePost } });
    expect(r.status).toBe(200);
    const local = r.json.screening.people.find((x: { personId: string }) => x.personId === ids.local);
    expect(local).toMatchObject({ verdictAfter: 'not_eligible' });
    expect(local.verdictBefore).not.toBe('not_eligible');
    expect(local.criteria.find((c: { criterion: string }) => c.criterion === 'non_local')).toMatchObject({ resultAfter: 'fail' });
    // an eligible person with no home town on record now needs it: unknown, never a pass
    const noHome = r.json.screening.people.find((x: { personId: string }) => x.personId === ids.disciplinedEarlier);
    expect(noHome).toMatchObject({ verdictBefore: 'eligible', verdictAfter: 'needs_info' });
    expect(noHome.criteria).toEqual([expect.objectContaining({ criterion: 'non_local', resultBefore: 'na', resultAfter: 'unknown' })]);
    expect(r.json.screening.changed).toBe(2);
    const bare = await call(app, 'POST', '/api/reference/preview', { session: s.home, body: { draft } });
    expect(bare.json.screening.changed).toBe(0);
    expect(bare.json.notes.join(' ')).toMatch(/chọn vị trí nơi đến/);
  });
});

describe('a new training regulation', () => {
  it('previews the repayments that move: 100 % of the cost less 10 × the yearly reduction', async () => {
    const { instrument: _, ...params } = DECREE_171_2025;
    const draft = { table: 'training_regulations', category: 'cong_chuc', effectiveFrom: TODAY, params: { ...params, repaymentReductionBpPerYearOther: 200 } };
    const r = await call(app, 'POST', '/api/reference/preview', { session: s.home, body: { draft, instrument: 'Nghị định 5/2027/NĐ-CP' } });
    expect(r.status).toBe(200);
    expect(r.json.after.params.instrument).toBe('Nghị định 5/2027/NĐ-CP');
    // 50,000,000 × (1 − 10 × 1 %) = 45,000,000 → 50,000,000 × (1 − 10 × 2 %) = 40,000,000
    expect(r.json.repayments.items).toEqual([expect.objectContaining({ repaymentId: ids.repayment, before: 45_000_000, after: 40_000_000 })]);
    expect(r.json.repayments.deltaVnd).toBe(-5_000_000);
    // a regulation for viên chức leaves a công chức's repayment alone
    const other = await call(app, 'POST', '/api/reference/preview', { session: s.home, body: { draft: { ...draft, category: 'vien_chuc' } } });
    expect(other.json.repayments.items).toEqual([]);
  });
});

describe('rows already in force', () => {
  it('are not changed, only closed, and the refusal says why in Vietnamese', async () => {
    const { pool } = t.get();
    const past = await call(app, 'POST', '/api/reference/changes', {
      session: s.home,
      body: { draft: { table: 'discipline_forms', code: 'KT', effectiveFrom: '2025-07-01', barMonths: 6 }, instrument: 'Nghị định X', reason: 'Thử' },
    });
    expect(past.status).toBe(422);
    expect(past.json.error.issues[0].message).toMatch(/không được sửa: chỉ được kết thúc hiệu lực/);
    const salary = await call(app, 'POST', '/api/reference/preview', {
      session: s.home,
      body: { draft: { table: 'base_salaries', effectiveFrom: '2024-07-01', amountVnd: 2_400_000 } },
    });
    expect(salary.status).toBe(422);
    expect(salary.json.error.issues[0].message).toMatch(/thêm dòng mới có hiệu lực từ ngày đó/);
    const backdated = await call(app, 'POST', '/api/reference/preview', {
      session: s.home,
      body: { draft: { table: 'allowance_multipliers', effectiveFrom: addDays(TODAY, -1), multiplier: 12 } },
    });
    expect(backdated.status).toBe(422);
    expect(backdated.json.error.issues[0]).toMatchObject({ path: 'draft.effectiveFrom' });
    expect(backdated.json.error.issues[0].message).toMatch(/từ hôm nay/);
    const closeBack = await call(app, 'POST', '/api/reference/preview', {
      session: s.home,
      body: { draft: { table: 'discipline_forms', code: 'KT', effectiveFrom: '2025-07-01', effectiveTo: '2025-12-31' } },
    });
    expect(closeBack.status).toBe(422);
    expect(closeBack.json.error.issues[0].message).toMatch(/không kết thúc lùi về trước/);
    const bars = await pool.query(`SELECT bar_months, effective_to FROM discipline_forms WHERE code = 'KT' AND effective_from = '2025-07-01'`);
    expect(bars.rows[0]).toEqual({ bar_months: 12, effective_to: null });
  });
});

describe('who may', () => {
  it('only Sở Nội vụ: the authority and a unit are refused (403)', async () => {
    for (const who of [s.authority, s.hr]) {
      expect((await call(app, 'GET', '/api/reference/tables', { session: who })).status).toBe(403);
      expect((await call(app, 'POST', '/api/reference/preview', { session: who, body: basePreview() })).status).toBe(403);
      expect((await call(app, 'POST', '/api/reference/changes', { session: who, body: { ...basePreview(), instrument: 'X', reason: 'Y' } })).status).toBe(403);
    }
    expect((await call(app, 'GET', '/api/auth/me', { session: s.home })).json.capabilities).toContain('manageReference');
    expect((await call(app, 'GET', '/api/auth/me', { session: s.authority })).json.capabilities).not.toContain('manageReference');
  });
});
