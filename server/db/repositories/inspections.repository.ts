import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { InspectionStatus, RecommendationStatus } from '../../../common/inspections.js';
import { pgArray } from '../sql-helpers.js';
import { unitSubtree } from '../scope.js';

/**
 * Sở Nội vụ's guidance documents, inspections and their recommendations (Plan 131 IV.3), and their figures for the
 * report. Scopes come from `server/db/scope.ts`: `inspectionsScope` on the inspected unit `u`, `guidanceScope` on `gd`.
 */

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

// ---------------------------------------------------------------- guidance

export type GuidanceRow = {
  id: string;
  number: string;
  issuedOn: string;
  title: string;
  summary: string | null;
  unitIds: string[];
  units: { id: string; name: string }[];
  issuedBy: string;
  body: string | null;
  version: number;
  createdAt: string;
};

const guidanceColumns = sql`gd.id, gd.number, gd.issued_on::text AS "issuedOn", gd.title, gd.summary, gd.unit_ids AS "unitIds",
  COALESCE((SELECT json_agg(json_build_object('id', ga.id, 'name', ga.name) ORDER BY ga.name) FROM org_units ga WHERE ga.id = ANY(gd.unit_ids)), '[]'::json) AS units,
  gd.issued_by AS "issuedBy", gd.body, gd.version, ${iso('gd.created_at')} AS "createdAt"`;

export interface GuidanceFilters {
  from?: string;
  to?: string;
  q?: string;
}

function guidanceConditions(f: GuidanceFilters, scope: SQL): SQL {
  const w: SQL[] = [scope];
  if (f.from) w.push(sql`gd.issued_on >= ${f.from}::date`);
  if (f.to) w.push(sql`gd.issued_on <= ${f.to}::date`);
  if (f.q) w.push(sql`(gd.number ILIKE ${'%' + f.q + '%'} OR gd.title ILIKE ${'%' + f.q + '%'})`);
  return sql.join(w, sql` AND `);
}

/** A page of guidance documents in scope, newest first, and how many match. */
export async function findGuidancePage(tx: Tx, f: GuidanceFilters & { page: number; pageSize: number }, scope: SQL) {
  const page = await tx.execute<GuidanceRow>(sql`SELECT ${guidanceColumns} FROM guidance_documents gd WHERE ${guidanceConditions(f, scope)}
    ORDER BY gd.issued_on DESC, gd.created_at DESC, gd.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  const total = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM guidance_documents gd WHERE ${guidanceConditions(f, scope)}`);
  return { items: page.rows, total: total.rows[0].n };
}

export async function findGuidance(tx: Tx, id: string, scope: SQL, forUpdate = false): Promise<GuidanceRow | null> {
  const r = await tx.execute<GuidanceRow>(sql`SELECT ${guidanceColumns} FROM guidance_documents gd WHERE gd.id = ${id}::uuid AND ${scope}
    ${forUpdate ? sql`FOR UPDATE OF gd` : sql``}`);
  return r.rows[0] ?? null;
}

export type GuidanceValues = {
  number: string;
  issuedOn: string;
  title: string;
  summary: string | null;
  unitIds: string[];
  issuedBy: string;
  body: string | null;
};

