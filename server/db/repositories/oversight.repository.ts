import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { SECONDMENT_DEADLINES, SECONDMENT_REPORTING_STATUSES, SECONDMENT_TRANSITIONS, SECONDMENT_WAITING_STATUSES } from '../../../common/secondment.js';
import { pgArray } from '../sql-helpers.js';

/**
 * Counts and lists for the oversight of the secondments (Sở Nội vụ, the authority). `scope` is a condition on
 * the secondment aliased `s`; `today` is the Vietnam date the deadlines are judged on.
 */

const WAIT = SECONDMENT_DEADLINES.stepWaitDays;
/** The (Vietnam) day the secondment entered its current status (last step event, else its last update). */
export const stepSince = sql`(SELECT (COALESCE(max(e.at) FILTER (WHERE e.to_status = s.status), max(e.at), s.updated_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
  FROM secondment_events e WHERE e.secondment_id = s.id)`;
const lateReport = (today: string) => sql`r.submitted_on IS NULL AND r.cancelled_at IS NULL AND r.due_on < ${today}::date`;
const endedOn = sql`COALESCE(s.actual_end_date, s.end_date)`;
/** Reports are still expected (SECONDMENT_REPORTING_STATUSES). */
const reporting = sql`s.status = ANY(${pgArray(SECONDMENT_REPORTING_STATUSES)}::text[])`;
/** Waiting at a step of the path; ended and waiting for the sending unit to place the cadre. */
const waiting = sql`s.status = ANY(${pgArray(SECONDMENT_WAITING_STATUSES)}::text[])`;
const awaitingPlacement = sql`s.status = ANY(${pgArray(SECONDMENT_TRANSITIONS.place.from)}::text[])`;

export type FulfilledRow = { unitId: string; completed: number; endedEarly: number; returned: number };

export async function countClosedBySendingUnit(tx: Tx, scope: SQL): Promise<FulfilledRow[]> {
  const r = await tx.execute<FulfilledRow>(sql`SELECT s.sending_unit_id AS "unitId",
      count(*) FILTER (WHERE s.status = 'completed')::int AS completed,
      count(*) FILTER (WHERE s.status = 'ended_early')::int AS "endedEarly",
      count(*) FILTER (WHERE s.status = 'returned')::int AS returned
    FROM secondments s WHERE s.status IN ('completed', 'ended_early', 'returned') AND ${scope}
    GROUP BY s.sending_unit_id`);
  return r.rows;
}

export type StatusCountRow = { status: string; count: number; overdue: number };

/** Secondments per status, and how many are late at that step (waiting too long, a report late, placement late). */
export async function countByStatus(tx: Tx, scope: SQL, today: string): Promise<StatusCountRow[]> {
  const r = await tx.execute<StatusCountRow>(sql`SELECT s.status, count(*)::int AS count,
      count(*) FILTER (WHERE CASE
        WHEN ${waiting} THEN ${stepSince} + ${WAIT}::int < ${today}::date
        WHEN s.status = 'active' THEN lr.secondment_id IS NOT NULL
        WHEN ${awaitingPlacement} THEN ${endedOn} + ${WAIT}::int < ${today}::date
        ELSE FALSE END)::int AS overdue
    FROM secondments s
    -- the secondments with a late report, read once from the reports still expected (partial index), not probed one by one
    LEFT JOIN (SELECT DISTINCT r.secondment_id FROM secondment_reports r WHERE ${lateReport(today)}) lr ON lr.secondment_id = s.id
    WHERE ${scope} GROUP BY s.status`);
  return r.rows;
}

export type HostCountRow = { unitId: string; unitName: string; unitKind: string; especiallyDisadvantaged: boolean; active: number };

export async function countActiveByHost(tx: Tx, scope: SQL): Promise<HostCountRow[]> {
  const r = await tx.execute<HostCountRow>(sql`SELECT u.id AS "unitId", u.name AS "unitName", u.kind AS "unitKind",
      u.is_especially_disadvantaged AS "especiallyDisadvantaged", count(*)::int AS active
    FROM secondments s JOIN org_units u ON u.id = s.host_unit_id
    WHERE s.status = 'active' AND ${scope}
    GROUP BY u.id ORDER BY count(*) DESC, u.name COLLATE "vi-VN-x-icu"`);
  return r.rows;
}

/** Reports not submitted: due within `aheadDays` (not yet late), and late. */
export async function countReports(tx: Tx, scope: SQL, today: string, aheadDays: number): Promise<{ due: number; late: number }> {
  const r = await tx.execute<{ due: number; late: number }>(sql`SELECT
      count(*) FILTER (WHERE r.due_on >= ${today}::date AND r.due_on <= ${today}::date + ${aheadDays}::int)::int AS due,
      count(*) FILTER (WHERE r.due_on < ${today}::date)::int AS late
    FROM secondment_reports r JOIN secondments s ON s.id = r.secondment_id
    WHERE r.submitted_on IS NULL AND r.cancelled_at IS NULL AND ${reporting} AND ${scope}`);
  return r.rows[0] ?? { due: 0, late: 0 };
}

