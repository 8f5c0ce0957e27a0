import { sql, type SQL } from 'drizzle-orm';
import { grantsInForceJson } from './access.repository.js';
import type { Db, Tx } from '../client.js';
import { insertJob } from './jobs.repository.js';
import { pgArray } from '../sql-helpers.js';
import { stepSince } from './oversight.repository.js';
import { SCHEDULED_REPORT_KINDS, SECONDMENT_DEADLINES, type InboxKind } from '../../../common/secondment.js';
import {
  evaluationDays,
  PLACEMENT_STATUSES,
  REPAYMENT_PENDING_STATUSES,
  COMMENDATION_RATINGS,
  REPORT_DUE_AHEAD_DAYS,
  REPORT_STATUSES,
  STEP_OWNERS,
  INSPECTION_ANSWER_WAIT_DAYS,
  type InboxRuleRow,
} from '../../domain/inbox/inbox-rules.js';
import type { Actor, RoleGrant } from '../../domain/access/actor.js';
import { anyOf, inboxRelations, inspectionFollowers, repaymentFollowers, scheduledReportFollowers } from '../scope.js';
import { addDays } from '../../../common/dates.js';
import { RECOMMENDATION_DUE_AHEAD_DAYS } from '../../../common/inspections.js';

export interface InboxPageQuery {
  actor: Actor;
  /** Which secondments the actor may see (`secondmentsScope`), a condition on `s`. */
  scope: SQL;
  today: string;
  /** Only the page is filtered by kind and by overdue; the counts are of every item. */
  kind?: InboxKind;
  overdue?: boolean;
  limit: number;
  offset: number;
  /** Leave out the items already sent to this user on this channel (items and counts). */
  undeliveredTo?: { userId: string; channel: string };
}

export type InboxCount = { kind: InboxKind; overdue: boolean; n: number };

/**
 * The inbox of the actor on `today`, in one statement: each rule is one SELECT of (kind, secondment, subject, due
 * date, what the title cites), filtered by the scope and by the relation the rule needs; the items are counted by
 * kind and overdue, and one page of them is read in the inbox's order (overdue first, then by due date, then by
 * the cadre's name) with the names to show. Nothing but the page leaves the database.
 */