export async function insertGuidance(tx: Tx, v: GuidanceValues & { createdBy: string }): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO guidance_documents (number, issued_on, title, summary, unit_ids, issued_by, body, created_by)
    VALUES (${v.number}, ${v.issuedOn}::date, ${v.title}, ${v.summary}, ${pgArray(v.unitIds)}::uuid[], ${v.issuedBy}, ${v.body}, ${v.createdBy}::uuid)
    RETURNING id`);
  return r.rows[0].id;
}

/** Updates a guidance document at `version`; returns the new version, or null when someone changed it first. */
export async function updateGuidance(tx: Tx, id: string, v: GuidanceValues, version: number): Promise<number | null> {
  const r = await tx.execute<{ version: number }>(sql`UPDATE guidance_documents SET number = ${v.number}, issued_on = ${v.issuedOn}::date,
    title = ${v.title}, summary = ${v.summary}, unit_ids = ${pgArray(v.unitIds)}::uuid[], issued_by = ${v.issuedBy}, body = ${v.body},
    updated_at = now(), version = version + 1 WHERE id = ${id}::uuid AND version = ${version} RETURNING version`);
  return r.rows[0]?.version ?? null;
}

/** Which of these units exist (by id). */
export async function existingUnitIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await tx.execute<{ id: string }>(sql`SELECT id FROM org_units WHERE id = ANY(${pgArray(ids)}::uuid[])`);
  return new Set(r.rows.map((x) => x.id));
}

// ---------------------------------------------------------------- inspections

export type InspectedUnit = { id: string; code: string; name: string; kind: string; path: string[]; closedOn: string | null };

export async function findInspectedUnit(tx: Tx, id: string): Promise<InspectedUnit | null> {
  const r = await tx.execute<InspectedUnit>(
    sql`SELECT u.id, u.code, u.name, u.kind, u.path, u.closed_on::text AS "closedOn" FROM org_units u WHERE u.id = ${id}::uuid`,
  );
  return r.rows[0] ?? null;
}

/** The open units in scope that may be inspected (every kind but the province itself), by name. */
export async function findInspectableUnits(tx: Tx, scope: SQL) {
  const r = await tx.execute<{ id: string; code: string; name: string; kind: string }>(sql`SELECT u.id, u.code, u.name, u.kind FROM org_units u
    WHERE u.parent_id IS NOT NULL AND u.closed_on IS NULL AND ${scope} ORDER BY u.name COLLATE "vi-VN-x-icu", u.code`);
  return r.rows;
}

export type InspectionRow = {
  id: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  unitPath: string[];
  fromOn: string;
  toOn: string;
  members: string[];
  subject: string;
  findings: string;
  status: InspectionStatus;
  conclusionNo: string | null;
  concludedOn: string | null;
  recommendations: number;
  answered: number;
  accepted: number;
  overdue: number;
  version: number;
};

/** Overdue on `today`: the deadline has passed without an accepted answer, on a concluded inspection. */
const overdueOn = (today: string, rec = 'ir', ins = 'i') =>
  sql`(${sql.raw(ins)}.status = 'concluded' AND ${sql.raw(rec)}.status <> 'accepted' AND ${sql.raw(rec)}.deadline < ${today}::date)`;

const inspectionColumns = sql`i.id, i.unit_id AS "unitId", u.name AS "unitName", u.kind AS "unitKind", u.path AS "unitPath",
  i.from_on::text AS "fromOn", i.to_on::text AS "toOn", i.members, i.subject, i.findings, i.status, i.conclusion_no AS "conclusionNo",
  i.concluded_on::text AS "concludedOn", c.recommendations, c.answered, c.accepted, c.overdue, i.version`;
const inspectionFrom = (today: string) => sql`inspections i JOIN org_units u ON u.id = i.unit_id
  CROSS JOIN LATERAL (SELECT count(*)::int AS recommendations,
    count(*) FILTER (WHERE ir.status IN ('answered', 'accepted'))::int AS answered,
    count(*) FILTER (WHERE ir.status = 'accepted')::int AS accepted,
    count(*) FILTER (WHERE ${overdueOn(today)})::int AS overdue
    FROM inspection_recommendations ir WHERE ir.inspection_id = i.id) c`;

export interface InspectionFilters {
  unitId?: string;
  status?: InspectionStatus;
}

function inspectionConditions(f: InspectionFilters, scope: SQL): SQL {
  const w: SQL[] = [scope];
  if (f.unitId) w.push(sql`i.unit_id = ${f.unitId}::uuid`);
  if (f.status) w.push(sql`i.status = ${f.status}`);
  return sql.join(w, sql` AND `);
}

/** A page of inspections in scope (scope on `u`, the inspected unit), newest first, and how many match. */
export async function findInspectionsPage(tx: Tx, f: InspectionFilters & { page: number; pageSize: number }, scope: SQL, today: string) {
  const page = await tx.execute<InspectionRow>(sql`SELECT ${inspectionColumns} FROM ${inspectionFrom(today)} WHERE ${inspectionConditions(f, scope)}
    ORDER BY i.from_on DESC, i.created_at DESC, i.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  const total = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM inspections i JOIN org_units u ON u.id = i.unit_id
    WHERE ${inspectionConditions(f, scope)}`);
  return { items: page.rows, total: total.rows[0].n };
}

export async function findInspection(tx: Tx, id: string, scope: SQL, today: string, forUpdate = false): Promise<InspectionRow | null> {
  const r = await tx.execute<InspectionRow>(sql`SELECT ${inspectionColumns} FROM ${inspectionFrom(today)} WHERE i.id = ${id}::uuid AND ${scope}
    ${forUpdate ? sql`FOR UPDATE OF i` : sql``}`);
  return r.rows[0] ?? null;
}

export type InspectionValues = {
  unitId: string;
  fromOn: string;
  toOn: string;
  members: string[];
  subject: string;
  findings: string;
};

export async function insertInspection(
  tx: Tx,
  v: InspectionValues & { status: InspectionStatus; conclusionNo: string | null; concludedOn: string | null; createdBy: string },
): Promise<string> {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO inspections (unit_id, from_on, to_on, members, subject, findings, status, conclusion_no, concluded_on, created_by)
    VALUES (${v.unitId}::uuid, ${v.fromOn}::date, ${v.toOn}::date, ${pgArray(v.members)}::text[], ${v.subject}, ${v.findings}, ${v.status},
      ${v.conclusionNo}, ${v.concludedOn}::date, ${v.createdBy}::uuid) RETURNING id`);
  return r.rows[0].id;
}

