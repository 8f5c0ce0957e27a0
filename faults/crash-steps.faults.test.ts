/**
 * The reliability suite, the steps that write many rows at once (issue 14; the imports are in crash-recovery): the
 * real server is killed with SIGKILL at a random moment while it answers a send decision for a batch of appraised
 * cadres, placements on return, or approvals of training nominations, then started again. After each restart
 * every step is all or nothing (the decision with all its items, events and audit rows, or none of them; the
 * placement with the person's new post, the host's access closed and its audit rows, or none; the approval with
 * its budget commitment and ledger entry, or neither) and the audit chain still verifies. TRIALS (default 20)
 * sets the number of crashes of each kind; with the import file's 50 the suite makes well over 50.
 *
 * The records to act on are written in SQL at the state the step expects, cloned from the demo rows of that
 * state (only the person and the ids change), so each trial costs one crash and one restart.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startAppServer, type AppServer } from '../e2e/support/app-server.js';
import { ApiSession as Session } from '../e2e/support/api-session.js';
import { addDays, vietnamToday } from '../common/dates.js';

const TRIALS = Number(process.env.TRIALS ?? 20);
/** Appraised cadres in each send decision. */
const BATCH = 12;
/** Placements, and training approvals, sent at once in each trial. */
const PARALLEL = 3;

let server: AppServer;
let db: pg.Pool;
let deptId: string;
const today = vietnamToday();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function q<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query<T>(sql, params)).rows;
}
const count = async (sql: string, params: unknown[]) => (await q<{ n: number }>(sql, params))[0].n;

/** A copy of one row with some columns changed: every other column as the demo wrote it. */
async function cloneRow(table: string, id: string, changes: Record<string, unknown>): Promise<string> {
  const newId = crypto.randomUUID();
  await db.query(`INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(t) || $2::jsonb)).* FROM ${table} t WHERE t.id = $1`, [
    id,
    JSON.stringify({ ...changes, id: newId }),
  ]);
  return newId;
}

/** Active people without an open secondment nor an account, in the demo department or outside it. */
async function freePeople(n: number, inDept: boolean, order: 'ASC' | 'DESC' = 'ASC'): Promise<string[]> {
  const rows = await q<{ id: string }>(
    `SELECT p.id FROM people p JOIN org_units u ON u.id = p.unit_id
     WHERE p.status = 'active' AND (u.path @> ARRAY[$1::uuid]) = $2
       AND NOT EXISTS (SELECT 1 FROM secondments s WHERE s.person_id = p.id AND s.status NOT IN ('returned', 'withdrawn', 'rejected'))
       AND NOT EXISTS (SELECT 1 FROM users us WHERE us.person_id = p.id)
     ORDER BY p.code ${order} LIMIT $3`,
    [deptId, inDept, n],
  );
  expect(rows.length, 'enough people for the trials').toBe(n);
  return rows.map((r) => r.id);
}

/** The post of a person as the secondment reserves it (secondment.repository currentPost). */
const POST_SQL = `SELECT jsonb_build_object('unitId', p.unit_id, 'unitName', u.name, 'jobPostId', p.job_post_id, 'positionTitle', p.position_title,
    'isLeader', p.is_leader, 'leadershipAllowanceCoef', p.leadership_allowance_coef::text, 'rankCode', p.rank_code, 'salaryStep', p.salary_step,
    'salaryCoefficient', p.salary_coefficient::text) AS post
  FROM people p JOIN org_units u ON u.id = p.unit_id WHERE p.id = $1`;

interface CrashTally {
  /** The kill came while a transaction of the server was open and no answer had arrived. */
  inTransaction: number;
  /** No answer yet, no transaction open (not started, or already committed and being answered). */
  inFlight: number;
  /** Every request had been answered. */
  answered: number;
}

/**
 * Sends the requests, kills the server after a random wait (up to 1.2 times the last answer's time, or a guess growing until one comes), notes
 * whether a transaction was open and which requests had been answered, and starts the server again.
 */
