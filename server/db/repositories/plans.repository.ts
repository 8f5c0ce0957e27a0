import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';

/** The plan's newest version in force on a date. */
export async function findPlanVersionOn(tx: Tx, planCode: string, on: string) {
  const r = await tx.execute<{ planId: string; code: string; title: string; issuedBy: string; issuedOn: string; versionId: string; version: number; effectiveFrom: string; params: unknown; note: string | null }>(sql`
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