/** Updates an inspection at `version`; returns the new version, or null when someone changed it first. */
export async function updateInspection(
  tx: Tx,
  id: string,
  v: Partial<InspectionValues & { status: InspectionStatus; conclusionNo: string | null; concludedOn: string | null }>,
  version: number,
): Promise<number | null> {
  const sets: SQL[] = [];
  if (v.unitId !== undefined) sets.push(sql`unit_id = ${v.unitId}::uuid`);
  if (v.fromOn !== undefined) sets.push(sql`from_on = ${v.fromOn}::date`);
  if (v.toOn !== undefined) sets.push(sql`to_on = ${v.toOn}::date`);
  if (v.members !== undefined) sets.push(sql`members = ${pgArray(v.members)}::text[]`);
  if (v.subject !== undefined) sets.push(sql`subject = ${v.subject}`);
  if (v.findings !== undefined) sets.push(sql`findings = ${v.findings}`);
  if (v.status !== undefined) sets.push(sql`status = ${v.status}`);
  if (v.conclusionNo !== undefined) sets.push(sql`conclusion_no = ${v.conclusionNo}`);
  if (v.concludedOn !== undefined) sets.push(sql`concluded_on = ${v.concludedOn}::date`);
  sets.push(sql`updated_at = now()`, sql`version = version + 1`);
  const r = await tx.execute<{ version: number }>(sql`UPDATE inspections SET ${sql.join(sets, sql`, `)}
    WHERE id = ${id}::uuid AND version = ${version} RETURNING version`);
  return r.rows[0]?.version ?? null;
}

/** Replaces the recommendations of an inspection not yet concluded (none has been answered). */
export async function replaceRecommendations(tx: Tx, inspectionId: string, recs: { text: string; deadline: string }[]) {
  await tx.execute(sql`DELETE FROM inspection_recommendations WHERE inspection_id = ${inspectionId}::uuid`);
  if (recs.length === 0) return;
  await tx.execute(sql`INSERT INTO inspection_recommendations (inspection_id, seq, text, deadline)
    SELECT ${inspectionId}::uuid, x.ord::int, x.text, x.deadline::date
    FROM unnest(${pgArray(recs.map((r) => r.text))}::text[], ${pgArray(recs.map((r) => r.deadline))}::text[]) WITH ORDINALITY AS x(text, deadline, ord)`);
}

export type RecommendationRow = {
  id: string;
  inspectionId: string;
  inspectionStatus: InspectionStatus;
  unitPath: string[];
  seq: number;
  text: string;
  deadline: string;
  status: RecommendationStatus;
  overdue: boolean;
  answer: string | null;
  answeredOn: string | null;
  answeredByName: string | null;
  reviewNote: string | null;
  acceptedOn: string | null;
  reviewedByName: string | null;
  version: number;
};

