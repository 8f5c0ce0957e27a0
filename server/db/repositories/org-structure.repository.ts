import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';
import type { OrgEventKind } from '../../../common/schemas/org.js';

/**
 * The SQL of changing the organisation: units, their subtree paths, restructuring events, staffing and job
 * posts. Every function runs inside the caller's transaction; the use cases (domain/org/) audit them.
 */

export type OrgUnitRow = {
  id: string;
  parentId: string | null;
  path: string[];
  depth: number;
  kind: string;
  code: string;
  name: string;
  shortName: string | null;
  restructuredOn: string | null;
  isEspeciallyDisadvantaged: boolean;
  closedOn: string | null;
};

const UNIT_COLS = sql`id, parent_id AS "parentId", path, depth, kind, code, name, short_name AS "shortName", restructured_on::text AS "restructuredOn",
  is_especially_disadvantaged AS "isEspeciallyDisadvantaged", closed_on::text AS "closedOn"`;

/** Every unit, for an import's plan (a province has a few hundred to a few thousand). */
export async function findAllUnits(tx: Tx): Promise<OrgUnitRow[]> {
  const r = await tx.execute<OrgUnitRow>(sql`SELECT ${UNIT_COLS} FROM org_units ORDER BY depth, code`);
  return r.rows;
}

/**
 * Serialises changes of the org tree: a move rewrites the `path` of a whole subtree, and two moves at once (one of
 * them under the other's subtree) would each miss rows the other just moved, leaving stale paths that scoping
 * reads. Held to the end of the transaction; taken again by the same transaction at no cost.
 */
export async function lockOrgStructure(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tang-cuong:org-structure'))`);
}

/** The units with these ids, locked for the change (FOR UPDATE, in id order), after the tree-wide lock above. */
export async function lockUnits(tx: Tx, ids: string[]): Promise<OrgUnitRow[]> {
  await lockOrgStructure(tx);
  if (ids.length === 0) return [];
  const r = await tx.execute<OrgUnitRow>(sql`SELECT ${UNIT_COLS} FROM org_units WHERE id = ANY(${pgArray(ids)}::uuid[]) ORDER BY id FOR UPDATE`);
  return r.rows;
}

/** The root of the tree (the People's Committee), or null on an empty database. */
export async function findRootUnit(tx: Tx): Promise<OrgUnitRow | null> {
  const r = await tx.execute<OrgUnitRow>(sql`SELECT ${UNIT_COLS} FROM org_units WHERE parent_id IS NULL ORDER BY created_at, code LIMIT 1`);
  return r.rows[0] ?? null;
}

export async function isUnitCodeTaken(tx: Tx, code: string): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM org_units WHERE lower(code) = lower(${code})`);
  return r.rows.length > 0;
}

/** Inserts a unit under `parent` (its path and depth follow the parent's). */
export async function insertUnit(
  tx: Tx,
  u: { id: string; parent: { id: string; path: string[] }; kind: string; code: string; name: string; shortName: string | null; isEspeciallyDisadvantaged?: boolean },
): Promise<void> {
  const path = [...u.parent.path, u.id];
  await tx.execute(sql`INSERT INTO org_units (id, parent_id, path, depth, kind, code, name, short_name, is_especially_disadvantaged, sort_order)
    VALUES (${u.id}::uuid, ${u.parent.id}::uuid, ${pgArray(path)}::uuid[], ${path.length - 1}, ${u.kind}, ${u.code}, ${u.name}, ${u.shortName},
      ${u.isEspeciallyDisadvantaged ?? false},
      (SELECT coalesce(max(sort_order), 0) + 1 FROM org_units WHERE parent_id = ${u.parent.id}::uuid))`);
}

export async function updateUnitAttributes(
  tx: Tx,
  id: string,
  set: { name?: string; shortName?: string | null; kind?: string; isEspeciallyDisadvantaged?: boolean; closedOn?: string | null },
): Promise<void> {
  const parts = [];
  if (set.name !== undefined) parts.push(sql`name = ${set.name}`);
  if (set.shortName !== undefined) parts.push(sql`short_name = ${set.shortName}`);
  if (set.kind !== undefined) parts.push(sql`kind = ${set.kind}`);
  if (set.isEspeciallyDisadvantaged !== undefined) parts.push(sql`is_especially_disadvantaged = ${set.isEspeciallyDisadvantaged}`);
  if (set.closedOn !== undefined) parts.push(sql`closed_on = ${set.closedOn}::date`);
  if (parts.length === 0) return;
  await tx.execute(sql`UPDATE org_units SET ${sql.join(parts, sql`, `)} WHERE id = ${id}::uuid`);
}

/**
 * Moves a unit under another parent: the unit's and every descendant's `path` and `depth` are rewritten (the
 * subtree scoping of `db/scope.ts` reads `path`). Returns how many units' paths changed.
 */
export async function moveSubtree(tx: Tx, unit: { id: string; depth: number }, parent: { id: string; path: string[] }): Promise<number> {
  await tx.execute(sql`UPDATE org_units SET parent_id = ${parent.id}::uuid WHERE id = ${unit.id}::uuid`);
  const r = await tx.execute(sql`UPDATE org_units SET path = ${pgArray(parent.path)}::uuid[] || path[${unit.depth + 1}:array_length(path, 1)],
      depth = ${parent.path.length} + array_length(path, 1) - ${unit.depth + 1}
    WHERE path @> ARRAY[${unit.id}::uuid]`);
  return r.rowCount ?? 0;
}

/** The open (not closed) child units of a unit. */
export async function findOpenChildren(tx: Tx, id: string): Promise<{ id: string; depth: number; code: string }[]> {
  const r = await tx.execute<{ id: string; depth: number; code: string }>(
    sql`SELECT id, depth, code FROM org_units WHERE parent_id = ${id}::uuid AND closed_on IS NULL ORDER BY sort_order, code`,
  );
  return r.rows;
}

export async function countActivePeople(tx: Tx, unitId: string): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM people WHERE unit_id = ${unitId}::uuid AND status = 'active'`);
  return r.rows[0].n;
}

