import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';
import { unitSubtree } from '../scope.js';
import { SECONDMENT_DECIDED_STATUSES } from '../../../common/secondment.js';
import { SEAT_STATUSES } from '../../../common/training.js';

/** The period and scope of a report's figures: Vietnam dates, and the sending unit whose subtree it covers (null: the province). */
export interface FigureScope {
  from: string;
  to: string;
  unitId: string | null;
}

/** A secondment `s` sent from the report's scope (the province: every one). */
const sentFromScope = (unitId: string | null): SQL => (unitId ? sql`s.sending_unit_id IN ${unitSubtree(unitId)}` : sql`TRUE`);
const decided = sql`s.status = ANY(${pgArray(SECONDMENT_DECIDED_STATUSES)}::text[])`;
const num = (v: unknown) => Number(v ?? 0);

/**
 * The cadres decided for secondment in the period (a send decision dated in it), by the breakdowns of section II
 * (Biểu 11-BTCTW rows): target group, sex, ethnicity, age band at the period's end, education, political theory,
 * with their host communes and the especially disadvantaged ones among them. One aggregate over the sent rows.
 */
export async function sentBreakdown(tx: Tx, f: FigureScope, visible: SQL) {
  const r = await tx.execute<Record<string, unknown>>(sql`
    WITH sent AS (
      SELECT s.id, s.target_group, s.host_unit_id, p.gender, p.education_level, p.political_theory, eg.is_minority,
        extract(year FROM age(${f.to}::date, p.birth_date))::int AS age
      FROM secondments s
      JOIN people p ON p.id = s.person_id
      LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code
      WHERE ${decided} AND ${sentFromScope(f.unitId)} AND ${visible}
        AND EXISTS (SELECT 1 FROM secondment_decision_items di JOIN secondment_decisions d ON d.id = di.decision_id
          WHERE di.secondment_id = s.id AND d.kind = 'send' AND d.decided_on BETWEEN ${f.from}::date AND ${f.to}::date)
    )
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE target_group = 1)::int AS group1,
      count(*) FILTER (WHERE target_group = 2)::int AS group2,
      count(*) FILTER (WHERE target_group = 3)::int AS group3,
      count(*) FILTER (WHERE gender = 'male')::int AS male,
      count(*) FILTER (WHERE gender = 'female')::int AS female,
      count(*) FILTER (WHERE is_minority = false)::int AS kinh,
      count(*) FILTER (WHERE is_minority = true)::int AS minority,
      count(*) FILTER (WHERE is_minority IS NULL)::int AS ethnic_unknown,
      count(*) FILTER (WHERE age < 35)::int AS age_under35,
      count(*) FILTER (WHERE age BETWEEN 35 AND 45)::int AS age_35_45,
      count(*) FILTER (WHERE age BETWEEN 46 AND 55)::int AS age_46_55,
      count(*) FILTER (WHERE age > 55)::int AS age_over55,
      count(*) FILTER (WHERE education_level = 'trung_cap')::int AS edu_trung_cap,
      count(*) FILTER (WHERE education_level = 'cao_dang')::int AS edu_cao_dang,
      count(*) FILTER (WHERE education_level = 'dai_hoc')::int AS edu_dai_hoc,
      count(*) FILTER (WHERE education_level = 'thac_si')::int AS edu_thac_si,
      count(*) FILTER (WHERE education_level = 'tien_si')::int AS edu_tien_si,
      count(*) FILTER (WHERE education_level IS NULL)::int AS edu_none,
      count(*) FILTER (WHERE political_theory = 'so_cap')::int AS pt_so_cap,
      count(*) FILTER (WHERE political_theory = 'trung_cap')::int AS pt_trung_cap,
      count(*) FILTER (WHERE political_theory = 'cao_cap')::int AS pt_cao_cap,
      count(*) FILTER (WHERE political_theory = 'cu_nhan')::int AS pt_cu_nhan,
      count(*) FILTER (WHERE political_theory IS NULL)::int AS pt_none,
      count(DISTINCT host_unit_id)::int AS host_communes,
      (SELECT count(*)::int FROM org_units h WHERE h.is_especially_disadvantaged AND h.id IN (SELECT host_unit_id FROM sent)) AS host_dbkk
    FROM sent`);
  const row = r.rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, num(v)])) as Record<string, number>;
}