async function crashDuring(send: () => Promise<Response>[], est: { ms: number; answer: number }, tally: CrashTally) {
  const started = Date.now();
  const answered: (number | null)[] = [];
  const pending = send().map((p, i) =>
    p.then(
      (r) => {
        answered[i] = r.status;
        est.answer = Date.now() - started;
        return r.text().catch(() => null); // the headers came, the crash cut the body
      },
      () => null,
    ),
  );
  await sleep(Math.floor(Math.random() * (est.answer || est.ms) * 1.2));
  const open = await count(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
       AND backend_type = 'client backend' AND xact_start IS NOT NULL`,
    [],
  );
  const atKill = pending.map((_, i) => answered[i] ?? null);
  await server.kill9();
  // the waits reach a little past the answer: the last answer's time once one came, before that a guess growing after each crash
  if (est.answer === 0 && atKill.some((s) => s === null)) est.ms = Math.round(est.ms * 1.4);
  const bodies = await Promise.all(pending);
  if (atKill.every((s) => s !== null)) tally.answered++;
  else if (open > 0) tally.inTransaction++;
  else tally.inFlight++;
  await server.restart();
  // an answer is a success, or the setup is wrong: say what the server said
  atKill.forEach((status, i) => {
    if (status !== null) expect(status, String(bodies[i]).slice(0, 500)).toBeLessThan(300);
  });
  return atKill;
}

async function auditIntact() {
  expect(await server.cli(['verify-audit'])).toMatch(/Nhật ký toàn vẹn/);
}

beforeAll(async () => {
  server = await startAppServer({ name: 'faults_steps' });
  db = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
  deptId = (await q<{ unit_id: string }>(`SELECT g.unit_id FROM users us JOIN role_grants g ON g.user_id = us.id WHERE us.username = 'tochuc'`))[0].unit_id;
}, 180_000);

afterAll(async () => {
  await db?.end();
  await server?.stop();
});

describe('kill -9 during multi-row steps, then a restart', () => {
  it(`${TRIALS} crashes during a send decision of ${BATCH} cadres leave it all or nothing`, async () => {
    const [template] = await q<{ id: string; version: number }>(`SELECT id, version FROM secondments WHERE status = 'appraised' ORDER BY id LIMIT 1`);
    const [opinion] = await q<{ id: string }>(
      `SELECT o.id FROM secondment_party_opinions o JOIN secondments s ON s.id = o.secondment_id WHERE s.status IN ('decided', 'active') ORDER BY o.id LIMIT 1`,
    );
    const [{ months }] = await q<{ months: number }>(`SELECT duration_months AS months FROM secondments WHERE status = 'decided' LIMIT 1`);
    const [host] = await q<{ id: string }>(`SELECT id FROM org_units WHERE kind IN ('commune', 'ward') ORDER BY code LIMIT 1`);
    expect(template && opinion && host).toBeTruthy();
    const appraised = async (n: number) => {
      const ids: string[] = [];
      for (const personId of await freePeople(n, false)) {
        const id = await cloneRow('secondments', template.id, { person_id: personId, created_at: new Date().toISOString() });
        await cloneRow('secondment_party_opinions', opinion.id, { secondment_id: id });
        ids.push(id);
      }
      return ids;
    };
    let batch = await appraised(BATCH);
    const tally: CrashTally = { inTransaction: 0, inFlight: 0, answered: 0 };
    const outcomes = { decided: 0, none: 0 };
    const est = { ms: 300, answer: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const s = await new Session(() => server.baseURL).login('lanhdao');
      const signerName = `Trần Văn Thử D${trial}`;
      const ids = batch;
      const body = {
        decidedOn: today,
        signerName,
        signerTitle: 'Phó Chủ tịch Ủy ban nhân dân',
        items: ids.map((secondmentId) => ({ secondmentId, version: template.version, hostUnitId: host.id, startDate: addDays(today, 15), durationMonths: months })),
      };
      const [status] = await crashDuring(() => [s.post('/api/secondments/decisions/send', body)], est, tally);

      const decisions = await q<{ id: string }>(`SELECT id FROM secondment_decisions WHERE signer_name = $1`, [signerName]);
      expect(decisions.length).toBeLessThanOrEqual(1);
      const decided = decisions.length === 1;
      if (status !== null) expect(decided, 'an answered decision is there').toBe(true);
      const states = await q<{ status: string; decision_id: string | null; reserved: boolean; n: number }>(
        `SELECT status, decision_id, reserved_post IS NOT NULL AS reserved, count(*)::int AS n FROM secondments WHERE id = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
        [ids],
      );
      const items = await count(`SELECT count(*)::int AS n FROM secondment_decision_items WHERE secondment_id = ANY($1::uuid[])`, [ids]);
      const events = await count(`SELECT count(*)::int AS n FROM secondment_events WHERE action = 'decide' AND secondment_id = ANY($1::uuid[])`, [ids]);
      const audits = await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'secondment.decide' AND entity_id = ANY($1::text[])`, [ids]);
      if (decided) {
        expect(states).toEqual([{ status: 'decided', decision_id: decisions[0].id, reserved: true, n: BATCH }]);
        expect([items, events, audits]).toEqual([BATCH, BATCH, BATCH]);
        outcomes.decided++;
        batch = await appraised(BATCH);
      } else {
        expect(states).toEqual([{ status: 'appraised', decision_id: null, reserved: false, n: BATCH }]);
        expect([items, events, audits]).toEqual([0, 0, 0]);
        outcomes.none++;
      }
      await auditIntact();
    }
    console.log(
      `faults: ${TRIALS} crashes during a send decision of ${BATCH}; when killed`,
      tally,
      '; after the restart',
      outcomes,
      `; last answer ${est.answer} ms`,
    );
    expect(tally.inTransaction + tally.inFlight).toBeGreaterThan(0);
    if (TRIALS >= 10) expect(outcomes.decided, 'some decisions went through before the crash').toBeGreaterThan(0);
  }, 3_600_000);

  it(`${TRIALS} crashes during ${PARALLEL} placements on return leave each all or nothing`, async () => {
    const [template] = await q<{ id: string; version: number; host_unit_id: string }>(
      `SELECT id, version, host_unit_id FROM secondments WHERE status = 'completed' AND placement IS NULL ORDER BY (sending_unit_id = $1) DESC, id LIMIT 1`,
      [deptId],
    );
    expect(template).toBeTruthy();
    const FAR = '2099-12-31';
    /** A completed secondment of the person awaiting placement, the home post reserved as it stands, the host's access open. */
    const completed = async (personId: string) => {
      const [{ post }] = await q<{ post: Record<string, unknown> }>(POST_SQL, [personId]);
      const id = await cloneRow('secondments', template.id, { person_id: personId, sending_unit_id: deptId, reserved_post: post });
      await db.query(
        `INSERT INTO person_access_grants (unit_id, person_id, valid_from, valid_to, reason, source_type, source_id)
         SELECT host_unit_id, person_id, start_date, $2, 'Cán bộ tăng cường (thử)', 'secondment', id FROM secondments WHERE id = $1`,
        [id, FAR],
      );
      return { id, personId };
    };
    const pool = await Promise.all((await freePeople(PARALLEL, true)).map(completed));
    const tally: CrashTally = { inTransaction: 0, inFlight: 0, answered: 0 };
    const outcomes = { placed: 0, none: 0 };
    const est = { ms: 180, answer: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const s = await new Session(() => server.baseURL).login('tochuc');
      const before = await Promise.all(
        pool.map(
          async (p) => (await q<{ version: number; title: string | null }>(`SELECT version, position_title AS title FROM people WHERE id = $1`, [p.personId]))[0],
        ),
      );
      const marks = pool.map((_, k) => `P${trial}-${k}`);
      const bodies = await Promise.all(
        pool.map(async (p, k) => {
          const [{ post }] = await q<{ post: { unitId: string; jobPostId: string | null; isLeader: boolean; leadershipAllowanceCoef: string | null } }>(POST_SQL, [
            p.personId,
          ]);
          return {
            decidedOn: today,
            signerName: `Nguyễn Thanh Ký ${marks[k]}`,
            signerTitle: 'Giám đốc',
            version: template.version,
            returnedOn: today,
            placement: {
              unitId: post.unitId,
              jobPostId: post.jobPostId,
              positionTitle: `Chuyên viên ${marks[k]}`,
              isLeader: post.isLeader,
              leadershipAllowanceCoef: post.leadershipAllowanceCoef == null ? null : Number(post.leadershipAllowanceCoef),
            },
            outcomeRating: 'HTT',
            outcomeRemarks: 'Hoàn thành tốt nhiệm vụ tăng cường',
          };
        }),
      );
      const statuses = await crashDuring(() => pool.map((p, k) => s.post(`/api/secondments/${p.id}/place`, bodies[k])), est, tally);

      for (const [k, p] of pool.entries()) {
        const [sec] = await q<{ status: string }>(`SELECT status FROM secondments WHERE id = $1`, [p.id]);
        const placed = sec.status === 'returned';
        if (statuses[k] !== null) expect(placed, 'an answered placement is there').toBe(true);
        const [person] = await q<{ version: number; title: string | null }>(`SELECT version, position_title AS title FROM people WHERE id = $1`, [p.personId]);
        const decisions = await count(
          `SELECT count(*)::int AS n FROM secondment_decisions d JOIN secondment_decision_items i ON i.decision_id = d.id
           WHERE d.signer_name = $1 AND d.kind = 'return' AND i.secondment_id = $2`,
          [bodies[k].signerName, p.id],
        );
        const orphanDecisions = await count(`SELECT count(*)::int AS n FROM secondment_decisions WHERE signer_name = $1`, [bodies[k].signerName]);
        const events = await count(`SELECT count(*)::int AS n FROM secondment_events WHERE action = 'place' AND secondment_id = $1`, [p.id]);
        const [grant] = await q<{ to: string }>(`SELECT valid_to::text AS to FROM person_access_grants WHERE source_id = $1`, [p.id]);
        const audits = await count(
          `SELECT count(*)::int AS n FROM audit_log WHERE (action = 'secondment.place' AND entity_id = $1)
             OR (entity_type = 'person' AND entity_id = $2 AND meta->>'source' = 'secondment.place' AND meta->>'secondmentId' = $1)`,
          [p.id, p.personId],
        );
        if (placed) {
          expect({ person, decisions, orphanDecisions, events, grant: grant.to, audits }).toEqual({
            person: { version: before[k].version + 1, title: bodies[k].placement.positionTitle },
            decisions: 1,
            orphanDecisions: 1,
            events: 1,
            grant: addDays(today, -1),
            audits: 2,
          });
          outcomes.placed++;
          pool[k] = await completed(p.personId);
        } else {
          expect(sec.status).toBe('completed');
          expect({ person, decisions, orphanDecisions, events, grant: grant.to, audits }).toEqual({
            person: before[k],
            decisions: 0,
            orphanDecisions: 0,
            events: 0,
            grant: FAR,
            audits: 0,
          });
          outcomes.none++;
        }
      }
      await auditIntact();
    }
    console.log(
      `faults: ${TRIALS} crashes during ${PARALLEL} placements on return; when killed`,
      tally,
      '; placements after the restart',
      outcomes,
      `; last answer ${est.answer} ms`,
    );
    expect(tally.inTransaction + tally.inFlight).toBeGreaterThan(0);
    if (TRIALS >= 10) expect(outcomes.placed, 'some placements went through before the crash').toBeGreaterThan(0);
  }, 3_600_000);

  it(`${TRIALS} crashes during ${PARALLEL} training approvals leave each with its budget commitment or without`, async () => {
    const [course0] = await q<{ id: string }>(`SELECT id FROM training_courses WHERE funding_source = 'regular' AND start_date > $1 ORDER BY start_date LIMIT 1`, [
      today,
    ]);
    expect(course0).toBeTruthy();
    const COST = 100_000;
    const courseId = await cloneRow('training_courses', course0.id, {
      title: 'Bồi dưỡng thử nghiệm khả năng phục hồi',
      capacity: 1000,
      cost_per_participant_vnd: COST,
    });
    const candidates = await freePeople(200, true, 'DESC');
    const nominated = async () => {
      const hr = await new Session(() => server.baseURL).login('tochuc');
      for (;;) {
        const personId = candidates.shift();
        expect(personId, 'enough people who may be nominated').toBeTruthy();
        const r = await hr.post('/api/training/enrolments', { courseId, personId });
        if (r.status === 201) return ((await r.json()) as { id: string }).id;
      }
    };
    const pool: string[] = [];
    for (let k = 0; k < PARALLEL; k++) pool.push(await nominated());
    const committedNow = async () =>
      (
        await q<{ committed: string; ledger: string }>(
          `SELECT b.committed_vnd::text AS committed, (SELECT coalesce(sum(amount_vnd), 0)::text FROM training_ledger l WHERE l.budget_id = b.id AND l.kind = 'commit') AS ledger
           FROM training_budgets b JOIN training_enrolments e ON e.budget_unit_id = b.unit_id AND e.funding_source = b.funding_source
           JOIN training_courses c ON c.id = e.course_id AND b.year = extract(year FROM c.start_date)::int WHERE e.id = $1`,
          [pool[0]],
        )
      )[0];
    const tally: CrashTally = { inTransaction: 0, inFlight: 0, answered: 0 };
    const outcomes = { approved: 0, none: 0 };
    const est = { ms: 120, answer: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const s = await new Session(() => server.baseURL).login('sonoivu');
      const budgetBefore = await committedNow();
      const statuses = await crashDuring(() => pool.map((id) => s.post(`/api/training/enrolments/${id}/approve`, {})), est, tally);

      let approvedNow = 0;
      for (const [k, id] of pool.entries()) {
        const [e] = await q<{ status: string; budget_id: string | null; committed: string }>(
          `SELECT status, budget_id, committed_vnd::text AS committed FROM training_enrolments WHERE id = $1`,
          [id],
        );
        const approved = e.status === 'approved';
        if (statuses[k] !== null) expect(approved, 'an answered approval is there').toBe(true);
        const ledger = await count(`SELECT count(*)::int AS n FROM training_ledger WHERE enrolment_id = $1`, [id]);
        const audits = await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'approve' AND entity_type = 'training_enrolment' AND entity_id = $1`, [
          id,
        ]);
        if (approved) {
          expect({ budget: e.budget_id !== null, committed: e.committed, ledger, audits }).toEqual({ budget: true, committed: String(COST), ledger: 1, audits: 1 });
          approvedNow++;
          outcomes.approved++;
          pool[k] = await nominated();
        } else {
          expect({ status: e.status, budget: e.budget_id, committed: e.committed, ledger, audits }).toEqual({
            status: 'nominated',
            budget: null,
            committed: '0',
            ledger: 0,
            audits: 0,
          });
          outcomes.none++;
        }
      }
      // the budget moved by exactly the approvals that stand, and its ledger with it
      const budgetAfter = await committedNow();
      expect(BigInt(budgetAfter.committed) - BigInt(budgetBefore.committed)).toBe(BigInt(COST * approvedNow));
      expect(BigInt(budgetAfter.ledger) - BigInt(budgetBefore.ledger)).toBe(BigInt(COST * approvedNow));
      await auditIntact();
    }
    console.log(
      `faults: ${TRIALS} crashes during ${PARALLEL} training approvals; when killed`,
      tally,
      '; approvals after the restart',
      outcomes,
      `; last answer ${est.answer} ms`,
    );
    expect(tally.inTransaction + tally.inFlight).toBeGreaterThan(0);
    if (TRIALS >= 10) expect(outcomes.approved, 'some approvals went through before the crash').toBeGreaterThan(0);
  }, 3_600_000);
});
