import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { addDays, vietnamToday } from '../../../common/dates.js';
import { longDate } from '../../documents/official-docx.js';

/**
 * The report of Sở Nội vụ to the People's Committee (S12) on a small province whose rows are known: two departments
 * (quotas 2 and 3), three host communes (one especially disadvantaged), five cadres sent in the period or the one
 * before, one return, one evaluation, one course with its budget movements. Every figure is checked against an SQL
 * count written here over the same rows, the .docx is read back, and the issued report is checked to stay frozen.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const u: Record<string, UnitRef> = {};
const p: Record<string, string> = {};
const TODAY = vietnamToday();
const YEAR = Number(TODAY.slice(0, 4));
const FROM = addDays(TODAY, -89);
const PREV_FROM = addDays(FROM, -90);
const PREV_TO = addDays(FROM, -1);
const IN = addDays(TODAY, -30);
const BEFORE = addDays(TODAY, -120);
const LONG_AGO = addDays(TODAY, -1000);

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.get().pool.query(text, params)).rows as T[];
}
let decisionSeq = 0;
async function decision(kind: string, on: string): Promise<string> {
  decisionSeq += 1;
  const year = Number(on.slice(0, 4));
  return (
    await q<{ id: string }>(
      `INSERT INTO secondment_decisions (kind, year, seq, number, decided_on, signer_name, signer_title, created_by)
       VALUES ($1, $2, $3, $4, $5, 'Trần Văn Lâm', 'Chủ tịch', gen_random_uuid()) RETURNING id`,
      [kind, year, decisionSeq + 100, `${decisionSeq + 100}/QĐ-UBND`, on],
    )
  )[0]!.id;
}
async function second(
  personId: string,
  sending: UnitRef,
  host: UnitRef,
  o: { status: string; group: number; decisionId?: string; actualEnd?: string; returnedOn?: string; extraStep?: boolean },
): Promise<string> {
  const id = (
    await q<{ id: string }>(
      `INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status, target_group, start_date, end_date, actual_end_date, returned_on,
         extra_step_granted, decision_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
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
}

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(pool);
  u.root = await makeUnit(pool, { kind: 'peoples_committee', name: 'UBND thành phố' });
  u.deptA = await makeUnit(pool, { parent: u.root, staffing: 40, name: 'Sở Tài chính', code: 'STC' }); // 40 × 5 % = 2
  u.deptB = await makeUnit(pool, { parent: u.root, staffing: 60, name: 'Sở Xây dựng', code: 'SXD' }); // 60 × 5 % = 3
  u.subA = await makeUnit(pool, { parent: u.deptA, kind: 'sub_unit', name: 'Phòng Ngân sách' });
  u.c1 = await makeUnit(pool, { parent: u.root, kind: 'commune', name: 'Xã Một' });
  u.c2 = await makeUnit(pool, { parent: u.root, kind: 'ward', name: 'Phường Hai' });
  u.c3 = await makeUnit(pool, { parent: u.root, kind: 'commune', name: 'Xã Ba' });
  await q(`UPDATE org_units SET is_especially_disadvantaged = true WHERE id = $1`, [u.c1.id]);
  const person = async (key: string, unit: UnitRef, o: { gender?: 'male' | 'female'; birth: string; ethnic?: string | null; edu?: string; theory?: string }) => {
    p[key] = (await makePerson(pool, { unitId: unit.id, gender: o.gender, birthDate: o.birth, ethnicCode: o.ethnic })).id;
    await q(`UPDATE people SET education_level = $2, political_theory = $3 WHERE id = $1`, [p[key], o.edu ?? null, o.theory ?? null]);
  };
  // ages at the period's end: a1 under 35, a2 35–45, b1 46–55, b2 over 55 (sent the period before), a3 only proposed
  await person('a1', u.subA, { gender: 'female', birth: addDays(TODAY, -30 * 366), ethnic: '05', edu: 'dai_hoc', theory: 'trung_cap' });
  await person('a2', u.deptA, { birth: addDays(TODAY, -40 * 366), edu: 'thac_si', theory: 'cao_cap' });
  await person('b1', u.deptB, { gender: 'female', birth: addDays(TODAY, -50 * 366), ethnic: null, edu: 'dai_hoc' });
  await person('b2', u.deptB, { birth: addDays(TODAY, -57 * 366), edu: 'tien_si', theory: 'cao_cap' });
  await person('a3', u.deptA, { birth: '1990-01-01' });
  await person('b3', u.deptB, { birth: '1980-01-01', edu: 'dai_hoc' });
  const d1 = await decision('send', IN);
  const d0 = await decision('send', BEFORE);
  const dOld = await decision('send', LONG_AGO);
  await decision('extend', IN);
  p.sA1 = await second(p.a1!, u.deptA, u.c1, { status: 'active', group: 1, decisionId: d1 });
  p.sA2 = await second(p.a2!, u.deptA, u.c2, { status: 'decided', group: 2, decisionId: d1 });
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
     VALUES ($1, $2, $3, 'HTT', gen_random_uuid(), 'Chủ tịch UBND xã'), ($4, $2, $5, 'HTT', gen_random_uuid(), 'Chủ tịch UBND xã')`,
    [p.sA1, YEAR, IN, p.sB2, BEFORE],
  );
  // the cadres' reports: on time, late, missing past due, cancelled (not counted), and one due the period before
  await q(
    `INSERT INTO secondment_reports (secondment_id, kind, due_on, submitted_on, cancelled_at) VALUES
       ($1, 'periodic', $4, $4, NULL), ($2, 'periodic', $5, $6, NULL), ($3, 'periodic', $7, NULL, NULL), ($3, 'adhoc', $5, NULL, now()), ($1, 'periodic', $8, $8, NULL)`,
    [p.sA1, p.sB1, p.sA2, IN, addDays(IN, -5), addDays(IN, 2), addDays(TODAY, -3), BEFORE],
  );
  // training: one course in the period, a seat of deptA's budget, its budget committed, partly released and spent
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
  const enrolment = (
    await q<{ id: string }>(
      `INSERT INTO training_enrolments (course_id, person_id, budget_unit_id, status, nominated_by, eligibility, funding_source, budget_id, estimated_cost_vnd)
       VALUES ($1, $2, $3, 'approved', gen_random_uuid(), '{}'::jsonb, 'regular', $4, 5000000) RETURNING id`,
      [course, p.a2, u.deptA.id, budget],
    )
  )[0]!.id;
  await q(
    `INSERT INTO training_ledger (budget_id, enrolment_id, kind, amount_vnd, entry_date, created_by) VALUES
       ($1, $2, 'commit', 5000000, $3, gen_random_uuid()), ($1, $2, 'release', 1000000, $3, gen_random_uuid()), ($1, $2, 'spend', 2000000, $3, gen_random_uuid()),
       ($1, $2, 'commit', 700000, $4, gen_random_uuid())`,
    [budget, enrolment, IN, BEFORE],
  );
  s.ha = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: u.deptA.id });
  s.mgrA = await makeSession(pool, 'unit_manager', { unitId: u.deptA.id });
  s.hrB = await makeSession(pool, 'unit_hr', { unitId: u.deptB.id });
  s.host = await makeSession(pool, 'host', { unitId: u.c1.id });
});

/**
 * Each figure as an SQL count written independently of the repository, over the same rows: the cadres with a send
 * decision dated in the period, still on the path from the decision on, sent from the scope.
 */
