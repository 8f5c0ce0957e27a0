import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';
import { QUOTA_FIGURES, SECONDMENT_PROPOSED_STATUSES, type QuotaFigure } from '../../../common/secondment.js';

export type QuotaUnitRow = {
  unitId: string;
  unitName: string;
  unitKind: string;
  restructuredOn: string | null;
  assignedStaffing: number | null;
  proposed: number;
  decided: number;
  active: number;
  /** How many count against the quota (the figure `counted`): the gap is the target less these. */
  counted: number;
};

/** The SQL twin of countsAgainstQuota (server/domain/rules/quota.ts): the secondment's state counts for the figure. */
export function countsAgainstQuotaSql(figure: QuotaFigure, status: SQL): SQL {
  return sql`${status} = ANY(${pgArray(QUOTA_FIGURES[figure])}::text[])`;
}

/**
 * The city-level units (children of the People's Committee, communes and wards excepted: they owe nothing)
 * within the scope, with assigned staffing for the year and their secondments by stage.
 */
export async function findQuotaUnits(tx: Tx, scope: SQL, year: number): Promise<QuotaUnitRow[]> {
  const r = await tx.execute<QuotaUnitRow>(sql`
    SELECT u.id AS "unitId", u.name AS "unitName", u.kind AS "unitKind", u.restructured_on AS "restructuredOn",
      st.assigned_staffing AS "assignedStaffing",
      count(sc.id) FILTER (WHERE sc.status = ANY(${pgArray(SECONDMENT_PROPOSED_STATUSES)}::text[]))::int AS proposed,
      count(sc.id) FILTER (WHERE sc.status = 'decided')::int AS decided,
      count(sc.id) FILTER (WHERE sc.status = 'active')::int AS active,
      count(sc.id) FILTER (WHERE ${countsAgainstQuotaSql('counted', sql`sc.status`)})::int AS counted
    FROM org_units u
    JOIN org_units root ON root.id = u.parent_id AND root.parent_id IS NULL
    LEFT JOIN org_unit_staffing st ON st.unit_id = u.id AND st.year = ${year}
    LEFT JOIN secondments sc ON sc.sending_unit_id = u.id
    WHERE u.kind NOT IN ('commune', 'ward') AND ${scope}
    GROUP BY u.id, st.assigned_staffing
    ORDER BY u.sort_order, u.name COLLATE "vi-VN-x-icu"`);
  return r.rows;
}
