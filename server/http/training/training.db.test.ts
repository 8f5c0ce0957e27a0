import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { addDays, vietnamToday } from '../../../common/dates.js';
import { repaymentInboxItems, type InboxRepaymentRow } from '../../domain/inbox/inbox-rules.js';

const t = useTestDatabase();
let app: TestApp;
let deptA: UnitRef;
let deptB: UnitRef;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

const course = (over: Record<string, unknown> = {}) => ({
  title: 'Bồi dưỡng quản lý kinh tế số',
  provider: 'Học viện Hành chính và Quản trị công',
  location: 'domestic',
  source: 'city_plan',
  kind: 'short_course',
  fields: ['Kinh tế'],
  startDate: '2027-03-01',
  endDate: '2027-03-20',
  hours: 120,
  capacity: 30,
  costPerParticipantVnd: 10_000_000,
  fundingSource: 'regular',
  ...over,
});

async function staff(unit: UnitRef, name: string, o: { gender?: 'male' | 'female'; birthDate?: string; coef?: string } = {}) {
  const { pool } = t.get();
  const p = await makePerson(pool, { unitId: unit.id, fullName: name, gender: o.gender, birthDate: o.birthDate });
  await pool.query(`UPDATE people SET salary_coefficient = $2, recruited_on = '2012-01-01' WHERE id = $1`, [p.id, o.coef ?? '2.34']);
  await pool.query(`INSERT INTO annual_ratings (person_id, year, level_code) VALUES ($1, 2025, 'HTT'), ($1, 2026, 'HTT')`, [p.id]);
  await pool.query(
    `INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok)
    VALUES ($1, '2026-10-01', gen_random_uuid(), 'Thủ trưởng', 'yes', 'yes', 'yes', 'yes')`,
    [p.id],
  );
  return p.id;
}

const newCourse = async (over: Record<string, unknown> = {}) => {
  const r = await call(app, 'POST', '/api/training/courses', { session: s.ha, body: course(over) });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as string;
};
const nominateAs = (who: string, courseId: string, personId: string) =>
  call(app, 'POST', '/api/training/enrolments', { session: s[who], body: { courseId, personId } });
/**
 * Time passes: the process's clock (only `Date`; the database keeps real time) at noon of the Vietnam day `day`. A
 * course is nominated for before it starts, and what happens on it (enrolment, payment, completion, leaving) is
 * recorded once it has happened, dated that day at the latest. Back to the real clock after each test.
 */
