import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { inSubtree, pathUnder } from '../scope.js';

export type BudgetRow = {
  id: string;
  unitId: string;
  year: number;
  fundingSource: 'regular' | 'supplementary';
  amountVnd: string;
  committedVnd: string;
  spentVnd: string;
  overdraftVnd: string;
  overrideReason: string | null;
};

const budgetCols = sql`b.id, b.unit_id AS "unitId", b.year, b.funding_source AS "fundingSource", b.amount_vnd::text AS "amountVnd",
  b.committed_vnd::text AS "committedVnd", b.spent_vnd::text AS "spentVnd", b.overdraft_vnd::text AS "overdraftVnd", b.override_reason AS "overrideReason"`;

/** Whether the budget's unit is within `unitScope` (a condition on `org_units u`). */
export async function isBudgetInScope(tx: Tx, id: string, unitScope: SQL): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM training_budgets b JOIN org_units u ON u.id = b.unit_id WHERE b.id = ${id}::uuid AND ${unitScope}`);
  return r.rows.length > 0;
}

/**
 * The budget row of a unit, year and funding source, locked (FOR UPDATE) until the transaction ends: two
 * approvals against the same budget take turns, and the second sees what the first committed.
 */
export async function lockBudget(tx: Tx, unitId: string, year: number, source: string): Promise<BudgetRow | null> {
  const r = await tx.execute<BudgetRow>(sql`SELECT ${budgetCols} FROM training_budgets b
    WHERE b.unit_id = ${unitId}::uuid AND b.year = ${year} AND b.funding_source = ${source} FOR UPDATE`);
  return r.rows[0] ?? null;
}

export async function lockBudgetById(tx: Tx, id: string): Promise<BudgetRow | null> {
  const r = await tx.execute<BudgetRow>(sql`SELECT ${budgetCols} FROM training_budgets b WHERE b.id = ${id}::uuid FOR UPDATE`);
  return r.rows[0] ?? null;
}

/** Creates the budget row if absent (amount 0), so it can be locked; returns nothing. */
export async function ensureBudgetRow(tx: Tx, unitId: string, year: number, source: string, userId: string) {
  await tx.execute(sql`INSERT INTO training_budgets (unit_id, year, funding_source, amount_vnd, updated_by)
    VALUES (${unitId}::uuid, ${year}, ${source}, 0, ${userId}::uuid) ON CONFLICT (unit_id, year, funding_source) DO NOTHING`);
}

export async function setBudgetAmount(
  tx: Tx,
  id: string,
  o: { amountVnd: bigint; userId: string; computedVnd?: bigint; computation?: unknown; override?: { reason: string; byName: string } | null },
) {
  await tx.execute(sql`UPDATE training_budgets SET amount_vnd = ${o.amountVnd.toString()}::bigint, updated_by = ${o.userId}::uuid, updated_at = now()
    ${o.computedVnd !== undefined ? sql`, computed_vnd = ${o.computedVnd.toString()}::bigint, computation = ${JSON.stringify(o.computation)}::jsonb` : sql``}
    ${
      o.override === null
        ? sql`, override_reason = NULL, override_by = NULL, override_by_name = NULL, override_at = NULL`
        : o.override
          ? sql`, override_reason = ${o.override.reason}, override_by = ${o.userId}::uuid, override_by_name = ${o.override.byName}, override_at = now()`
          : sql``
    }
    WHERE id = ${id}::uuid`);
}

/** Moves a locked budget's running totals; the table's checks refuse anything that would make it negative. */
export async function moveBudget(tx: Tx, id: string, d: { committed?: bigint; spent?: bigint; overdraft?: bigint }) {
  await tx.execute(sql`UPDATE training_budgets SET committed_vnd = committed_vnd + ${(d.committed ?? 0n).toString()}::bigint,
      spent_vnd = spent_vnd + ${(d.spent ?? 0n).toString()}::bigint, overdraft_vnd = overdraft_vnd + ${(d.overdraft ?? 0n).toString()}::bigint,
      updated_at = now()
    WHERE id = ${id}::uuid`);
}

export async function insertLedgerEntry(
  tx: Tx,
  e: {
    budgetId: string;
    enrolmentId: string | null;
    kind: 'commit' | 'release' | 'spend';
    amountVnd: bigint;
    entryDate: string;
    overrideReason?: string | null;
    note?: string | null;
    createdBy: string;
  },
) {
  await tx.execute(sql`INSERT INTO training_ledger (budget_id, enrolment_id, kind, amount_vnd, entry_date, override_reason, note, created_by)
    VALUES (${e.budgetId}::uuid, ${e.enrolmentId}::uuid, ${e.kind}, ${e.amountVnd.toString()}::bigint, ${e.entryDate}::date, ${e.overrideReason ?? null}, ${e.note ?? null}, ${e.createdBy}::uuid)`);
}

/** Budgets of a year for the units in scope (condition on org_units u), with the unit's name. */
export async function findBudgets(tx: Tx, unitScope: SQL, year: number, unitId?: string) {
  const r = await tx.execute<
    BudgetRow & {
      unitName: string;
      restructuredOn: string | null;
      computedVnd: string | null;
      computation: unknown;
      overrideByName: string | null;
      overrideAt: string | null;
    }
  >(sql`SELECT ${budgetCols}, u.name AS "unitName", u.restructured_on AS "restructuredOn",
      b.computed_vnd::text AS "computedVnd", b.computation, b.override_by_name AS "overrideByName", b.override_at AS "overrideAt"
    FROM training_budgets b JOIN org_units u ON u.id = b.unit_id
    WHERE b.year = ${year} AND ${unitScope} ${unitId ? sql`AND ${pathUnder('u', unitId)}` : sql``}
    ORDER BY u.sort_order, u.name COLLATE "vi-VN-x-icu", b.funding_source`);
  return r.rows;
}

/** Commitments and payments per month of a year for the budgets in scope (for the chart), by funding source. */
export async function findLedgerByMonth(tx: Tx, unitScope: SQL, year: number, unitId?: string) {
  const r = await tx.execute<{ month: number; fundingSource: string; committed: string; released: string; spent: string }>(sql`SELECT
      -- what was committed before the year opens it (month 0); anything dated after it closes it (month 12)
      CASE WHEN l.entry_date < make_date(${year}, 1, 1) THEN 0 WHEN l.entry_date > make_date(${year}, 12, 31) THEN 12
        ELSE extract(month FROM l.entry_date)::int END AS month, b.funding_source AS "fundingSource",
      coalesce(sum(l.amount_vnd) FILTER (WHERE l.kind = 'commit'), 0)::text AS committed,
      coalesce(sum(l.amount_vnd) FILTER (WHERE l.kind = 'release'), 0)::text AS released,
      coalesce(sum(l.amount_vnd) FILTER (WHERE l.kind = 'spend'), 0)::text AS spent
    FROM training_ledger l JOIN training_budgets b ON b.id = l.budget_id JOIN org_units u ON u.id = b.unit_id
    WHERE b.year = ${year} AND ${unitScope} ${unitId ? sql`AND ${pathUnder('u', unitId)}` : sql``}
    GROUP BY 1, 2 ORDER BY 1`);
  return r.rows;
}

/** A unit in scope with its restructuring date (for the supplementary budget). */
export async function findBudgetUnit(tx: Tx, unitId: string, unitScope: SQL) {
  const r = await tx.execute<{
    id: string;
    name: string;
    restructuredOn: string | null;
    path: string[];
  }>(sql`SELECT u.id, u.name, u.restructured_on AS "restructuredOn", u.path
    FROM org_units u WHERE u.id = ${unitId}::uuid AND ${unitScope}`);
  return r.rows[0] ?? null;
}

/**
 * The salary coefficients of the active staff of a unit's subtree, summed exactly in hundredths (numeric(4,2) × 100
 * is an integer), with how many people count and how many have no coefficient.
 */
export async function findSalaryFundInputs(tx: Tx, unitId: string) {
  const r = await tx.execute<{ hundredths: string; counted: number; missing: number }>(sql`SELECT
      coalesce(sum((p.salary_coefficient * 100)::bigint), 0)::text AS hundredths,
      count(p.salary_coefficient)::int AS counted, (count(*) - count(p.salary_coefficient))::int AS missing
    FROM people p WHERE p.status = 'active' AND ${inSubtree('p.unit_id', unitId)}`);
  return r.rows[0];
}

/** The assigned staffing (biên chế được giao) of a unit for a year, or of the latest year before it. */
export async function findAssignedStaffing(tx: Tx, unitId: string, year: number) {
  const r = await tx.execute<{
    year: number;
    headcount: number;
    decisionNo: string | null;
  }>(sql`SELECT year, assigned_staffing AS headcount, decision_no AS "decisionNo"
    FROM org_unit_staffing WHERE unit_id = ${unitId}::uuid AND year <= ${year} ORDER BY year DESC LIMIT 1`);
  return r.rows[0] ?? null;
}

export async function findBaseSalaries(tx: Tx) {
  const r = await tx.execute<{
    effectiveFrom: string;
    amountVnd: string;
    instrument: string;
  }>(sql`SELECT effective_from AS "effectiveFrom", amount_vnd::text AS "amountVnd", instrument
    FROM base_salaries ORDER BY effective_from`);
  return r.rows.map((x) => ({ effectiveFrom: x.effectiveFrom, amountVnd: BigInt(x.amountVnd), instrument: x.instrument }));
}