export async function findInboxPage(tx: Tx, q: InboxPageQuery): Promise<{ rows: InboxRuleRow[]; counts: InboxCount[] }> {
  const D = SECONDMENT_DEADLINES;
  const rel = inboxRelations(q.actor);
  const insp = inspectionFollowers(q.actor);
  const followers = scheduledReportFollowers(q.actor);
  const today = sql`${q.today}::date`;
  const [far, near] = D.endWarningDays;
  const evaluation = evaluationDays(q.today);
  const year = Number(q.today.slice(0, 4));
  const wait = D.stepWaitDays;
  const steps = Object.entries(STEP_OWNERS).map(([status, o]) => sql`(s.status = ${status} AND ${rel[o.who]})`);
  const cols = (kind: SQL, subject: SQL, due: SQL, since: SQL) =>
    sql`${kind} AS kind, s.id AS sid, s.person_id AS pid, ${subject} AS subject, ${due} AS due, ${since} AS since`;
  const undelivered = q.undeliveredTo
    ? sql`NOT EXISTS (SELECT 1 FROM reminder_deliveries d WHERE d.user_id = ${q.undeliveredTo.userId}::uuid AND d.channel = ${q.undeliveredTo.channel}
        AND d.key = i.kind || ':' || i.subject || ':' || to_char(i.due, 'YYYY-MM-DD'))`
    : sql`TRUE`;
  const pageFilter = sql.join(
    [q.kind ? sql`i.kind = ${q.kind}` : sql`TRUE`, q.overdue === undefined ? sql`TRUE` : q.overdue ? sql`i.due < ${today}` : sql`i.due >= ${today}`],
    sql` AND `,
  );

  const r = await tx.execute<{ counts: InboxCount[] | null; rows: InboxRuleRow[] | null }>(sql`
    WITH rules AS (
      -- reports: the cadre's own, the host's cadres', and every late one for Sở Nội vụ
      SELECT ${cols(sql`CASE WHEN r.due_on < ${today} THEN 'report_overdue' ELSE 'report_due' END`, sql`r.id`, sql`r.due_on`, sql`NULL::date`)}
      FROM secondment_reports r JOIN secondments s ON s.id = r.secondment_id
      WHERE r.submitted_on IS NULL AND r.cancelled_at IS NULL AND r.due_on <= ${addDays(q.today, REPORT_DUE_AHEAD_DAYS)}::date
        AND s.status = ANY(${pgArray(REPORT_STATUSES)}::text[]) AND ${q.scope}
        AND (${rel.own} OR ${rel.host} OR (r.due_on < ${today} AND ${rel.homeAffairs}))
      UNION ALL
      -- the end of the secondment approaching (or passed while still active)
      SELECT ${cols(sql`CASE WHEN s.end_date <= ${today} + ${near}::int THEN 'end_in_30_days' ELSE 'end_in_90_days' END`, sql`s.id`, sql`s.end_date`, sql`NULL::date`)}
      FROM secondments s
      WHERE s.status = 'active' AND s.end_date <= ${today} + ${far}::int AND ${q.scope} AND (${rel.sending} OR ${rel.host} OR ${rel.homeAffairs})
      UNION ALL
      -- the host's annual evaluation: from 01/12, or before the cadre leaves
      SELECT ${cols(
        sql`'evaluation_due'`,
        sql`s.id`,
        sql`CASE WHEN s.end_date <= ${today} + ${near}::int AND s.end_date < ${evaluation.due}::date THEN s.end_date ELSE ${evaluation.due}::date END`,
        sql`NULL::date`,
      )}
      FROM secondments s
      WHERE s.status = 'active' AND s.end_date IS NOT NULL AND ${q.scope} AND ${rel.host}
        AND (${today} >= ${evaluation.from}::date OR s.end_date <= ${today} + ${near}::int)
        AND NOT EXISTS (SELECT 1 FROM secondment_evaluations e WHERE e.secondment_id = s.id AND e.year = ${year}::int)
      UNION ALL
      -- the sending unit keeps in touch with its cadre
      SELECT ${cols(sql`'contact_overdue'`, sql`s.id`, sql`c.last + ${D.contactEveryDays}::int`, sql`c.last`)}
      FROM secondments s
      CROSS JOIN LATERAL (SELECT COALESCE((SELECT max(ct.contacted_on) FROM secondment_contacts ct WHERE ct.secondment_id = s.id), s.received_on, s.start_date) AS last OFFSET 0) c
      WHERE s.status = 'active' AND s.end_date IS NOT NULL AND ${q.scope} AND ${rel.sending} AND c.last + ${D.contactEveryDays}::int < ${today}
      UNION ALL
      -- the sending unit places the cadre who has come back
      SELECT ${cols(sql`'placement_due'`, sql`s.id`, sql`x.ended + ${wait}::int`, sql`x.ended`)}
      FROM secondments s CROSS JOIN LATERAL (SELECT COALESCE(s.actual_end_date, s.end_date, ${stepSince}) AS ended OFFSET 0) x
      WHERE s.status = ANY(${pgArray(PLACEMENT_STATUSES)}::text[]) AND ${q.scope} AND ${rel.sending}
      UNION ALL
      -- after the return, the sending unit considers a commendation for a term completed well (Decree 178/2024 Art. 12)
      SELECT ${cols(sql`'commendation_due'`, sql`s.id`, sql`s.returned_on + ${wait}::int`, sql`s.returned_on`)}
      FROM secondments s
      WHERE s.status = 'returned' AND s.returned_on IS NOT NULL AND s.outcome_rating = ANY(${pgArray(COMMENDATION_RATINGS)}::text[])
        AND s.commendation IS NULL AND ${q.scope} AND ${rel.sending}
      UNION ALL
      -- and feeds the result back to planning and training needs (Plan 131 II.2)
      SELECT ${cols(sql`'follow_up_due'`, sql`s.id`, sql`s.returned_on + ${wait}::int`, sql`s.returned_on`)}
      FROM secondments s
      WHERE s.status = 'returned' AND s.returned_on IS NOT NULL AND s.outcome_rating IS NOT NULL AND s.follow_up IS NULL AND ${q.scope} AND ${rel.sending}
      UNION ALL
      -- a file waiting at the actor's step
      SELECT ${cols(sql`CASE WHEN x.since + ${wait}::int < ${today} THEN 'step_overdue' ELSE 'action_needed' END`, sql`s.id`, sql`x.since + ${wait}::int`, sql`x.since`)}
      FROM secondments s CROSS JOIN LATERAL (SELECT ${stepSince} AS since OFFSET 0) x
      WHERE s.status = ANY(${pgArray(Object.keys(STEP_OWNERS))}::text[]) AND ${q.scope} AND ${anyOf(steps)}
      UNION ALL
      -- training repayments (Decree 171/2025 Art. 9–13): the council and the decision to make, then the payment due
      SELECT CASE WHEN tr.status = 'decided' THEN CASE WHEN tr.due_on < ${today} THEN 'repayment_overdue' ELSE 'repayment_due' END ELSE 'repayment_pending' END AS kind,
        NULL::uuid AS sid, te.person_id AS pid, te.id AS subject,
        CASE WHEN tr.status = 'decided' THEN tr.due_on ELSE x.since + ${wait}::int END AS due,
        CASE WHEN tr.status = 'decided' THEN NULL::date ELSE x.since END AS since
      FROM training_repayments tr JOIN training_enrolments te ON te.id = tr.enrolment_id
      CROSS JOIN LATERAL (SELECT COALESCE(tr.council_formed_on, (tr.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS since OFFSET 0) x
      WHERE (tr.status = ANY(${pgArray(REPAYMENT_PENDING_STATUSES)}::text[]) OR (tr.status = 'decided' AND tr.due_on IS NOT NULL))
        AND tr.amount_vnd > 0 AND ${repaymentFollowers(q.actor)}
      UNION ALL
      -- inspections' recommendations (Plan 131 IV.3): overdue for the unit and Sở Nội vụ, due soon for the unit, an answer for Sở Nội vụ
      SELECT CASE WHEN ir.deadline < ${today} THEN 'inspection_recommendation_overdue'
          WHEN ir.status = 'answered' THEN 'inspection_answer_pending' ELSE 'inspection_recommendation_due' END AS kind,
        NULL::uuid AS sid, NULL::uuid AS pid, ir.id AS subject,
        CASE WHEN ir.deadline >= ${today} AND ir.status = 'answered' THEN ir.answered_on + ${INSPECTION_ANSWER_WAIT_DAYS}::int ELSE ir.deadline END AS due,
        CASE WHEN ir.deadline >= ${today} AND ir.status = 'answered' THEN ir.answered_on ELSE NULL::date END AS since
      FROM inspection_recommendations ir JOIN inspections ins ON ins.id = ir.inspection_id
      WHERE ins.status = 'concluded' AND ir.status <> 'accepted' AND (
        (ir.deadline < ${today} AND (${insp.unit} OR ${insp.homeAffairs}))
        OR (ir.deadline >= ${today} AND ir.status = 'answered' AND ${insp.homeAffairs})
        OR (ir.deadline >= ${today} AND ir.deadline <= ${addDays(q.today, RECOMMENDATION_DUE_AHEAD_DAYS)}::date AND ir.status IN ('open', 'returned') AND ${insp.unit}))
      UNION ALL
      -- the reports of the plan's schedule not yet issued: a sending unit's (its staff; Sở Nội vụ once late), the province's (Sở Nội vụ)
      SELECT CASE WHEN rp.unit_id IS NULL THEN CASE WHEN rp.due_on < ${today} THEN 'province_report_overdue' ELSE 'province_report_due' END
          ELSE CASE WHEN rp.due_on < ${today} THEN 'unit_report_overdue' ELSE 'unit_report_due' END END AS kind,
        NULL::uuid AS sid, NULL::uuid AS pid, rp.id AS subject, rp.due_on AS due, rp.period_from AS since
      FROM reports rp
      WHERE rp.status = 'draft' AND rp.due_on IS NOT NULL AND rp.due_on <= ${addDays(q.today, REPORT_DUE_AHEAD_DAYS)}::date
        AND CASE WHEN rp.unit_id IS NULL THEN ${followers.province} ELSE ${followers.unit} OR (rp.due_on < ${today} AND ${followers.homeAffairs}) END
    ),
    items AS MATERIALIZED (SELECT i.* FROM rules i WHERE ${undelivered}),
    -- the page: ordered by overdue, due date, then name; the names are looked up only for the items up to the
    -- page's last (overdue, due date) — the "cut" — since no item after it can come before it
    filtered AS (SELECT i.*, i.due < ${today} AS late FROM items i WHERE ${pageFilter}),
    cut AS (SELECT f.late, f.due FROM filtered f ORDER BY f.late DESC, f.due LIMIT 1 OFFSET ${Math.max(q.offset + q.limit - 1, 0)}),
    page AS (
      SELECT i.kind, i.sid, i.subject, i.due, i.since, i.ord, i.full_name, COALESCE(s.status, tr.status, ir.status, rp.status) AS status,
        COALESCE(s.person_id, te.person_id) AS person_id, su.id AS sending_unit_id, COALESCE(su.name, 'Sở Nội vụ') AS sending_name, ir.inspection_id,
        s.host_unit_id, hu.name AS host_name, r.kind AS report_kind, r.period_no
      FROM (SELECT i.*, row_number() OVER (ORDER BY i.late DESC, i.due, COALESCE(i.full_name, '') COLLATE "vi-VN-x-icu", i.kind, i.subject) AS ord
            FROM (SELECT f.*, (SELECT p.full_name FROM people p WHERE p.id = f.pid) AS full_name
                  FROM filtered f LEFT JOIN cut c ON TRUE
                  WHERE ${q.limit > 0 ? sql`TRUE` : sql`FALSE`} AND (c.due IS NULL OR f.late > c.late OR (f.late = c.late AND f.due <= c.due))) i
            ORDER BY ord LIMIT ${q.limit} OFFSET ${q.offset}) i
      LEFT JOIN secondments s ON s.id = i.sid
      -- a repayment item: its enrolment, and the budget unit in the place of the sending unit
      LEFT JOIN training_enrolments te ON te.id = i.subject AND i.sid IS NULL
      LEFT JOIN training_repayments tr ON tr.enrolment_id = te.id
      -- an inspection item: its recommendation, and the inspected unit in the place of the sending unit
      LEFT JOIN inspection_recommendations ir ON ir.id = i.subject AND i.kind IN ('inspection_recommendation_due', 'inspection_recommendation_overdue', 'inspection_answer_pending')
      LEFT JOIN inspections ins ON ins.id = ir.inspection_id
      -- a report of the schedule: its unit in the place of the sending unit (none for the province's report)
      LEFT JOIN reports rp ON rp.id = i.subject AND i.kind = ANY(${pgArray(SCHEDULED_REPORT_KINDS)}::text[])
      LEFT JOIN org_units su ON su.id = COALESCE(s.sending_unit_id, te.budget_unit_id, ins.unit_id, rp.unit_id)
      LEFT JOIN org_units hu ON hu.id = s.host_unit_id
      LEFT JOIN secondment_reports r ON r.id = i.subject AND i.kind IN ('report_due', 'report_overdue')
    )
    SELECT
      (SELECT json_agg(json_build_object('kind', c.kind, 'overdue', c.overdue, 'n', c.n))
        FROM (SELECT i.kind, i.due < ${today} AS overdue, count(*)::int AS n FROM items i GROUP BY 1, 2) c) AS counts,
      (SELECT json_agg(json_build_object('kind', x.kind, 'secondmentId', x.sid, 'subjectId', x.subject, 'dueOn', x.due, 'since', x.since,
          'reportKind', x.report_kind, 'periodNo', x.period_no, 'status', x.status, 'personId', x.person_id, 'personName', x.full_name,
          'sendingUnitId', x.sending_unit_id, 'sendingUnitName', x.sending_name, 'hostUnitId', x.host_unit_id, 'hostUnitName', x.host_name,
          'inspectionId', x.inspection_id) ORDER BY x.ord)
        FROM page x) AS rows`);
  const out = r.rows[0];
  return { counts: out?.counts ?? [], rows: out?.rows ?? [] };
}