const on = (day: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${day}T05:00:00Z`));
};
afterEach(() => {
  vi.useRealTimers();
});
const budgetOf = async (year: number, unitId: string) => {
  const r = await call(app, 'GET', `/api/training/budgets?year=${year}&unitId=${unitId}`, { session: s.ha });
  return r.json;
};

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(t.get().pool);
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  deptA = await makeUnit(pool, { parent: root, name: 'Sở Công Thương (sau sắp xếp)', restructuredOn: '2026-01-01' });
  const subA = await makeUnit(pool, { parent: deptA, kind: 'sub_unit', name: 'Phòng Quản lý công nghiệp' });
  deptB = await makeUnit(pool, { parent: root, name: 'Sở Xây dựng' });
  ids.a1 = await staff(subA, 'Nguyễn Thị Hoa', { gender: 'female', coef: '4.40' });
  ids.a2 = await staff(deptA, 'Trần Văn Minh', { coef: '2.34' });
  ids.b1 = await staff(deptB, 'Lê Văn Bình');
  s.ha = await makeSession(pool, 'home_affairs');
  s.auth = await makeSession(pool, 'authority');
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: deptA.id });
  s.hrB = await makeSession(pool, 'unit_hr', { unitId: deptB.id });
  s.cadreA1 = await makeSession(pool, 'cadre', { personId: ids.a1 });
});

describe('catalogue and needs', () => {
  it('refuses a course that ends before it starts, or costs a negative amount, in Vietnamese, and saves nothing', async () => {
    const { pool } = t.get();
    const before = (await pool.query('SELECT count(*)::int AS n FROM training_courses')).rows[0].n;
    const r = await call(app, 'POST', '/api/training/courses', { session: s.ha, body: course({ startDate: '2027-05-10', endDate: '2027-05-01' }) });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toContainEqual({ path: 'endDate', message: 'Ngày kết thúc khóa học không được trước ngày bắt đầu' });
    const neg = await call(app, 'POST', '/api/training/courses', { session: s.ha, body: course({ costPerParticipantVnd: -1 }) });
    expect(neg.status).toBe(422);
    expect(neg.json.error.issues[0].message).toBe('Số tiền không được âm');
    const frac = await call(app, 'POST', '/api/training/courses', { session: s.ha, body: course({ costPerParticipantVnd: 1.5 }) });
    expect(frac.status).toBe(422);
    expect((await pool.query('SELECT count(*)::int AS n FROM training_courses')).rows[0].n).toBe(before);
  });
  it('only Sở Nội vụ manages the catalogue', async () => {
    expect((await call(app, 'POST', '/api/training/courses', { session: s.hrA, body: course() })).status).toBe(403);
  });
  it('records a person’s need with the gap against their post, tagged with priority fields', async () => {
    const { pool } = t.get();
    const post = await pool.query(
      `INSERT INTO job_posts (unit_id, title, min_education, required_political_theory) VALUES ($1, 'Chuyên viên quản lý công nghiệp', 'thac_si', 'cao_cap') RETURNING id`,
      [deptA.id],
    );
    await pool.query(`UPDATE people SET job_post_id = $2, education_level = 'dai_hoc', political_theory = 'trung_cap' WHERE id = $1`, [ids.a1, post.rows[0].id]);
    const r = await call(app, 'POST', '/api/training/needs', {
      session: s.hrA,
      body: {
        unitId: deptA.id,
        personId: ids.a1,
        period: '2026-2030',
        kind: 'master',
        fields: ['Kinh tế'],
        description: 'Thạc sĩ quản lý kinh tế cho vị trí sau sắp xếp',
      },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.standardsGap).toEqual([
      'Trình độ chuyên môn Đại học, vị trí Chuyên viên quản lý công nghiệp yêu cầu Thạc sĩ',
      'Lý luận chính trị Trung cấp, vị trí yêu cầu Cao cấp',
    ]);
    ids.need = r.json.id;
    const bad = await call(app, 'POST', '/api/training/needs', {
      session: s.hrA,
      body: { unitId: deptA.id, period: '2025', kind: 'short_course', fields: ['Thiên văn'], description: 'x' },
    });
    expect(bad.status).toBe(422);
    expect(
      (
        await call(app, 'POST', '/api/training/needs', {
          session: s.hrB,
          body: { unitId: deptA.id, period: '2025', kind: 'short_course', fields: ['Kinh tế'], description: 'x' },
        })
      ).status,
    ).toBe(404);
    const list = await call(app, 'GET', '/api/training/needs', { session: s.hrB });
    expect(list.json.items).toEqual([]);
  });
});

describe('from nomination to certificate, with the budget', () => {
  it('nominates once; approval needs a budget; the budget moves with approval and payment', async () => {
    const { pool } = t.get();
    const c = await newCourse({ capacity: 2 });
    const n1 = await nominateAs('hrA', c, ids.a1);
    expect(n1.status, JSON.stringify(n1.json)).toBe(201);
    ids.e1 = n1.json.id;
    const twice = await nominateAs('hrA', c, ids.a1);
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toMatch(/đã được đề cử/);
    expect((await nominateAs('hrB', c, ids.a1)).status).toBe(404); // another unit's person
    // no budget yet: refused, nothing committed
    const noBudget = await call(app, 'POST', `/api/training/enrolments/${ids.e1}/approve`, { session: s.ha, body: {} });
    expect(noBudget.status).toBe(409);
    expect(noBudget.json.error.message).toMatch(/chưa có dự toán/);
    expect((await pool.query(`SELECT status FROM training_enrolments WHERE id = $1`, [ids.e1])).rows[0].status).toBe('nominated');
    expect((await call(app, 'PUT', '/api/training/budgets/regular', { session: s.ha, body: { unitId: deptA.id, year: 2027, amountVnd: 15_000_000 } })).status).toBe(
      200,
    );
    const ok = await call(app, 'POST', `/api/training/enrolments/${ids.e1}/approve`, { session: s.ha, body: {} });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    let b = await budgetOf(2027, deptA.id);
    expect(b.items[0]).toMatchObject({ amountVnd: 15_000_000, committedVnd: 10_000_000, spentVnd: 0, availableVnd: 5_000_000 });
    // the second person would overspend: refused for Sở Nội vụ, which may not override
    const e2 = (await nominateAs('hrA', c, ids.a2)).json.id;
    const over = await call(app, 'POST', `/api/training/enrolments/${e2}/approve`, { session: s.ha, body: {} });
    expect(over.status).toBe(409);
    expect(over.json.error.message).toMatch(/^Vượt dự toán: .* còn 5\.000\.000 đồng, khoản cần cam kết là 10\.000\.000 đồng/);
    expect((await call(app, 'POST', `/api/training/enrolments/${e2}/approve`, { session: s.ha, body: { overrideReason: 'x' } })).status).toBe(403);
    // the authority overrides with a reason; the excess is recorded
    const auth = await call(app, 'POST', `/api/training/enrolments/${e2}/approve`, { session: s.auth, body: { overrideReason: 'Nhiệm vụ cấp bách sau sắp xếp' } });
    expect(auth.status, JSON.stringify(auth.json)).toBe(200);
    b = await budgetOf(2027, deptA.id);
    expect(b.items[0]).toMatchObject({ committedVnd: 20_000_000, overdraftVnd: 5_000_000, availableVnd: -5_000_000 });
    // the course is full now
    const p3 = await staff(deptA, 'Phạm Thị Lan', { gender: 'female' });
    const full = await nominateAs('hrA', c, p3);
    expect(full.status).toBe(409);
    expect(full.json.error.message).toMatch(/đã đủ 2 học viên/);
    ids.course1 = c;
  });

  it('records enrolment, payment, certificate; a cadre sees their own training only', async () => {
    on('2027-03-01');
    expect((await call(app, 'POST', `/api/training/enrolments/${ids.e1}/enrol`, { session: s.hrA, body: { enrolledOn: '2027-03-01' } })).status).toBe(200);
    const neg = await call(app, 'POST', `/api/training/enrolments/${ids.e1}/payments`, { session: s.hrA, body: { amountVnd: -5, paidOn: '2027-03-05' } });
    expect(neg.status).toBe(422);
    on('2027-03-05');
    const pay = await call(app, 'POST', `/api/training/enrolments/${ids.e1}/payments`, { session: s.hrA, body: { amountVnd: 9_500_000, paidOn: '2027-03-05' } });
    expect(pay.status, JSON.stringify(pay.json)).toBe(200);
    on('2027-03-20');
    expect(
      (
        await call(app, 'POST', `/api/training/enrolments/${ids.e1}/complete`, {
          session: s.hrA,
          body: { completedOn: '2027-03-20', result: 'Đạt', certificateNo: 'CC-2027-001' },
        })
      ).status,
    ).toBe(200);
    const b = await budgetOf(2027, deptA.id);
    expect(b.items[0]).toMatchObject({ committedVnd: 20_000_000, spentVnd: 9_500_000 });
    expect(b.series[2]).toEqual({ month: 3, committedVnd: 20_000_000, spentVnd: 9_500_000 });
    const mine = await call(app, 'GET', '/api/training/enrolments', { session: s.cadreA1 });
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((e: { personId: string }) => e.personId)).toEqual([ids.a1]);
    expect(mine.json.items[0]).toMatchObject({ status: 'completed', certificateNo: 'CC-2027-001', allowedActions: [] });
    expect((await call(app, 'GET', '/api/training/enrolments', { session: s.hrB })).json.items).toEqual([]);
    expect((await call(app, 'POST', `/api/training/enrolments/${ids.e1}/payments`, { session: s.hrB, body: { amountVnd: 1, paidOn: '2027-03-05' } })).status).toBe(
      404,
    );
  });

  it('completion enters the training in the person’s record: profile and Mẫu 2C résumé, audited', async () => {
    const { pool } = t.get();
    const profile = await call(app, 'GET', `/api/cadres/${ids.a1}`, { session: s.hrA });
    expect(profile.status).toBe(200);
    const rows = profile.json.trainingHistory.filter((h: { institution: string }) => h.institution === 'Học viện Hành chính và Quản trị công');
    expect(rows).toEqual([
      {
        id: expect.any(String),
        fromDate: '2027-03-01',
        toDate: '2027-03-20',
        institution: 'Học viện Hành chính và Quản trị công',
        field: 'Bồi dưỡng quản lý kinh tế số',
        kind: 'short_course',
        certificate: 'Số CC-2027-001; kết quả: Đạt',
      },
    ]);
    const audit = await pool.query(`SELECT action, after FROM audit_log WHERE entity_type = 'training_history' AND entity_id = $1`, [rows[0].id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after.enrolmentId).toBe(ids.e1);
    expect((await pool.query(`SELECT enrolment_id FROM training_history WHERE id = $1`, [rows[0].id])).rows[0].enrolment_id).toBe(ids.e1);
    const res = await send(app, `/api/cadres/${ids.a1}/resume.docx`, { headers: { cookie: s.hrA.cookie } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('Bồi dưỡng quản lý kinh tế số');
    expect(xml).toContain('Số CC-2027-001; kết quả: Đạt');
    // a second completion is refused and adds nothing
    const again = await call(app, 'POST', `/api/training/enrolments/${ids.e1}/complete`, {
      session: s.hrA,
      body: { completedOn: '2027-03-21', result: 'Đạt', certificateNo: 'CC-X' },
    });
    expect(again.status).toBe(409);
    expect(
      (await pool.query(`SELECT count(*)::int AS n FROM training_history WHERE person_id = $1 AND field = 'Bồi dưỡng quản lý kinh tế số'`, [ids.a1])).rows[0].n,
    ).toBe(1);
  });

  it('a failed completion (date before the course) writes neither the result nor the record', async () => {
    const { pool } = t.get();
    const c = await newCourse({ title: 'Bồi dưỡng pháp luật về đầu tư', startDate: '2027-06-01', endDate: '2027-06-10', costPerParticipantVnd: 0 });
    const p = await staff(deptA, 'Huỳnh Văn Sang');
    const e = (await nominateAs('hrA', c, p)).json.id;
    expect((await call(app, 'POST', `/api/training/enrolments/${e}/approve`, { session: s.ha, body: {} })).status).toBe(200);
    on('2027-06-01');
    expect((await call(app, 'POST', `/api/training/enrolments/${e}/enrol`, { session: s.hrA, body: { enrolledOn: '2027-06-01' } })).status).toBe(200);
    const bad = await call(app, 'POST', `/api/training/enrolments/${e}/complete`, {
      session: s.hrA,
      body: { completedOn: '2027-05-01', result: 'Đạt', certificateNo: 'CC-9' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues).toEqual([{ path: 'completedOn', message: 'Ngày hoàn thành trước ngày khai giảng' }]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM training_history WHERE person_id = $1`, [p])).rows[0].n).toBe(0);
    expect((await pool.query(`SELECT status FROM training_enrolments WHERE id = $1`, [e])).rows[0].status).toBe('enrolled');
  });

  it('refuses a nominee who fails a rule, with the reason and clause', async () => {
    const { pool } = t.get();
    const old = await staff(deptA, 'Võ Văn Tâm', { birthDate: '1975-01-01' });
    await pool.query(
      `INSERT INTO training_needs (unit_id, person_id, period, kind, fields, description, standards_gap, created_by) VALUES ($1, $2, '2025', 'master', '{Kinh tế}', 'x', '[]', gen_random_uuid())`,
      [deptA.id, old],
    );
    const m = await newCourse({ kind: 'master', startDate: '2027-09-01', endDate: '2029-08-31' });
    const check = await call(app, 'GET', `/api/training/eligibility?personId=${old}&courseId=${m}`, { session: s.hrA });
    expect(check.json.verdict).toBe('not_eligible');
    expect((await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'training_eligibility' AND person_id = $1`, [old])).rows[0].n).toBe(1);
    const r = await nominateAs('hrA', m, old);
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0].message).toMatch(/52 tuổi.*Nghị định 171\/2025/);
  });

  it('computes a repayment only for someone who left early, with the formula', async () => {
    const { pool } = t.get();
    const m = await newCourse({ kind: 'master', startDate: '2027-01-15', endDate: '2027-01-31', costPerParticipantVnd: 3_000_000 });
    const young = await staff(deptA, 'Đặng Thị Thu', { gender: 'female', birthDate: '1992-05-05' });
    await pool.query(
      `INSERT INTO training_needs (unit_id, person_id, period, kind, fields, description, standards_gap, created_by) VALUES ($1, $2, '2025', 'master', '{Kinh tế}', 'x', '[]', gen_random_uuid())`,
      [deptA.id, young],
    );
    const e = (await nominateAs('hrA', m, young)).json.id;
    expect((await call(app, 'POST', `/api/training/enrolments/${e}/approve`, { session: s.auth, body: { overrideReason: 'Bổ sung' } })).status).toBe(200);
    on('2027-01-15');
    const en = await call(app, 'POST', `/api/training/enrolments/${e}/enrol`, { session: s.hrA, body: { enrolledOn: '2027-01-15' } });
    expect(en.json.commitment).toMatchObject({ months: 3, from: '2027-02-01', to: '2027-04-30' });
    on('2027-01-20');
    expect(
      (await call(app, 'POST', `/api/training/enrolments/${e}/payments`, { session: s.hrA, body: { amountVnd: 3_000_000, paidOn: '2027-01-20' } })).status,
    ).toBe(200);
    on('2027-01-31');
    const done = await call(app, 'POST', `/api/training/enrolments/${e}/complete`, {
      session: s.hrA,
      body: { completedOn: '2027-01-31', result: 'Giỏi', certificateNo: 'ThS-1' },
    });
    expect(done.status).toBe(200);
    on('2027-05-01'); // after the last day the person could have left within the commitment
    const notLeft = await call(app, 'POST', `/api/training/enrolments/${e}/repayment`, { session: s.hrA, body: { leftOn: '2027-02-28', reason: 'quit' } });
    expect(notLeft.status).toBe(409);
    expect(notLeft.json.error.message).toMatch(/chưa thôi việc/);
    await pool.query(`UPDATE people SET status = 'left' WHERE id = $1`, [young]);
    const served = await call(app, 'POST', `/api/training/enrolments/${e}/repayment`, { session: s.hrA, body: { leftOn: '2027-04-30', reason: 'quit' } });
    expect(served.status).toBe(409);
    expect(served.json.error.message).toMatch(/Đã phục vụ đủ/);
    const badProbation = await call(app, 'POST', `/api/training/enrolments/${e}/repayment`, {
      session: s.hrA,
      body: { leftOn: '2027-02-28', reason: 'quit', probationEndedOn: '2011-06-30' },
    });
    expect(badProbation.status).toBe(422);
    expect(badProbation.json.error.issues[0].message).toMatch(/trước ngày tuyển dụng/);
    const r = await call(app, 'POST', `/api/training/enrolments/${e}/repayment`, {
      session: s.hrA,
      body: { leftOn: '2027-02-28', reason: 'quit', probationEndedOn: '2012-01-01' },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    // F = 3,000,000; T1 = 3, T2 = 1 → 2,000,000; probation ended 2012: 15 years × 1.5 % = 22.5 % off → 1,550,000
    expect(r.json).toMatchObject({ amountVnd: 1_550_000, t1: 3, t2: 1, reductionBp: 2250, status: 'assessed' });
    expect(r.json.lines.join('\n')).toMatch(/S = F × \(T1 − T2\) \/ T1/);
    expect(r.json.clause).toMatch(/^Điều 7 Nghị định 171\/2025\/NĐ-CP/);
    ids.repaid = e;
  });

  it('the repayment procedure: council, decision due in 120 days, payments; in order, audited, in the inbox until paid', async () => {
    const { pool } = t.get();
    on('2027-05-01'); // the person left on 28/02/2027: the procedure follows
    const e = ids.repaid;
    const base = `/api/training/enrolments/${e}/repayment`;
    const today = vietnamToday();
    const grants: Record<string, { role: 'home_affairs' | 'unit_hr'; unitId: string | null }> = {
      ha: { role: 'home_affairs', unitId: null },
      hrA: { role: 'unit_hr', unitId: deptA.id },
      hrB: { role: 'unit_hr', unitId: deptB.id },
    };
    // the pure reading of the rule (inbox-rules.ts) over the stored row must say what the SQL says
    const reference = async (who: string, on: string) => {
      const row = (
        await pool.query<InboxRepaymentRow>(
          `SELECT e.id AS "enrolmentId", r.status, e.person_id AS "personId", p.full_name AS "personName", e.budget_unit_id AS "budgetUnitId",
             bu.name AS "budgetUnitName", bu.path::text[] AS "budgetPath", ((r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::text AS "assessedOn",
             r.council_formed_on::text AS "councilFormedOn", r.due_on::text AS "dueOn", r.amount_vnd::text AS "amountVnd"
           FROM training_repayments r JOIN training_enrolments e ON e.id = r.enrolment_id JOIN people p ON p.id = e.person_id
           JOIN org_units bu ON bu.id = e.budget_unit_id WHERE e.id = $1`,
          [e],
        )
      ).rows[0];
      const actor = { userId: 'u', username: 'u', displayName: 'U', personId: null, grants: [grants[who]] };
      return repaymentInboxItems(actor, [row], on).map(({ kind, subjectId, dueOn, title, link }) => ({ kind, subjectId, dueOn, title, link }));
    };
    const inboxOf = async (who: string, on = today) => {
      const r = await call(app, 'GET', `/api/inbox?on=${on}&pageSize=100`, { session: s[who] });
      expect(r.status).toBe(200);
      const items = (r.json.items as { kind: string; subjectId: string; dueOn: string; title: string; link: string }[])
        .filter((i) => i.subjectId === e)
        .map(({ kind, subjectId, dueOn, title, link }) => ({ kind, subjectId, dueOn, title, link }));
      expect(items).toEqual(await reference(who, on));
      return items;
    };
    const personOfE = (await pool.query('SELECT person_id FROM training_enrolments WHERE id = $1', [e])).rows[0].person_id;
    const listed = (await call(app, 'GET', `/api/training/enrolments?personId=${personOfE}`, { session: s.hrA })).json.items[0];
    expect(listed.repayment).toMatchObject({ status: 'assessed', allowedSteps: ['council'], probationEndedOn: '2012-01-01' });
    expect(listed.allowedActions).not.toContain('repay');
    // assessed: Sở Nội vụ and the budget unit are asked to form the council; another unit is not
    const pending = await inboxOf('ha');
    expect(pending.map((i) => i.kind)).toEqual(['repayment_pending']);
    expect(pending[0].title).toMatch(/Thành lập Hội đồng/);
    expect(pending[0].link).toBe(`/training?enrolment=${e}`);
    expect((await inboxOf('hrA')).map((i) => i.kind)).toEqual(['repayment_pending']);
    expect(await inboxOf('hrB')).toEqual([]);

    // out of order: no decision and no payment before the council
    const early = await call(app, 'POST', `${base}/decision`, { session: s.hrA, body: { decisionNo: '15/QĐ-SCT', decidedOn: today } });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/Chưa thành lập Hội đồng/);
    expect((await call(app, 'POST', `${base}/payments`, { session: s.hrA, body: { amountVnd: 100_000, paidOn: today } })).status).toBe(409);
    // another unit cannot act on it
    expect(
      (await call(app, 'POST', `${base}/council`, { session: s.hrB, body: { decisionNo: '1/QĐ', formedOn: today, members: [{ name: 'A', role: 'Chủ tịch' }] } }))
        .status,
    ).toBe(404);

    const formedOn = addDays(today, -2);
    const noMembers = await call(app, 'POST', `${base}/council`, { session: s.hrA, body: { decisionNo: '12/QĐ-SCT', formedOn, members: [] } });
    expect(noMembers.status).toBe(422);
    const future = await call(app, 'POST', `${base}/council`, {
      session: s.hrA,
      body: { decisionNo: '12/QĐ-SCT', formedOn: addDays(today, 1), members: [{ name: 'Nguyễn Văn An', role: 'Chủ tịch Hội đồng' }] },
    });
    expect(future.status).toBe(422);
    const council = await call(app, 'POST', `${base}/council`, {
      session: s.hrA,
      body: {
        decisionNo: '12/QĐ-SCT',
        formedOn,
        members: [
          { name: 'Nguyễn Văn An', role: 'Chủ tịch Hội đồng' },
          { name: 'Trần Thị Bích', role: 'Ủy viên, Thư ký' },
        ],
      },
    });
    expect(council.status, JSON.stringify(council.json)).toBe(200);
    expect(council.json.status).toBe('council_formed');
    expect((await inboxOf('ha'))[0].title).toMatch(/Ra quyết định bồi hoàn/);
    const again = await call(app, 'POST', `${base}/council`, { session: s.hrA, body: { decisionNo: '13/QĐ', formedOn, members: [{ name: 'X', role: 'Y' }] } });
    expect(again.status).toBe(409);

    const beforeCouncil = await call(app, 'POST', `${base}/decision`, { session: s.hrA, body: { decisionNo: '15/QĐ-SCT', decidedOn: addDays(formedOn, -1) } });
    expect(beforeCouncil.status).toBe(422);
    const decidedOn = addDays(today, -1);
    const decision = await call(app, 'POST', `${base}/decision`, { session: s.ha, body: { decisionNo: '15/QĐ-SCT', decidedOn } });
    expect(decision.status, JSON.stringify(decision.json)).toBe(200);
    expect(decision.json).toMatchObject({ status: 'decided', dueOn: addDays(decidedOn, 120), amountVnd: 1_550_000 });
    // due: shown as due until the due date, overdue from the day after
    expect((await inboxOf('hrA')).map((i) => [i.kind, i.dueOn])).toEqual([['repayment_due', addDays(decidedOn, 120)]]);
    expect((await inboxOf('ha', addDays(decidedOn, 120))).map((i) => i.kind)).toEqual(['repayment_due']);
    expect((await inboxOf('ha', addDays(decidedOn, 121))).map((i) => i.kind)).toEqual(['repayment_overdue']);

    // partial payments add up; more than what is left is refused
    const part = await call(app, 'POST', `${base}/payments`, { session: s.hrA, body: { amountVnd: 550_000, paidOn: today } });
    expect(part.json).toMatchObject({ status: 'decided', paidVnd: 550_000 });
    const tooMuch = await call(app, 'POST', `${base}/payments`, { session: s.hrA, body: { amountVnd: 1_000_001, paidOn: today } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.error.issues[0].message).toMatch(/vượt số còn phải nộp \(1\.000\.000 đồng\)/);
    const rest = await call(app, 'POST', `${base}/payments`, { session: s.hrA, body: { amountVnd: 1_000_000, paidOn: today } });
    expect(rest.json).toMatchObject({ status: 'paid', paidVnd: 1_550_000 });
    expect(await inboxOf('ha', addDays(decidedOn, 121))).toEqual([]);

    const row = (
      await pool.query(
        `SELECT status, council_decision_no, council_members, decision_no, decided_on::text, due_on::text, paid_vnd::text, probation_ended_on::text FROM training_repayments WHERE enrolment_id = $1`,
        [e],
      )
    ).rows[0];
    expect(row).toMatchObject({ status: 'paid', council_decision_no: '12/QĐ-SCT', decision_no: '15/QĐ-SCT', paid_vnd: '1550000', probation_ended_on: '2012-01-01' });
    expect(row.council_members).toHaveLength(2);
    const audit = await pool.query(`SELECT action FROM audit_log WHERE entity_type = 'training_repayment' AND action LIKE 'repayment_%' ORDER BY id`);
    expect(audit.rows.map((x) => x.action)).toEqual(['repayment_council', 'repayment_decision', 'repayment_payment', 'repayment_payment']);
    // the list shows the procedure; nothing left to do once paid
    const list = await call(
      app,
      'GET',
      `/api/training/enrolments?personId=${(await pool.query('SELECT person_id FROM training_enrolments WHERE id = $1', [e])).rows[0].person_id}`,
      {
        session: s.hrA,
      },
    );
    expect(list.json.items[0].repayment).toMatchObject({ status: 'paid', decisionNo: '15/QĐ-SCT', dueOn: addDays(decidedOn, 120), allowedSteps: [] });
  });
});

describe('rules by category and date (Decree 171/2025 Art. 1 cl. 2)', () => {
  const needOf = async (personId: string) =>
    t
      .get()
      .pool.query(
        `INSERT INTO training_needs (unit_id, person_id, period, kind, fields, description, standards_gap, created_by) VALUES ($1, $2, '2025', 'master', '{Kinh tế}', 'x', '[]', gen_random_uuid())`,
        [deptA.id, personId],
      );
  const check = async (personId: string, courseId: string) => {
    const r = await call(app, 'GET', `/api/training/eligibility?personId=${personId}&courseId=${courseId}`, { session: s.ha });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json as { verdict: string; instrument: string; criteria: { criterion: string; result: string; reason: string; clause: string }[] };
  };
  it('a công chức is judged under Decree 171/2025; a viên chức gets no 171 numbers until a row for viên chức exists', async () => {
    const { pool } = t.get();
    const m = await newCourse({ kind: 'master', startDate: '2027-09-01', endDate: '2029-08-31' });
    const cc = await staff(deptA, 'Phan Văn Công');
    const vc = await staff(deptA, 'Phan Thị Viên', { gender: 'female' });
    await pool.query(`UPDATE people SET category = 'vien_chuc' WHERE id = $1`, [vc]);
    await needOf(cc);
    await needOf(vc);
    const a = await check(cc, m);
    expect(a).toMatchObject({ verdict: 'eligible', instrument: 'Nghị định 171/2025/NĐ-CP' });
    const b = await check(vc, m);
    expect(b.verdict).toBe('needs_info');
    expect(b.instrument).toBe('Chưa có văn bản quy định đối với viên chức trong danh mục');
    expect(b.criteria.find((c) => c.criterion === 'service_years')).toMatchObject({
      result: 'unknown',
      reason: expect.stringContaining('không áp dụng Nghị định 171/2025/NĐ-CP (chỉ áp dụng với công chức)'),
    });
    // a row for viên chức in the catalogue: its numbers apply (here a 20-year service condition)
    await pool.query(
      `INSERT INTO training_regulations (category, effective_from, params, instrument) VALUES ('vien_chuc', '2026-01-01', $1, 'Nghị định 101/2017/NĐ-CP')`,
      [
        JSON.stringify({
          ...(await pool.query(`SELECT params FROM training_regulations WHERE category = 'cong_chuc'`)).rows[0].params,
          instrument: 'Nghị định 101/2017/NĐ-CP',
          postgraduateMinServiceYears: 20,
        }),
      ],
    );
    const c = await check(vc, m);
    expect(c.instrument).toBe('Nghị định 101/2017/NĐ-CP');
    expect(c.criteria.find((x) => x.criterion === 'service_years')).toMatchObject({ result: 'fail', clause: expect.stringMatching(/^Nghị định 101\/2017/) });
    await pool.query(`DELETE FROM training_regulations WHERE category = 'vien_chuc'`);
  });
  it('a foreign short course reads the health certificate: expired fails, none is unknown', async () => {
    const { pool } = t.get();
    const f = await newCourse({ location: 'foreign', startDate: '2027-06-01', endDate: '2027-06-15' });
    const p = await staff(deptA, 'Hồ Văn Khỏe');
    await needOf(p);
    await pool.query(`UPDATE people SET health_checked_on = '2026-11-30' WHERE id = $1`, [p]);
    const health = async () => (await check(p, f)).criteria.find((c) => c.criterion === 'health')!;
    expect((await health()).result).toBe('fail'); // six months to 30/05/2027, the course starts 01/06/2027
    await pool.query(`UPDATE people SET health_checked_on = '2027-01-15' WHERE id = $1`, [p]);
    expect((await health()).result).toBe('pass');
    await pool.query(`UPDATE people SET health_checked_on = NULL WHERE id = $1`, [p]);
    expect((await health()).result).toBe('unknown');
  });
  it('a university course records no service commitment on enrolment', async () => {
    const u = await newCourse({ kind: 'university', startDate: '2027-02-01', endDate: '2030-01-31' });
    const p = await staff(deptA, 'Lý Văn Đại');
    await needOf(p);
    await t.get().pool.query(`UPDATE training_needs SET kind = 'university' WHERE person_id = $1`, [p]);
    const e = (await nominateAs('hrA', u, p)).json.id;
    expect((await call(app, 'POST', `/api/training/enrolments/${e}/approve`, { session: s.auth, body: { overrideReason: 'Bổ sung' } })).status).toBe(200);
    on('2027-02-01');
    const en = await call(app, 'POST', `/api/training/enrolments/${e}/enrol`, { session: s.hrA, body: { enrolledOn: '2027-02-01' } });
    expect(en.status, JSON.stringify(en.json)).toBe(200);
    expect(en.json.commitment).toBeNull();
    expect((await t.get().pool.query(`SELECT commitment_months FROM training_enrolments WHERE id = $1`, [e])).rows[0].commitment_months).toBeNull();
  });
});

describe('repayment reasons on record', () => {
  it('leaving under Decree 178/154 is recorded as waived, with no procedure and no inbox item', async () => {
    const { pool } = t.get();
    const m = await newCourse({ kind: 'master', startDate: '2027-05-04', endDate: '2027-05-31', costPerParticipantVnd: 2_000_000 });
    const p = await staff(deptA, 'Quách Thị Gọn', { gender: 'female', birthDate: '1993-02-02' });
    await pool.query(
      `INSERT INTO training_needs (unit_id, person_id, period, kind, fields, description, standards_gap, created_by) VALUES ($1, $2, '2025', 'master', '{Kinh tế}', 'x', '[]', gen_random_uuid())`,
      [deptA.id, p],
    );
    const e = (await nominateAs('hrA', m, p)).json.id;
    expect((await call(app, 'POST', `/api/training/enrolments/${e}/approve`, { session: s.auth, body: { overrideReason: 'Bổ sung' } })).status).toBe(200);
    on('2027-05-04');
    expect((await call(app, 'POST', `/api/training/enrolments/${e}/enrol`, { session: s.hrA, body: { enrolledOn: '2027-05-04' } })).status).toBe(200);
    await pool.query(`UPDATE people SET status = 'left' WHERE id = $1`, [p]);
    on('2027-05-20');
    const r = await call(app, 'POST', `/api/training/enrolments/${e}/repayment`, { session: s.hrA, body: { leftOn: '2027-05-20', reason: 'streamlining' } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ status: 'waived', amountVnd: 0, waived: true });
    expect(r.json.clause).toMatch(/^Khoản 6 Điều 41 Nghị định 171\/2025\/NĐ-CP/);
    const council = await call(app, 'POST', `/api/training/enrolments/${e}/repayment/council`, {
      session: s.hrA,
      body: { decisionNo: '1/QĐ', formedOn: vietnamToday(), members: [{ name: 'A', role: 'Chủ tịch' }] },
    });
    expect(council.status).toBe(409);
    const inbox = await call(app, 'GET', `/api/inbox?pageSize=100`, { session: s.ha });
    expect(inbox.json.items.some((i: { subjectId: string }) => i.subjectId === e)).toBe(false);
  });
});

describe('what has happened is dated today at the latest (issue 14)', () => {
  const today = vietnamToday();
  const tomorrow = addDays(today, 1);
  const refused = (path: string, what: string) => [{ path, message: `${what} không được sau ngày hôm nay (${today.split('-').reverse().join('/')})` }];
  /** Everything a refused step could have written: the enrolment row, budget entries, the résumé, repayments, audit. */
  const written = async (e: string, p: string) =>
    (
      await t.get().pool.query(
        `SELECT en.status, en.enrolled_on, en.completed_on, en.ended_on, en.spent_vnd::text AS spent, en.committed_vnd::text AS committed,
          (SELECT count(*)::int FROM training_ledger WHERE enrolment_id = en.id) AS ledger,
          (SELECT count(*)::int FROM training_history WHERE person_id = en.person_id) AS history,
          (SELECT count(*)::int FROM training_repayments WHERE enrolment_id = en.id) AS repayments,
          (SELECT count(*)::int FROM audit_log WHERE entity_id = en.id::text OR person_id = $2) AS audit
        FROM training_enrolments en WHERE en.id = $1`,
        [e, p],
      )
    ).rows[0];
  const post = (e: string, step: string, body: Record<string, unknown>) => call(app, 'POST', `/api/training/enrolments/${e}/${step}`, { session: s.hrA, body });

  it('a future enrolment, payment, completion, end or leaving date is refused on its field in Vietnamese, and nothing is written', async () => {
    const { pool } = t.get();
    const m = await newCourse({ kind: 'master', title: 'Thạc sĩ quản lý công', startDate: '2027-08-01', endDate: '2027-08-31', costPerParticipantVnd: 1_000_000 });
    const p = await staff(deptA, 'Phan Thị Ngày', { gender: 'female', birthDate: '1994-04-04' });
    await pool.query(
      `INSERT INTO training_needs (unit_id, person_id, period, kind, fields, description, standards_gap, created_by) VALUES ($1, $2, '2025', 'master', '{Kinh tế}', 'x', '[]', gen_random_uuid())`,
      [deptA.id, p],
    );
    const e = (await nominateAs('hrA', m, p)).json.id;
    expect((await call(app, 'POST', `/api/training/enrolments/${e}/approve`, { session: s.auth, body: { overrideReason: 'Bổ sung' } })).status).toBe(200);

    // enrolment: the person has started (a course starting later is planned, and allowed)
    let before = await written(e, p);
    let r = await post(e, 'enrol', { enrolledOn: tomorrow });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual(refused('enrolledOn', 'Ngày nhập học'));
    expect(await written(e, p)).toEqual(before);
    expect(before).toMatchObject({ status: 'approved', enrolled_on: null });
    expect((await post(e, 'enrol', { enrolledOn: today })).status).toBe(200);

    // payment: nothing spent from the budget
    before = await written(e, p);
    r = await post(e, 'payments', { amountVnd: 500_000, paidOn: tomorrow });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual(refused('paidOn', 'Ngày chi'));
    expect(await written(e, p)).toEqual(before);

    // completion: on the course's last day, still to come — no certificate, no résumé line
    r = await post(e, 'complete', { completedOn: '2027-08-31', result: 'Giỏi', certificateNo: 'ThS-14' });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual(refused('completedOn', 'Ngày hoàn thành'));
    expect(await written(e, p)).toEqual(before);

    // the end without a degree: a withdrawal would give the commitment back to the budget
    r = await post(e, 'end', { outcome: 'withdrawn', endedOn: tomorrow, reason: 'Chuyển công tác' });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual(refused('endedOn', 'Ngày rút'));
    r = await post(e, 'end', { outcome: 'failed', endedOn: tomorrow, reason: 'Không đạt' });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual(refused('endedOn', 'Ngày kết thúc'));
    expect(await written(e, p)).toEqual(before);
    expect(before).toMatchObject({ status: 'enrolled', ended_on: null, committed: '1000000' });
    expect((await post(e, 'end', { outcome: 'withdrawn', endedOn: today, reason: 'Chuyển công tác' })).status).toBe(200);

    // leaving: the repayment is computed on the service actually given
    await pool.query(`UPDATE people SET status = 'left' WHERE id = $1`, [p]);
    before = await written(e, p);
    r = await post(e, 'repayment', { leftOn: tomorrow, reason: 'quit' });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual(refused('leftOn', 'Ngày cuối cùng công tác'));
    expect(await written(e, p)).toEqual(before);
    expect(before.repayments).toBe(0);
    const ok = await post(e, 'repayment', { leftOn: today, reason: 'quit' });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
  });
});

describe('editing and closing a course', () => {
  const courseRow = async (id: string) =>
    (
      await t
        .get()
        .pool.query(
          `SELECT title, capacity, cost_per_participant_vnd::text AS cost, funding_source AS "fundingSource", kind, start_date::text AS "startDate" FROM training_courses WHERE id = $1`,
          [id],
        )
    ).rows[0];
  it('Sở Nội vụ corrects a course; waiting nominations take the new cost', async () => {
    const { pool } = t.get();
    const c = await newCourse({ title: 'Bồi dưỡng logistics', startDate: '2027-10-01', endDate: '2027-10-15', capacity: 5, costPerParticipantVnd: 4_000_000 });
    const p = await staff(deptA, 'Lâm Thị Ngọc', { gender: 'female' });
    const e = (await nominateAs('hrA', c, p)).json.id;
    const r = await call(app, 'PUT', `/api/training/courses/${c}`, {
      session: s.ha,
      body: course({
        title: 'Bồi dưỡng logistics và chuỗi cung ứng',
        startDate: '2027-10-01',
        endDate: '2027-10-20',
        capacity: 8,
        costPerParticipantVnd: 4_500_000,
      }),
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.repricedNominations).toBe(1);
    expect(await courseRow(c)).toMatchObject({ title: 'Bồi dưỡng logistics và chuỗi cung ứng', capacity: 8, cost: '4500000' });
    expect((await pool.query(`SELECT estimated_cost_vnd::text AS c FROM training_enrolments WHERE id = $1`, [e])).rows[0].c).toBe('4500000');
    expect(
      (await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'training_course' AND entity_id = $1 AND action = 'update'`, [c])).rows[0].n,
    ).toBe(1);
    expect((await call(app, 'PUT', `/api/training/courses/${c}`, { session: s.hrA, body: course() })).status).toBe(403);
    expect((await call(app, 'PUT', '/api/training/courses/00000000-0000-4000-8000-000000000009', { session: s.ha, body: course() })).status).toBe(404);
  });

  it('once someone is approved: no fewer seats than approved, no new cost, funding, kind or year; bad input changes nothing', async () => {
    // ids.course1 has 2 approved people (capacity 2, 10,000,000 đồng each, regular budget, 2027)
    const before = await courseRow(ids.course1);
    const fewer = await call(app, 'PUT', `/api/training/courses/${ids.course1}`, { session: s.ha, body: course({ capacity: 1 }) });
    expect(fewer.status).toBe(422);
    expect(fewer.json.error.issues).toContainEqual({
      path: 'capacity',
      message: 'Khóa học đã có 2 học viên được phê duyệt; số học viên tối đa không được nhỏ hơn 2',
    });
    const cost = await call(app, 'PUT', `/api/training/courses/${ids.course1}`, {
      session: s.ha,
      body: course({
        capacity: 2,
        costPerParticipantVnd: 12_000_000,
        fundingSource: 'supplementary',
        kind: 'university',
        startDate: '2028-03-01',
        endDate: '2028-03-20',
      }),
    });
    expect(cost.status).toBe(422);
    const paths = cost.json.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['costPerParticipantVnd', 'fundingSource', 'kind', 'startDate']);
    expect(cost.json.error.issues.find((i: { path: string }) => i.path === 'costPerParticipantVnd').message).toBe(
      'Không được thay đổi chi phí/người (10.000.000 đồng) vì đã có 2 học viên được phê duyệt và cam kết kinh phí',
    );
    const dates = await call(app, 'PUT', `/api/training/courses/${ids.course1}`, {
      session: s.ha,
      body: course({ capacity: 2, startDate: '2027-03-10', endDate: '2027-03-01' }),
    });
    expect(dates.status).toBe(422);
    const neg = await call(app, 'PUT', `/api/training/courses/${ids.course1}`, { session: s.ha, body: course({ capacity: 0 }) });
    expect(neg.status).toBe(422);
    expect(await courseRow(ids.course1)).toEqual(before);
    // what may change still changes: more seats, a new title
    const ok = await call(app, 'PUT', `/api/training/courses/${ids.course1}`, { session: s.ha, body: course({ capacity: 3 }) });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
    expect((await courseRow(ids.course1)).capacity).toBe(3);
  });

  it('a closed course takes no more nominations; those waiting are still decided', async () => {
    const { pool } = t.get();
    const c = await newCourse({ title: 'Bồi dưỡng y tế chuyên sâu', startDate: '2027-11-01', endDate: '2027-11-10', costPerParticipantVnd: 0 });
    const waiting = (await nominateAs('hrA', c, await staff(deptA, 'Tạ Văn Khoa'))).json.id;
    expect((await call(app, 'POST', `/api/training/courses/${c}/close`, { session: s.hrA, body: { reason: 'x' } })).status).toBe(403);
    const blank = await call(app, 'POST', `/api/training/courses/${c}/close`, { session: s.ha, body: { reason: '  ' } });
    expect(blank.status).toBe(422);
    expect(
      (await call(app, 'GET', '/api/training/courses?year=2027', { session: s.hrA })).json.items.find((x: { id: string }) => x.id === c).nominationsClosed,
    ).toBe(false);
    const r = await call(app, 'POST', `/api/training/courses/${c}/close`, { session: s.ha, body: { reason: 'Đã đủ nhu cầu của các đơn vị' } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect((await call(app, 'POST', `/api/training/courses/${c}/close`, { session: s.ha, body: { reason: 'Lần nữa' } })).status).toBe(409);
    expect(
      (await call(app, 'GET', '/api/training/courses?year=2027', { session: s.hrA })).json.items.find((x: { id: string }) => x.id === c).nominationsClosed,
    ).toBe(true);
    const late = await nominateAs('hrA', c, await staff(deptA, 'Mai Thị Duyên', { gender: 'female' }));
    expect(late.status).toBe(422);
    expect(late.json.error.issues[0]).toEqual({ path: 'courseId', message: 'Khóa học "Bồi dưỡng y tế chuyên sâu" đã dừng nhận đề cử' });
    expect((await call(app, 'POST', `/api/training/enrolments/${waiting}/approve`, { session: s.ha, body: {} })).status).toBe(200);
    const a = await pool.query(`SELECT after FROM audit_log WHERE entity_type = 'training_course' AND entity_id = $1 AND action = 'close_nominations'`, [c]);
    expect(a.rows.map((x) => x.after.reason)).toEqual(['Đã đủ nhu cầu của các đơn vị']);
    const row = await pool.query(`SELECT nominations_closed_reason AS r, nominations_closed_by AS b FROM training_courses WHERE id = $1`, [c]);
    expect(row.rows[0]).toEqual({ r: 'Đã đủ nhu cầu của các đơn vị', b: s.ha.userId });
  });
});

