import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { PlanVersion } from '../../../common/schemas/plans.js';

/** The plan's newest version in force on a date. */
export async function findPlanVersionOn(tx: Tx, planId: string, on: string) {
  const r = await tx.execute<{
    planId: string;
    code: string;
    title: string;
    issuedBy: string;
    issuedOn: string;
    versionId: string;
    version: number;
    effectiveFrom: string;
    params: unknown;
    note: string | null;
  }>(sql`
    SELECT p.id AS "planId", p.code, p.title, p.issued_by AS "issuedBy", p.issued_on AS "issuedOn",
      v.id AS "versionId", v.version, v.effective_from AS "effectiveFrom", v.params, v.note
    FROM plans p JOIN plan_versions v ON v.plan_id = p.id
    WHERE p.id = ${planId}::uuid AND v.effective_from <= ${on}::date
    ORDER BY v.effective_from DESC, v.version DESC LIMIT 1`);
  return r.rows[0] ?? null;
}

export type PlanStart = {
  id: string;
  code: string;
  issuedOn: string;
  /** The first version's effective date: from then on the plan takes over from the one before. */
  startsOn: string;
};

/** Every plan with the date its first version took effect, the latest start first (a plan without versions is left out). */
export async function findPlanStarts(tx: Tx): Promise<PlanStart[]> {
  const r = await tx.execute<PlanStart>(sql`
    SELECT p.id, p.code, p.issued_on AS "issuedOn", min(v.effective_from) AS "startsOn"
    FROM plans p JOIN plan_versions v ON v.plan_id = p.id
    GROUP BY p.id ORDER BY min(v.effective_from) DESC, p.issued_on DESC, p.created_at DESC`);
  return r.rows;
}

export type PlanRow = {
  id: string;
  code: string;
  title: string;
  issuedBy: string;
  issuedOn: string;
  template: string | null;
  documentName: string | null;
  documentType: string | null;
  documentSize: number | null;
};

const PLAN_COLUMNS = sql`p.id, p.code, p.title, p.issued_by AS "issuedBy", p.issued_on AS "issuedOn", p.template,
  p.document_name AS "documentName", p.document_type AS "documentType", octet_length(p.document) AS "documentSize"`;

/** Every plan (without the attached text's bytes), the newest issued first. */
export async function findPlans(tx: Tx): Promise<PlanRow[]> {
  const r = await tx.execute<PlanRow>(sql`SELECT ${PLAN_COLUMNS} FROM plans p ORDER BY p.issued_on DESC, p.created_at DESC`);
  return r.rows;
}

export async function findPlanById(tx: Tx, id: string): Promise<PlanRow | null> {
  const r = await tx.execute<PlanRow>(sql`SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = ${id}::uuid`);
  return r.rows[0] ?? null;
}

export async function findPlanByCode(tx: Tx, code: string): Promise<PlanRow | null> {
  // numbers are compared as written, ignoring case ("131/kh-ubnd" is 131/KH-UBND)
  const r = await tx.execute<PlanRow>(sql`SELECT ${PLAN_COLUMNS} FROM plans p WHERE upper(p.code) = upper(${code})`);
  return r.rows[0] ?? null;
}