export type ReminderRecipient = {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  email: string;
  grants: RoleGrant[];
};

/**
 * Active users who hold a role with an inbox (every role but admin) and have an e-mail address: the account's own
 * (set by the administrator), else that of the person record the account is linked to.
 */
export async function findReminderRecipients(tx: Tx, today: string): Promise<ReminderRecipient[]> {
  const r = await tx.execute<ReminderRecipient>(sql`
    SELECT u.id, u.username, u.display_name AS "displayName", u.person_id AS "personId", x.email,
      ${grantsInForceJson(today)} AS grants
    FROM users u
    LEFT JOIN people p ON p.id = u.person_id
    CROSS JOIN LATERAL (SELECT COALESCE(NULLIF(btrim(u.email), ''), NULLIF(btrim(p.email), '')) AS email) x
    WHERE u.is_active AND x.email IS NOT NULL
      AND EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.role <> 'admin')
    ORDER BY u.username`);
  return r.rows.map((u) => ({ ...u, grants: (u.grants ?? []).filter((g) => g.role !== 'admin') }));
}

/**
 * Records deliveries; returns the keys this call recorded (a key another process recorded first is left out,
 * so two workers never send the same reminder: the second waits on the first's row, then skips it).
 */
export async function claimDeliveries(tx: Tx, userId: string, channel: string, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const r = await tx.execute<{ key: string }>(sql`INSERT INTO reminder_deliveries (key, user_id, channel)
    SELECT k, ${userId}::uuid, ${channel} FROM unnest(${pgArray(keys)}::text[]) AS k
    ON CONFLICT DO NOTHING RETURNING key`);
  return r.rows.map((x) => x.key);
}

/**
 * Queues the job of `kind` for `day` unless one is already there (whatever its state): several server processes
 * may ask, one job is queued. Returns the new job's id, or null.
 */
export async function queueJobOfDayOnce(db: Db, kind: string, day: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'tang-cuong:' + kind}))`);
    const exists = await tx.execute(sql`SELECT 1 FROM jobs WHERE kind = ${kind} AND payload ->> 'day' = ${day} LIMIT 1`);
    if (exists.rows.length) return null;
    return insertJob(tx, { kind, payload: { day }, createdBy: null, unitScope: [null] });
  });
}
