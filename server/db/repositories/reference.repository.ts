import { allOf } from '../sql-helpers.js';
import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { findRatingInstruments } from './eligibility.repository.js';

export async function ethnicCodeExists(tx: Tx, code: string) {
  return (await tx.execute(sql`SELECT 1 FROM ethnic_groups WHERE code = ${code}`)).rows.length > 0;
}
export async function rankExists(tx: Tx, code: string) {
  return (await tx.execute(sql`SELECT 1 FROM ranks WHERE code = ${code}`)).rows.length > 0;
}
export async function legacyCommuneExists(tx: Tx, code: string) {
  return (await tx.execute(sql`SELECT 1 FROM legacy_communes WHERE old_code = ${code} LIMIT 1`)).rows.length > 0;
}
export async function ratingLevelExists(tx: Tx, code: string, year: number) {
  return (
    (
      await tx.execute(sql`SELECT 1 FROM rating_levels WHERE code = ${code}
      AND effective_from <= make_date(${year}, 12, 31) AND (effective_to IS NULL OR effective_to >= make_date(${year}, 1, 1))`)
    ).rows.length > 0
  );
}
/**
 * The discipline form in force on a date for a category (forms changed with Decree 172/2025 for cán bộ and
 * công chức, and with Decree 234/2026 for viên chức, whose earlier bars are the Law on Public Employees Art. 56
 * as amended 2019; two rows of one code may overlap: the newest wins).
 */
export async function disciplineFormOn(tx: Tx, code: string, on: string, category: string) {
  const r = await tx.execute<{ code: string; barMonths: number }>(sql`SELECT code, bar_months AS "barMonths" FROM discipline_forms
    WHERE code = ${code} AND ${category} = ANY(applies_to) AND effective_from <= ${on}::date
      AND (effective_to IS NULL OR effective_to >= ${on}::date)
    ORDER BY effective_from DESC LIMIT 1`);
  return r.rows[0] ?? null;
}
export async function jobPostUnit(tx: Tx, jobPostId: string) {
  const r = await tx.execute<{ unitId: string }>(sql`SELECT unit_id AS "unitId" FROM job_posts WHERE id = ${jobPostId}::uuid`);
  return r.rows[0]?.unitId ?? null;
}

/** All the code lists the interface needs, in one call (small tables). */
export async function loadReferenceLists(tx: Tx) {
  const [ethnic, ranks, ratings, discipline, salaries, instruments] = await allOf(tx, [
    () => tx.execute(sql`SELECT code, name, is_minority AS "isMinority", aliases FROM ethnic_groups ORDER BY code`),
    () => tx.execute(sql`SELECT code, name, grade, coefficients FROM ranks ORDER BY grade, code`),
    () => tx.execute(sql`SELECT code, name, rank, effective_from AS "effectiveFrom", effective_to AS "effectiveTo", instrument FROM rating_levels ORDER BY rank`),
    () =>
      tx.execute(sql`SELECT code, name, applies_to AS "appliesTo", bar_months AS "barMonths", effective_from AS "effectiveFrom",
      effective_to AS "effectiveTo", instrument FROM discipline_forms ORDER BY effective_from DESC, code`),
    () => tx.execute(sql`SELECT effective_from AS "effectiveFrom", amount_vnd AS "amountVnd", instrument FROM base_salaries ORDER BY effective_from`),
    () => findRatingInstruments(tx),
  ]);
  return {
    ethnicGroups: ethnic.rows,
    ranks: ranks.rows,
    ratingLevels: ratings.rows,
    disciplineForms: discipline.rows,
    baseSalaries: salaries.rows,
    ratingInstruments: instruments,
  };
}
