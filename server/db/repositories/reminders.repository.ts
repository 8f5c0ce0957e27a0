import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { insertJob } from './jobs.repository.js';
import { pgArray } from '../sql-helpers.js';
import { stepSince } from './oversight.repository.js';
import { SECONDMENT_OPEN_STATUSES } from '../../../common/secondment.js';
import type { InboxReportRow, InboxSecondmentRow } from '../../domain/reminders/inbox-rules.js';
import type { RoleGrant } from '../../domain/access/actor.js';

/**
 * The open secondments within `scope` (a condition on `s`) with what the inbox rules need: names, unit paths,
 * the day the current step began, the last contact and whether the host has evaluated the cadre for `year`.
 */
export async function findInboxSecondments(tx: Tx, scope: SQL, year: number): Promise<InboxSecondmentRow[]> {
  const r = await tx.execute<InboxSecondmentRow>(sql`
    SELECT s.id, s.status, s.person_id AS "personId", p.full_name AS "personName",
      s.sending_unit_id AS "sendingUnitId", su.name AS "sendingUnitName", su.path::text[] AS "sendingPath",
      s.host_unit_id AS "hostUnitId", hu.name AS "hostUnitName", hu.path::text[] AS "hostPath",
      s.start_date AS "startDate", s.end_date AS "endDate", s.received_on AS "receivedOn", s.actual_end_date AS "actualEndDate",
      ${stepSince}::text AS "stepSince",
      ct.last_on::text AS "lastContactOn",
      EXISTS (SELECT 1 FROM secondment_evaluations e WHERE e.secondment_id = s.id AND e.year = ${year}) AS "evaluatedThisYear"
    FROM secondments s
    JOIN people p ON p.id = s.person_id
    JOIN org_units su ON su.id = s.sending_unit_id
    LEFT JOIN org_units hu ON hu.id = s.host_unit_id
    LEFT JOIN LATERAL (SELECT max(c.contacted_on) AS last_on FROM secondment_contacts c WHERE c.secondment_id = s.id) ct ON TRUE
    WHERE s.status = ANY(${pgArray(SECONDMENT_OPEN_STATUSES)}::text[]) AND ${scope}`);
  return r.rows;
}

/** Reports of secondments within `scope` not submitted nor cancelled, due on or before `upTo`. */
export async function findPendingReports(tx: Tx, scope: SQL, upTo: string): Promise<InboxReportRow[]> {
  const r = await tx.execute<InboxReportRow>(sql`
    SELECT r.id, r.secondment_id AS "secondmentId", r.kind, r.period_no AS "periodNo", r.due_on AS "dueOn"
    FROM secondment_reports r JOIN secondments s ON s.id = r.secondment_id
    WHERE r.submitted_on IS NULL AND r.cancelled_at IS NULL AND r.due_on <= ${upTo}::date
      AND s.status IN ('active', 'completed', 'ended_early') AND ${scope}`);
  return r.rows;
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
export async function findReminderRecipients(tx: Tx): Promise<ReminderRecipient[]> {
  const r = await tx.execute<ReminderRecipient>(sql`
    SELECT u.id, u.username, u.display_name AS "displayName", u.person_id AS "personId", x.email,
      (SELECT json_agg(json_build_object('role', g.role, 'unitId', g.unit_id)) FROM role_grants g
        WHERE g.user_id = u.id AND (g.valid_from IS NULL OR g.valid_from <= current_date) AND (g.valid_to IS NULL OR g.valid_to >= current_date)) AS grants
    FROM users u
    LEFT JOIN people p ON p.id = u.person_id
    CROSS JOIN LATERAL (SELECT COALESCE(NULLIF(btrim(u.email), ''), NULLIF(btrim(p.email), '')) AS email) x
    WHERE u.is_active AND x.email IS NOT NULL
      AND EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.role <> 'admin')
    ORDER BY u.username`);
  return r.rows.map((u) => ({ ...u, grants: (u.grants ?? []).filter((g) => g.role !== 'admin') }));
}

/** The keys among `keys` already sent to the user on the channel. */
export async function findDeliveredKeys(tx: Tx, userId: string, channel: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const r = await tx.execute<{ key: string }>(sql`SELECT key FROM reminder_deliveries
    WHERE user_id = ${userId}::uuid AND channel = ${channel} AND key = ANY(${pgArray(keys)}::text[])`);
  return new Set(r.rows.map((x) => x.key));
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
