import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';
import type { BaseSalaryRow } from '../../domain/rules/pay/base-salary.js';
import type { AllowanceMultiplierRow } from '../../domain/rules/pay/allowance-multiplier.js';

/** What the entitlements of one secondment are computed from (the reserved post, or the current one before the decision). */
export type EntitlementFactsRow = {
  id: string;
  personId: string;
  personCode: string;
  fullName: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  actualEndDate: string | null;
  durationMonths: number | null;
  shortDurationReason: string | null;
  commendation: { declined: boolean; documentNo?: string | null; proposedOn?: string | null; form?: string | null; reason?: string | null } | null;
  sendingUnitName: string;
  hostUnitId: string | null;
  hostUnitName: string | null;
  hostEspeciallyDisadvantaged: boolean | null;
  outcomeRating: string | null;
  extraStepGranted: boolean | null;
  reservedPost: Record<string, unknown> | null;
  currentPost: {
    unitName: string | null;
    positionTitle: string | null;
    rankCode: string | null;
    salaryStep: number | null;
    salaryCoefficient: string | null;
    leadershipAllowanceCoef: string | null;
  };
  rankName: string | null;
  rankSteps: string[] | null;
};

const FACTS = sql`
  SELECT s.id, s.person_id AS "personId", p.code AS "personCode", p.full_name AS "fullName", s.status,
    s.start_date::text AS "startDate", s.end_date::text AS "endDate", s.actual_end_date::text AS "actualEndDate",
    s.duration_months AS "durationMonths", s.short_duration_reason AS "shortDurationReason", s.commendation, su.name AS "sendingUnitName",
    s.host_unit_id AS "hostUnitId", hu.name AS "hostUnitName", hu.is_especially_disadvantaged AS "hostEspeciallyDisadvantaged",
    s.outcome_rating AS "outcomeRating", s.extra_step_granted AS "extraStepGranted", s.reserved_post AS "reservedPost",
    json_build_object('unitName', pu.name, 'positionTitle', p.position_title, 'rankCode', p.rank_code, 'salaryStep', p.salary_step,
      'salaryCoefficient', p.salary_coefficient::text, 'leadershipAllowanceCoef', p.leadership_allowance_coef::text) AS "currentPost",
    rk.name AS "rankName", rk.coefficients::text[] AS "rankSteps"
  FROM secondments s
  JOIN people p ON p.id = s.person_id
  JOIN org_units pu ON pu.id = p.unit_id
  JOIN org_units su ON su.id = s.sending_unit_id
  LEFT JOIN org_units hu ON hu.id = s.host_unit_id
  LEFT JOIN ranks rk ON rk.code = coalesce(s.reserved_post->>'rankCode', p.rank_code)`;

/** One secondment's facts, when `scope` (a condition on `secondments s`) lets the actor see it. */
export async function findEntitlementFacts(tx: Tx, id: string, scope: SQL): Promise<EntitlementFactsRow | null> {
  const r = await tx.execute<EntitlementFactsRow>(sql`${FACTS} WHERE s.id = ${id}::uuid AND ${scope}`);
  return r.rows[0] ?? null;
}

/**
 * The secondments started, or to start, in a year (a start date in that year; withdrawn and rejected left out),
 * in scope, by start date and name: the finance list.
 */
export async function listEntitlementFactsForYear(tx: Tx, year: number, scope: SQL): Promise<EntitlementFactsRow[]> {
  const r = await tx.execute<EntitlementFactsRow>(sql`${FACTS}
    WHERE s.start_date >= make_date(${year}::int, 1, 1) AND s.start_date < make_date(${year}::int + 1, 1, 1)
      AND s.status NOT IN ('withdrawn', 'rejected') AND ${scope}
    ORDER BY s.start_date, su.name, p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu", s.id`);
  return r.rows;
}

/** The dated base salary table (lương cơ sở). */
export async function listBaseSalaryRows(tx: Tx): Promise<BaseSalaryRow[]> {
  const r = await tx.execute(
    sql`SELECT effective_from::text AS "effectiveFrom", amount_vnd::bigint AS "amountVnd", instrument FROM base_salaries ORDER BY effective_from`,
  );
  return (r.rows as { effectiveFrom: string; amountVnd: string | number; instrument: string }[]).map((x) => ({ ...x, amountVnd: Number(x.amountVnd) }));
}

/** The dated one-off allowance multipliers (allowance_multipliers), oldest first. */
export async function listAllowanceMultipliers(tx: Tx): Promise<AllowanceMultiplierRow[]> {
  const r = await tx.execute<{ effectiveFrom: string; multiplier: string; instrument: string }>(
    sql`SELECT effective_from::text AS "effectiveFrom", multiplier::text AS multiplier, instrument FROM allowance_multipliers ORDER BY effective_from`,
  );
  return r.rows.map((x) => ({ ...x, multiplier: Number(x.multiplier) }));
}

/** The dated tables the entitlements are computed from (the what-if computes them with a draft row in place). */
export async function loadPayTables(tx: Tx): Promise<{ baseSalaries: BaseSalaryRow[]; allowanceMultipliers: AllowanceMultiplierRow[] }> {
  return { baseSalaries: await listBaseSalaryRows(tx), allowanceMultipliers: await listAllowanceMultipliers(tx) };
}

/** The secondments in the given statuses, in scope, by start date and name (the what-if of a pay table). */
export async function listEntitlementFactsByStatus(tx: Tx, statuses: readonly string[], scope: SQL): Promise<EntitlementFactsRow[]> {
  const r = await tx.execute<EntitlementFactsRow>(sql`${FACTS}
    WHERE s.status = ANY(${pgArray(statuses)}::text[]) AND ${scope}
    ORDER BY s.start_date NULLS LAST, su.name, p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu", s.id`);
  return r.rows;
}
