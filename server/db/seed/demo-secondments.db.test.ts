import { vietnamToday } from '../../../common/dates.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { seedDemo } from './demo.js';
import { DEMO_DEPARTMENT_CODE, DEMO_HOST_COMMUNE_CODE, ensureDemoAccounts } from './demo-accounts.js';
import { DEMO_TODAY } from './constants.js';
import { computeInbox } from '../../domain/inbox/get-inbox.js';
import { findUserWithGrants } from '../repositories/imports.repository.js';
import { findReminderRecipients } from '../repositories/inbox.repository.js';
import type { Actor } from '../../domain/access/actor.js';

const t = useTestDatabase();
const twin = useTestDatabase();
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.get().pool.query(text, params)).rows as T[];

beforeAll(async () => {
  await seedDemo(t.get().pool, { people: 1500, seed: 131 });
  await ensureDemoAccounts(t.get().db);
  await seedDemo(twin.get().pool, { people: 1500, seed: 131 });
}, 300_000);

async function actorOf(username: string): Promise<Actor> {
  const [{ id }] = await q<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]);
  const u = (await findUserWithGrants(t.get().db, id, vietnamToday()))!;
  return { userId: u.id, username: u.username, displayName: u.displayName, personId: u.personId, grants: u.grants as Actor['grants'] };
}