/** The cadres each sending unit of the scope had decided in the period (for the quota table). */
export async function sentByUnit(tx: Tx, f: FigureScope, visible: SQL): Promise<Map<string, number>> {
  const r = await tx.execute<{ unitId: string; n: number }>(sql`
    SELECT s.sending_unit_id AS "unitId", count(*)::int AS n FROM secondments s
    WHERE ${decided} AND ${sentFromScope(f.unitId)} AND ${visible}
      AND EXISTS (SELECT 1 FROM secondment_decision_items di JOIN secondment_decisions d ON d.id = di.decision_id
        WHERE di.secondment_id = s.id AND d.kind = 'send' AND d.decided_on BETWEEN ${f.from}::date AND ${f.to}::date)
    GROUP BY s.sending_unit_id`);
  return new Map(r.rows.map((x) => [x.unitId, x.n]));
}

/** Terms ended in the period (the cadre left the commune), placements on return made in it, evaluations recorded in it. */
export async function returnsAndEvaluations(tx: Tx, f: FigureScope, visible: SQL) {
  const r = await tx.execute<Record<string, unknown>>(sql`
    SELECT
      count(*) FILTER (WHERE s.actual_end_date BETWEEN ${f.from}::date AND ${f.to}::date AND s.status IN ('completed', 'ended_early', 'returned'))::int AS ended,
      count(*) FILTER (WHERE s.actual_end_date BETWEEN ${f.from}::date AND ${f.to}::date AND (s.status = 'ended_early'
        OR EXISTS (SELECT 1 FROM secondment_decision_items di JOIN secondment_decisions d ON d.id = di.decision_id WHERE di.secondment_id = s.id AND d.kind = 'end_early')))::int AS ended_early,
      count(*) FILTER (WHERE s.status = 'returned' AND s.returned_on BETWEEN ${f.from}::date AND ${f.to}::date)::int AS placed,
      count(*) FILTER (WHERE s.status = 'returned' AND s.returned_on BETWEEN ${f.from}::date AND ${f.to}::date AND s.extra_step_granted)::int AS extra_step,
      coalesce(sum((SELECT count(*) FROM secondment_evaluations e WHERE e.secondment_id = s.id AND e.evaluated_on BETWEEN ${f.from}::date AND ${f.to}::date)), 0)::int AS evaluations
    FROM secondments s
    WHERE ${decided} AND ${sentFromScope(f.unitId)} AND ${visible}`);
  const row = r.rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, num(v)])) as Record<string, number>;
}

/**
 * The cadres' reports due in the period (periodic and on request, not cancelled): submitted by their due date, and
 * late — submitted after it, or still missing when their due date has passed by `today`.
 */
export async function cadreReportFigures(tx: Tx, f: FigureScope, visible: SQL, today: string) {
  const r = await tx.execute<Record<string, unknown>>(sql`
    SELECT count(*)::int AS due,
      count(*) FILTER (WHERE sr.submitted_on <= sr.due_on)::int AS on_time,
      count(*) FILTER (WHERE sr.submitted_on > sr.due_on OR (sr.submitted_on IS NULL AND sr.due_on < ${today}::date))::int AS late
    FROM secondment_reports sr JOIN secondments s ON s.id = sr.secondment_id
    WHERE sr.cancelled_at IS NULL AND sr.due_on BETWEEN ${f.from}::date AND ${f.to}::date AND ${sentFromScope(f.unitId)} AND ${visible}`);
  const row = r.rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, num(v)])) as Record<string, number>;
}

/**
 * Training in the period: the courses that started in it (for a unit, those with one of its people on a seat), the
 * participants on a seat of those courses whose budget is the scope's, and the budget committed (less releases) and
 * spent by ledger entries dated in the period.
 */
