import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';
import { unitSubtree } from '../scope.js';
import { CATEGORIES } from '../../../common/enums.js';
import { COURSE_KINDS, COURSE_LOCATIONS, FUNDING_SOURCES, POSTGRADUATE_KINDS, SEAT_STATUSES } from '../../../common/training.js';
import type { FigureScope } from './reports.repository.js';

const num = (v: unknown) => Number(v ?? 0);
const asNumbers = (row: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, num(v)])) as Record<string, number>;
const lit = (v: string) => sql.raw(`'${v.replace(/'/g, "''")}'`);

/**
 * The annual training report (Decree 171/2025 Art. 39) for a year and a scope (the province, or the sending unit whose
 * budget pays): the courses that started in it by kind and place; the people on a seat of them (one row a seat) by
 * kind, place, category, sex and ethnicity, as the actor sees the people; the seats completed in it. One aggregate
 * over the enrolments.
 */
export async function trainingYearFigures(tx: Tx, f: FigureScope, visiblePeople: SQL): Promise<Record<string, number>> {
  const budgetUnit = (col: string) => (f.unitId ? sql`${sql.raw(col)} IN ${unitSubtree(f.unitId)}` : sql`TRUE`);
  const seats = pgArray(SEAT_STATUSES);
  const perCourse = [
    ...COURSE_KINDS.map((k) => sql`count(*) FILTER (WHERE c.kind = ${lit(k)})::int AS ${sql.raw(`"courses_kind_${k}"`)}`),
    ...COURSE_LOCATIONS.map((l) => sql`count(*) FILTER (WHERE c.location = ${lit(l)})::int AS ${sql.raw(`"courses_location_${l}"`)}`),
  ];
  const perSeat = [
    ...COURSE_KINDS.map((k) => sql`count(*) FILTER (WHERE c.kind = ${lit(k)})::int AS ${sql.raw(`"kind_${k}"`)}`),
    ...COURSE_LOCATIONS.map((l) => sql`count(*) FILTER (WHERE c.location = ${lit(l)})::int AS ${sql.raw(`"location_${l}"`)}`),
    ...CATEGORIES.map((x) => sql`count(*) FILTER (WHERE p.category = ${lit(x)})::int AS ${sql.raw(`"category_${x}"`)}`),
  ];
  const courses = await tx.execute<Record<string, unknown>>(sql`
    SELECT count(*)::int AS courses, ${sql.join(perCourse, sql`, `)}
    FROM training_courses c WHERE c.start_date BETWEEN ${f.from}::date AND ${f.to}::date
      AND ${f.unitId ? sql`EXISTS (SELECT 1 FROM training_enrolments te WHERE te.course_id = c.id AND te.status = ANY(${seats}::text[]) AND ${budgetUnit('te.budget_unit_id')})` : sql`TRUE`}`);
  const people = await tx.execute<Record<string, unknown>>(sql`
    SELECT count(*)::int AS participants, ${sql.join(perSeat, sql`, `)},
      count(*) FILTER (WHERE c.kind = ANY(${pgArray(POSTGRADUATE_KINDS)}::text[]))::int AS postgraduate,
      count(*) FILTER (WHERE p.gender = 'male')::int AS male,
      count(*) FILTER (WHERE p.gender = 'female')::int AS female,
      count(*) FILTER (WHERE eg.is_minority)::int AS minority
    FROM training_enrolments te JOIN training_courses c ON c.id = te.course_id JOIN people p ON p.id = te.person_id
      LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code
    WHERE c.start_date BETWEEN ${f.from}::date AND ${f.to}::date AND te.status = ANY(${seats}::text[]) AND ${budgetUnit('te.budget_unit_id')} AND ${visiblePeople}`);
  const done = await tx.execute<Record<string, unknown>>(sql`
    SELECT count(*)::int AS completed FROM training_enrolments te JOIN people p ON p.id = te.person_id
    WHERE te.status = 'completed' AND te.completed_on BETWEEN ${f.from}::date AND ${f.to}::date AND ${budgetUnit('te.budget_unit_id')} AND ${visiblePeople}`);
  return { ...asNumbers(courses.rows[0]), ...asNumbers(people.rows[0]), ...asNumbers(done.rows[0]) };
}

/** The budget committed (less releases) and spent by ledger entries dated in the year, per funding source, on the scope's budgets. */
export async function trainingBudgetBySource(tx: Tx, f: FigureScope): Promise<Record<string, number>> {
  const unit = f.unitId ? sql`b.unit_id IN ${unitSubtree(f.unitId)}` : sql`TRUE`;
  const cols = FUNDING_SOURCES.flatMap((s) => [
    sql`coalesce(sum(CASE l.kind WHEN 'commit' THEN l.amount_vnd WHEN 'release' THEN -l.amount_vnd ELSE 0 END) FILTER (WHERE b.funding_source = ${lit(s)}), 0)::float8 AS ${sql.raw(`"committed_${s}"`)}`,
    sql`coalesce(sum(l.amount_vnd) FILTER (WHERE l.kind = 'spend' AND b.funding_source = ${lit(s)}), 0)::float8 AS ${sql.raw(`"spent_${s}"`)}`,
  ]);
  const r = await tx.execute<Record<string, unknown>>(sql`
    SELECT ${sql.join(cols, sql`, `)} FROM training_ledger l JOIN training_budgets b ON b.id = l.budget_id
    WHERE l.entry_date BETWEEN ${f.from}::date AND ${f.to}::date AND ${unit}`);
  return asNumbers(r.rows[0]);
}

/**
 * Repayments of training costs (Decree 171/2025 Art. 7–13): decided in the year (count and amount), paid in it, and
 * those waived whose computation was made in it — for the enrolments of the scope's budget, as the actor sees the people.
 */
export async function trainingRepaymentFigures(tx: Tx, f: FigureScope, visiblePeople: SQL): Promise<Record<string, number>> {
  const unit = f.unitId ? sql`te.budget_unit_id IN ${unitSubtree(f.unitId)}` : sql`TRUE`;
  const r = await tx.execute<Record<string, unknown>>(sql`
    SELECT
      count(*) FILTER (WHERE r.decided_on BETWEEN ${f.from}::date AND ${f.to}::date)::int AS decided,
      coalesce(sum(r.amount_vnd) FILTER (WHERE r.decided_on BETWEEN ${f.from}::date AND ${f.to}::date), 0)::float8 AS decided_amount,
      coalesce(sum(r.paid_vnd) FILTER (WHERE r.paid_on BETWEEN ${f.from}::date AND ${f.to}::date), 0)::float8 AS paid_amount,
      count(*) FILTER (WHERE r.status = 'waived' AND (r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${f.from}::date AND ${f.to}::date)::int AS waived
    FROM training_repayments r JOIN training_enrolments te ON te.id = r.enrolment_id JOIN people p ON p.id = te.person_id
    WHERE ${unit} AND ${visiblePeople}`);
  return asNumbers(r.rows[0]);
}
