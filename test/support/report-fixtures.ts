import type pg from 'pg';
import { makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from './factories.js';
import { addDays, vietnamToday } from '../../common/dates.js';

/**
 * A small province whose report rows are known (the one of `server/http/reports/reports.db.test.ts`, with categories):
 * two departments, three host communes (one especially disadvantaged), cadres sent in the period and before, a
 * return, evaluations, the cadres' reports, one course with a seat, a completion and budget movements.
 */
export async function seedReportProvince(pool: pg.Pool) {
  const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];
  const TODAY = vietnamToday();
  const YEAR = Number(TODAY.slice(0, 4));
  const FROM = addDays(TODAY, -89);
  const IN = addDays(TODAY, -30);
  const BEFORE = addDays(TODAY, -120);
  const LONG_AGO = addDays(TODAY, -1000);
  const u: Record<string, UnitRef> = {};
  const p: Record<string, string> = {};
  let seq = 500;
  const decision = async (kind: string, on: string) => {
    seq += 1;
    return (
      await q<{ id: string }>(
        `INSERT INTO secondment_decisions (kind, year, seq, number, decided_on, signer_name, signer_title, created_by)
         VALUES ($1, $2, $3, $4, $5, 'Trần Văn Lâm', 'Chủ tịch', gen_random_uuid()) RETURNING id`,
        [kind, Number(on.slice(0, 4)), seq, `${seq}/QĐ-UBND`, on],
      )
    )[0]!.id;
  };
  const second = async (
    personId: string,
    sending: UnitRef,
    host: UnitRef,
    o: { status: string; group: number; decisionId?: string; actualEnd?: string; returnedOn?: string; extraStep?: boolean },
  ) => {
    const id = (
      await q<{ id: string }>(
        `INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status, target_group, start_date, end_date, actual_end_date, returned_on,
           extra_step_granted, decision_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          personId,
          sending.id,
          host.id,
          o.status,
          o.group,
          LONG_AGO,
          addDays(TODAY, 900),
          o.actualEnd ?? null,
          o.returnedOn ?? null,
          o.extraStep ?? null,
          o.decisionId ?? null,
        ],
      )
    )[0]!.id;
    if (o.decisionId) await q(`INSERT INTO secondment_decision_items (decision_id, secondment_id, host_unit_id) VALUES ($1, $2, $3)`, [o.decisionId, id, host.id]);
    return id;
  };
  await makeProvince(pool);
  u.root = await makeUnit(pool, { kind: 'peoples_committee', name: 'UBND thành phố' });
  u.deptA = await makeUnit(pool, { parent: u.root, staffing: 40, name: 'Sở Tài chính', code: 'STC' });
  u.deptB = await makeUnit(pool, { parent: u.root, staffing: 60, name: 'Sở Xây dựng', code: 'SXD' });
  u.subA = await makeUnit(pool, { parent: u.deptA, kind: 'sub_unit', name: 'Phòng Ngân sách' });
  u.c1 = await makeUnit(pool, { parent: u.root, kind: 'commune', name: 'Xã Một' });
  u.c2 = await makeUnit(pool, { parent: u.root, kind: 'ward', name: 'Phường Hai' });
  u.c3 = await makeUnit(pool, { parent: u.root, kind: 'commune', name: 'Xã Ba' });
  await q(`UPDATE org_units SET is_especially_disadvantaged = true WHERE id = $1`, [u.c1.id]);
  const person = async (
    key: string,
    unit: UnitRef,
    o: { gender?: 'male' | 'female'; birth: string; ethnic?: string | null; edu?: string; theory?: string; category?: string },
  ) => {
    p[key] = (await makePerson(pool, { unitId: unit.id, gender: o.gender, birthDate: o.birth, ethnicCode: o.ethnic })).id;
    await q(`UPDATE people SET education_level = $2, political_theory = $3, category = $4 WHERE id = $1`, [
      p[key],
      o.edu ?? null,
      o.theory ?? null,
      o.category ?? 'cong_chuc',
    ]);
  };
  await person('a1', u.subA, { gender: 'female', birth: addDays(TODAY, -30 * 366), ethnic: '05', edu: 'dai_hoc', theory: 'trung_cap', category: 'vien_chuc' });
  await person('a2', u.deptA, { birth: addDays(TODAY, -40 * 366), edu: 'thac_si', theory: 'cao_cap' });
  await person('a4', u.deptA, { gender: 'female', birth: addDays(TODAY, -33 * 366), edu: 'dai_hoc', category: 'vien_chuc' });
  await person('b1', u.deptB, { gender: 'female', birth: addDays(TODAY, -50 * 366), ethnic: null, edu: 'dai_hoc', category: 'can_bo' });
  await person('b2', u.deptB, { birth: addDays(TODAY, -57 * 366), edu: 'tien_si', theory: 'cao_cap' });
  await person('a3', u.deptA, { birth: '1990-01-01' });
  await person('b3', u.deptB, { birth: '1980-01-01', edu: 'dai_hoc' });
  const d1 = await decision('send', IN);
  const d2 = await decision('send', addDays(IN, 3));
  const d0 = await decision('send', BEFORE);
  const dOld = await decision('send', LONG_AGO);
  await decision('extend', IN);
  p.sA1 = await second(p.a1!, u.deptA, u.c1, { status: 'active', group: 1, decisionId: d1 });
  p.sA2 = await second(p.a2!, u.deptA, u.c2, { status: 'decided', group: 2, decisionId: d1 });
  p.sA4 = await second(p.a4!, u.deptA, u.c3, { status: 'active', group: 1, decisionId: d2 });
  p.sB1 = await second(p.b1!, u.deptB, u.c1, { status: 'active', group: 3, decisionId: d1 });
  p.sB2 = await second(p.b2!, u.deptB, u.c3, { status: 'active', group: 3, decisionId: d0 });
  await second(p.a3!, u.deptA, u.c3, { status: 'proposed', group: 3 });
  p.sB3 = await second(p.b3!, u.deptB, u.c2, {
    status: 'returned',
    group: 2,
    decisionId: dOld,
    actualEnd: addDays(TODAY, -20),
    returnedOn: addDays(TODAY, -10),
    extraStep: true,
  });
  await q(
    `INSERT INTO secondment_evaluations (secondment_id, year, evaluated_on, proposed_rating, evaluator_user_id, evaluator_name)
     VALUES ($1, $2, $3, 'HTT', gen_random_uuid(), 'Chủ tịch UBND xã'), ($4, $2, $5, 'HTT', gen_random_uuid(), 'Chủ tịch UBND xã'),
            ($6, $2, $3, 'HTXSNV', gen_random_uuid(), 'Chủ tịch UBND phường')`,
    [p.sA1, YEAR, IN, p.sB2, BEFORE, p.sB3],
  );
  await q(
    `INSERT INTO secondment_reports (secondment_id, kind, due_on, submitted_on, cancelled_at) VALUES
       ($1, 'periodic', $4, $4, NULL), ($2, 'periodic', $5, $6, NULL), ($3, 'periodic', $7, NULL, NULL), ($3, 'adhoc', $5, NULL, now()), ($1, 'periodic', $8, $8, NULL)`,
    [p.sA1, p.sB1, p.sA2, IN, addDays(IN, -5), addDays(IN, 2), addDays(TODAY, -3), BEFORE],
  );
  const course = (
    await q<{ id: string }>(
      `INSERT INTO training_courses (title, provider, location, source, kind, fields, start_date, end_date, hours, capacity, cost_per_participant_vnd, funding_source, created_by)
       VALUES ('Bồi dưỡng kỹ năng cơ sở', 'Trường Chính trị', 'domestic', 'city_plan', 'short_course', '{Kinh tế}', $1, $2, 40, 20, 5000000, 'regular', gen_random_uuid()) RETURNING id`,
      [IN, addDays(IN, 5)],
    )
  )[0]!.id;
  const budget = (
    await q<{ id: string }>(
      `INSERT INTO training_budgets (unit_id, year, funding_source, amount_vnd, committed_vnd, spent_vnd, updated_by) VALUES ($1, $2, 'regular', 10000000, 4000000, 2000000, gen_random_uuid()) RETURNING id`,
      [u.deptA.id, YEAR],
    )
  )[0]!.id;
  const enrol = async (personId: string, status: string, completedOn: string | null) =>
    (
      await q<{ id: string }>(
        `INSERT INTO training_enrolments (course_id, person_id, budget_unit_id, status, nominated_by, eligibility, funding_source, budget_id, estimated_cost_vnd, completed_on)
         VALUES ($1, $2, $3, $4, gen_random_uuid(), '{}'::jsonb, 'regular', $5, 5000000, $6) RETURNING id`,
        [course, personId, u.deptA.id, status, budget, completedOn],
      )
    )[0]!.id;
  const enrolment = await enrol(p.a2!, 'approved', null);
  const done = await enrol(p.a4!, 'completed', addDays(IN, 5));
  await q(
    `INSERT INTO training_ledger (budget_id, enrolment_id, kind, amount_vnd, entry_date, created_by) VALUES
       ($1, $2, 'commit', 5000000, $3, gen_random_uuid()), ($1, $2, 'release', 1000000, $3, gen_random_uuid()), ($1, $2, 'spend', 2000000, $3, gen_random_uuid()),
       ($1, $2, 'commit', 700000, $4, gen_random_uuid()), ($1, $5, 'commit', 5000000, $3, gen_random_uuid()), ($1, $5, 'spend', 4500000, $6, gen_random_uuid())`,
    [budget, enrolment, IN, BEFORE, done, addDays(IN, 5)],
  );
  const s: Record<string, Session> = {
    ha: await makeSession(pool, 'home_affairs'),
    authority: await makeSession(pool, 'authority'),
    hrA: await makeSession(pool, 'unit_hr', { unitId: u.deptA.id }),
    hrB: await makeSession(pool, 'unit_hr', { unitId: u.deptB.id }),
    host: await makeSession(pool, 'host', { unitId: u.c1.id }),
  };
  return { u, p, s, TODAY, FROM, IN, BEFORE, q };
}
