import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { seedPlan131 } from '../../db/seed/plan-131.seed.js';
import { addDays, vietnamToday } from '../../../common/dates.js';

/**
 * A matching run on a small province whose optimum is known by hand: two city departments (quotas 2 and 1), a
 * commune whose Chủ tịch UBND is wanted (one candidate is local to it), a ward that wants two finance officers and a
 * health officer nobody can be. Run through the API, stored, read back and checked again from the stored inputs.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const u: Record<string, UnitRef> = {};
const p: Record<string, string> = {};
const need: Record<string, string> = {};
const TODAY = vietnamToday();
const YEAR = Number(TODAY.slice(0, 4));
let approvedRound: string;
let draftRound: string;
let firstRun: string;

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.get().pool.query(text, params)).rows as T[];
}
async function addPost(unit: UnitRef, title: string, field: string, key = false) {
  return (
    await q<{ id: string }>(`INSERT INTO job_posts (unit_id, title, is_key_post, is_leadership, field) VALUES ($1, $2, $3, $3, $4) RETURNING id`, [
      unit.id,
      title,
      key,
      field,
    ])
  )[0]!.id;
}
/** A person who meets every criterion today, on a post of the unit. */
async function candidate(unit: UnitRef, postId: string, name: string, homeTown: string | null = null) {
  const x = await makePerson(t.get().pool, { unitId: unit.id, fullName: name, gender: 'female', birthDate: '1988-03-01' });
  await q(
    `UPDATE people SET is_leader = true, position_title = 'Phó Trưởng phòng', rank_code = '01.003', salary_step = 3, salary_coefficient = 3.00,
       health_status = 'good', health_checked_on = $2, job_post_id = $3, home_town_code = $4 WHERE id = $1`,
    [x.id, addDays(TODAY, -30), postId, homeTown],
  );
  await q(`INSERT INTO planning_entries (person_id, title, term, approved_on) VALUES ($1, 'Trưởng phòng', '2025-2030', '2025-08-01')`, [x.id]);
  await q(`INSERT INTO annual_ratings (person_id, year, level_code) VALUES ($1, $2, 'HTT'), ($1, $3, 'HTT'), ($1, $4, 'HTT')`, [x.id, YEAR - 2, YEAR - 1, YEAR]);
  await q(
    `INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok)
     VALUES ($1, $2, gen_random_uuid(), 'Thủ trưởng', 'yes', 'yes', 'yes', 'yes')`,
    [x.id, addDays(TODAY, -20)],
  );
  return x.id;
}
async function addNeed(unit: UnitRef, roundId: string, o: { jobPostId?: string; field: string; count: number; urgency?: string }) {
  return (
    await q<{ id: string }>(
      `INSERT INTO commune_needs (unit_id, job_post_id, field, count, urgency, reason, status, approved_count, round_id, created_by)
       VALUES ($1, $2, $3, $4, $5, 'Thiếu người', 'approved', $4, $6, gen_random_uuid()) RETURNING id`,
      [unit.id, o.jobPostId ?? null, o.field, o.count, o.urgency ?? 'normal', roundId],
    )
  )[0]!.id;
}

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  const client = await pool.connect();
  try {
    await seedPlan131(client);
  } finally {
    client.release();
  }
  u.root = await makeUnit(pool, { kind: 'peoples_committee', name: 'UBND thành phố' });
  u.deptA = await makeUnit(pool, { parent: u.root, staffing: 40, name: 'Sở Tài chính' }); // 40 × 5 % = 2
  u.deptB = await makeUnit(pool, { parent: u.root, staffing: 20, name: 'Sở Xây dựng' }); // 20 × 5 % = 1
  u.c1 = await makeUnit(pool, { parent: u.root, kind: 'commune', name: 'Xã Một' });
  u.c2 = await makeUnit(pool, { parent: u.root, kind: 'ward', name: 'Phường Hai' });
  await q(`INSERT INTO legacy_communes (old_code, old_name, new_unit_id, match) VALUES ('OLD1', 'Xã Cũ', $1, 'full'), ('OLD2', 'Phường Cũ', $2, 'full')`, [
    u.c1.id,
    u.c2.id,
  ]);
  const finA = await addPost(u.deptA, 'Chuyên viên ngân sách', 'tai_chinh_ngan_sach');
  const finB = await addPost(u.deptB, 'Chuyên viên kế hoạch tài chính', 'tai_chinh_ngan_sach');
  p.a1 = await candidate(u.deptA, finA, 'Nguyễn Thị An', 'OLD2');
  p.a2 = await candidate(u.deptA, finA, 'Trần Thị Bình', 'OLD1'); // local to Xã Một
  p.b1 = await candidate(u.deptB, finB, 'Lê Thị Cúc', 'OLD2');
  p.q = await candidate(u.deptB, finB, 'Hồ Thị Duyên'); // home town unknown: not proven non-local, so never a key post
  const chair = await addPost(u.c1, 'Chủ tịch UBND xã', 'lanh_dao', true);
  const finance = await addPost(u.c2, 'Công chức Tài chính - Kế toán', 'tai_chinh_ngan_sach');
  s.ha = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.host = await makeSession(pool, 'host', { unitId: u.c1.id });
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: u.deptA.id });
  u.deptC = await makeUnit(pool, { parent: u.root, staffing: 20, name: 'Sở Tư pháp' });
  s.hrC = await makeSession(pool, 'unit_hr', { unitId: u.deptC.id });
  approvedRound = (
    await q<{ id: string }>(
      `INSERT INTO demand_rounds (name, status, approved_on, decision_no, created_by) VALUES ('Đợt 1', 'approved', $1, '12/QĐ-SNV', $2) RETURNING id`,
      [TODAY, s.ha.userId],
    )
  )[0]!.id;
  draftRound = (await q<{ id: string }>(`INSERT INTO demand_rounds (name, created_by) VALUES ('Đợt 2', $1) RETURNING id`, [s.ha.userId]))[0]!.id;
  need.chair = await addNeed(u.c1, approvedRound, { jobPostId: chair, field: 'lanh_dao', count: 1, urgency: 'high' });
  need.finance = await addNeed(u.c2, approvedRound, { jobPostId: finance, field: 'tai_chinh_ngan_sach', count: 2 });
  need.health = await addNeed(u.c2, approvedRound, { field: 'y_te', count: 1 });
});

