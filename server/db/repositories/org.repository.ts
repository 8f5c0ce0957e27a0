import { sql, type SQL } from 'drizzle-orm';
import { pgArray } from '../sql-helpers.js';
import type { Tx } from '../client.js';
import type { Destination, UnitNode } from '../../../common/schemas/org.js';

export async function findUnitPath(tx: Tx, unitId: string): Promise<string[] | null> {
  const r = await tx.execute<{ path: string[] }>(sql`SELECT path FROM org_units WHERE id = ${unitId}::uuid`);
  return r.rows[0]?.path ?? null;
}

export async function findUnitByCode(tx: Tx, code: string) {
  const r = await tx.execute<{ id: string; name: string; path: string[] }>(sql`SELECT id, name, path FROM org_units WHERE code = ${code}`);
  return r.rows[0] ?? null;
}

export type { UnitNode };

/**
 * The units within the scope, with assigned staffing for the year and the active headcount of each unit's
 * whole subtree. A province has a few hundred units, so the tree is returned whole.
 */
export async function findUnitTree(tx: Tx, scope: SQL, year: number): Promise<UnitNode[]> {
  const r = await tx.execute<UnitNode>(sql`
    WITH own AS (SELECT unit_id, count(*)::int AS n FROM people WHERE status = 'active' GROUP BY unit_id)
    SELECT u.id, u.parent_id AS "parentId", u.kind, u.code, u.name, u.depth, u.restructured_on AS "restructuredOn",
      u.closed_on AS "closedOn", u.is_especially_disadvantaged AS "isEspeciallyDisadvantaged", s.assigned_staffing AS "assignedStaffing",
      coalesce((SELECT sum(own.n) FROM own JOIN org_units d ON d.id = own.unit_id WHERE d.path @> ARRAY[u.id]), 0)::int AS headcount
    FROM org_units u
    LEFT JOIN org_unit_staffing s ON s.unit_id = u.id AND s.year = ${year}
    WHERE ${scope}
    ORDER BY u.depth, u.sort_order, u.name COLLATE "vi-VN-x-icu"`);
  return r.rows;
}

export async function findJobPosts(tx: Tx, unitId: string) {
  const r = await tx.execute(sql`SELECT id, title, is_leadership AS "isLeadership", is_key_post AS "isKeyPost",
      min_education AS "minEducation", required_rank_grade AS "requiredRankGrade",
      required_political_theory AS "requiredPoliticalTheory", standards
    FROM job_posts WHERE unit_id = ${unitId}::uuid ORDER BY is_leadership DESC, title COLLATE "vi-VN-x-icu"`);
  return r.rows;
}

/** Is the unit visible under the scope condition (on alias u)? */
export async function isUnitInScope(tx: Tx, unitId: string, scope: SQL): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM org_units u WHERE u.id = ${unitId}::uuid AND ${scope}`);
  return r.rows.length > 0;
}

export async function findUnitNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM org_units WHERE id = ANY(${pgArray(ids)}::uuid[])`);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/** The communes and wards (the possible destinations of a secondment), in Vietnamese order. */
export async function findGrassrootsUnits(tx: Tx) {
  const r = await tx.execute<Destination>(sql`
    SELECT id, code, name, kind, is_especially_disadvantaged AS "isEspeciallyDisadvantaged"
    FROM org_units WHERE kind IN ('commune', 'ward') ORDER BY name COLLATE "vi-VN-x-icu"`);
  return r.rows;
}

export async function isGrassrootsUnit(tx: Tx, unitId: string): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM org_units WHERE id = ${unitId}::uuid AND kind IN ('commune', 'ward')`);
  return r.rows.length > 0;
}

/**
 * "Of a restructured unit" as of a date, read from the events: the date of the unit's latest merger or split on
 * or before `ref` (none yet: null), or, for a unit without such events (data from before they were recorded),
 * its `restructured_on`. `join` goes in the FROM clause after the unit alias; `value` is the date. The screening
 * facts and their SQL twin both use it, so the single verdict and the bulk one agree.
 */
export function restructuredAsOf(unitAlias: string, ref: SQL): { join: SQL; value: SQL } {
  const ur = sql.raw(`ur_${unitAlias}`);
  const u = sql.raw(unitAlias);
  return {
    join: sql`LEFT JOIN (SELECT e.unit_id, max(e.effective_on) FILTER (WHERE e.effective_on <= ${ref}) AS as_of
        FROM org_unit_events e WHERE e.kind IN ('merged', 'split') GROUP BY e.unit_id) ${ur} ON ${ur}.unit_id = ${u}.id`,
    value: sql`(CASE WHEN ${ur}.unit_id IS NULL THEN ${u}.restructured_on ELSE ${ur}.as_of END)`,
  };
}