/** Moves the active people of the units into `to`; returns who moved (id, from), for the audit. */
export async function movePeople(tx: Tx, from: string[], to: string): Promise<{ id: string; fromUnitId: string }[]> {
  if (from.length === 0) return [];
  const r = await tx.execute<{ id: string; fromUnitId: string }>(sql`
    WITH m AS (SELECT id, unit_id FROM people WHERE unit_id = ANY(${pgArray(from)}::uuid[]) AND status = 'active' FOR UPDATE)
    UPDATE people p SET unit_id = ${to}::uuid, version = p.version + 1, updated_at = now() FROM m WHERE p.id = m.id
    RETURNING p.id, m.unit_id AS "fromUnitId"`);
  return r.rows;
}

export interface OrgEventInput {
  kind: OrgEventKind;
  effectiveOn: string;
  unitId: string;
  sourceUnitIds?: string[];
  before?: unknown;
  after?: unknown;
  decisionNo?: string | null;
  note?: string | null;
  createdBy: string;
}

export async function insertOrgEvent(tx: Tx, e: OrgEventInput): Promise<string> {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO org_unit_events (kind, effective_on, unit_id, source_unit_ids, before, after, decision_no, note, created_by)
    VALUES (${e.kind}, ${e.effectiveOn}::date, ${e.unitId}::uuid, ${pgArray(e.sourceUnitIds ?? [])}::uuid[],
      ${e.before === undefined ? null : JSON.stringify(e.before)}::jsonb, ${e.after === undefined ? null : JSON.stringify(e.after)}::jsonb,
      ${e.decisionNo ?? null}, ${e.note ?? null}, ${e.createdBy}::uuid)
    RETURNING id`);
  return r.rows[0].id;
}

/**
 * Sets `restructured_on` of the units to the date of their latest merger or split event (the one place that
 * writes it from the events), and returns the new values.
 */
export async function syncRestructuredOn(tx: Tx, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const r = await tx.execute<{ id: string; on: string | null }>(sql`UPDATE org_units u SET restructured_on = coalesce(
      (SELECT max(e.effective_on) FROM org_unit_events e WHERE e.unit_id = u.id AND e.kind IN ('merged', 'split')), u.restructured_on)
    WHERE u.id = ANY(${pgArray(ids)}::uuid[]) RETURNING u.id, u.restructured_on::text AS on`);
  return new Map(r.rows.map((x) => [x.id, x.on]));
}

export type OrgEventRow = {
  id: string;
  kind: OrgEventKind;
  effectiveOn: string;
  unitId: string;
  unitName: string;
  sources: { id: string; code: string; name: string }[];
  before: unknown;
  after: unknown;
  decisionNo: string | null;
  note: string | null;
  createdByName: string | null;
  createdAt: string;
};

/** The events about a unit, or that took staff and tasks from it, latest first. */
export async function findUnitEvents(tx: Tx, unitId: string): Promise<OrgEventRow[]> {
  const r = await tx.execute<OrgEventRow>(sql`
    SELECT e.id, e.kind, e.effective_on::text AS "effectiveOn", e.unit_id AS "unitId", u.name AS "unitName",
      coalesce((SELECT json_agg(json_build_object('id', s.id, 'code', s.code, 'name', s.name) ORDER BY s.code)
        FROM org_units s WHERE s.id = ANY(e.source_unit_ids)), '[]'::json) AS sources,
      e.before, e.after, e.decision_no AS "decisionNo", e.note, us.display_name AS "createdByName", e.created_at AS "createdAt"
    FROM org_unit_events e JOIN org_units u ON u.id = e.unit_id
    LEFT JOIN users us ON us.id = e.created_by
    WHERE e.unit_id = ${unitId}::uuid OR ${unitId}::uuid = ANY(e.source_unit_ids)
    ORDER BY e.effective_on DESC, e.created_at DESC`);
  return r.rows.map((x) => ({ ...x, createdAt: new Date(x.createdAt).toISOString() }));
}

export async function findStaffing(tx: Tx, unitId: string, year: number): Promise<{ assignedStaffing: number; decisionNo: string | null } | null> {
  const r = await tx.execute<{ assignedStaffing: number; decisionNo: string | null }>(sql`SELECT assigned_staffing AS "assignedStaffing", decision_no AS "decisionNo"
    FROM org_unit_staffing WHERE unit_id = ${unitId}::uuid AND year = ${year}`);
  return r.rows[0] ?? null;
}

export async function upsertStaffing(tx: Tx, s: { unitId: string; year: number; assignedStaffing: number; decisionNo: string | null }): Promise<void> {
  await tx.execute(sql`INSERT INTO org_unit_staffing (unit_id, year, assigned_staffing, decision_no)
    VALUES (${s.unitId}::uuid, ${s.year}, ${s.assignedStaffing}, ${s.decisionNo})
    ON CONFLICT (unit_id, year) DO UPDATE SET assigned_staffing = excluded.assigned_staffing, decision_no = excluded.decision_no`);
}

export type JobPostValues = {
  title: string;
  isLeadership: boolean;
  isKeyPost: boolean;
  minEducation: string | null;
  requiredRankGrade: string | null;
  requiredPoliticalTheory: string | null;
  standards: string | null;
};

/** The job posts of the units, by unit and title (the import's key: a title is unique within a unit). */
export async function findJobPostsOf(tx: Tx, unitIds: string[]): Promise<(JobPostValues & { id: string; unitId: string })[]> {
  if (unitIds.length === 0) return [];
  const r = await tx.execute<JobPostValues & { id: string; unitId: string }>(sql`SELECT id, unit_id AS "unitId", title, is_leadership AS "isLeadership",
      is_key_post AS "isKeyPost", min_education AS "minEducation", required_rank_grade AS "requiredRankGrade",
      required_political_theory AS "requiredPoliticalTheory", standards
    FROM job_posts WHERE unit_id = ANY(${pgArray(unitIds)}::uuid[]) ORDER BY id`);
  return r.rows;
}

export async function insertJobPost(tx: Tx, unitId: string, v: JobPostValues): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO job_posts (unit_id, title, is_leadership, is_key_post, min_education, required_rank_grade,
      required_political_theory, standards)
    VALUES (${unitId}::uuid, ${v.title}, ${v.isLeadership}, ${v.isKeyPost}, ${v.minEducation}, ${v.requiredRankGrade}, ${v.requiredPoliticalTheory}, ${v.standards})
    RETURNING id`);
  return r.rows[0].id;
}