async function expectedFigures(from: string, to: string, unitId: string | null): Promise<Record<string, number>> {
  const scope = `($3::uuid IS NULL OR s.sending_unit_id IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)))`;
  const sent = `SELECT s.*, p.gender, p.education_level, p.political_theory, eg.is_minority, date_part('year', age($2::date, p.birth_date)) AS age
    FROM secondments s JOIN people p ON p.id = s.person_id LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code
    WHERE s.status IN ('decided', 'active', 'completed', 'ended_early', 'returned') AND ${scope}
      AND s.id IN (SELECT di.secondment_id FROM secondment_decision_items di JOIN secondment_decisions d ON d.id = di.decision_id
        WHERE d.kind = 'send' AND d.decided_on BETWEEN $1 AND $2)`;
  const one = async (text: string) => Number((await q<{ n: unknown }>(text, [from, to, unitId]))[0]!.n ?? 0);
  const count = (where: string) => one(`SELECT count(*) AS n FROM (${sent}) x WHERE ${where}`);
  const e: Record<string, number> = {};
  const decisions = `FROM secondment_decisions d WHERE d.decided_on BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR d.issuer_unit_id IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path))
    OR EXISTS (SELECT 1 FROM secondment_decision_items di JOIN secondments s ON s.id = di.secondment_id WHERE di.decision_id = d.id AND ${scope}))`;
  e['documents.plans'] = await one(
    `SELECT (SELECT count(*) FROM plans WHERE issued_on BETWEEN $1 AND $2) + (SELECT count(*) FROM plan_versions WHERE version > 1 AND effective_from BETWEEN $1 AND $2) AS n, $3::uuid AS scope`,
  );
  e['documents.decisions'] = await one(`SELECT count(*) AS n ${decisions}`);
  for (const k of ['send', 'extend', 'end_early', 'return']) e[`documents.decisions.${k}`] = await one(`SELECT count(*) AS n ${decisions} AND d.kind = '${k}'`);
  e['sent.total'] = await count('TRUE');
  for (const g of [1, 2, 3]) e[`target_group.${g}`] = await count(`target_group = ${g}`);
  e['sex.male'] = await count(`gender = 'male'`);
  e['sex.female'] = await count(`gender = 'female'`);
  e['ethnicity.kinh'] = await count('is_minority = false');
  e['ethnicity.minority'] = await count('is_minority = true');
  e['ethnicity.unknown'] = await count('is_minority IS NULL');
  e['age.under35'] = await count('age < 35');
  e['age.35_45'] = await count('age >= 35 AND age <= 45');
  e['age.46_55'] = await count('age >= 46 AND age <= 55');
  e['age.over55'] = await count('age > 55');
  for (const l of ['trung_cap', 'cao_dang', 'dai_hoc', 'thac_si', 'tien_si']) e[`education.${l}`] = await count(`education_level = '${l}'`);
  e['education.none'] = await count('education_level IS NULL');
  for (const l of ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan']) e[`theory.${l}`] = await count(`political_theory = '${l}'`);
  e['theory.none'] = await count('political_theory IS NULL');
  e['hosts.communes'] = await one(`SELECT count(DISTINCT host_unit_id) AS n FROM (${sent}) x`);
  e['hosts.especially_disadvantaged'] = await one(
    `SELECT count(DISTINCT host_unit_id) AS n FROM (${sent}) x JOIN org_units h ON h.id = x.host_unit_id WHERE h.is_especially_disadvantaged`,
  );
  e['hosts.especially_disadvantaged_share'] = e['hosts.communes'] ? Math.round((1000 * e['hosts.especially_disadvantaged']!) / e['hosts.communes']) / 10 : 0;
  const path = `FROM secondments s WHERE s.status IN ('decided', 'active', 'completed', 'ended_early', 'returned') AND ${scope}`;
  e['returns.ended'] = await one(`SELECT count(*) AS n ${path} AND s.status IN ('completed', 'ended_early', 'returned') AND s.actual_end_date BETWEEN $1 AND $2`);
  e['returns.ended_early'] = await one(
    `SELECT count(*) AS n ${path} AND s.actual_end_date BETWEEN $1 AND $2 AND (s.status = 'ended_early' OR s.id IN (SELECT di.secondment_id FROM secondment_decision_items di JOIN secondment_decisions d ON d.id = di.decision_id WHERE d.kind = 'end_early'))`,
  );
  e['returns.placed'] = await one(`SELECT count(*) AS n ${path} AND s.status = 'returned' AND s.returned_on BETWEEN $1 AND $2`);
  e['returns.extra_step'] = await one(`SELECT count(*) AS n ${path} AND s.status = 'returned' AND s.returned_on BETWEEN $1 AND $2 AND s.extra_step_granted`);
  e['evaluations.total'] = await one(
    `SELECT count(*) AS n FROM secondment_evaluations ev JOIN secondments s ON s.id = ev.secondment_id WHERE ev.evaluated_on BETWEEN $1 AND $2
       AND s.status IN ('decided', 'active', 'completed', 'ended_early', 'returned') AND ${scope}`,
  );
  const due = `FROM secondment_reports sr JOIN secondments s ON s.id = sr.secondment_id WHERE sr.cancelled_at IS NULL AND sr.due_on BETWEEN $1 AND $2 AND ${scope}`;
  e['cadre_reports.due'] = await one(`SELECT count(*) AS n ${due}`);
  e['cadre_reports.on_time'] = await one(`SELECT count(*) AS n ${due} AND sr.submitted_on <= sr.due_on`);
  e['cadre_reports.late'] = await one(`SELECT count(*) AS n ${due} AND (sr.submitted_on > sr.due_on OR (sr.submitted_on IS NULL AND sr.due_on < '${TODAY}'))`);
  // the sending units' reports of the plan's schedule on periods ending in this one (a unit's report: its units under it)
  const unitReps = `FROM reports rp WHERE rp.unit_id IS NOT NULL AND rp.due_on IS NOT NULL AND rp.period_to BETWEEN $1 AND $2
    AND ($3::uuid IS NULL OR (rp.unit_id IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)) AND rp.unit_id <> $3::uuid))`;
  e['unit_reports.due'] = await one(`SELECT count(*) AS n ${unitReps}`);
  e['unit_reports.on_time'] = await one(`SELECT count(*) AS n ${unitReps} AND rp.status = 'issued' AND rp.issued_on <= rp.due_on`);
  e['unit_reports.late'] = await one(`SELECT count(*) AS n ${unitReps} AND ((rp.status = 'draft' AND rp.due_on < '${TODAY}') OR rp.issued_on > rp.due_on)`);
  const budgetScope = (col: string) => `($3::uuid IS NULL OR ${col} IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)))`;
  const seats = `('approved', 'enrolled', 'completed', 'failed')`;
  e['training.courses'] = await one(
    `SELECT count(*) AS n FROM training_courses c WHERE c.start_date BETWEEN $1 AND $2
       AND ($3::uuid IS NULL OR c.id IN (SELECT course_id FROM training_enrolments te WHERE te.status IN ${seats} AND ${budgetScope('te.budget_unit_id')}))`,
  );
  e['training.participants'] = await one(
    `SELECT count(*) AS n FROM training_enrolments te JOIN training_courses c ON c.id = te.course_id WHERE c.start_date BETWEEN $1 AND $2 AND te.status IN ${seats} AND ${budgetScope('te.budget_unit_id')}`,
  );
  e['training.completed'] = await one(
    `SELECT count(*) AS n FROM training_enrolments te WHERE te.status = 'completed' AND te.completed_on BETWEEN $1 AND $2 AND ${budgetScope('te.budget_unit_id')}`,
  );
  const ledger = (kind: string) =>
    `(SELECT coalesce(sum(l.amount_vnd), 0) FROM training_ledger l JOIN training_budgets b ON b.id = l.budget_id WHERE l.kind = '${kind}' AND l.entry_date BETWEEN $1 AND $2 AND ${budgetScope('b.unit_id')})`;
  e['training.committed'] = await one(`SELECT ${ledger('commit')} - ${ledger('release')} AS n`);
  e['training.spent'] = await one(`SELECT ${ledger('spend')} AS n`);
  // the quota of the year: 5 % of the assigned staffing, less what counts against it today (proposed onwards to serving)
  const units = await q<{ staffing: number; counted: number }>(
    `SELECT st.assigned_staffing AS staffing, (SELECT count(*)::int FROM secondments s WHERE s.sending_unit_id = u.id
       AND s.status IN ('proposed', 'sent_back', 'appraised', 'decided', 'active')) AS counted
     FROM org_units u JOIN org_unit_staffing st ON st.unit_id = u.id AND st.year = $1
     WHERE u.parent_id = $2 AND ($3::uuid IS NULL OR u.id IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)))`,
    [Number(to.slice(0, 4)), u.root!.id, unitId],
  );
  // section II, entitlements: the payments standing (not reversed) dated in the period, per payer; the lines due but unpaid
  const paid = `FROM entitlement_payments e JOIN secondments s ON s.id = e.secondment_id WHERE e.kind = 'payment'
    AND e.id NOT IN (SELECT reverses_id FROM entitlement_payments WHERE reverses_id IS NOT NULL) AND e.paid_on BETWEEN $1 AND $2 AND ${scope}`;
  e['entitlements.cadres'] = await one(`SELECT count(DISTINCT s.person_id) AS n ${paid}`);
  e['entitlements.amount'] = await one(`SELECT coalesce(sum(e.amount_vnd), 0) AS n ${paid}`);
  for (const k of ['sending_unit', 'state_budget', 'decree76']) {
    e[`entitlements.cadres.${k}`] = await one(`SELECT count(DISTINCT s.person_id) AS n ${paid} AND e.payer = '${k}'`);
    e[`entitlements.amount.${k}`] = await one(`SELECT coalesce(sum(e.amount_vnd), 0) AS n ${paid} AND e.payer = '${k}'`);
  }
  Object.assign(e, await dueUnpaid(to, unitId));
  // section V, the units' feedback raised in the period (Vietnam dates)
  const fb = `FROM feedback_items f WHERE (f.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1 AND $2
    AND ($3::uuid IS NULL OR f.unit_id IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)))`;
  e['feedback.raised'] = await one(`SELECT count(*) AS n ${fb}`);
  e['feedback.open'] = await one(`SELECT count(*) AS n ${fb} AND f.status = 'open'`);
  e['sent.quota_target'] = units.reduce((sum, x) => sum + Math.round(x.staffing * 0.05), 0);
  e['sent.quota_gap'] = units.reduce((sum, x) => sum + Math.max(0, Math.round(x.staffing * 0.05) - x.counted), 0);
  // Sở Nội vụ's guidance and inspections (Plan 131 IV.3): their own block
  e['documents.guidance'] = await one(
    `SELECT count(*) AS n FROM guidance_documents g WHERE g.issued_on BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR cardinality(g.unit_ids) = 0
       OR EXISTS (SELECT 1 FROM org_units a WHERE a.id = ANY(g.unit_ids) AND ($3::uuid = ANY(a.path) OR a.id = ANY((SELECT path FROM org_units WHERE id = $3::uuid)::uuid[]))))`,
  );
  const inspected = `($3::uuid IS NULL OR i.unit_id IN (SELECT id FROM org_units WHERE $3::uuid = ANY(path)))`;
  const concluded = `FROM inspections i WHERE i.status = 'concluded' AND i.concluded_on BETWEEN $1 AND $2 AND ${inspected}`;
  e['inspections.concluded'] = await one(`SELECT count(*) AS n ${concluded}`);
  e['inspections.recommendations'] = await one(`SELECT count(*) AS n FROM inspection_recommendations r WHERE r.inspection_id IN (SELECT i.id ${concluded})`);
  e['inspections.answered'] = await one(
    `SELECT count(*) AS n FROM inspection_recommendations r JOIN inspections i ON i.id = r.inspection_id
     WHERE i.status = 'concluded' AND r.answered_on BETWEEN $1 AND $2 AND r.status IN ('answered', 'accepted') AND ${inspected}`,
  );
  e['inspections.overdue'] = await one(
    `SELECT count(*) AS n FROM inspection_recommendations r JOIN inspections i ON i.id = r.inspection_id
     WHERE $1::date IS NOT NULL AND i.status = 'concluded' AND i.concluded_on <= $2 AND r.deadline < $2 AND (r.status <> 'accepted' OR r.accepted_on > $2) AND ${inspected}`,
  );
  return e;
}

/**
 * The lines due but unpaid by `to`, written from the fixture's facts independently of the rule's code: every decided
 * secondment started by then is owed its salary (sending unit) and, at a commune not especially disadvantaged, the
 * one-off allowance (State budget) or, at one especially disadvantaged, the Decree 76/2019 package; a returned cadre
 * granted the extra step is owed it (sending unit). A line with a standing payment dated by `to` is paid.
 */
async function dueUnpaid(to: string, unitId: string | null): Promise<Record<string, number>> {
  const rows = await q<{ payer: string; n: string }>(
    `WITH due AS (
       SELECT s.id, 'keep_salary' AS code, 'sending_unit' AS payer FROM secondments s WHERE TRUE
       UNION ALL SELECT s.id, CASE WHEN h.is_especially_disadvantaged THEN 'disadvantaged_package' ELSE 'one_off_allowance' END,
         CASE WHEN h.is_especially_disadvantaged THEN 'decree76' ELSE 'state_budget' END FROM secondments s JOIN org_units h ON h.id = s.host_unit_id
       UNION ALL SELECT s.id, 'extra_step', 'sending_unit' FROM secondments s WHERE s.status = 'returned' AND s.extra_step_granted AND s.outcome_rating IN ('HTT', 'HTXS')
     )
     SELECT d.payer, count(*) AS n FROM due d JOIN secondments s ON s.id = d.id
     WHERE s.status IN ('decided', 'active', 'completed', 'ended_early', 'returned') AND s.start_date <= $1
       AND ($2::uuid IS NULL OR s.sending_unit_id IN (SELECT id FROM org_units WHERE $2::uuid = ANY(path)))
       AND NOT EXISTS (SELECT 1 FROM entitlement_payments e WHERE e.secondment_id = s.id AND e.code = d.code AND e.kind = 'payment' AND e.paid_on <= $1
         AND e.id NOT IN (SELECT reverses_id FROM entitlement_payments WHERE reverses_id IS NOT NULL))
     GROUP BY d.payer`,
    [to, unitId],
  );
  const out: Record<string, number> = { 'entitlements.due_unpaid': 0 };
  for (const k of ['sending_unit', 'state_budget', 'decree76']) out[`entitlements.due_unpaid.${k}`] = 0;
  for (const r of rows) {
    out[`entitlements.due_unpaid.${r.payer}`] = Number(r.n);
    out['entitlements.due_unpaid'] += Number(r.n);
  }
  return out;
}

type Figure = { key: string; value: number; previous: number; change: number; label: string };
const byKey = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.key, f.value]));