/** Inserts a plan; null when its number is taken (nothing is written, the transaction stays usable). */
export async function insertPlan(
  tx: Tx,
  p: { code: string; title: string; issuedBy: string; issuedOn: string; template: string | null; createdBy: string },
): Promise<string | null> {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO plans (code, title, issued_by, issued_on, template, created_by)
    VALUES (${p.code}, ${p.title}, ${p.issuedBy}, ${p.issuedOn}::date, ${p.template}, ${p.createdBy}::uuid)
    ON CONFLICT (code) DO NOTHING RETURNING id`);
  return r.rows[0]?.id ?? null;
}

/** Corrects a plan's identity; false when the new number is another plan's. */
export async function updatePlanIdentity(tx: Tx, id: string, p: { code: string; title: string; issuedBy: string; issuedOn: string }): Promise<boolean> {
  const taken = await tx.execute(sql`SELECT 1 FROM plans WHERE upper(code) = upper(${p.code}) AND id <> ${id}::uuid`);
  if (taken.rows.length) return false;
  await tx.execute(sql`UPDATE plans SET code = ${p.code}, title = ${p.title}, issued_by = ${p.issuedBy}, issued_on = ${p.issuedOn}::date WHERE id = ${id}::uuid`);
  return true;
}

/** Attaches (or replaces) the plan's text as issued. */
export async function setPlanDocument(tx: Tx, id: string, d: { name: string; type: string; content: Buffer }): Promise<void> {
  await tx.execute(sql`UPDATE plans SET document_name = ${d.name}, document_type = ${d.type}, document = ${d.content} WHERE id = ${id}::uuid`);
}

/** The attached text with its name and type; null when the plan has none. */
export async function findPlanDocument(tx: Tx, id: string): Promise<{ name: string; type: string; content: Buffer } | null> {
  const r = await tx.execute<{ name: string | null; type: string | null; content: Buffer | null }>(
    sql`SELECT document_name AS name, document_type AS type, document AS content FROM plans WHERE id = ${id}::uuid`,
  );
  const row = r.rows[0];
  return row?.content && row.name && row.type ? { name: row.name, type: row.type, content: row.content } : null;
}

/** The first version's effective date of a plan (null before any). */
export async function findPlanFirstEffective(tx: Tx, planId: string): Promise<string | null> {
  const r = await tx.execute<{ d: string | null }>(sql`SELECT min(effective_from) AS d FROM plan_versions WHERE plan_id = ${planId}::uuid`);
  return r.rows[0]?.d ?? null;
}

export async function findPlanVersions(tx: Tx, planId: string) {
  return findVersionsWhere(tx, sql`p.id = ${planId}::uuid`);
}

/** Every version of every plan, newest first, for the list of plans. */
export async function findAllPlanVersions(tx: Tx) {
  return findVersionsWhere(tx, sql`true`);
}

async function findVersionsWhere(tx: Tx, where: ReturnType<typeof sql>) {
  // params were checked against the schema when the version was saved; created_at comes back as a Date
  const r = await tx.execute<
    Omit<PlanVersion, 'createdAt'> & { createdAt: Date; planId: string }
  >(sql`SELECT v.plan_id AS "planId", v.id, v.version, v.effective_from AS "effectiveFrom", v.params, v.note, v.created_at AS "createdAt",
      coalesce(u.display_name, 'Hệ thống') AS "createdBy"
    FROM plans p JOIN plan_versions v ON v.plan_id = p.id LEFT JOIN users u ON u.id = v.created_by
    WHERE ${where} ORDER BY v.version DESC`);
  return r.rows;
}

/** Adds the next version of a plan's parameters; versions are never changed once written. */
export async function insertPlanVersion(tx: Tx, v: { planId: string; effectiveFrom: string; params: unknown; note: string; createdBy: string }) {
  // the plan row is locked so two simultaneous saves cannot take the same version number
  await tx.execute(sql`SELECT 1 FROM plans WHERE id = ${v.planId}::uuid FOR UPDATE`);
  const r = await tx.execute<{ id: string; version: number }>(sql`INSERT INTO plan_versions (plan_id, version, effective_from, params, note, created_by)
    SELECT ${v.planId}::uuid, coalesce(max(version), 0) + 1, ${v.effectiveFrom}::date, ${JSON.stringify(v.params)}::jsonb, ${v.note}, ${v.createdBy}::uuid
    FROM plan_versions WHERE plan_id = ${v.planId}::uuid
    RETURNING id, version`);
  return r.rows[0];
}

/**
 * Serialises the changes of the plans (create, correct, new version): which plan governs a date is decided by
 * checks across all plans (no two starting on one day, numbers unique regardless of case), which two concurrent
 * requests could otherwise both pass. Held to the end of the transaction.
 */
export async function lockPlans(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tang-cuong:plans'))`);
}