export async function trainingFigures(tx: Tx, f: FigureScope) {
  const budgetUnit = (col: string) => (f.unitId ? sql`${sql.raw(col)} IN ${unitSubtree(f.unitId)}` : sql`TRUE`);
  const seats = pgArray(SEAT_STATUSES);
  const r = await tx.execute<Record<string, unknown>>(sql`
    SELECT
      (SELECT count(*)::int FROM training_courses c WHERE c.start_date BETWEEN ${f.from}::date AND ${f.to}::date
        AND ${f.unitId ? sql`EXISTS (SELECT 1 FROM training_enrolments te WHERE te.course_id = c.id AND te.status = ANY(${seats}::text[]) AND ${budgetUnit('te.budget_unit_id')})` : sql`TRUE`}) AS courses,
      (SELECT count(*)::int FROM training_enrolments te JOIN training_courses c ON c.id = te.course_id
        WHERE c.start_date BETWEEN ${f.from}::date AND ${f.to}::date AND te.status = ANY(${seats}::text[]) AND ${budgetUnit('te.budget_unit_id')}) AS participants,
      (SELECT count(*)::int FROM training_enrolments te JOIN training_courses c ON c.id = te.course_id
        WHERE te.completed_on BETWEEN ${f.from}::date AND ${f.to}::date AND te.status = 'completed' AND ${budgetUnit('te.budget_unit_id')}) AS completed,
      (SELECT coalesce(sum(CASE l.kind WHEN 'commit' THEN l.amount_vnd WHEN 'release' THEN -l.amount_vnd ELSE 0 END), 0)::float8
        FROM training_ledger l JOIN training_budgets b ON b.id = l.budget_id
        WHERE l.entry_date BETWEEN ${f.from}::date AND ${f.to}::date AND ${budgetUnit('b.unit_id')}) AS committed,
      (SELECT coalesce(sum(l.amount_vnd), 0)::float8 FROM training_ledger l JOIN training_budgets b ON b.id = l.budget_id
        WHERE l.kind = 'spend' AND l.entry_date BETWEEN ${f.from}::date AND ${f.to}::date AND ${budgetUnit('b.unit_id')}) AS spent`);
  const row = r.rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, num(v)])) as Record<string, number>;
}

/**
 * Section I: the plan (and its versions) taking effect in the period, and the decisions issued in it — for a unit's
 * report, those covering one of its secondments or issued by it.
 */
export async function documentsIssued(tx: Tx, f: FigureScope, visibleDecision: SQL) {
  const plans = await tx.execute<{ kind: 'plan' | 'plan_version'; number: string; date: string; title: string }>(sql`
    SELECT 'plan' AS kind, p.code AS number, p.issued_on::text AS date, p.title FROM plans p WHERE p.issued_on BETWEEN ${f.from}::date AND ${f.to}::date
    UNION ALL
    SELECT 'plan_version', p.code, v.effective_from::text, 'Điều chỉnh tham số Kế hoạch (phiên bản ' || v.version || ')' || coalesce(': ' || v.note, '')
    FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.version > 1 AND v.effective_from BETWEEN ${f.from}::date AND ${f.to}::date
    ORDER BY 3, 2`);
  const mine = f.unitId
    ? sql`(d.issuer_unit_id IN ${unitSubtree(f.unitId)} OR EXISTS (SELECT 1 FROM secondment_decision_items di JOIN secondments s ON s.id = di.secondment_id
        WHERE di.decision_id = d.id AND ${sentFromScope(f.unitId)}))`
    : sql`TRUE`;
  const decisions = await tx.execute<{ number: string; date: string; decisionKind: string; items: number }>(sql`
    SELECT d.number, d.decided_on::text AS date, d.kind AS "decisionKind",
      (SELECT count(*)::int FROM secondment_decision_items di WHERE di.decision_id = d.id) AS items
    FROM secondment_decisions d
    WHERE d.decided_on BETWEEN ${f.from}::date AND ${f.to}::date AND ${mine} AND ${visibleDecision}
    ORDER BY d.decided_on, d.year, d.seq`);
  return { plans: plans.rows, decisions: decisions.rows };
}

/** The city-level units in the subtree of `unitId` (for the quota table of a unit's report). */
export async function unitIdsUnder(tx: Tx, unitId: string): Promise<Set<string>> {
  const r = await tx.execute<{ id: string }>(sql`SELECT su.id FROM org_units su WHERE su.path @> ARRAY[${unitId}::uuid]`);
  return new Set(r.rows.map((x) => x.id));
}

// ---------------------------------------------------------------- the reports themselves

export type ReportRow = {
  id: string;
  periodFrom: string;
  periodTo: string;
  unitId: string | null;
  unitName: string | null;
  unitPath: string[] | null;
  unitCode: string | null;
  status: 'draft' | 'issued';
  narrative: Record<string, string>;
  figures: unknown;
  year: number | null;
  seq: number | null;
  number: string | null;
  issuedOn: string | null;
  signerName: string | null;
  signerTitle: string | null;
  dueOn: string | null;
  updatedAt: string;
  version: number;
};

const REPORT_COLUMNS = sql`r.id, r.period_from::text AS "periodFrom", r.period_to::text AS "periodTo", r.unit_id AS "unitId", u.name AS "unitName",
  u.path::text[] AS "unitPath", u.code AS "unitCode", r.status, r.narrative, r.figures, r.year, r.seq, r.number, r.issued_on::text AS "issuedOn",
  r.signer_name AS "signerName", r.signer_title AS "signerTitle", r.due_on::text AS "dueOn", to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", r.version`;