async function docxText(path: string, session: Session) {
  const res = await send(app, path, { headers: { cookie: session.cookie } });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

let provinceReport: { id: string; version: number };
let issuedFigures: Figure[];
let issuedDocx: string;

describe('the province report of Sở Nội vụ', () => {
  it('drafts a report whose every figure equals an SQL count of the same rows, this period and the previous one', async () => {
    const r = await call(app, 'POST', '/api/reports', { session: s.ha, body: { from: FROM, to: TODAY } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ status: 'draft', unitId: null, number: null, frozen: false, previousFrom: PREV_FROM, previousTo: PREV_TO });
    expect(r.json.allowedActions).toEqual(['edit', 'issue']);
    provinceReport = r.json;
    const figures = r.json.figures as Figure[];
    const now = await expectedFigures(FROM, TODAY, null);
    const before = await expectedFigures(PREV_FROM, PREV_TO, null);
    expect(Object.keys(byKey(figures)).sort()).toEqual(Object.keys(now).sort());
    expect(byKey(figures)).toEqual(now);
    expect(Object.fromEntries(figures.map((f) => [f.key, f.previous]))).toEqual(before);
    for (const f of figures) expect(f.change, f.key).toBeCloseTo(f.value - f.previous, 5);
    // the fixture by hand, so that the SQL above cannot agree with a wrong repository by both being empty
    expect(now).toMatchObject({
      'sent.total': 3,
      'target_group.1': 1,
      'target_group.2': 1,
      'target_group.3': 1,
      'sex.female': 2,
      'sex.male': 1,
      'ethnicity.minority': 1,
      'ethnicity.kinh': 1,
      'ethnicity.unknown': 1,
      'age.under35': 1,
      'age.35_45': 1,
      'age.46_55': 1,
      'age.over55': 0,
      'education.dai_hoc': 2,
      'theory.none': 1,
      'hosts.communes': 2,
      'hosts.especially_disadvantaged': 1,
      'hosts.especially_disadvantaged_share': 50,
      'returns.ended': 1,
      'returns.placed': 1,
      'returns.extra_step': 1,
      'evaluations.total': 1,
      'cadre_reports.due': 3,
      'cadre_reports.on_time': 1,
      'cadre_reports.late': 2,
      'documents.decisions': 2,
      'documents.decisions.send': 1,
      'documents.decisions.extend': 1,
      'training.courses': 1,
      'training.participants': 1,
      'training.committed': 4_000_000,
      'training.spent': 2_000_000,
      'sent.quota_target': 5,
      'sent.quota_gap': 1, // A: 2 − (a1, a2 and a3 proposed) = 0; B: 3 − (b1, b2) = 1
    });
    expect(before).toMatchObject({ 'sent.total': 1, 'age.over55': 1, 'evaluations.total': 1, 'training.committed': 700_000, 'documents.decisions': 1 });
    expect(r.json.units).toEqual([
      { unitId: u.deptA!.id, unitName: 'Sở Tài chính', assignedStaffing: 40, target: 2, decided: 2, gap: 0 },
      { unitId: u.deptB!.id, unitName: 'Sở Xây dựng', assignedStaffing: 60, target: 3, decided: 1, gap: 1 },
    ]);
    expect(r.json.documents.map((d: { number: string }) => d.number)).toEqual(['101/QĐ-UBND', '104/QĐ-UBND']);
    const audit = await q(`SELECT action FROM audit_log WHERE entity_type = 'report' AND entity_id = $1`, [r.json.id]);
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('saves the narrative at the version read, and refuses a stale version changing nothing', async () => {
    const narrative = { strengths: 'Các đơn vị cử đủ chỉ tiêu đúng thời hạn.', limits: 'Một số xã chưa bố trí chỗ ở.', tasks: 'Tiếp tục rà soát nhu cầu.' };
    const r = await call(app, 'PATCH', `/api/reports/${provinceReport.id}`, { session: s.ha, body: { version: provinceReport.version, narrative } });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.narrative).toEqual(narrative);
    expect(r.json.version).toBe(provinceReport.version + 1);
    const stale = await call(app, 'PATCH', `/api/reports/${provinceReport.id}`, {
      session: s.ha,
      body: { version: provinceReport.version, narrative: { strengths: 'Ghi đè' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('version_conflict');
    expect(stale.json.error.message).toMatch(/tải lại/);
    const now = (await q<{ narrative: unknown; version: number }>(`SELECT narrative, version FROM reports WHERE id = $1`, [provinceReport.id]))[0]!;
    expect(now).toEqual({ narrative, version: provinceReport.version + 1 });
    provinceReport = r.json;
  });

  it('prints the draft as a .docx in the Decree 30/2020 layout with every section and the annex tables', async () => {
    const text = await docxText(`/api/reports/${provinceReport.id}/report.docx`, s.ha);
    for (const x of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ',
      'SỞ NỘI VỤ',
      'DỰ THẢO',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch số 131/KH-UBND',
      'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
      'Các đơn vị cử đủ chỉ tiêu đúng thời hạn.',
      'Biểu 02. Kết quả cử cán bộ tăng cường theo đơn vị, so với chỉ tiêu',
      `Cần Thơ, ngày ${longDate(TODAY)}`,
      'Số:       /BC-SNV',
      // the facts the system states in section III
      'Đơn vị chưa cử đủ chỉ tiêu: Sở Xây dựng (còn thiếu 1).',
      'nộp chậm hoặc chưa nộp: 2 báo cáo.',
    ]) {
      expect(text).toContain(x);
    }
    // the annex row of Sở Tài chính: staffing 40, quota 2, two sent in the period, none lacking
    expect(text).toMatch(/1\nSở Tài chính\n40\n2\n2\n0\n/);
  });

  it('refuses an issue dated in the future or before the period, changing nothing', async () => {
    const early = await call(app, 'POST', `/api/reports/${provinceReport.id}/issue`, {
      session: s.ha,
      body: { version: provinceReport.version, issuedOn: addDays(FROM, -1), signerName: 'Nguyễn Văn Bình', signerTitle: 'Giám đốc' },
    });
    expect(early.status).toBe(422);
    expect(early.json.error.issues[0].message).toContain('trước ngày đầu kỳ');
    const r = await call(app, 'POST', `/api/reports/${provinceReport.id}/issue`, {
      session: s.ha,
      body: { version: provinceReport.version, issuedOn: addDays(TODAY, 1), signerName: 'Nguyễn Văn Bình', signerTitle: 'Giám đốc' },
    });
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0]).toMatchObject({ path: 'issuedOn' });
    expect(r.json.error.issues[0].message).toContain('không được sau ngày hôm nay');
    expect((await q(`SELECT status, number, version FROM reports WHERE id = $1`, [provinceReport.id]))[0]).toEqual({
      status: 'draft',
      number: null,
      version: provinceReport.version,
    });
  });

  it('issues it with the first number of Sở Nội vụ book, dated today, freezing its figures', async () => {
    const r = await call(app, 'POST', `/api/reports/${provinceReport.id}/issue`, {
      session: s.ha,
      body: { version: provinceReport.version, issuedOn: TODAY, signerName: 'Nguyễn Văn Bình', signerTitle: 'Giám đốc' },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ status: 'issued', number: '01/BC-SNV', issuedOn: TODAY, frozen: true, allowedActions: [] });
    issuedFigures = r.json.figures;
    expect(byKey(issuedFigures)).toEqual(await expectedFigures(FROM, TODAY, null));
    const audit = await q<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'report' AND entity_id = $1 ORDER BY id`, [provinceReport.id]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'export', 'issue']);
    issuedDocx = await docxText(`/api/reports/${provinceReport.id}/report.docx`, s.ha);
    expect(issuedDocx).toContain('Số: 01/BC-SNV');
    expect(issuedDocx).not.toContain('DỰ THẢO');
    expect(issuedDocx).toContain(`Cần Thơ, ngày ${longDate(TODAY)}`);
    // frozen: no more edits
    const edit = await call(app, 'PATCH', `/api/reports/${provinceReport.id}`, {
      session: s.ha,
      body: { version: r.json.version, narrative: { tasks: 'Sửa sau' } },
    });
    expect(edit.status).toBe(409);
    expect(edit.json.error.message).toContain('đã ban hành');
  });

  it('keeps the issued report frozen when the data changes, while a new draft of the same period moves', async () => {
    // one more cadre of Sở Xây dựng decided in the period, to the especially disadvantaged commune
    const more = (await makePerson(t.get().pool, { unitId: u.deptB!.id, gender: 'male', birthDate: '1995-02-02' })).id;
    const d = await decision('send', addDays(TODAY, -5));
    await second(more, u.deptB!, u.c1!, { status: 'decided', group: 1, decisionId: d });
    const issued = await call(app, 'GET', `/api/reports/${provinceReport.id}`, { session: s.authority });
    expect(issued.status).toBe(200);
    expect(issued.json.figures).toEqual(issuedFigures);
    expect(await docxText(`/api/reports/${provinceReport.id}/report.docx`, s.authority)).toBe(issuedDocx);
    const fresh = await call(app, 'POST', '/api/reports', { session: s.ha, body: { from: FROM, to: TODAY } });
    expect(fresh.status).toBe(201);
    const now = byKey(fresh.json.figures);
    expect(now['sent.total']).toBe(4);
    expect(now).toEqual(await expectedFigures(FROM, TODAY, null));
    expect(byKey(issuedFigures)['sent.total']).toBe(3);
    // a number used twice in the same year's book is refused, and the draft stays a draft
    const twice = await call(app, 'POST', `/api/reports/${fresh.json.id}/issue`, {
      session: s.ha,
      body: { version: fresh.json.version, seq: 1, issuedOn: TODAY, signerName: 'Nguyễn Văn Bình', signerTitle: 'Giám đốc' },
    });
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toContain('01/BC-SNV');
    expect((await q(`SELECT status, seq FROM reports WHERE id = $1`, [fresh.json.id]))[0]).toEqual({ status: 'draft', seq: null });
    const next = await call(app, 'POST', `/api/reports/${fresh.json.id}/issue`, {
      session: s.ha,
      body: { version: fresh.json.version, issuedOn: TODAY, signerName: 'Nguyễn Văn Bình', signerTitle: 'Giám đốc' },
    });
    expect(next.json.number).toBe('02/BC-SNV');
  });

  it('writes the annex tables to .xlsx with the same figures', async () => {
    const res = await send(app, `/api/reports/${provinceReport.id}/annex.xlsx`, { headers: { cookie: s.authority.cookie } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Biểu 01 - Số liệu')!;
    const rows = new Map<string, number>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(3).value), Number(row.getCell(6).value));
    });
    expect(Object.fromEntries(rows)).toEqual(byKey(issuedFigures));
    expect(wb.getWorksheet('Biểu 02 - Theo đơn vị')!.getRow(2).values).toEqual([undefined, 1, 'Sở Tài chính', 40, 2, 2, 0]);
  });
});

describe("a sending unit's own report", () => {
  let unitReport: { id: string };
  it('drafts the report of its own unit, counting only what it sent', async () => {
    const r = await call(app, 'POST', '/api/reports', { session: s.hrA, body: { from: FROM, to: TODAY, unitId: u.deptA!.id } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    unitReport = r.json;
    expect(byKey(r.json.figures)).toEqual(await expectedFigures(FROM, TODAY, u.deptA!.id));
    expect(byKey(r.json.figures)).toMatchObject({
      'sent.total': 2,
      'sent.quota_target': 2,
      'training.participants': 1,
      'returns.placed': 0,
      'documents.decisions': 1,
    });
    expect(r.json.units).toHaveLength(1);
    const issued = await call(app, 'POST', `/api/reports/${r.json.id}/issue`, {
      session: s.mgrA,
      body: { version: r.json.version, issuedOn: TODAY, signerName: 'Lê Văn Cường', signerTitle: 'Giám đốc' },
    });
    expect(issued.status, JSON.stringify(issued.json)).toBe(200);
    expect(issued.json.number).toBe('01/BC-STC'); // its own book, from 01
  });

  it('refuses what lies outside its side', async () => {
    // another unit's report, and the province's: not found
    expect((await call(app, 'GET', `/api/reports/${unitReport.id}`, { session: s.hrB })).status).toBe(404);
    expect((await call(app, 'GET', `/api/reports/${provinceReport.id}`, { session: s.hrA })).status).toBe(404);
    expect((await call(app, 'GET', `/api/reports/${provinceReport.id}/report.docx`, { session: s.hrA })).status).toBe(404);
    const list = await call(app, 'GET', '/api/reports', { session: s.hrB });
    expect(list.json.items).toEqual([]);
    const mine = await call(app, 'GET', '/api/reports', { session: s.hrA });
    expect(mine.json.items.map((x: { id: string }) => x.id)).toEqual([unitReport.id]);
    // a draft of the province's report or of another unit's
    const province = await call(app, 'POST', '/api/reports', { session: s.hrA, body: { from: FROM, to: TODAY } });
    expect(province.status).toBe(403);
    expect((await call(app, 'POST', '/api/reports', { session: s.hrA, body: { from: FROM, to: TODAY, unitId: u.deptB!.id } })).status).toBe(404);
    // a host commune has no report route at all
    expect((await call(app, 'GET', `/api/reports/${provinceReport.id}`, { session: s.host })).status).toBe(403);
    expect((await call(app, 'GET', '/api/reports', { session: s.host })).status).toBe(403);
    // the authority reads but does not write; Sở Nội vụ reads a unit's report but does not issue it for the unit
    expect((await call(app, 'GET', `/api/reports/${unitReport.id}`, { session: s.ha })).status).toBe(200);
    expect((await call(app, 'POST', '/api/reports', { session: s.authority, body: { from: FROM, to: TODAY } })).status).toBe(403);
    const d = await call(app, 'POST', '/api/reports', { session: s.hrA, body: { from: FROM, to: TODAY, unitId: u.deptA!.id } });
    const byHa = await call(app, 'PATCH', `/api/reports/${d.json.id}`, { session: s.ha, body: { version: d.json.version, narrative: { tasks: 'Sở Nội vụ sửa' } } });
    expect(byHa.status).toBe(403);
    expect((await q(`SELECT narrative FROM reports WHERE id = $1`, [d.json.id]))[0]).toEqual({ narrative: {} });
    const haView = await call(app, 'GET', `/api/reports/${d.json.id}`, { session: s.ha });
    expect(haView.json.allowedActions).toEqual([]);
    // the authority reads a draft live, with the same figures as its author
    const authorityView = await call(app, 'GET', `/api/reports/${d.json.id}`, { session: s.authority });
    expect(authorityView.status).toBe(200);
    expect(authorityView.json.allowedActions).toEqual([]);
    expect(byKey(authorityView.json.figures)).toEqual(byKey(d.json.figures));
  });

  it('refuses a period ending before it starts, and a host commune as the unit', async () => {
    const bad = await call(app, 'POST', '/api/reports', { session: s.ha, body: { from: TODAY, to: FROM } });
    expect(bad.status).toBe(422);
    const commune = await call(app, 'POST', '/api/reports', { session: s.ha, body: { from: FROM, to: TODAY, unitId: u.c1!.id } });
    expect(commune.status).toBe(422);
    expect(commune.json.error.issues[0].path).toBe('unitId');
  });
});
