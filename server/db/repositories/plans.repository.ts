import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { PlanVersion } from '../../../common/schemas/plans.js';

/** The plan's newest version in force on a date. */
export async function findPlanVersionOn(tx: Tx, planCode: string, on: string) {
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
    WHERE p.code = ${planCode} AND v.effective_from <= ${on}::date
    ORDER BY v.effective_from DESC, v.version DESC LIMIT 1`);
  return r.rows[0] ?? null;
}

export async function findPlanCodes(tx: Tx) {
  const r = await tx.execute<{ code: string }>(sql`SELECT code FROM plans ORDER BY issued_on DESC`);
  return r.rows.map((x) => x.code);
}

export async function findPlanVersions(tx: Tx, planCode: string) {
  // params were checked against the schema when the version was saved; created_at comes back as a Date
  const r = await tx.execute<
    Omit<PlanVersion, 'createdAt'> & { createdAt: Date }
  >(sql`SELECT v.id, v.version, v.effective_from AS "effectiveFrom", v.params, v.note, v.created_at AS "createdAt",
      coalesce(u.display_name, 'Hệ thống') AS "createdBy"
    FROM plans p JOIN plan_versions v ON v.plan_id = p.id LEFT JOIN users u ON u.id = v.created_by
    WHERE p.code = ${planCode} ORDER BY v.version DESC`);
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
