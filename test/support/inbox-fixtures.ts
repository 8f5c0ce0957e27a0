import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.js';
import { pgArray } from '../../server/db/sql-helpers.js';
import { stepSince } from '../../server/db/repositories/oversight.repository.js';
import { SECONDMENT_OPEN_STATUSES, SECONDMENT_REPORTING_STATUSES } from '../../common/secondment.js';
import type { InboxReportRow, InboxSecondmentRow } from '../../server/domain/inbox/inbox-rules.js';
import type pg from 'pg';
import { makePerson, makeSession, makeUnit, type Session, type UnitRef } from './factories.js';
import { addDays } from '../../common/dates.js';

/**
 * Test fixtures of the inbox, oversight and reminder tests: two sending departments (A, B), two communes, and
 * secondments at each step, with dates relative to a fixed day T.
 */
export const T = '2026-11-26';
export const day = (n: number) => addDays(T, n);

export async function makeSecondment(
  pool: pg.Pool,
  o: {
    personUnitId: string;
    sendingUnitId: string;
    hostUnitId?: string | null;
    status: string;
    stepSince: string;
    start?: string;
    end?: string;
    actualEnd?: string;
    fullName?: string;
    email?: string;
  },
) {
  const person = await makePerson(pool, { unitId: o.personUnitId, fullName: o.fullName });
  if (o.email) await pool.query(`UPDATE people SET email = $2 WHERE id = $1`, [person.id, o.email]);
  const r = await pool.query<{ id: string }>(
    `INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status, start_date, end_date, received_on, actual_end_date, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date) RETURNING id`,
    [
      person.id,
      o.sendingUnitId,
      o.hostUnitId ?? null,
      o.status,
      o.start ?? null,
      o.end ?? null,
      o.status === 'active' ? (o.start ?? null) : null,
      o.actualEnd ?? null,
      o.stepSince,
    ],
  );
  const id = r.rows[0].id;
  // the step began at noon (Vietnam time) of stepSince
  await pool.query(
    `INSERT INTO secondment_events (secondment_id, action, to_status, actor_name, at) VALUES ($1, 'test', $2, 'Thử', ($3 || 'T12:00:00+07:00')::timestamptz)`,
    [id, o.status, o.stepSince],
  );
  return { id, personId: person.id };
}

export async function makeReport(pool: pg.Pool, secondmentId: string, dueOn: string, o: { periodNo?: number; submittedOn?: string } = {}) {
  const r = await pool.query<{ id: string }>(
    `INSERT INTO secondment_reports (secondment_id, kind, period_no, due_on, submitted_on) VALUES ($1, 'periodic', $2, $3, $4) RETURNING id`,
    [secondmentId, o.periodNo ?? 1, dueOn, o.submittedOn ?? null],
  );
  return r.rows[0].id;
}

export interface Fixture {
  units: Record<'root' | 'deptA' | 'subA' | 'deptB' | 'c1' | 'c2', UnitRef>;
  s: Record<string, { id: string; personId: string }>;
  reports: Record<string, string>;
  sessions: Record<'hrA' | 'hrB' | 'mgrA' | 'hostC1' | 'hostC2' | 'homeAffairs' | 'authority' | 'admin' | 'cadreA1', Session>;
}