import type { OverdueList } from '../../../common/secondment.js';

export type OverdueRow = {
  secondmentId: string;
  subjectId: string;
  personId: string;
  personName: string;
  status: string;
  sendingUnitName: string;
  hostUnitName: string | null;
  /** The date the lateness is counted from: report due date, step start, end of the secondment. */
  date: string;
  /** Days late (reports), waiting (steps, placements) or left (ends). */
  days: number;
  periodNo: number | null;
  reportKind: string | null;
};

function overdueSource(list: OverdueList, today: string, endWithin: number): SQL {
  const common = sql`s.id AS "secondmentId", s.person_id AS "personId", p.full_name AS "personName", s.status,
    su.name AS "sendingUnitName", hu.name AS "hostUnitName"`;
  const from = sql`FROM secondments s JOIN people p ON p.id = s.person_id JOIN org_units su ON su.id = s.sending_unit_id
    LEFT JOIN org_units hu ON hu.id = s.host_unit_id`;
  switch (list) {
    case 'reports':
      return sql`SELECT ${common}, r.id AS "subjectId", r.due_on AS "date", (${today}::date - r.due_on) AS days, r.period_no AS "periodNo", r.kind AS "reportKind"
        ${from} JOIN secondment_reports r ON r.secondment_id = s.id
        WHERE ${reporting} AND ${lateReport(today)}`;
    case 'steps':
      return sql`SELECT * FROM (SELECT ${common}, s.id AS "subjectId", ${stepSince} AS "date", NULL::int AS "periodNo", NULL::text AS "reportKind" ${from}
          WHERE ${waiting}) x0
        CROSS JOIN LATERAL (SELECT (${today}::date - x0."date") AS days) d WHERE x0."date" + ${WAIT}::int < ${today}::date`;
    case 'placements':
      return sql`SELECT ${common}, s.id AS "subjectId", ${endedOn} AS "date", (${today}::date - ${endedOn}) AS days, NULL::int AS "periodNo", NULL::text AS "reportKind"
        ${from} WHERE ${awaitingPlacement}`;
    case 'ends':
      return sql`SELECT ${common}, s.id AS "subjectId", s.end_date AS "date", (s.end_date - ${today}::date) AS days, NULL::int AS "periodNo", NULL::text AS "reportKind"
        ${from} WHERE s.status = 'active' AND s.end_date <= ${today}::date + ${endWithin}::int`;
  }
}

/** One overdue list, a page at a time (limit null: all of it, for the export). */
export async function findOverdue(
  tx: Tx,
  scope: SQL,
  list: OverdueList,
  o: { today: string; endWithin: number; limit: number | null; offset: number },
): Promise<{ total: number; items: OverdueRow[] }> {
  // the scope names `s`: applied inside, on the secondment of each row
  const src = overdueSource(list, o.today, o.endWithin);
  const r = await tx.execute<OverdueRow & { total: number }>(sql`SELECT x.*, count(*) OVER ()::int AS total
    FROM (${src}) x WHERE x."secondmentId" IN (SELECT s.id FROM secondments s WHERE ${scope})
    ORDER BY x."date", x."personName" COLLATE "vi-VN-x-icu", x."subjectId" ${o.limit === null ? sql`` : sql`LIMIT ${o.limit} OFFSET ${o.offset}`}`);
  const total = r.rows[0]?.total ?? 0;
  return { total, items: r.rows.map(({ total: _t, ...x }) => ({ ...x, days: Number(x.days) })) };
}

export type ReturnDueRow = {
  secondmentId: string;
  personId: string;
  personName: string;
  sendingUnitName: string;
  hostUnitName: string | null;
  endDate: string;
  daysLeft: number;
};

export async function findReturnsDue(tx: Tx, scope: SQL, today: string, days: number): Promise<ReturnDueRow[]> {
  const r = await tx.execute<ReturnDueRow>(sql`SELECT s.id AS "secondmentId", s.person_id AS "personId", p.full_name AS "personName",
      su.name AS "sendingUnitName", hu.name AS "hostUnitName", s.end_date AS "endDate", (s.end_date - ${today}::date)::int AS "daysLeft"
    FROM secondments s JOIN people p ON p.id = s.person_id JOIN org_units su ON su.id = s.sending_unit_id LEFT JOIN org_units hu ON hu.id = s.host_unit_id
    WHERE s.status = 'active' AND s.end_date >= ${today}::date AND s.end_date <= ${today}::date + ${days}::int AND ${scope}
    ORDER BY s.end_date, p.full_name COLLATE "vi-VN-x-icu"`);
  return r.rows;
}
