import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { ReferenceTable } from '../../../common/schemas/reference.js';
import type { ReferenceRowValues } from '../../domain/reference/reference-draft.js';
import { pgArray } from '../sql-helpers.js';

/** The rows of each dated reference table as the what-if and the list read them (camelCase, dates as text). */
const SELECTS: Record<ReferenceTable, SQL> = {
  base_salaries: sql`SELECT effective_from::text AS "effectiveFrom", amount_vnd::bigint::float8 AS "amountVnd", instrument FROM base_salaries`,
  allowance_multipliers: sql`SELECT effective_from::text AS "effectiveFrom", multiplier::float8 AS multiplier, instrument FROM allowance_multipliers`,
  discipline_forms: sql`SELECT code, name, applies_to AS "appliesTo", bar_months AS "barMonths", effective_from::text AS "effectiveFrom",
    effective_to::text AS "effectiveTo", instrument FROM discipline_forms`,
  key_posts: sql`SELECT title, level, effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo", instrument, sort_order AS "sortOrder" FROM key_posts`,
  training_regulations: sql`SELECT category, effective_from::text AS "effectiveFrom", params, instrument FROM training_regulations`,
  rating_instruments: sql`SELECT category, effective_from::text AS "effectiveFrom", has_points AS "hasPoints", instrument FROM rating_instruments`,
};
const ORDER: Record<ReferenceTable, SQL> = {
  base_salaries: sql`ORDER BY effective_from`,
  allowance_multipliers: sql`ORDER BY effective_from`,
  discipline_forms: sql`ORDER BY effective_from DESC, code`,
  key_posts: sql`ORDER BY level, effective_from DESC, sort_order, title`,
  training_regulations: sql`ORDER BY category, effective_from`,
  rating_instruments: sql`ORDER BY category, effective_from`,
};

/** The condition on the primary key of a row. */
function keyWhere(table: ReferenceTable, k: Record<string, unknown>): SQL {
  const from = sql`effective_from = ${String(k.effectiveFrom)}::date`;
  switch (table) {
    case 'base_salaries':
    case 'allowance_multipliers':
      return from;
    case 'discipline_forms':
      return sql`code = ${String(k.code)} AND ${from}`;
    case 'key_posts':
      return sql`title = ${String(k.title)} AND level = ${String(k.level)} AND ${from}`;
    case 'training_regulations':
    case 'rating_instruments':
      return sql`category = ${String(k.category)} AND ${from}`;
  }
}

export async function listReferenceRows(tx: Tx, table: ReferenceTable): Promise<ReferenceRowValues[]> {
  return (await tx.execute<ReferenceRowValues>(sql`${SELECTS[table]} ${ORDER[table]}`)).rows;
}

/** The row of that key, locked when `forUpdate` (saving). */
export async function findReferenceRow(tx: Tx, table: ReferenceTable, key: Record<string, unknown>, forUpdate = false): Promise<ReferenceRowValues | null> {
  const r = await tx.execute<ReferenceRowValues>(sql`${SELECTS[table]} WHERE ${keyWhere(table, key)} ${forUpdate ? sql`FOR UPDATE` : sql``}`);
  return r.rows[0] ?? null;
}

/** What a new row may leave out: a discipline form's name from its latest row; a key post after the others of its date. */
export async function referenceRowDefaults(tx: Tx, table: ReferenceTable, key: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (table === 'discipline_forms') {
    const r = await tx.execute<{ name: string }>(sql`SELECT name FROM discipline_forms WHERE code = ${String(key.code)} ORDER BY effective_from DESC LIMIT 1`);
    return r.rows[0] ? { name: r.rows[0].name } : {};
  }
  if (table === 'key_posts') {
    const r = await tx.execute<{ n: number }>(sql`SELECT coalesce(max(sort_order), 0)::int + 1 AS n FROM key_posts WHERE level = ${String(key.level)}`);
    return { sortOrder: r.rows[0]?.n ?? 1 };
  }
  return {};
}