export async function buildFixture(pool: pg.Pool): Promise<Fixture> {
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  const deptA = await makeUnit(pool, { parent: root, name: 'Sở Thử nghiệm A', staffing: 100 });
  const subA = await makeUnit(pool, { parent: deptA, kind: 'sub_unit' });
  const deptB = await makeUnit(pool, { parent: root, name: 'Sở Thử nghiệm B', staffing: 40 });
  const c1 = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Một' });
  const c2 = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Hai' });
  const A = { personUnitId: subA.id, sendingUnitId: deptA.id };
  const B = { personUnitId: deptB.id, sendingUnitId: deptB.id };
  const s = {
    a1: await makeSecondment(pool, {
      ...A,
      hostUnitId: c1.id,
      status: 'active',
      stepSince: '2025-09-01',
      start: '2025-09-01',
      end: day(90),
      fullName: 'Nguyễn Văn An',
      email: 'an.nguyen@example.vn',
    }),
    a2: await makeSecondment(pool, { ...A, hostUnitId: c1.id, status: 'active', stepSince: '2025-12-01', start: '2025-12-01', end: day(30) }),
    b1: await makeSecondment(pool, { ...B, hostUnitId: c2.id, status: 'active', stepSince: '2025-10-01', start: '2025-10-01', end: day(91) }),
    a3: await makeSecondment(pool, { ...A, status: 'proposed', stepSince: day(-16) }),
    b2: await makeSecondment(pool, { ...B, status: 'sent_back', stepSince: day(-3) }),
    a4: await makeSecondment(pool, { ...A, status: 'appraised', stepSince: day(-2), hostUnitId: c1.id }),
    b3: await makeSecondment(pool, { ...B, hostUnitId: c2.id, status: 'decided', stepSince: day(-1), start: day(10), end: day(1100) }),
    a5: await makeSecondment(pool, { ...A, hostUnitId: c1.id, status: 'completed', stepSince: day(-19), start: '2025-08-01', end: day(-20) }),
    a6: await makeSecondment(pool, { ...A, hostUnitId: c2.id, status: 'returned', stepSince: day(-5), start: '2025-08-01', end: day(-60) }),
  };
  // recent contacts, so the contact reminder stays out of the way except where a test wants it
  for (const x of [s.a1, s.a2, s.b1]) {
    await pool.query(
      `INSERT INTO secondment_contacts (secondment_id, contacted_on, channel, summary, author_user_id, author_name) VALUES ($1, $2, 'phone', 'Thử', gen_random_uuid(), 'Thử')`,
      [x.id, day(-10)],
    );
  }
  const reports = {
    a1Today: await makeReport(pool, s.a1.id, T, { periodNo: 2 }),
    a1Late: await makeReport(pool, s.a1.id, day(-1), { periodNo: 1 }),
    a1Done: await makeReport(pool, s.a1.id, day(-200), { periodNo: 0, submittedOn: day(-205) }),
    a1Far: await makeReport(pool, s.a1.id, day(16), { periodNo: 3 }),
    b1Late: await makeReport(pool, s.b1.id, day(-5), { periodNo: 2 }),
  };
  const sessions = {
    hrA: await makeSession(pool, 'unit_hr', { unitId: deptA.id }),
    mgrA: await makeSession(pool, 'unit_manager', { unitId: deptA.id }),
    hrB: await makeSession(pool, 'unit_hr', { unitId: deptB.id }),
    hostC1: await makeSession(pool, 'host', { unitId: c1.id }),
    hostC2: await makeSession(pool, 'host', { unitId: c2.id }),
    homeAffairs: await makeSession(pool, 'home_affairs'),
    authority: await makeSession(pool, 'authority'),
    admin: await makeSession(pool, 'admin'),
    cadreA1: await makeSession(pool, 'cadre', { personId: s.a1.personId }),
  };
  return { units: { root, deptA, subA, deptB, c1, c2 }, s, reports, sessions };
}

/**
 * The open secondments within `scope` (a condition on `s`) with what the inbox rules need: names, unit paths,
 * the day the current step began, the last contact and whether the host has evaluated the cadre for `year`.
 * Reads every row in scope: test support only, for checking `findInboxPage` against the rules' reference reading.
 */
export async function findInboxSecondments(tx: Tx, scope: SQL, year: number): Promise<InboxSecondmentRow[]> {
  const r = await tx.execute<InboxSecondmentRow>(sql`
    SELECT s.id, s.status, s.person_id AS "personId", p.full_name AS "personName",
      s.sending_unit_id AS "sendingUnitId", su.name AS "sendingUnitName", su.path::text[] AS "sendingPath",
      s.host_unit_id AS "hostUnitId", hu.name AS "hostUnitName", hu.path::text[] AS "hostPath",
      s.start_date AS "startDate", s.end_date AS "endDate", s.received_on AS "receivedOn", s.actual_end_date AS "actualEndDate",
      ${stepSince}::text AS "stepSince",
      ct.last_on::text AS "lastContactOn",
      EXISTS (SELECT 1 FROM secondment_evaluations e WHERE e.secondment_id = s.id AND e.year = ${year}) AS "evaluatedThisYear",
      s.returned_on::text AS "returnedOn", s.outcome_rating AS "outcomeRating", s.commendation IS NOT NULL AS "commendationRecorded",
      s.follow_up IS NOT NULL AS "followUpRecorded"
    FROM secondments s
    JOIN people p ON p.id = s.person_id
    JOIN org_units su ON su.id = s.sending_unit_id
    LEFT JOIN org_units hu ON hu.id = s.host_unit_id
    LEFT JOIN LATERAL (SELECT max(c.contacted_on) AS last_on FROM secondment_contacts c WHERE c.secondment_id = s.id) ct ON TRUE
    WHERE s.status = ANY(${pgArray([...SECONDMENT_OPEN_STATUSES, 'returned'])}::text[]) AND ${scope}`);
  return r.rows;
}

/** Reports of secondments within `scope` not submitted nor cancelled, due on or before `upTo` (the check's too). */
export async function findPendingReports(tx: Tx, scope: SQL, upTo: string): Promise<InboxReportRow[]> {
  const r = await tx.execute<InboxReportRow>(sql`
    SELECT r.id, r.secondment_id AS "secondmentId", r.kind, r.period_no AS "periodNo", r.due_on AS "dueOn"
    FROM secondment_reports r JOIN secondments s ON s.id = r.secondment_id
    WHERE r.submitted_on IS NULL AND r.cancelled_at IS NULL AND r.due_on <= ${upTo}::date
      AND s.status = ANY(${pgArray(SECONDMENT_REPORTING_STATUSES)}::text[]) AND ${scope}`);
  return r.rows;
}