export async function updateJobPost(tx: Tx, id: string, v: JobPostValues): Promise<void> {
  await tx.execute(sql`UPDATE job_posts SET title = ${v.title}, is_leadership = ${v.isLeadership}, is_key_post = ${v.isKeyPost},
      min_education = ${v.minEducation}, required_rank_grade = ${v.requiredRankGrade}, required_political_theory = ${v.requiredPoliticalTheory},
      standards = ${v.standards}
    WHERE id = ${id}::uuid`);
}

/** The dates of each unit's merger and split events (an import does not record the same restructuring twice). */
export async function findRestructuringDates(tx: Tx): Promise<Map<string, Set<string>>> {
  const r = await tx.execute<{ unitId: string; on: string }>(
    sql`SELECT unit_id AS "unitId", effective_on::text AS on FROM org_unit_events WHERE kind IN ('merged', 'split')`,
  );
  const m = new Map<string, Set<string>>();
  for (const x of r.rows) m.set(x.unitId, (m.get(x.unitId) ?? new Set()).add(x.on));
  return m;
}

/** Assigned staffing of every unit for the years, keyed `unitId|year`. */
export async function findStaffingOf(tx: Tx, years: number[]): Promise<Map<string, { assignedStaffing: number; decisionNo: string | null }>> {
  if (years.length === 0) return new Map();
  const r = await tx.execute<{ unitId: string; year: number; assignedStaffing: number; decisionNo: string | null }>(sql`SELECT unit_id AS "unitId", year,
      assigned_staffing AS "assignedStaffing", decision_no AS "decisionNo" FROM org_unit_staffing WHERE year = ANY(${`{${years.join(',')}}`}::int[])`);
  return new Map(r.rows.map((x) => [`${x.unitId}|${x.year}`, { assignedStaffing: x.assignedStaffing, decisionNo: x.decisionNo }]));
}
