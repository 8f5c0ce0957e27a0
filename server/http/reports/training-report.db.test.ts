import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { vietnamToday } from '../../../common/dates.js';

/**
 * The annual training report to the Ministry of Home Affairs (Decree 171/2025 Art. 39) for last year, on a small
 * province whose rows are known: two departments, courses of each kind here and abroad in the year and the year
 * before, seats in every state, the budget's ledger by funding source, repayments decided, paid and waived. Every
 * figure is checked against an SQL count or sum written here over the same rows; the .docx is read back; the report is
 * numbered in Sở Nội vụ's one book of reports.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const u: Record<string, UnitRef> = {};
const TODAY = vietnamToday();
const Y = Number(TODAY.slice(0, 4)) - 1;
const day = (year: number, md: string) => `${year}-${md}`;

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.get().pool.query(text, params)).rows as T[];
}

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(pool);
  u.root = await makeUnit(pool, { kind: 'peoples_committee', name: 'UBND thành phố' });
  u.deptA = await makeUnit(pool, { parent: u.root, staffing: 40, name: 'Sở Tài chính', code: 'STC' });
  u.deptB = await makeUnit(pool, { parent: u.root, staffing: 60, name: 'Sở Xây dựng', code: 'SXD' });
  const person = async (unit: UnitRef, gender: 'male' | 'female', category: string, ethnic: string | null) => {
    const id = (await makePerson(pool, { unitId: unit.id, gender, ethnicCode: ethnic })).id;
    await q(`UPDATE people SET category = $2 WHERE id = $1`, [id, category]);
    return id;
  };
  const a1 = await person(u.deptA, 'female', 'cong_chuc', '05');
  const a2 = await person(u.deptA, 'male', 'vien_chuc', null);
  const a3 = await person(u.deptA, 'male', 'can_bo', null);
  const b1 = await person(u.deptB, 'female', 'cong_chuc', null);
  const course = async (kind: string, location: string, start: string) =>
    (
      await q<{ id: string }>(
        `INSERT INTO training_courses (title, provider, location, source, kind, fields, start_date, end_date, hours, capacity, cost_per_participant_vnd, funding_source, created_by)
         VALUES ($1, 'Học viện Hành chính', $2, 'city_plan', $3, '{Quản lý nhà nước}', $4, $4::date + 30, 40, 20, 5000000, 'regular', gen_random_uuid()) RETURNING id`,
        [`Khóa ${kind} ${location} ${start}`, location, kind, start],
      )
    )[0]!.id;
  const short = await course('short_course', 'domestic', day(Y, '03-01'));
  const master = await course('master', 'foreign', day(Y, '09-05'));
  const uni = await course('university', 'domestic', day(Y, '10-01'));
  const doctorate = await course('doctorate', 'domestic', day(Y - 1, '09-01'));
  await course('short_course', 'foreign', day(Y + 1, '01-10')); // this year: not in the report's year
  const seat = async (courseId: string, personId: string, unit: UnitRef, status: string, completedOn: string | null = null) =>
    (
      await q<{ id: string }>(
        `INSERT INTO training_enrolments (course_id, person_id, budget_unit_id, status, nominated_by, eligibility, funding_source, estimated_cost_vnd, completed_on)
         VALUES ($1, $2, $3, $4, gen_random_uuid(), '{}'::jsonb, 'regular', 5000000, $5) RETURNING id`,
        [courseId, personId, unit.id, status, completedOn],
      )
    )[0]!.id;
  await seat(short, a1, u.deptA, 'completed', day(Y, '04-01'));
  await seat(short, a2, u.deptA, 'completed', day(Y, '04-01'));
  await seat(short, b1, u.deptB, 'approved');
  await seat(short, a3, u.deptA, 'refused'); // holds no seat
  const m1 = await seat(master, a1, u.deptA, 'enrolled');
  await seat(uni, a3, u.deptA, 'failed');
  const d1 = await seat(doctorate, b1, u.deptB, 'completed', day(Y, '12-20')); // started the year before, completed in it
  const budget = async (unit: UnitRef, source: string, year: number) =>
    (
      await q<{ id: string }>(
        `INSERT INTO training_budgets (unit_id, year, funding_source, amount_vnd, updated_by) VALUES ($1, $2, $3, 100000000, gen_random_uuid()) RETURNING id`,
        [unit.id, year, source],
      )
    )[0]!.id;
  const regA = await budget(u.deptA, 'regular', Y);
  const supA = await budget(u.deptA, 'supplementary', Y);
  const regB = await budget(u.deptB, 'regular', Y);
  await q(
    `INSERT INTO training_ledger (budget_id, kind, amount_vnd, entry_date, created_by) VALUES
       ($1, 'commit', 15000000, $4, gen_random_uuid()), ($1, 'release', 2000000, $4, gen_random_uuid()), ($1, 'spend', 9000000, $4, gen_random_uuid()),
       ($2, 'commit', 40000000, $4, gen_random_uuid()), ($2, 'spend', 12500000, $4, gen_random_uuid()),
       ($3, 'commit', 5000000, $4, gen_random_uuid()), ($3, 'commit', 7000000, $5, gen_random_uuid()), ($3, 'spend', 1000000, $6, gen_random_uuid())`,
    [regA, supA, regB, day(Y, '05-01'), day(Y - 1, '11-01'), day(Y + 1, '01-02')],
  );
  await q(
    `INSERT INTO training_repayments (enrolment_id, left_on, reason, amount_vnd, explanation, status, decided_on, paid_vnd, paid_on, created_by, created_at) VALUES
       ($1, $3, 'quit', 18000000, '{}'::jsonb, 'paid', $4, 18000000, $5, gen_random_uuid(), $3::date),
       ($2, $3, 'streamlining', 0, '{}'::jsonb, 'waived', NULL, NULL, NULL, gen_random_uuid(), $3::date)`,
    [m1, d1, day(Y, '06-01'), day(Y, '07-01'), day(Y, '08-15')],
  );
  s.ha = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: u.deptA.id });
});

/** Each figure as SQL over the same rows, written apart from the repository. */
async function expected(year: number, unitId: string | null): Promise<Record<string, number>> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const one = async (text: string) => Number((await q<{ n: unknown }>(text, [from, to, unitId]))[0]!.n ?? 0);
  const inUnit = (col: string) => `($3::uuid IS NULL OR ${col} IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)))`;
  const seats = `FROM training_enrolments te JOIN training_courses c ON c.id = te.course_id JOIN people p ON p.id = te.person_id
    LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code
    WHERE c.start_date BETWEEN $1 AND $2 AND te.status IN ('approved', 'enrolled', 'completed', 'failed') AND ${inUnit('te.budget_unit_id')}`;
  const courses = `FROM training_courses c WHERE c.start_date BETWEEN $1 AND $2
    AND ($3::uuid IS NULL OR c.id IN (SELECT course_id FROM training_enrolments te WHERE te.status IN ('approved', 'enrolled', 'completed', 'failed') AND ${inUnit('te.budget_unit_id')}))`;
  const e: Record<string, number> = {};
  e['training_courses.total'] = await one(`SELECT count(*) AS n ${courses}`);
  for (const k of ['short_course', 'university', 'master', 'doctorate']) {
    e[`training_courses.kind.${k}`] = await one(`SELECT count(*) AS n ${courses} AND c.kind = '${k}'`);
    e[`training_participants.kind.${k}`] = await one(`SELECT count(*) AS n ${seats} AND c.kind = '${k}'`);
  }
  for (const l of ['domestic', 'foreign']) {
    e[`training_courses.location.${l}`] = await one(`SELECT count(*) AS n ${courses} AND c.location = '${l}'`);
    e[`training_participants.location.${l}`] = await one(`SELECT count(*) AS n ${seats} AND c.location = '${l}'`);
  }
  e['training_participants.total'] = await one(`SELECT count(*) AS n ${seats}`);
  e['training_participants.postgraduate'] = await one(`SELECT count(*) AS n ${seats} AND c.kind IN ('master', 'doctorate')`);
  for (const c of ['can_bo', 'cong_chuc', 'vien_chuc']) e[`training_category.${c}`] = await one(`SELECT count(*) AS n ${seats} AND p.category = '${c}'`);
  e['training_people.male'] = await one(`SELECT count(*) AS n ${seats} AND p.gender = 'male'`);
  e['training_people.female'] = await one(`SELECT count(*) AS n ${seats} AND p.gender = 'female'`);
  e['training_people.minority'] = await one(`SELECT count(*) AS n ${seats} AND eg.is_minority`);
  e['training_results.completed'] = await one(
    `SELECT count(*) AS n FROM training_enrolments te WHERE te.status = 'completed' AND te.completed_on BETWEEN $1 AND $2 AND ${inUnit('te.budget_unit_id')}`,
  );
  const ledger = (kind: string, source: string) =>
    `(SELECT coalesce(sum(l.amount_vnd), 0) FROM training_ledger l JOIN training_budgets b ON b.id = l.budget_id
      WHERE l.kind = '${kind}' AND b.funding_source = '${source}' AND l.entry_date BETWEEN $1 AND $2 AND ${inUnit('b.unit_id')})`;
  for (const src of ['regular', 'supplementary']) {
    e[`training_budget.committed.${src}`] = await one(`SELECT ${ledger('commit', src)} - ${ledger('release', src)} AS n`);
    e[`training_budget.spent.${src}`] = await one(`SELECT ${ledger('spend', src)} AS n`);
  }
  e['training_budget.committed'] = e['training_budget.committed.regular']! + e['training_budget.committed.supplementary']!;
  e['training_budget.spent'] = e['training_budget.spent.regular']! + e['training_budget.spent.supplementary']!;
  const rep = `FROM training_repayments r JOIN training_enrolments te ON te.id = r.enrolment_id WHERE ${inUnit('te.budget_unit_id')}`;
  e['training_repayments.decided'] = await one(`SELECT count(*) AS n ${rep} AND r.decided_on BETWEEN $1 AND $2`);
  e['training_repayments.decided_amount'] = await one(`SELECT coalesce(sum(r.amount_vnd), 0) AS n ${rep} AND r.decided_on BETWEEN $1 AND $2`);
  e['training_repayments.paid_amount'] = await one(`SELECT coalesce(sum(r.paid_vnd), 0) AS n ${rep} AND r.paid_on BETWEEN $1 AND $2`);
  e['training_repayments.waived'] = await one(
    `SELECT count(*) AS n ${rep} AND r.status = 'waived' AND (r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1 AND $2`,
  );
  const fb = `FROM feedback_items f WHERE (f.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1 AND $2 AND ${inUnit('f.unit_id')}`;
  e['feedback.raised'] = await one(`SELECT count(*) AS n ${fb}`);
  e['feedback.open'] = await one(`SELECT count(*) AS n ${fb} AND f.status = 'open'`);
  return e;
}