describe('demo secondments', () => {
  it('are the same for the same seed, ids included', async () => {
    const dump = async (db: typeof t) =>
      (
        await db.get().pool.query(`SELECT s.id, s.person_id, s.status, s.start_date, s.end_date, s.decision_no,
        (SELECT count(*) FROM secondment_reports r WHERE r.secondment_id = s.id AND r.submitted_on IS NULL) AS pending
        FROM secondments s ORDER BY s.id`)
      ).rows;
    const a = await dump(t);
    expect(a.length).toBeGreaterThan(0);
    expect(await dump(twin)).toEqual(a);
  });

  it('has secondments at every step, from several sending units, of eligible-looking people', async () => {
    const statuses = (await q<{ status: string }>(`SELECT DISTINCT status FROM secondments`)).map((r) => r.status).sort();
    expect(statuses).toEqual(expect.arrayContaining(['active', 'appraised', 'completed', 'decided', 'proposed', 'returned', 'sent_back']));
    const [n] = await q<{ total: number; units: number; badPeople: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT sending_unit_id)::int AS units,
      count(*) FILTER (WHERE p.status <> 'active' OR p.birth_date < $1::date - interval '53 years')::int AS "badPeople"
      FROM secondments s JOIN people p ON p.id = s.person_id`,
      [DEMO_TODAY],
    );
    expect(n.total).toBeGreaterThanOrEqual(30);
    expect(n.units).toBeGreaterThanOrEqual(4);
    expect(n.badPeople).toBe(0);
    const starts = await q<{ lo: string; hi: string }>(`SELECT min(start_date)::text AS lo, max(start_date)::text AS hi FROM secondments WHERE status = 'active'`);
    expect(starts[0].lo >= '2025-08-01' && starts[0].hi <= '2026-06-30').toBe(true);
  });

  it('keeps the columns consistent: decisions numbered per year, reserved posts, host access, reports', async () => {
    // each issuer (the People's Committee, or a sending unit for its return decisions) numbers from 01 each year
    const gaps = await q(`SELECT issuer_unit_id, year FROM secondment_decisions GROUP BY issuer_unit_id, year HAVING min(seq) <> 1 OR max(seq) <> count(*)`);
    expect(gaps).toEqual([]);
    const [books] = await q<Record<string, number>>(`SELECT count(*) FILTER (WHERE kind = 'return' AND issuer_unit_id IS NULL)::int AS "returnByUbnd",
      count(*) FILTER (WHERE kind <> 'return' AND issuer_unit_id IS NOT NULL)::int AS "othersByUnit",
      count(*) FILTER (WHERE kind = 'return' AND number NOT LIKE '%/QĐ-' || (SELECT code FROM org_units WHERE id = issuer_unit_id))::int AS "badUnitNumber"
      FROM secondment_decisions`);
    expect(books).toEqual({ returnByUbnd: 0, othersByUnit: 0, badUnitNumber: 0 });
    const [c] = await q<Record<string, number>>(`SELECT
      count(*) FILTER (WHERE status IN ('decided', 'active', 'completed', 'returned') AND (decision_id IS NULL OR reserved_post IS NULL
        OR NOT EXISTS (SELECT 1 FROM secondment_decision_items i JOIN secondment_decisions d ON d.id = i.decision_id
          WHERE i.secondment_id = s.id AND d.kind = 'send' AND d.number = s.decision_no)))::int AS "badDecision",
      count(*) FILTER (WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM person_access_grants g WHERE g.source_id = s.id
        AND g.unit_id = s.host_unit_id AND g.valid_from = s.start_date AND g.valid_to = s.end_date))::int AS "noGrant",
      count(*) FILTER (WHERE status IN ('proposed', 'sent_back', 'appraised', 'decided') AND EXISTS (SELECT 1 FROM person_access_grants g WHERE g.source_id = s.id))::int AS "earlyGrant",
      count(*) FILTER (WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM secondment_reports r WHERE r.secondment_id = s.id))::int AS "noReports",
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM secondment_events e WHERE e.secondment_id = s.id AND e.to_status = s.status))::int AS "noEvent",
      count(*) FILTER (WHERE status = 'returned' AND (placement IS NULL OR returned_on IS NULL))::int AS "badReturn",
      -- Plan 131 II.1: whatever Sở Nội vụ forwarded has the Party committee's agreement (the demo authority can decide it)
      count(*) FILTER (WHERE status IN ('appraised', 'decided', 'active', 'completed', 'ended_early', 'returned') AND NOT EXISTS (
        SELECT 1 FROM secondment_party_opinions o WHERE o.secondment_id = s.id AND o.outcome = 'agree' AND o.political_conclusion = 'meets'))::int AS "noOpinion"
      FROM secondments s`);
    expect(c).toEqual({ badDecision: 0, noGrant: 0, earlyGrant: 0, noReports: 0, noEvent: 0, badReturn: 0, noOpinion: 0 });
    const [r] = await q<{ submitted: number; late: number }>(
      `SELECT count(*) FILTER (WHERE submitted_on IS NOT NULL)::int AS submitted,
      count(*) FILTER (WHERE submitted_on IS NULL AND due_on < $1::date)::int AS late FROM secondment_reports`,
      [DEMO_TODAY],
    );
    expect(r.submitted).toBeGreaterThan(0);
    expect(r.late).toBeGreaterThan(0);
    expect((await q(`SELECT 1 FROM secondment_evaluations`)).length).toBeGreaterThan(0);
    expect((await q(`SELECT 1 FROM secondment_contacts`)).length).toBeGreaterThan(0);
  });

  it('gives the demo accounts something to do', async () => {
    const host = await q<{ status: string; n: number }>(
      `SELECT s.status, count(*)::int AS n FROM secondments s JOIN org_units u ON u.id = s.host_unit_id
      WHERE u.code = $1 GROUP BY s.status`,
      [DEMO_HOST_COMMUNE_CODE],
    );
    expect(host.find((h) => h.status === 'active')?.n).toBeGreaterThanOrEqual(1);
    expect(host.find((h) => h.status === 'decided')?.n).toBeGreaterThanOrEqual(1);
    const dept = await q<{ status: string }>(`SELECT DISTINCT s.status FROM secondments s JOIN org_units u ON u.id = s.sending_unit_id WHERE u.code = $1`, [
      DEMO_DEPARTMENT_CODE,
    ]);
    expect(dept.map((d) => d.status)).toEqual(expect.arrayContaining(['proposed', 'sent_back', 'appraised', 'decided', 'active']));

    const xa = await computeInbox(t.get().db, await actorOf('xa'), DEMO_TODAY);
    expect(xa.some((i) => i.kind === 'action_needed' || i.kind === 'step_overdue')).toBe(true);
    const donvi = await computeInbox(t.get().db, await actorOf('donvi'), DEMO_TODAY);
    expect(donvi.length).toBeGreaterThan(0);
    const sonoivu = await computeInbox(t.get().db, await actorOf('sonoivu'), DEMO_TODAY);
    expect(sonoivu.some((i) => i.status === 'proposed')).toBe(true);
    // the demo cadre is serving at the demo commune
    const canbo = await actorOf('canbo');
    const mine = await q<{ status: string }>(`SELECT status FROM secondments WHERE person_id = $1`, [canbo.personId]);
    expect(mine.map((m) => m.status)).toEqual(['active']);
  });

  it('gives every demo account an address at example.org, where its reminders go', async () => {
    const rows = await q<{ username: string; email: string }>(`SELECT username, email FROM users ORDER BY username`);
    expect(rows.length).toBe(7);
    expect(rows.every((r) => r.email === `${r.username}@example.org`)).toBe(true);
    const recipients = await findReminderRecipients(t.get().db, vietnamToday());
    // every role with an inbox, the Sở Nội vụ account included though it is linked to no personnel record
    expect(recipients.map((r) => r.email).sort()).toEqual(['canbo', 'donvi', 'lanhdao', 'sonoivu', 'tochuc', 'xa'].map((u) => `${u}@example.org`));
    // run again on a demo database set up before accounts had addresses: the missing one is filled, nothing else moves
    await t.get().pool.query(`UPDATE users SET email = NULL WHERE username = 'sonoivu'`);
    await ensureDemoAccounts(t.get().db);
    expect(await q(`SELECT username, email FROM users ORDER BY username`)).toEqual(rows);
  });
});

describe('demo demand (issue 13)', () => {
  it('sets norm and field on the communes’ posts, mostly at or above today’s holders, some short', async () => {
    const [p] = await q<{ posts: number; normed: number; fielded: number; short: number; over: number }>(`SELECT count(*)::int AS posts,
        count(j.norm)::int AS normed, count(j.field)::int AS fielded,
        count(*) FILTER (WHERE j.norm > h.n)::int AS short, count(*) FILTER (WHERE j.norm < h.n)::int AS over
      FROM job_posts j JOIN org_units u ON u.id = j.unit_id
      CROSS JOIN LATERAL (SELECT (SELECT count(*) FROM people p WHERE p.job_post_id = j.id AND p.unit_id = j.unit_id AND p.status = 'active')
        + (SELECT count(*) FROM secondments s WHERE s.host_unit_id = j.unit_id AND s.status = 'active' AND lower(trim(s.host_role)) = lower(trim(j.title))) AS n) h
      WHERE u.kind IN ('commune', 'ward')`);
    expect(p.normed / p.posts).toBeGreaterThan(0.4);
    expect(p.fielded).toBe(p.posts);
    expect(p.short / p.normed).toBeGreaterThan(0.2);
    expect(p.over / p.normed).toBeLessThan(0.1);
  });

  it('gives most of the 103 communes needs consistent with their posts, a share approved in one approved round', async () => {
    const [c] = await q<{ communes: number; withNeeds: number }>(`SELECT (SELECT count(*)::int FROM org_units WHERE kind IN ('commune', 'ward')) AS communes,
      (SELECT count(DISTINCT unit_id)::int FROM commune_needs WHERE status IN ('submitted', 'approved')) AS "withNeeds"`);
    expect(c.communes).toBe(103);
    expect(c.withNeeds).toBeGreaterThan(75);
    // a need for a post is for one of the commune's own posts and asks for no more than its vacancy
    const bad = await q(`SELECT n.id FROM commune_needs n JOIN job_posts j ON j.id = n.job_post_id
      WHERE j.unit_id <> n.unit_id OR n.count > j.norm OR n.field <> j.field`);
    expect(bad).toEqual([]);
    const rounds = await q<{ status: string; needs: number; people: number }>(`SELECT r.status, count(n.id)::int AS needs, sum(n.approved_count)::int AS people
      FROM demand_rounds r LEFT JOIN commune_needs n ON n.round_id = r.id GROUP BY r.id, r.status`);
    expect(rounds).toHaveLength(1);
    expect(rounds[0].status).toBe('approved');
    expect(rounds[0].needs).toBeGreaterThan(30);
    const [s] = await q<{ wrong: number }>(`SELECT count(*)::int AS wrong FROM commune_needs n
      WHERE (n.round_id IS NOT NULL AND n.status <> 'approved') OR (n.status = 'approved') <> (n.approved_count IS NOT NULL)`);
    expect(s.wrong).toBe(0);
  });

  it("gives the demo accounts Sở Nội vụ's guidance and inspections, one recommendation overdue in the inbox", async () => {
    const [g] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM guidance_documents`);
    expect(g.n).toBe(3);
    const kinds = async (username: string) =>
      (await computeInbox(t.get().db, await actorOf(username), DEMO_TODAY)).map((i) => i.kind).filter((k) => k.startsWith('inspection_'));
    expect(await kinds('donvi')).toEqual(['inspection_recommendation_overdue']);
    expect((await kinds('sonoivu')).sort()).toEqual(['inspection_answer_pending', 'inspection_recommendation_overdue']);
    expect(await kinds('xa')).toEqual(['inspection_recommendation_due']);
  });
});