/** Inserts the row, or replaces the one of the same key. */
export async function upsertReferenceRow(tx: Tx, table: ReferenceTable, r: ReferenceRowValues): Promise<void> {
  const from = sql`${r.effectiveFrom}::date`;
  switch (table) {
    case 'base_salaries':
      await tx.execute(sql`INSERT INTO base_salaries (effective_from, amount_vnd, instrument) VALUES (${from}, ${Number(r.amountVnd)}, ${r.instrument})
        ON CONFLICT (effective_from) DO UPDATE SET amount_vnd = EXCLUDED.amount_vnd, instrument = EXCLUDED.instrument`);
      return;
    case 'allowance_multipliers':
      await tx.execute(sql`INSERT INTO allowance_multipliers (effective_from, multiplier, instrument) VALUES (${from}, ${String(r.multiplier)}::numeric, ${r.instrument})
        ON CONFLICT (effective_from) DO UPDATE SET multiplier = EXCLUDED.multiplier, instrument = EXCLUDED.instrument`);
      return;
    case 'discipline_forms':
      await tx.execute(sql`INSERT INTO discipline_forms (code, name, applies_to, bar_months, effective_from, effective_to, instrument)
        VALUES (${String(r.code)}, ${String(r.name)}, ${pgArray(r.appliesTo as string[])}::text[], ${Number(r.barMonths)}, ${from}, ${r.effectiveTo ?? null}::date, ${r.instrument})
        ON CONFLICT (code, effective_from) DO UPDATE SET name = EXCLUDED.name, applies_to = EXCLUDED.applies_to, bar_months = EXCLUDED.bar_months,
          effective_to = EXCLUDED.effective_to, instrument = EXCLUDED.instrument`);
      return;
    case 'key_posts':
      await tx.execute(sql`INSERT INTO key_posts (title, level, effective_from, effective_to, instrument, sort_order)
        VALUES (${String(r.title)}, ${String(r.level)}, ${from}, ${r.effectiveTo ?? null}::date, ${r.instrument}, ${Number(r.sortOrder ?? 0)})
        ON CONFLICT (title, level, effective_from) DO UPDATE SET effective_to = EXCLUDED.effective_to, instrument = EXCLUDED.instrument, sort_order = EXCLUDED.sort_order`);
      return;
    case 'training_regulations':
      await tx.execute(sql`INSERT INTO training_regulations (category, effective_from, params, instrument)
        VALUES (${String(r.category)}, ${from}, ${JSON.stringify(r.params)}::jsonb, ${r.instrument})
        ON CONFLICT (category, effective_from) DO UPDATE SET params = EXCLUDED.params, instrument = EXCLUDED.instrument`);
      return;
    case 'rating_instruments':
      await tx.execute(sql`INSERT INTO rating_instruments (category, effective_from, has_points, instrument)
        VALUES (${String(r.category)}, ${from}, ${Boolean(r.hasPoints)}, ${r.instrument})
        ON CONFLICT (category, effective_from) DO UPDATE SET has_points = EXCLUDED.has_points, instrument = EXCLUDED.instrument`);
      return;
  }
}

export type ReferenceChangeRow = {
  id: string;
  table: string;
  action: string;
  rowKey: Record<string, unknown>;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  instrument: string;
  reason: string;
  authorName: string;
  createdAt: string;
};

export async function insertReferenceChange(
  tx: Tx,
  c: {
    table: ReferenceTable;
    action: string;
    rowKey: unknown;
    before: unknown;
    after: unknown;
    instrument: string;
    reason: string;
    authorUserId: string;
    authorName: string;
  },
): Promise<string> {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO reference_changes (table_name, action, row_key, before, after, instrument, reason, author_user_id, author_name)
    VALUES (${c.table}, ${c.action}, ${JSON.stringify(c.rowKey)}::jsonb, ${c.before === null ? null : JSON.stringify(c.before)}::jsonb,
      ${c.after === null ? null : JSON.stringify(c.after)}::jsonb, ${c.instrument}, ${c.reason}, ${c.authorUserId}::uuid, ${c.authorName})
    RETURNING id`);
  return r.rows[0].id;
}

/** The latest changes made through the product, newest first. */
export async function listReferenceChanges(tx: Tx, limit = 200): Promise<ReferenceChangeRow[]> {
  const r = await tx.execute<ReferenceChangeRow>(sql`SELECT id, table_name AS "table", action, row_key AS "rowKey", before, after, instrument, reason,
    author_name AS "authorName", created_at AS "createdAt" FROM reference_changes ORDER BY created_at DESC, id LIMIT ${limit}`);
  return r.rows.map((x) => ({ ...x, createdAt: new Date(x.createdAt).toISOString() }));
}

/** The supplementary budgets computed so far, with the inputs their computation stored (the what-if recomputes them). */
export async function listComputedSupplementaryBudgets(tx: Tx) {
  const r = await tx.execute<{
    id: string;
    unitName: string;
    year: number;
    amountVnd: string;
    computedVnd: string | null;
    overridden: boolean;
    computation: Record<string, unknown>;
  }>(
    sql`SELECT b.id, u.name AS "unitName", b.year, b.amount_vnd::text AS "amountVnd", b.computed_vnd::text AS "computedVnd",
      (b.override_reason IS NOT NULL) AS overridden, b.computation
    FROM training_budgets b JOIN org_units u ON u.id = b.unit_id
    WHERE b.funding_source = 'supplementary' AND b.computation IS NOT NULL ORDER BY u.name, b.year`,
  );
  return r.rows;
}

/** The repayments recorded, with what their amount is computed from (the what-if recomputes them). */
export async function listRepaymentFacts(tx: Tx) {
  const r = await tx.execute<{
    id: string;
    amountVnd: string;
    status: string;
    leftOn: string;
    reason: string;
    spentVnd: string;
    enrolmentStatus: string;
    courseName: string;
    courseKind: string;
    courseStart: string;
    courseEnd: string;
    personCode: string;
    fullName: string;
    gender: 'male' | 'female';
    category: string;
    isMinority: boolean | null;
    probationEndedOn: string | null;
  }>(sql`SELECT r.id, r.amount_vnd::text AS "amountVnd", r.status, r.left_on::text AS "leftOn", r.reason, e.spent_vnd::text AS "spentVnd",
      e.status AS "enrolmentStatus", c.title AS "courseName", c.kind AS "courseKind", c.start_date::text AS "courseStart", c.end_date::text AS "courseEnd",
      p.code AS "personCode", p.full_name AS "fullName", p.gender, p.category, eg.is_minority AS "isMinority", r.probation_ended_on::text AS "probationEndedOn"
    FROM training_repayments r
    JOIN training_enrolments e ON e.id = r.enrolment_id
    JOIN training_courses c ON c.id = e.course_id
    JOIN people p ON p.id = e.person_id
    LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code
    ORDER BY p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu", r.id`);
  return r.rows;
}

