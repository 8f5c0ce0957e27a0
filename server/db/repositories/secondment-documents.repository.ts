import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';

export type DecisionRow = {
  id: string;
  kind: string;
  year: number;
  seq: number;
  number: string;
  decidedOn: string;
  signerName: string;
  signerTitle: string;
  note: string | null;
  count: number;
  /** The unit that issued it (a return decision); null for the People's Committee. */
  issuerUnitName: string | null;
};

export type DecisionItemRow = {
  secondmentId: string;
  personId: string;
  fullName: string;
  gender: string;
  birthDate: string;
  positionTitle: string | null;
  personUnitName: string;
  sendingUnitName: string;
  hostUnitName: string | null;
  itemStartDate: string | null;
  itemEndDate: string | null;
  itemDurationMonths: number | null;
  itemReason: string | null;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  actualEndDate: string | null;
  endReason: string | null;
  sendDecisionNo: string | null;
  reservedPost: Record<string, unknown> | null;
  placement: Record<string, unknown> | null;
  outcomeRating: string | null;
  extraStepGranted: boolean | null;
  returnedOn: string | null;
  rankName: string | null;
  rankSteps: string[] | null;
  currentRankCode: string | null;
  currentSalaryStep: number | null;
  currentSalaryCoefficient: string | null;
};

const DECISION_COLUMNS = sql`d.id, d.kind, d.year, d.seq, d.number, d.decided_on::text AS "decidedOn", d.signer_name AS "signerName",
  d.signer_title AS "signerTitle", d.note, (SELECT count(*)::int FROM secondment_decision_items ci WHERE ci.decision_id = d.id) AS count,
  (SELECT iu.name FROM org_units iu WHERE iu.id = d.issuer_unit_id) AS "issuerUnitName"`;

/** Decisions the actor may see (`scope` is a condition on `secondment_decisions d`), newest first, a page at a time. */
export async function listDecisions(
  tx: Tx,
  o: { scope: SQL; kind?: string; year?: number; limit: number | null; offset: number },
): Promise<{ items: DecisionRow[]; total: number }> {
  const where = sql.join([o.scope, o.kind ? sql`d.kind = ${o.kind}` : sql`TRUE`, o.year ? sql`d.year = ${o.year}::int` : sql`TRUE`], sql` AND `);
  const r = await tx.execute<
    DecisionRow & { total: number }
  >(sql`SELECT ${DECISION_COLUMNS}, count(*) OVER ()::int AS total FROM secondment_decisions d WHERE ${where}
    ORDER BY d.decided_on DESC, d.year DESC, d.seq DESC ${o.limit === null ? sql`` : sql`LIMIT ${o.limit}`} OFFSET ${o.offset}`);
  const rows = r.rows;
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && o.offset > 0) {
    const c = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM secondment_decisions d WHERE ${where}`);
    total = c.rows[0].n;
  }
  return { items: rows.map(({ total: _t, ...d }) => d), total };
}

export async function findDecision(tx: Tx, id: string, scope: SQL): Promise<DecisionRow | null> {
  const r = await tx.execute<DecisionRow>(sql`SELECT ${DECISION_COLUMNS} FROM secondment_decisions d WHERE d.id = ${id}::uuid AND ${scope}`);
  return r.rows[0] ?? null;
}

/** The people a decision covers, with their secondment, post and the host commune, in Vietnamese name order. */
/** The decision's cadres, those within `scope` (a condition on s, p and di; all by default). */
export async function listDecisionItems(tx: Tx, decisionId: string, scope: SQL = sql`TRUE`): Promise<DecisionItemRow[]> {
  const r = await tx.execute<DecisionItemRow>(sql`
    SELECT s.id AS "secondmentId", p.id AS "personId", p.full_name AS "fullName", p.gender, p.birth_date::text AS "birthDate",
      p.position_title AS "positionTitle", pu.name AS "personUnitName", su.name AS "sendingUnitName",
      coalesce(ih.name, hu.name) AS "hostUnitName",
      di.start_date::text AS "itemStartDate", di.end_date::text AS "itemEndDate", di.duration_months AS "itemDurationMonths", di.reason AS "itemReason",
      coalesce(s.host_role, s.suggested_role, s.assigned_work) AS role,
      s.start_date::text AS "startDate", s.end_date::text AS "endDate", s.actual_end_date::text AS "actualEndDate", s.end_reason AS "endReason",
      s.decision_no AS "sendDecisionNo", s.reserved_post AS "reservedPost", s.placement, s.outcome_rating AS "outcomeRating",
      s.extra_step_granted AS "extraStepGranted", s.returned_on::text AS "returnedOn",
      rk.name AS "rankName", rk.coefficients::text[] AS "rankSteps",
      p.rank_code AS "currentRankCode", p.salary_step AS "currentSalaryStep", p.salary_coefficient::text AS "currentSalaryCoefficient"
    FROM secondment_decision_items di
    JOIN secondments s ON s.id = di.secondment_id
    JOIN people p ON p.id = s.person_id
    JOIN org_units pu ON pu.id = p.unit_id
    JOIN org_units su ON su.id = s.sending_unit_id
    LEFT JOIN org_units ih ON ih.id = di.host_unit_id
    LEFT JOIN org_units hu ON hu.id = s.host_unit_id
    LEFT JOIN ranks rk ON rk.code = coalesce(s.reserved_post->>'rankCode', p.rank_code)
    WHERE di.decision_id = ${decisionId}::uuid AND ${scope}
    ORDER BY su.name, p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu", p.id`);
  return r.rows;
}