type Figure = { key: string; value: number; previous: number };
const byKey = (figures: Figure[], field: 'value' | 'previous' = 'value') => Object.fromEntries(figures.map((f) => [f.key, f[field]]));

async function docx(path: string, session: Session) {
  const res = await send(app, path, { headers: { cookie: session.cookie } });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const body = (await zip.file('word/document.xml')!.async('string')).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
  const core = await zip.file('docProps/core.xml')!.async('string');
  return { body, core };
}

describe('the annual training report (Decree 171/2025 Art. 39)', () => {
  let report: { id: string; version: number; figures: Figure[] };

  it('drafts the report of a calendar year whose every figure equals an SQL count of the same rows, against the year before', async () => {
    const r = await call(app, 'POST', '/api/reports', { session: s.ha, body: { kind: 'training_annual', year: Y } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({
      kind: 'training_annual',
      periodFrom: `${Y}-01-01`,
      periodTo: `${Y}-12-31`,
      previousFrom: `${Y - 1}-01-01`,
      previousTo: `${Y - 1}-12-31`,
      status: 'draft',
      units: [],
    });
    report = r.json;
    const now = await expected(Y, null);
    expect(byKey(report.figures)).toEqual(now);
    expect(byKey(report.figures, 'previous')).toEqual(await expected(Y - 1, null));
    // by hand, so that the SQL above cannot agree with a wrong repository by both being empty
    expect(now).toMatchObject({
      'training_courses.total': 3,
      'training_courses.location.foreign': 1,
      'training_participants.total': 5, // three on the short course (one refused), one master, one university
      'training_participants.kind.short_course': 3,
      'training_participants.postgraduate': 1,
      'training_participants.location.foreign': 1,
      'training_category.cong_chuc': 3,
      'training_category.vien_chuc': 1,
      'training_category.can_bo': 1,
      'training_people.female': 3,
      'training_people.minority': 2,
      'training_results.completed': 3,
      'training_budget.committed.regular': 18_000_000,
      'training_budget.committed.supplementary': 40_000_000,
      'training_budget.spent': 21_500_000,
      'training_repayments.decided': 1,
      'training_repayments.decided_amount': 18_000_000,
      'training_repayments.paid_amount': 18_000_000,
      'training_repayments.waived': 1,
    });
    expect(byKey(report.figures, 'previous')).toMatchObject({ 'training_courses.kind.doctorate': 1, 'training_budget.committed.regular': 7_000_000 });
  });

  it('refuses a year not begun, or no year, changing nothing', async () => {
    const n = (await q(`SELECT id FROM reports`)).length;
    const future = await call(app, 'POST', '/api/reports', { session: s.ha, body: { kind: 'training_annual', year: Y + 2 } });
    expect(future.status).toBe(422);
    expect(future.json.error.issues[0]).toMatchObject({ path: 'year' });
    expect(future.json.error.issues[0].message).toContain('chưa bắt đầu');
    const none = await call(app, 'POST', '/api/reports', { session: s.ha, body: { kind: 'training_annual' } });
    expect(none.status).toBe(422);
    expect(none.json.error.issues[0].message).toBe('Chọn năm báo cáo');
    expect((await q(`SELECT id FROM reports`)).length).toBe(n);
  });

  it('prints its own title and sections, and is numbered in the one book of Sở Nội vụ', async () => {
    const issued = await call(app, 'POST', `/api/reports/${report.id}/issue`, {
      session: s.ha,
      body: { version: report.version, issuedOn: TODAY, signerName: 'Nguyễn Văn Bình', signerTitle: 'Giám đốc' },
    });
    expect(issued.status, JSON.stringify(issued.json)).toBe(200);
    expect(issued.json.number).toBe('01/BC-SNV');
    expect(byKey(issued.json.figures)).toEqual(await expected(Y, null));
    const { body, core } = await docx(`/api/reports/${report.id}/report.docx`, s.authority);
    expect(core).toContain(`Báo cáo kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm ${Y}`);
    for (const x of [
      'Số: 01/BC-SNV',
      `Kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm ${Y}`,
      'Kính gửi: Bộ Nội vụ.',
      'Điều 39 Nghị định số 171/2025/NĐ-CP',
      'I. KẾT QUẢ ĐÀO TẠO, BỒI DƯỠNG',
      'Đào tạo thạc sĩ: 1 lượt',
      'Công chức: 3 lượt',
      `Kinh phí đã cam kết chi — Kinh phí bổ sung năm đầu sau sắp xếp: 40.000.000 đồng (năm ${Y - 1}: 0;`,
      'Số tiền bồi hoàn đã nộp trong năm: 18.000.000 đồng',
      'II. ĐÁNH GIÁ CHUNG',
      `III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${Y + 1}`,
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      `Biểu 01. Số liệu đào tạo, bồi dưỡng năm ${Y} so với năm ${Y - 1}`,
    ]) {
      expect(body).toContain(x);
    }
    expect(body).not.toContain('Kế hoạch số');
    expect(body).not.toContain('DỰ THẢO');
    // the report on the plan, issued next, takes the next number of the same book
    const plan = await call(app, 'POST', '/api/reports', { session: s.ha, body: { from: `${Y}-01-01`, to: `${Y}-12-31` } });
    expect(plan.json.kind).toBe('plan131');
    const next = await call(app, 'POST', `/api/reports/${plan.json.id}/issue`, {
      session: s.ha,
      body: { version: plan.json.version, issuedOn: TODAY, signerName: 'Nguyễn Văn Bình', signerTitle: 'Giám đốc' },
    });
    expect(next.json.number).toBe('02/BC-SNV');
    const list = await call(app, 'GET', '/api/reports', { session: s.authority });
    expect(list.json.items.map((x: { kind: string }) => x.kind).sort()).toEqual(['plan131', 'training_annual']);
  });

  it("counts only a unit's own budget in the unit's report", async () => {
    const r = await call(app, 'POST', '/api/reports', { session: s.hrA, body: { kind: 'training_annual', year: Y, unitId: u.deptA!.id } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const now = await expected(Y, u.deptA!.id);
    expect(byKey(r.json.figures)).toEqual(now);
    expect(now).toMatchObject({ 'training_participants.total': 4, 'training_budget.committed.regular': 13_000_000, 'training_repayments.waived': 0 });
    const { body } = await docx(`/api/reports/${r.json.id}/report.docx`, s.hrA);
    expect(body).toContain('Kính gửi: Sở Nội vụ.');
  });
});