describe('POST /api/matching/runs', () => {
  it('proposes the proven optimum: the local cadre not as the chair of her home commune, every quota kept, the health need unfilled with its reason', async () => {
    const before = (await q<{ n: number }>('SELECT count(*)::int AS n FROM secondments'))[0]!.n;
    const r = await call(app, 'POST', '/api/matching/runs', { session: s.ha, body: { roundId: approvedRound } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const run = r.json;
    expect(run.proven).toBe(true);
    expect(run.bound).toBe(run.objective);
    expect(run.stats).toMatchObject({ candidates: 4, needs: 3 });
    // three seats can be filled with these quotas (A: 2, B: 1); Trần Thị Bình (local to Xã Một) goes to the ward
    const pairs = run.pairs as { personId: string; needId: string; why: string; sendingUnitName: string }[];
    expect(pairs, JSON.stringify([run.unfilled, run.stats, pairs.map((x) => x.why)])).toHaveLength(3);
    const byPerson = Object.fromEntries(pairs.map((x) => [x.personId, x.needId]));
    expect(byPerson[p.a2!]).toBe(need.finance);
    expect(pairs.filter((x) => x.needId === need.chair)).toHaveLength(1);
    expect(pairs.find((x) => x.needId === need.chair)!.personId).not.toBe(p.a2);
    expect(pairs.filter((x) => x.sendingUnitName === 'Sở Tài chính')).toHaveLength(2);
    expect(pairs.filter((x) => x.sendingUnitName === 'Sở Xây dựng')).toHaveLength(1);
    expect(pairs.find((x) => x.needId === need.chair)!.why).toContain('Chủ tịch UBND xã tại Xã Một');
    expect(run.unfilled).toMatchObject([{ needId: need.health, reason: 'no_field', filled: 0, count: 1 }]);
    expect(run.unfilled[0].why).toContain('Y tế');
    // stored with its inputs, audited, and nothing else written
    const stored = await q<{ objective: number; inputs: { candidates: unknown[]; pairBlocks: { candidateId: string; criterion: string }[] } }>(
      'SELECT objective, inputs FROM matching_runs WHERE id = $1',
      [run.id],
    );
    expect(stored[0]!.objective).toBe(run.objective);
    expect(stored[0]!.inputs.candidates).toHaveLength(4);
    expect(stored[0]!.inputs.pairBlocks.map((b) => [b.candidateId, b.criterion, (b as { result?: string }).result]).sort()).toEqual(
      [
        [p.a2, 'non_local', 'fail'],
        [p.q, 'non_local', 'unknown'],
      ].sort(),
    );
    expect((await q('SELECT 1 FROM audit_log WHERE entity_type = $1 AND entity_id = $2', ['matching_run', run.id])).length).toBe(1);
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM secondments'))[0]!.n).toBe(before);

    // read back (the authority too): re-verified from the stored inputs
    firstRun = run.id;
    const g = await call(app, 'GET', `/api/matching/runs/${run.id}`, { session: s.authority });
    expect(g.status).toBe(200);
    expect(g.json).toMatchObject({ id: run.id, proven: true, objective: run.objective });
    expect(g.json.pairs).toHaveLength(3);

    // why not Trần Thị Bình as the chair of Xã Một: the non-local rule's own reason
    const why = await call(app, 'GET', `/api/matching/runs/${run.id}/why-not?personId=${p.a2}&needId=${need.chair}`, { session: s.ha });
    expect(why.status).toBe(200);
    expect(why.json).toMatchObject({ proposed: false });
    expect(why.json.why).toContain('Quê quán thuộc Xã Một');
    const proposedOne = pairs[0]!;
    const yes = await call(app, 'GET', `/api/matching/runs/${run.id}/why-not?personId=${proposedOne.personId}&needId=${proposedOne.needId}`, { session: s.ha });
    expect(yes.json).toMatchObject({ proposed: true });
    const stranger = await call(app, 'GET', `/api/matching/runs/${run.id}/why-not?personId=${crypto.randomUUID()}&needId=${need.chair}`, { session: s.ha });
    expect(stranger.json.why).toContain('không có trong danh sách cán bộ đủ điều kiện');
    expect((await call(app, 'GET', `/api/matching/runs/${run.id}/why-not?personId=${p.a2}&needId=${need.chair}`, { session: s.host })).status).toBe(403);

    // a manual list: the proposal itself has no gap; one pair fewer is feasible and short of the optimum; the local
    // cadre as the chair of her home commune is refused
    const check = (list: { personId: string; needId: string }[]) =>
      call(app, 'POST', `/api/matching/runs/${run.id}/check`, { session: s.ha, body: { pairs: list } });
    const same = await check(pairs.map((x) => ({ personId: x.personId, needId: x.needId })));
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({ feasible: true, optimumProven: true, gap: 0, value: run.objective, optimum: run.objective });
    const fewer = await check(pairs.slice(1).map((x) => ({ personId: x.personId, needId: x.needId })));
    expect(fewer.json.feasible).toBe(true);
    expect(fewer.json.gap).toBeGreaterThan(0);
    const local = await check([{ personId: p.a2!, needId: need.chair! }]);
    expect(local.json).toMatchObject({ feasible: false, gap: null });
    expect(local.json.issues[0]).toContain('Cặp không được phép');
  });

  it("re-runs with the officer's choices: a locked pair kept, an excluded cadre left out, the rest optimal around them; a lock the rules forbid refused", async () => {
    const r = await call(app, 'POST', '/api/matching/runs', {
      session: s.ha,
      body: { roundId: approvedRound, locked: [{ personId: p.b1, needId: need.chair }], excludedPersonIds: [p.a1] },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.proven).toBe(true);
    const got = (r.json.pairs as { personId: string; needId: string; why: string }[]).map((x) => `${x.personId}|${x.needId}`).sort();
    // Sở Xây dựng's one seat goes to the locked pair, so Hồ Thị Duyên cannot fill the ward's second finance seat
    expect(got).toEqual([`${p.b1}|${need.chair}`, `${p.a2}|${need.finance}`].sort());
    expect(r.json.pairs.find((x: { personId: string }) => x.personId === p.b1).why).toContain('khóa');
    expect(r.json.unfilled.find((u: { needId: string }) => u.needId === need.finance)).toMatchObject({ filled: 1, count: 2, reason: 'quota' });
    const back = await call(app, 'GET', `/api/matching/runs/${r.json.id}`, { session: s.ha });
    expect(back.json.proven).toBe(true);
    const why = await call(app, 'GET', `/api/matching/runs/${r.json.id}/why-not?personId=${p.a1}&needId=${need.finance}`, { session: s.ha });
    expect(why.json.why).toContain('đã loại người này');

    const runs = (await q<{ n: number }>('SELECT count(*)::int AS n FROM matching_runs'))[0]!.n;
    const refused = await call(app, 'POST', '/api/matching/runs', {
      session: s.ha,
      body: { roundId: approvedRound, locked: [{ personId: p.a2, needId: need.chair }] },
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json.error.issues)).toContain('Quê quán thuộc Xã Một');
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM matching_runs'))[0]!.n).toBe(runs);
  });

  it('a sending unit reads only the pairs of its own people; a unit with none in the run gets 404; neither may ask why-not', async () => {
    const mine = await call(app, 'GET', `/api/matching/runs/${firstRun}`, { session: s.hrA });
    expect(mine.status).toBe(200);
    expect((mine.json.pairs as { personId: string }[]).map((x) => x.personId).sort()).toEqual([p.a1, p.a2].sort());
    expect(mine.json.unfilled).toEqual([]);
    expect((await call(app, 'GET', `/api/matching/runs/${firstRun}`, { session: s.hrC })).status).toBe(404);
    expect((await call(app, 'GET', `/api/matching/runs/${firstRun}/why-not?personId=${p.a1}&needId=${need.chair}`, { session: s.hrA })).status).toBe(403);
    expect((await call(app, 'POST', `/api/matching/runs/${firstRun}/check`, { session: s.hrA, body: { pairs: [] } })).status).toBe(403);
    expect((await call(app, 'POST', '/api/matching/runs', { session: s.hrA, body: { roundId: approvedRound } })).status).toBe(403);
  });

  it('refuses a round not yet approved, an unknown round, and anyone but Sở Nội vụ, writing nothing', async () => {
    const runs = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM matching_runs'))[0]!.n;
    const n0 = await runs();
    const draft = await call(app, 'POST', '/api/matching/runs', { session: s.ha, body: { roundId: draftRound } });
    expect(draft.status).toBe(409);
    expect(draft.json.error.message).toContain('đã được phê duyệt');
    const unknown = await call(app, 'POST', '/api/matching/runs', { session: s.ha, body: { roundId: crypto.randomUUID() } });
    expect(unknown.status).toBe(404);
    const bad = await call(app, 'POST', '/api/matching/runs', { session: s.ha, body: { roundId: 'x' } });
    expect(bad.status).toBe(422);
    expect((await call(app, 'POST', '/api/matching/runs', { session: s.host, body: { roundId: approvedRound } })).status).toBe(403);
    expect((await call(app, 'POST', '/api/matching/runs', { session: s.authority, body: { roundId: approvedRound } })).status).toBe(403);
    expect((await call(app, 'GET', `/api/matching/runs/${crypto.randomUUID()}`, { session: s.ha })).status).toBe(404);
    expect((await call(app, 'GET', `/api/matching/runs/${crypto.randomUUID()}`, { session: s.host })).status).toBe(403);
    expect(await runs()).toBe(n0);
  });
});

describe('POST /api/matching/runs/{id}/accept', () => {
  const count = async (sql: string, params: unknown[] = []) => (await q<{ n: number }>(sql, params))[0]!.n;
  const proposalsOf = (runId: string) => count('SELECT count(*)::int AS n FROM secondments WHERE matching_run_id = $1', [runId]);

  it('is for Sở Nội vụ alone, and refuses a pair that is not in the run', async () => {
    for (const who of [s.hrA, s.host, s.authority]) {
      expect((await call(app, 'POST', `/api/matching/runs/${firstRun}/accept`, { session: who!, body: {} })).status).toBe(403);
    }
    const r = await call(app, 'POST', `/api/matching/runs/${firstRun}/accept`, {
      session: s.ha,
      body: { pairs: [{ personId: p.a2, needId: need.chair }] },
    });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual([{ path: 'pairs.0', message: 'Cặp này không có trong phương án của lần ghép' }]);
    expect((await call(app, 'POST', `/api/matching/runs/${crypto.randomUUID()}/accept`, { session: s.ha, body: {} })).status).toBe(404);
    expect(await proposalsOf(firstRun)).toBe(0);
  });

  it('checks every pair again today and refuses them all, each with its reason, when one no longer holds', async () => {
    const run = (await call(app, 'GET', `/api/matching/runs/${firstRun}`, { session: s.ha })).json;
    const financePairs = (run.pairs as { personId: string; needId: string }[]).filter((x) => x.needId === need.finance);
    expect(financePairs).toHaveLength(2);
    const refusedWith = async () => {
      const r = await call(app, 'POST', `/api/matching/runs/${firstRun}/accept`, { session: s.ha, body: {} });
      expect(r.status, JSON.stringify(r.json)).toBe(422);
      expect(await proposalsOf(firstRun)).toBe(0);
      expect((await q<{ acceptedAt: string | null }>('SELECT accepted_at AS "acceptedAt" FROM matching_runs WHERE id = $1', [firstRun]))[0]!.acceptedAt).toBeNull();
      return (r.json.error.issues as { path: string; message: string }[]).map((i) => i.message);
    };
    // since the run, the ward's finance need was cut to one seat: the second of its pairs is refused
    await q('UPDATE commune_needs SET approved_count = 1 WHERE id = $1', [need.finance]);
    try {
      expect(await refusedWith()).toEqual([expect.stringContaining('Công chức Tài chính - Kế toán tại Phường Hai đã đủ 1 người')]);
    } finally {
      await q('UPDATE commune_needs SET approved_count = 2 WHERE id = $1', [need.finance]);
    }
    // since the run, Nguyễn Thị An lost her unit's assessment: the screening today needs information
    const assessment = await q<{ id: string }>('DELETE FROM unit_assessments WHERE person_id = $1 RETURNING id', [p.a1]);
    expect(assessment).toHaveLength(1);
    try {
      expect(await refusedWith()).toEqual(['Nguyễn Thị An: kết quả sàng lọc hôm nay là "Cần bổ sung thông tin" (Đơn vị chưa nhận xét, đánh giá)']);
    } finally {
      await q(
        `INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok)
         VALUES ($1, $2, gen_random_uuid(), 'Thủ trưởng', 'yes', 'yes', 'yes', 'yes')`,
        [p.a1, addDays(TODAY, -20)],
      );
    }
    // the need withdrawn by the commune
    await q(`UPDATE commune_needs SET status = 'withdrawn' WHERE id = $1`, [need.chair]);
    try {
      expect(await refusedWith()).toEqual([expect.stringContaining('Chủ tịch UBND xã tại Xã Một không còn được chấp thuận trong đợt')]);
    } finally {
      await q(`UPDATE commune_needs SET status = 'approved' WHERE id = $1`, [need.chair]);
    }
  });

  it('two officers accepting the same run at once: one turns every pair into a proposal to the need’s commune, the other is told it is done', async () => {
    const [a, b] = await Promise.all([
      call(app, 'POST', `/api/matching/runs/${firstRun}/accept`, { session: s.ha, body: {} }),
      call(app, 'POST', `/api/matching/runs/${firstRun}/accept`, { session: s.ha, body: {} }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses, JSON.stringify([a.json, b.json])).toEqual([201, 409]);
    const done = a.status === 201 ? a.json : b.json;
    const other = a.status === 201 ? b.json : a.json;
    expect(other.error.message).toContain('đã được chấp nhận');
    expect(done.accepted).toHaveLength(3);
    const rows = await q<{ personId: string; hostUnitId: string; status: string; suggestedRole: string | null; eligible: boolean }>(
      `SELECT person_id AS "personId", host_unit_id AS "hostUnitId", status, suggested_role AS "suggestedRole", eligible_at_proposal AS eligible
       FROM secondments WHERE matching_run_id = $1`,
      [firstRun],
    );
    expect(rows).toHaveLength(3);
    const needUnit: Record<string, string> = { [need.chair!]: u.c1!.id, [need.finance!]: u.c2!.id };
    for (const x of done.accepted as { personId: string; needId: string }[]) {
      const row = rows.find((r) => r.personId === x.personId)!;
      expect(row).toMatchObject({ hostUnitId: needUnit[x.needId], status: 'proposed', eligible: true });
    }
    expect(rows.map((r) => r.suggestedRole).sort()).toEqual(['Chủ tịch UBND xã', 'Công chức Tài chính - Kế toán', 'Công chức Tài chính - Kế toán']);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'matching.accept'`, [firstRun])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'secondment.propose' AND after->>'matchingRunId' = $1`, [firstRun])).toBe(3);

    // the run reads as accepted; the sending unit finds its people's proposals, with their destination, in its list
    const back = await call(app, 'GET', `/api/matching/runs/${firstRun}`, { session: s.ha });
    expect(back.json.acceptedAt).not.toBeNull();
    expect((back.json.pairs as { accepted: boolean }[]).every((x) => x.accepted)).toBe(true);
    const mine = done.accepted.find((x: { personId: string }) => x.personId === p.a2);
    const one = await call(app, 'GET', `/api/secondments/${mine.secondmentId}`, { session: s.hrA });
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.json)).toContain('Phường Hai');

    // the commune's page: Sở Nội vụ sees who the accepted pair sends for the need; the host commune only from the decision on
    const chairPair = done.accepted.find((x: { needId: string }) => x.needId === need.chair);
    const assignedTo = async (who: Session) => {
      const r = await call(app, 'GET', `/api/demand/communes/${u.c1!.id}`, { session: who });
      expect(r.status).toBe(200);
      return r.json.needs.find((n: { id: string }) => n.id === need.chair).assigned as { secondmentId: string; statusLabel: string }[];
    };
    expect((await assignedTo(s.ha!)).map((a) => a.secondmentId)).toEqual([chairPair.secondmentId]);
    expect(await assignedTo(s.host!)).toEqual([]);
    await q(`UPDATE secondments SET status = 'decided' WHERE id = $1`, [chairPair.secondmentId]);
    try {
      expect(await assignedTo(s.host!)).toMatchObject([{ secondmentId: chairPair.secondmentId, statusLabel: 'Đã có quyết định cử, chờ tiếp nhận' }]);
    } finally {
      await q(`UPDATE secondments SET status = 'proposed' WHERE id = $1`, [chairPair.secondmentId]);
    }
  });

  it('after the acceptance: another run’s pairs of the same people are refused, and a new run offers only the seats left', async () => {
    const runs = await q<{ id: string }>('SELECT id FROM matching_runs WHERE round_id = $1 AND id <> $2 AND accepted_at IS NULL ORDER BY created_at', [
      approvedRound,
      firstRun,
    ]);
    const locked = runs[0]!.id; // the re-run with Lê Thị Cúc locked to the chair
    const r = await call(app, 'POST', `/api/matching/runs/${locked}/accept`, { session: s.ha, body: {} });
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.json.error.issues)).toContain('đã có một đợt tăng cường chưa kết thúc');
    expect(await proposalsOf(locked)).toBe(0);

    // the chair and both finance seats are taken by open proposals: only the health need is left, and no one fits it
    const again = await call(app, 'POST', '/api/matching/runs', { session: s.ha, body: { roundId: approvedRound } });
    expect(again.status, JSON.stringify(again.json)).toBe(201);
    expect(again.json.stats.needs).toBe(1);
    expect(again.json.pairs).toEqual([]);
    expect(again.json.unfilled).toMatchObject([{ needId: need.health }]);
    // a run with no pair at all: nothing to accept, said so
    const none = await call(app, 'POST', `/api/matching/runs/${again.json.id}/accept`, { session: s.ha, body: {} });
    expect(none.status).toBe(409);
    expect(none.json.error.message).toBe('Lần ghép này không đề xuất cặp nào: không có gì để chấp nhận.');
  });
});