const recommendationColumns = (today: string) => sql`ir.id, ir.inspection_id AS "inspectionId", i.status AS "inspectionStatus", u.path AS "unitPath",
  ir.seq, ir.text, ir.deadline::text AS deadline, ir.status, ${overdueOn(today)} AS overdue, ir.answer, ir.answered_on::text AS "answeredOn",
  (SELECT au.display_name FROM users au WHERE au.id = ir.answered_by) AS "answeredByName", ir.review_note AS "reviewNote",
  ir.accepted_on::text AS "acceptedOn", (SELECT ru.display_name FROM users ru WHERE ru.id = ir.reviewed_by) AS "reviewedByName", ir.version`;
const recommendationFrom = sql`inspection_recommendations ir JOIN inspections i ON i.id = ir.inspection_id JOIN org_units u ON u.id = i.unit_id`;

export async function findRecommendations(tx: Tx, inspectionId: string, today: string): Promise<RecommendationRow[]> {
  const r = await tx.execute<RecommendationRow>(sql`SELECT ${recommendationColumns(today)} FROM ${recommendationFrom}
    WHERE ir.inspection_id = ${inspectionId}::uuid ORDER BY ir.seq`);
  return r.rows;
}

export async function findRecommendation(tx: Tx, id: string, scope: SQL, today: string, forUpdate = false): Promise<RecommendationRow | null> {
  const r = await tx.execute<RecommendationRow>(sql`SELECT ${recommendationColumns(today)} FROM ${recommendationFrom} WHERE ir.id = ${id}::uuid AND ${scope}
    ${forUpdate ? sql`FOR UPDATE OF ir` : sql``}`);
  return r.rows[0] ?? null;
}

export type RecommendationChange = {
  status: RecommendationStatus;
  answer?: string;
  answeredOn?: string;
  answeredBy?: string;
  reviewNote?: string | null;
  acceptedOn?: string | null;
  reviewedBy?: string;
};

/** Moves a recommendation at `version`; returns the new version, or null when someone changed it first. */
export async function updateRecommendation(tx: Tx, id: string, v: RecommendationChange, version: number): Promise<number | null> {
  const sets: SQL[] = [sql`status = ${v.status}`];
  if (v.answer !== undefined) sets.push(sql`answer = ${v.answer}`);
  if (v.answeredOn !== undefined) sets.push(sql`answered_on = ${v.answeredOn}::date`);
  if (v.answeredBy !== undefined) sets.push(sql`answered_by = ${v.answeredBy}::uuid`);
  if (v.reviewNote !== undefined) sets.push(sql`review_note = ${v.reviewNote}`);
  if (v.acceptedOn !== undefined) sets.push(sql`accepted_on = ${v.acceptedOn}::date`);
  if (v.reviewedBy !== undefined) sets.push(sql`reviewed_by = ${v.reviewedBy}::uuid`);
  sets.push(sql`updated_at = now()`, sql`version = version + 1`);
  const r = await tx.execute<{ version: number }>(sql`UPDATE inspection_recommendations SET ${sql.join(sets, sql`, `)}
    WHERE id = ${id}::uuid AND version = ${version} RETURNING version`);
  return r.rows[0]?.version ?? null;
}

// ---------------------------------------------------------------- the report's figures

export interface InspectionFigureScope {
  from: string;
  to: string;
  /** The report's unit (its subtree), or null for the province. */
  unitId: string | null;
}

/** The guidance documents issued in the period (to the report's unit: those addressed to every unit, or to a unit in or above its subtree). */
export async function guidanceIssued(tx: Tx, f: InspectionFigureScope, visible: SQL) {
  const mine = f.unitId
    ? sql`(cardinality(gd.unit_ids) = 0 OR EXISTS (SELECT 1 FROM org_units ga WHERE ga.id = ANY(gd.unit_ids)
        AND (ga.id IN ${unitSubtree(f.unitId)} OR ga.id = ANY((SELECT gu.path FROM org_units gu WHERE gu.id = ${f.unitId}::uuid)::uuid[]))))`
    : sql`TRUE`;
  const r = await tx.execute<{ number: string; date: string; title: string }>(sql`SELECT gd.number, gd.issued_on::text AS date, gd.title
    FROM guidance_documents gd WHERE gd.issued_on BETWEEN ${f.from}::date AND ${f.to}::date AND ${mine} AND ${visible}
    ORDER BY gd.issued_on, gd.number`);
  return r.rows;
}
