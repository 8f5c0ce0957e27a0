import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';

/**
 * The plan's schedule of reports (server/domain/reports/report-schedule.ts): the sending units that report to Sở Nội
 * vụ, the report of a period, and the units' late reports (their figures: `unit_reports` in reports.repository.ts). A report `rp` of the schedule has a
 * deadline (`due_on`); it is late when issued after it, or not issued when it has passed.
 */

/** Serialises the schedule's run: two processes on the same day create each draft once. */
export async function lockReportSchedule(tx: Tx) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tang-cuong:report-schedule'))`);
}

/**
 * The units that report to Sở Nội vụ on `on`: the city-level units (the People's Committee's children, communes and
 * wards excepted, as the quota's units) still open.
 */
export async function findReportingUnits(tx: Tx, on: string): Promise<{ id: string; name: string }[]> {
  const r = await tx.execute<{ id: string; name: string }>(sql`
    SELECT u.id, u.name FROM org_units u JOIN org_units root ON root.id = u.parent_id AND root.parent_id IS NULL
    WHERE u.kind NOT IN ('commune', 'ward') AND (u.closed_on IS NULL OR u.closed_on > ${on}::date)
    ORDER BY u.sort_order, u.name COLLATE "vi-VN-x-icu"`);
  return r.rows;
}

/** The units (null: the province) that already have a report of the plan's results (not the annual training report), draft or issued, on exactly this period. */
export async function reportersOfPeriod(tx: Tx, from: string, to: string): Promise<Set<string | null>> {
  const r = await tx.execute<{ unitId: string | null }>(
    sql`SELECT DISTINCT unit_id AS "unitId" FROM reports WHERE kind = 'plan131' AND period_from = ${from}::date AND period_to = ${to}::date`,
  );
  return new Set(r.rows.map((x) => x.unitId));
}

/** A report of the schedule (alias `alias`) that is late on `today`: issued after its deadline, or not issued once it has passed. */
export const reportLateOn = (today: string, alias = 'rp') => {
  const rp = sql.raw(alias);
  return sql`${rp}.due_on IS NOT NULL AND ((${rp}.status = 'draft' AND ${rp}.due_on < ${today}::date) OR ${rp}.issued_on > ${rp}.due_on)`;
};

export type LateUnitReportRow = {
  reportId: string;
  unitId: string;
  unitName: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  status: 'draft' | 'issued';
  issuedOn: string | null;
  /** Days past the deadline: to the issue, or to today while not issued. */
  days: number;
};

/**
 * The units' late reports on `today` (`visible`: a condition on `rp`), the longest late first: not issued past their
 * deadline (`outstanding`), or also those issued late.
 */
export async function findLateUnitReports(
  tx: Tx,
  visible: SQL,
  q: { today: string; outstanding: boolean; limit: number | null; offset: number },
): Promise<{ total: number; items: LateUnitReportRow[] }> {
  const which = q.outstanding ? sql`rp.status = 'draft' AND rp.due_on < ${q.today}::date` : reportLateOn(q.today);
  const r = await tx.execute<{ total: number; items: LateUnitReportRow[] | null }>(sql`
    WITH late AS (
      SELECT rp.id AS "reportId", rp.unit_id AS "unitId", u.name AS "unitName", rp.period_from::text AS "periodFrom", rp.period_to::text AS "periodTo",
        rp.due_on::text AS "dueOn", rp.status, rp.issued_on::text AS "issuedOn",
        (COALESCE(rp.issued_on, ${q.today}::date) - rp.due_on)::int AS days, u.sort_order
      FROM reports rp JOIN org_units u ON u.id = rp.unit_id
      WHERE rp.unit_id IS NOT NULL AND ${which} AND ${visible}
    ),
    page AS (SELECT * FROM late ORDER BY days DESC, "dueOn", sort_order, "unitName" COLLATE "vi-VN-x-icu" LIMIT ${q.limit} OFFSET ${q.offset})
    SELECT (SELECT count(*)::int FROM late) AS total,
      (SELECT json_agg(json_build_object('reportId', "reportId", 'unitId', "unitId", 'unitName', "unitName", 'periodFrom', "periodFrom", 'periodTo', "periodTo",
        'dueOn', "dueOn", 'status', status, 'issuedOn', "issuedOn", 'days', days) ORDER BY days DESC, "dueOn", sort_order, "unitName" COLLATE "vi-VN-x-icu") FROM page) AS items`);
  return { total: r.rows[0]?.total ?? 0, items: r.rows[0]?.items ?? [] };
}