/** One change of a table at a time (two drafts of the same new key would otherwise both read "no row" and both insert). */
export async function lockReferenceTable(tx: Tx, table: ReferenceTable): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'reference_changes:' + table}))`);
}

/** The nominations and approvals for courses not yet started (their training verdict is judged again on approval). */
export async function listOpenEnrolments(tx: Tx, today: string) {
  const r = await tx.execute<{ id: string; personId: string; personCode: string; fullName: string; courseId: string; courseTitle: string; status: string }>(
    sql`SELECT e.id, e.person_id AS "personId", p.code AS "personCode", p.full_name AS "fullName", e.course_id AS "courseId", c.title AS "courseTitle", e.status
    FROM training_enrolments e JOIN people p ON p.id = e.person_id JOIN training_courses c ON c.id = e.course_id
    WHERE e.status IN ('nominated', 'approved') AND c.start_date >= ${today}::date AND p.status = 'active'
    ORDER BY c.start_date, c.title, p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu", e.id`,
  );
  return r.rows;
}

/** How many annual ratings each of the years holds for people of the category in the scope. */
export async function countRatingsByYear(tx: Tx, category: string, years: readonly number[], scope: SQL): Promise<Map<number, number>> {
  if (years.length === 0) return new Map();
  const r = await tx.execute<{ year: number; n: number }>(sql`SELECT ar.year, count(*)::int AS n FROM annual_ratings ar JOIN people p ON p.id = ar.person_id
    WHERE p.category = ${category} AND ar.year = ANY(${pgArray(years.map(String))}::int[]) AND ${scope} GROUP BY ar.year`);
  return new Map(r.rows.map((x) => [Number(x.year), Number(x.n)]));
}

/** The ratings of those years recorded with points, for people of the category in the scope: the first `limit` and the total. */
export async function listScoredRatings(tx: Tx, category: string, years: readonly number[], scope: SQL, limit: number) {
  if (years.length === 0) return { items: [], total: 0 };
  const where = sql`p.category = ${category} AND ar.points IS NOT NULL AND ar.year = ANY(${pgArray(years.map(String))}::int[]) AND ${scope}`;
  // one statement after the other: a transaction's client runs one query at a time
  const items = await tx.execute<{ personId: string; personCode: string; fullName: string; year: number; points: number; levelCode: string }>(sql`SELECT
      p.id AS "personId", p.code AS "personCode", p.full_name AS "fullName", ar.year, ar.points::float8 AS points, ar.level_code AS "levelCode"
      FROM annual_ratings ar JOIN people p ON p.id = ar.person_id WHERE ${where} ORDER BY ar.year, p.code LIMIT ${limit}`);
  const total = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM annual_ratings ar JOIN people p ON p.id = ar.person_id WHERE ${where}`);
  return { items: items.rows.map((x) => ({ ...x, year: Number(x.year), points: Number(x.points) })), total: Number(total.rows[0]?.n ?? 0) };
}