export async function findReport(tx: Tx, id: string, scope: SQL): Promise<ReportRow | null> {
  const r = await tx.execute<ReportRow>(
    sql`SELECT ${REPORT_COLUMNS} FROM reports r LEFT JOIN org_units u ON u.id = r.unit_id WHERE r.id = ${id}::uuid AND ${scope}`,
  );
  return r.rows[0] ?? null;
}

export async function listReports(
  tx: Tx,
  scope: SQL,
  q: { unitId?: string; issuer?: 'province' | 'units'; status?: 'draft' | 'issued' | 'late'; today: string },
): Promise<ReportRow[]> {
  const where = [scope];
  if (q.unitId) where.push(sql`r.unit_id = ${q.unitId}::uuid`);
  if (q.issuer) where.push(q.issuer === 'province' ? sql`r.unit_id IS NULL` : sql`r.unit_id IS NOT NULL`);
  if (q.status === 'late') where.push(sql`r.due_on IS NOT NULL AND ((r.status = 'draft' AND r.due_on < ${q.today}::date) OR r.issued_on > r.due_on)`);
  else if (q.status) where.push(sql`r.status = ${q.status}`);
  const r = await tx.execute<ReportRow>(sql`SELECT ${REPORT_COLUMNS} FROM reports r LEFT JOIN org_units u ON u.id = r.unit_id
    WHERE ${sql.join(where, sql` AND `)} ORDER BY r.period_to DESC, r.unit_id NULLS FIRST, u.sort_order, r.created_at DESC LIMIT 500`);
  return r.rows;
}

export async function insertReport(tx: Tx, x: { from: string; to: string; unitId: string | null; userId: string; dueOn?: string | null }): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO reports (period_from, period_to, unit_id, due_on, created_by, updated_by)
    VALUES (${x.from}::date, ${x.to}::date, ${x.unitId}::uuid, ${x.dueOn ?? null}::date, ${x.userId}::uuid, ${x.userId}::uuid) RETURNING id`);
  return r.rows[0].id;
}

/** Saves the narrative of a draft at the given version; false when the version is stale (or the report issued). */
export async function updateReportNarrative(tx: Tx, id: string, version: number, narrative: Record<string, string>, userId: string): Promise<boolean> {
  const r =
    await tx.execute(sql`UPDATE reports SET narrative = ${JSON.stringify(narrative)}::jsonb, updated_by = ${userId}::uuid, updated_at = now(), version = version + 1
    WHERE id = ${id}::uuid AND version = ${version} AND status = 'draft' RETURNING id`);
  return r.rows.length > 0;
}

/** Issues a draft at the given version with its number and frozen figures; false when the version is stale. */
export async function markReportIssued(
  tx: Tx,
  id: string,
  version: number,
  x: { year: number; seq: number; number: string; issuedOn: string; signerName: string; signerTitle: string; figures: unknown; userId: string },
): Promise<boolean> {
  const r = await tx.execute(sql`UPDATE reports SET status = 'issued', year = ${x.year}, seq = ${x.seq}, number = ${x.number}, issued_on = ${x.issuedOn}::date,
      signer_name = ${x.signerName}, signer_title = ${x.signerTitle}, figures = ${JSON.stringify(x.figures)}::jsonb,
      updated_by = ${x.userId}::uuid, updated_at = now(), version = version + 1
    WHERE id = ${id}::uuid AND version = ${version} AND status = 'draft' RETURNING id`);
  return r.rows.length > 0;
}

const bookOf = (unitId: string | null) =>
  sql`coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(${unitId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`;

/** Serialises the numbering of one book's year (Sở Nội vụ's, or a unit's). */
export async function lockReportBook(tx: Tx, year: number, unitId: string | null) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('reports:' || ${unitId ?? 'snv'}), ${year})`);
}

export async function nextReportSeq(tx: Tx, year: number, unitId: string | null): Promise<number> {
  const r = await tx.execute<{ n: number }>(
    sql`SELECT coalesce(max(seq), 0)::int + 1 AS n FROM reports WHERE year = ${year} AND status = 'issued' AND ${bookOf(unitId)}`,
  );
  return r.rows[0].n;
}

export async function reportSeqTaken(tx: Tx, year: number, seq: number, unitId: string | null): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM reports WHERE year = ${year} AND seq = ${seq} AND status = 'issued' AND ${bookOf(unitId)}`);
  return r.rows.length > 0;
}