describe('supplementary budget of the first year after restructuring', () => {
  it('= 5 % × Σ coefficients × the base salary month by month (2,340,000 then 2,530,000 from July 2026)', async () => {
    const { pool } = t.get();
    const coefs = (
      await pool.query(
        `SELECT sum(salary_coefficient)::text AS s FROM people p JOIN org_units u ON u.id = p.unit_id WHERE u.path @> ARRAY[$1::uuid] AND p.status = 'active'`,
        [deptA.id],
      )
    ).rows[0].s;
    const hundredths = BigInt(coefs.replace('.', ''));
    const r = await call(app, 'POST', '/api/training/budgets/supplementary', { session: s.ha, body: { unitId: deptA.id, year: 2026 } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const expected = (hundredths * 29_220_000n * 5n * 2n + 10000n) / 20000n; // half up
    expect(BigInt(r.json.amountVnd)).toBe(expected);
    expect(r.json.computation.lines.join('\n')).toMatch(/6 tháng \(01\/2026–06\/2026\) × lương cơ sở 2\.340\.000 đồng/);
    const wrongYear = await call(app, 'POST', '/api/training/budgets/supplementary', { session: s.ha, body: { unitId: deptA.id, year: 2028 } });
    expect(wrongYear.status).toBe(422);
    expect((await call(app, 'POST', '/api/training/budgets/supplementary', { session: s.ha, body: { unitId: deptB.id, year: 2026 } })).status).toBe(422);
    const o = await call(app, 'POST', `/api/training/budgets/${r.json.id}/override`, {
      session: s.auth,
      body: { amountVnd: 50_000_000, reason: 'Theo dự toán được giao' },
    });
    expect(o.status).toBe(200);
    const b = (await budgetOf(2026, deptA.id)).items.find((x: { fundingSource: string }) => x.fundingSource === 'supplementary');
    expect(b).toMatchObject({ amountVnd: 50_000_000, computedVnd: Number(expected), overrideReason: 'Theo dự toán được giao' });
    expect(b.overrideByName).toMatch(/Người dùng/);
    expect((await call(app, 'GET', '/api/training/budgets?year=2026', { session: s.hrB })).json.items).toEqual([]);
  });
});

describe('the headcount of the basic salary fund is a plan parameter', () => {
  it('assigned staffing: that many people at the paid staff’s average coefficient; the computed figure changes', async () => {
    const { pool } = t.get();
    const staffRows = (
      await pool.query(
        `SELECT coalesce(sum((salary_coefficient * 100)::bigint), 0)::text AS h, count(salary_coefficient)::int AS n FROM people p JOIN org_units u ON u.id = p.unit_id WHERE u.path @> ARRAY[$1::uuid] AND p.status = 'active'`,
        [deptA.id],
      )
    ).rows[0];
    const hundredths = BigInt(staffRows.h);
    const counted = BigInt(staffRows.n);
    const paid = await call(app, 'POST', '/api/training/budgets/supplementary', { session: s.ha, body: { unitId: deptA.id, year: 2026 } });
    expect(paid.status, JSON.stringify(paid.json)).toBe(200);
    expect(BigInt(paid.json.computedVnd)).toBe((hundredths * 29_220_000n * 5n * 2n + 10000n) / 20000n);
    const saved = (await pool.query(`SELECT id, params FROM plan_versions`)).rows;
    try {
      await pool.query(`UPDATE plan_versions SET params = params || '{"trainingBudgetHeadcount": "assigned_staffing"}'::jsonb`);
      const none = await call(app, 'POST', '/api/training/budgets/supplementary', { session: s.ha, body: { unitId: deptA.id, year: 2026 } });
      expect(none.status).toBe(422);
      expect(none.json.error.issues[0].message).toBe(
        'Sở Công Thương (sau sắp xếp) chưa có số biên chế được giao năm 2026; kế hoạch tính kinh phí bổ sung theo biên chế được giao',
      );
      await pool.query(`INSERT INTO org_unit_staffing (unit_id, year, assigned_staffing, decision_no) VALUES ($1, 2026, 40, '15/QĐ-UBND')`, [deptA.id]);
      const r = await call(app, 'POST', '/api/training/budgets/supplementary', { session: s.ha, body: { unitId: deptA.id, year: 2026 } });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      // Σcoef × 40 / counted × 29,220,000 × 5 %, rounded once half up
      const num = hundredths * 40n * 29_220_000n * 5n;
      const den = 100n * counted * 100n;
      expect(BigInt(r.json.computedVnd)).toBe((2n * num + den) / (2n * den));
      expect(r.json.computedVnd).toBeGreaterThan(paid.json.computedVnd);
      expect(r.json.computation).toMatchObject({ headcountBasis: 'assigned_staffing', assignedStaffing: { year: 2026, headcount: 40, decisionNo: '15/QĐ-UBND' } });
      expect(r.json.computation.lines.join('\n')).toContain('Tính theo biên chế được giao năm 2026 (15/QĐ-UBND): 40 người');
    } finally {
      for (const v of saved) await pool.query(`UPDATE plan_versions SET params = $2 WHERE id = $1`, [v.id, v.params]);
    }
  });
});

describe('concurrent approvals never overspend the budget', () => {
  it('of 12 approvals made at once on three courses against room for 5, exactly 5 pass', async () => {
    const { pool } = t.get();
    // three courses: their seat locks do not serialise the approvals, only the budget row does
    const courses = [];
    for (let k = 0; k < 3; k++) courses.push(await newCourse({ startDate: '2028-02-01', endDate: '2028-02-10', capacity: 50, costPerParticipantVnd: 7_000_001 }));
    await call(app, 'PUT', '/api/training/budgets/regular', { session: s.ha, body: { unitId: deptB.id, year: 2028, amountVnd: 5 * 7_000_001 + 6_999_999 } });
    const enrolments: string[] = [];
    for (let i = 0; i < 12; i++) {
      const p = await staff(deptB, `Cán bộ Thử ${i}`);
      enrolments.push((await nominateAs('hrB', courses[i % 3], p)).json.id);
    }
    const results = await Promise.all(enrolments.map((id) => call(app, 'POST', `/api/training/enrolments/${id}/approve`, { session: s.ha, body: {} })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 200)).toHaveLength(5);
    expect(statuses.filter((x) => x === 409)).toHaveLength(7);
    const b = (await pool.query(`SELECT amount_vnd::text AS a, committed_vnd::text AS c FROM training_budgets WHERE unit_id = $1 AND year = 2028`, [deptB.id]))
      .rows[0];
    expect(b.c).toBe(String(5 * 7_000_001));
    expect(BigInt(b.a) - BigInt(b.c)).toBe(6_999_999n);
    const ledger = (
      await pool.query(
        `SELECT count(*)::int AS n, sum(l.amount_vnd)::text AS s FROM training_ledger l JOIN training_budgets b ON b.id = l.budget_id WHERE b.unit_id = $1 AND b.year = 2028`,
        [deptB.id],
      )
    ).rows[0];
    expect(ledger).toEqual({ n: 5, s: String(5 * 7_000_001) });
    // the table itself refuses a commitment beyond the budget, whatever the code does
    await expect(pool.query(`UPDATE training_budgets SET committed_vnd = amount_vnd + 1 WHERE unit_id = $1 AND year = 2028`, [deptB.id])).rejects.toThrow(
      /training_budgets_not_negative_ck/,
    );
  });
});

describe('documents', () => {
  it('the unit plan and the province summary as .xlsx, read back', async () => {
    const r = await call(app, 'GET', `/api/training/plan.xlsx?year=2027&unitId=${deptA.id}`, { session: s.hrA });
    expect(r.status).toBe(200);
    const res = await send(app, `/api/training/plan.xlsx?year=2027&unitId=${deptA.id}`, { headers: { cookie: s.hrA.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nhu cầu đào tạo', 'Cử đi đào tạo 2027', 'Kinh phí 2027']);
    const sent = wb.getWorksheet('Cử đi đào tạo 2027')!;
    const names = sent.getColumn(2).values.slice(2);
    expect(names).toContain('Nguyễn Thị Hoa');
    const hoa = sent.getRows(2, sent.rowCount - 1)!.find((row) => row.getCell(2).value === 'Nguyễn Thị Hoa')!;
    expect(hoa.getCell(15).value).toBe(9_500_000);
    expect(hoa.getCell(18).value).toBe('CC-2027-001');
    const summary = await send(app, '/api/training/summary.xlsx?year=2027', { headers: { cookie: s.ha.cookie } });
    expect(summary.status).toBe(200);
    const sw = new ExcelJS.Workbook();
    await sw.xlsx.load(await summary.arrayBuffer());
    const byField = sw.getWorksheet('Theo lĩnh vực ưu tiên')!;
    const econ = byField.getRows(2, byField.rowCount - 1)!.find((row) => row.getCell(1).value === 'Kinh tế')!;
    expect(econ.getCell(3).value).toBeGreaterThanOrEqual(3);
    expect(sw.getWorksheet('Theo đơn vị')!.getColumn(1).values).toContain('Sở Công Thương (sau sắp xếp)');
    expect((await call(app, 'GET', '/api/training/summary.xlsx?year=2027', { session: s.hrA })).status).toBe(403);
  });
  it('the decision sending cadres to training as .docx in the Decree 30/2020 layout', async () => {
    const res = await send(
      app,
      `/api/training/courses/${ids.course1}/decision.docx?number=125%2FQĐ-UBND&date=2027-02-20&signerName=Trần%20Văn%20Lâm&signerTitle=KT.%20Chủ%20tịch`,
      { headers: { cookie: s.ha.cookie } },
    );
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 125/QĐ-UBND',
      'Cần Thơ, ngày 20 tháng 02 năm 2027',
      'QUYẾT ĐỊNH',
      'Cử 2 cán bộ',
      'Nguyễn Thị Hoa',
      'Trần Văn Minh',
      'TRẦN VĂN LÂM',
      'KT. CHỦ TỊCH',
      'tổng cộng 20.000.000 đồng',
    ]) {
      expect(xml.toUpperCase()).toContain(text.toUpperCase());
    }
  });
});
