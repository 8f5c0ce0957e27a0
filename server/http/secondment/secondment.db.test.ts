import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { recordPartyOpinion } from '../../../test/support/secondment-steps.js';
import { completeDueSecondments } from '../../domain/secondment/complete-secondment.js';
import { vietnamToday } from '../../../common/dates.js';
import { addDays, addMonths } from '../../../common/dates.js';

/**
 * The secondment path through the API, step by step and role by role: proposal → appraisal → decision →
 * reception → during → end → return, with the refusals (out of order, wrong role, out of scope, stale version,
 * numbers used twice, bad dates) changing nothing.
 */
const t = useTestDatabase();
let app: TestApp;
let deptA: UnitRef;
let deptB: UnitRef;
let c1: UnitRef;
let c2: UnitRef;
const s: Record<string, Session> = {};
const TODAY = vietnamToday();
const YEAR = Number(TODAY.slice(0, 4));

/** A person who meets every criterion today (ratings of the last two years, health, planning, assessment). */
async function candidate(unit: UnitRef, name: string, o: { planning?: boolean } = {}) {
  const { pool } = t.get();
  const p = await makePerson(pool, { unitId: unit.id, fullName: name, gender: 'female', birthDate: '1988-03-01' });
  await pool.query(
    `UPDATE people SET is_leader = true, position_title = 'Phó Trưởng phòng', leadership_allowance_coef = 0.40, rank_code = '01.003',
       salary_step = 3, salary_coefficient = 3.00, health_status = 'good', health_checked_on = $2 WHERE id = $1`,
    [p.id, addDays(TODAY, -30)],
  );
  if (o.planning !== false)
    await pool.query(`INSERT INTO planning_entries (person_id, title, term, approved_on) VALUES ($1, 'Trưởng phòng', '2025-2030', '2025-08-01')`, [p.id]);
  await pool.query(`INSERT INTO annual_ratings (person_id, year, level_code) VALUES ($1, $2, 'HTT'), ($1, $3, 'HTXS'), ($1, $4, 'HTT')`, [
    p.id,
    YEAR - 2,
    YEAR - 1,
    YEAR,
  ]);
  await pool.query(
    `INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok)
     VALUES ($1, $2, gen_random_uuid(), 'Thủ trưởng', 'yes', 'yes', 'yes', 'yes')`,
    [p.id, addDays(TODAY, -20)],
  );
  return p.id;
}

const get = (id: string, who: Session) => call(app, 'GET', `/api/secondments/${id}`, { session: who });
const version = async (id: string) => (await t.get().pool.query('SELECT version FROM secondments WHERE id = $1', [id])).rows[0].version as number;
const status = async (id: string) => (await t.get().pool.query('SELECT status FROM secondments WHERE id = $1', [id])).rows[0].status as string;
const counts = async () =>
  (
    await t.get().pool.query(`SELECT (SELECT count(*) FROM secondments)::int AS s, (SELECT count(*) FROM secondment_events)::int AS e,
      (SELECT count(*) FROM secondment_decisions)::int AS d, (SELECT count(*) FROM audit_log)::int AS a,
      (SELECT coalesce(sum(version), 0) FROM secondments)::int AS v`)
  ).rows[0];
const header = (o: Record<string, unknown> = {}) => ({ decidedOn: addDays(TODAY, -1), signerName: 'Trần Văn Quyết', signerTitle: 'Chủ tịch', ...o });

async function propose(personId: string, who = s.hrA, body: Record<string, unknown> = {}) {
  return call(app, 'POST', '/api/secondments', {
    session: who,
    body: { personId, targetGroup: 1, remarks: 'Hoàn thành tốt nhiệm vụ, có uy tín', suggestedHostUnitId: c1.id, ...body },
  });
}
async function toAppraised(personId: string) {
  const p = await propose(personId);
  expect(p.status).toBe(201);
  const f = await call(app, 'POST', `/api/secondments/${p.json.id}/forward`, { session: s.homeAffairs, body: { version: 1 } });
  expect(f.status).toBe(200);
  await recordPartyOpinion(app, s.homeAffairs, p.json.id);
  return p.json.id as string;
}
async function decideOne(id: string, o: { startDate?: string; durationMonths?: number; shortDurationReason?: string; decidedOn?: string; seq?: number } = {}) {
  return call(app, 'POST', '/api/secondments/decisions/send', {
    session: s.authority,
    body: {
      ...header({ decidedOn: o.decidedOn ?? addDays(TODAY, -1), seq: o.seq }),
      items: [
        {
          secondmentId: id,
          version: await version(id),
          hostUnitId: c1.id,
          startDate: o.startDate ?? TODAY,
          durationMonths: o.durationMonths ?? 36,
          shortDurationReason: o.shortDurationReason,
        },
      ],
    },
  });
}
async function toActive(personId: string, o: { startDate?: string; durationMonths?: number; shortDurationReason?: string; decidedOn?: string } = {}) {
  const id = await toAppraised(personId);
  const d = await decideOne(id, o);
  expect(d.status).toBe(201);
  const start = o.startDate ?? TODAY;
  const r = await call(app, 'POST', `/api/secondments/${id}/receive`, {
    session: s.hostC1,
    body: { version: await version(id), receivedOn: start, startDate: start, assignedWork: 'Hỗ trợ chuyển đổi số', hostRole: 'Phó Chủ tịch UBND xã' },
  });
  expect(r.status).toBe(200);
  return id;
}

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(t.get().pool);
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  deptA = await makeUnit(pool, { parent: root, name: 'Sở A', code: 'SA', staffing: 400, restructuredOn: '2025-03-01' });
  deptB = await makeUnit(pool, { parent: root, name: 'Sở B', staffing: 100, restructuredOn: '2025-03-01' });
  for (const [u, n] of [
    [deptA, 400],
    [deptB, 100],
  ] as const) {
    await pool.query(`INSERT INTO org_unit_staffing (unit_id, year, assigned_staffing) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [u.id, YEAR, n]);
  }
  c1 = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Một' });
  c2 = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Hai' });
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: deptA.id });
  s.mgrA = await makeSession(pool, 'unit_manager', { unitId: deptA.id });
  s.hrB = await makeSession(pool, 'unit_hr', { unitId: deptB.id });
  s.homeAffairs = await makeSession(pool, 'home_affairs');
  s.homeAffairs2 = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.hostC1 = await makeSession(pool, 'host', { unitId: c1.id });
  s.hostC2 = await makeSession(pool, 'host', { unitId: c2.id });
});

describe('from proposal to return', () => {
  it('walks one cadre through every step, each by its own role, dated and audited', async () => {
    const { pool } = t.get();
    const personId = await candidate(deptA, 'Nguyễn Thị Hành Trình');
    s.cadre = await makeSession(pool, 'cadre', { personId });

    // 1. proposal by the sending unit, with its screening kept
    const p = await propose(personId);
    expect(p.status).toBe(201);
    const id = p.json.id as string;
    let d = (await get(id, s.hrA)).json;
    expect(d).toMatchObject({ status: 'proposed', eligibleAtProposal: true, targetGroup: 1, hostUnit: { name: 'Xã Một' } });
    expect(d.proposalVerdict.verdict).toBe('eligible');
    expect(d.proposalVerdict.quota).toMatchObject({ target: 20 });
    expect(d.allowedActions).toEqual(['withdraw']);
    // the host and the cadre do not see a proposal; the other department does not either
    expect((await get(id, s.hostC1)).status).toBe(404);
    expect((await get(id, s.cadre)).status).toBe(404);
    expect((await get(id, s.hrB)).status).toBe(404);

    // 2. appraisal by Sở Nội vụ
    expect((await get(id, s.homeAffairs)).json.allowedActions).toEqual(['forward', 'send_back', 'record_party_opinion']);
    const f = await call(app, 'POST', `/api/secondments/${id}/forward`, { session: s.homeAffairs, body: { version: 1, note: 'Đủ điều kiện' } });
    expect(f.json).toMatchObject({ status: 'appraised', version: 2 });
    d = (await get(id, s.authority)).json;
    expect(d.appraisalVerdict.verdict).toBe('eligible');
    expect(d.allowedActions).toEqual(['send_back', 'decide', 'reject']);
    // the Party committee's opinion, recorded by Sở Nội vụ (Plan 131 II.1): the record's version does not move
    await recordPartyOpinion(app, s.homeAffairs, id);
    d = (await get(id, s.authority)).json;
    expect(d).toMatchObject({ version: 2, partyOpinionRequired: true, partyOpinions: [{ outcome: 'agree', politicalConclusion: 'meets', documentNo: '15-CV/ĐU' }] });

    // 3. decision, numbered in its year
    const next = (await call(app, 'GET', `/api/secondments/next-decision-number?year=${YEAR}`, { session: s.authority })).json;
    const dec = await decideOne(id);
    expect(dec.status).toBe(201);
    expect(dec.json.number).toBe(next.number);
    d = (await get(id, s.hostC1)).json;
    expect(d).toMatchObject({ status: 'decided', decisionNo: next.number, startDate: TODAY, endDate: addDays(addMonths(TODAY, 36), -1) });
    expect(d.reservedPost).toMatchObject({ positionTitle: 'Phó Trưởng phòng', isLeader: true, leadershipAllowanceCoef: '0.40', salaryStep: 3 });
    expect(d.allowedActions).toEqual(['receive']);
    // the host does not see the cadre's record before reception
    expect((await call(app, 'GET', `/api/cadres/${personId}`, { session: s.hostC1 })).status).toBe(404);

    // 4. reception by the host: access to the record, reports scheduled
    const r = await call(app, 'POST', `/api/secondments/${id}/receive`, {
      session: s.hostC1,
      body: { version: 3, receivedOn: TODAY, startDate: TODAY, assignedWork: 'Phụ trách chuyển đổi số', hostRole: 'Phó Chủ tịch UBND xã' },
    });
    expect(r.json).toMatchObject({ status: 'active', version: 4 });
    expect((await call(app, 'GET', `/api/cadres/${personId}`, { session: s.hostC1 })).status).toBe(200);
    expect((await call(app, 'GET', `/api/cadres/${personId}`, { session: s.hostC2 })).status).toBe(404);
    // the home post is reserved, not overwritten, and shown as such on the profile
    const profile = (await call(app, 'GET', `/api/cadres/${personId}`, { session: s.hrA })).json;
    expect(profile.employment.positionTitle).toBe('Phó Trưởng phòng');
    expect(profile.secondment).toMatchObject({ id, status: 'active', hostUnitName: 'Xã Một', reservedPositionTitle: 'Phó Trưởng phòng', reservedUnitName: 'Sở A' });
    d = (await get(id, s.cadre)).json;
    expect(d.reports).toHaveLength(6);
    expect(d.allowedActions).toEqual(['submit_report', 'review_self']);

    // 5. during: the cadre reports, the host evaluates and asks for an ad-hoc report, the unit logs a contact
    const rep = d.reports[0];
    const sub = await call(app, 'POST', `/api/secondments/${id}/reports/${rep.id}/submit`, {
      session: s.cadre,
      body: { version: rep.version, results: 'Đã triển khai 3 mô hình' },
    });
    expect(sub.status).toBe(200);
    const again = await call(app, 'POST', `/api/secondments/${id}/reports/${rep.id}/submit`, {
      session: s.cadre,
      body: { version: sub.json.version, results: 'x' },
    });
    expect(again.status).toBe(409);
    const adhoc = await call(app, 'POST', `/api/secondments/${id}/reports`, {
      session: s.homeAffairs,
      body: { dueOn: addDays(TODAY, 7), note: 'Báo cáo tình hình sau bão' },
    });
    expect(adhoc.status).toBe(200);
    const ev = await call(app, 'POST', `/api/secondments/${id}/evaluations`, {
      session: s.hostC1,
      body: { year: YEAR, evaluatedOn: TODAY, proposedRating: 'HTXS', strengths: 'Nhiệt tình', usageProposal: 'Bố trí lãnh đạo' },
    });
    expect(ev.status).toBe(200);
    expect(
      (await call(app, 'POST', `/api/secondments/${id}/evaluations`, { session: s.hostC1, body: { year: YEAR, evaluatedOn: TODAY, proposedRating: 'HTT' } })).status,
    ).toBe(409);
    expect(
      (await call(app, 'POST', `/api/secondments/${id}/contacts`, { session: s.hrA, body: { contactedOn: TODAY, channel: 'phone', summary: 'Hỏi thăm' } })).status,
    ).toBe(200);
    d = (await get(id, s.hrA)).json;
    expect(d.reports.filter((x: { submittedOn: string | null }) => x.submittedOn)).toHaveLength(1);
    expect(d.reports.filter((x: { kind: string }) => x.kind === 'adhoc')).toHaveLength(1);
    expect(d.evaluations[0]).toMatchObject({ year: YEAR, proposedRating: 'HTXS' });
    expect(d.contacts).toHaveLength(1);

    // 6. end: flagged by the daily pass once the end date has passed, never before
    const end = d.endDate as string;
    const { db } = t.get();
    expect(await db.transaction((tx) => completeDueSecondments(tx, end))).toBe(0);
    expect(await status(id)).toBe('active');
    expect(await db.transaction((tx) => completeDueSecondments(tx, addDays(end, 1)))).toBe(1);
    d = (await get(id, s.hrA)).json;
    expect(d.status).toBe('completed');
    expect(d.events.at(-1).note).toMatch(/tự động ghi nhận hết thời hạn/);
    expect(d.allowedActions).toEqual(expect.arrayContaining(['place', 'log_contact']));

    // return: a lower post is refused with the clause; the same post is accepted with one extra step
    const placeBody = (placement: Record<string, unknown>) => ({
      ...header({ decidedOn: TODAY, signerName: 'Lê Văn Giám', signerTitle: 'Giám đốc' }),
      version: d.version,
      returnedOn: TODAY,
      placement: { unitId: deptA.id, positionTitle: 'Chuyên viên', isLeader: false, ...placement },
      outcomeRating: 'HTT',
      outcomeRemarks: 'Hoàn thành tốt nhiệm vụ ở cơ sở',
    });
    // today is before the end date here, so place is refused for the return date first
    const early = await call(app, 'POST', `/api/secondments/${id}/place`, {
      session: s.mgrA,
      body: placeBody({ positionTitle: 'Trưởng phòng', isLeader: true, leadershipAllowanceCoef: 0.6 }),
    });
    expect(early.status).toBe(422);
    expect(early.json.error.issues.map((i: { path: string }) => i.path)).toContain('returnedOn');
    // move the term into the past to place today
    await pool.query(`UPDATE secondments SET start_date = start_date - interval '37 months', end_date = $2::date, actual_end_date = $2::date WHERE id = $1`, [
      id,
      addDays(TODAY, -1),
    ]);
    await pool.query(`UPDATE person_access_grants SET valid_from = valid_from - interval '37 months' WHERE source_id = $1`, [id]);
    const lower = await call(app, 'POST', `/api/secondments/${id}/place`, { session: s.mgrA, body: placeBody({}) });
    expect(lower.status).toBe(422);
    expect(lower.json.error.issues[0].message).toMatch(/thấp hơn vị trí được bảo lưu.*Điều 12/);
    expect(await status(id)).toBe('completed');
    const placed = await call(app, 'POST', `/api/secondments/${id}/place`, {
      session: s.mgrA,
      body: placeBody({ positionTitle: 'Trưởng phòng', isLeader: true, leadershipAllowanceCoef: 0.6 }),
    });
    expect(placed.status).toBe(200);
    d = (await get(id, s.hrA)).json;
    expect(d).toMatchObject({ status: 'returned', extraStepGranted: true, outcomeRating: 'HTT', placement: { positionTitle: 'Trưởng phòng', salaryStep: 4 } });
    expect(d.decisions.map((x: { kind: string }) => x.kind)).toEqual(['send', 'return']);
    // the unit takes its cadre back by its own decision, numbered in its own book; the People's Committee's is untouched
    const ret = d.decisions[1];
    expect(ret.number).toBe('01/QĐ-SA');
    expect(placed.json.number).toBe('01/QĐ-SA');
    const ubndNext = (await call(app, 'GET', `/api/secondments/next-decision-number?year=${YEAR}`, { session: s.authority })).json.number;
    expect(ubndNext).toBe(`${String(Number(next.seq) + 1).padStart(2, '0')}/QĐ-UBND`);
    expect((await call(app, 'GET', `/api/secondments/next-decision-number?year=${YEAR}&issuerUnitId=${deptA.id}`, { session: s.hrA })).json.number).toBe('02/QĐ-SA');
    expect((await call(app, 'GET', `/api/secondments/next-decision-number?year=${YEAR}&issuerUnitId=${deptA.id}`, { session: s.hrB })).status).toBe(404);
    const docx = await send(app, `/api/secondments/decisions/${ret.id}/document.docx`, { headers: { cookie: s.hrA.cookie } });
    expect(docx.status).toBe(200);
    const JSZip = (await import('jszip')).default;
    const xml = (await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const x of ['SỞ A', 'Số: 01/QĐ-SA', 'GIÁM ĐỐC SỞ A', 'Nguyễn Thị Hành Trình', 'Trưởng phòng', 'Lê Văn Giám']) expect(xml).toContain(x);
    expect(xml).not.toContain('Theo đề nghị của Giám đốc Sở Nội vụ');
    const person = (
      await pool.query('SELECT position_title, salary_step, salary_coefficient::text AS c, leadership_allowance_coef::text AS l FROM people WHERE id = $1', [
        personId,
      ])
    ).rows[0];
    expect(person).toEqual({ position_title: 'Trưởng phòng', salary_step: 4, c: '3.33', l: '0.60' });
    // the host's access has ended
    expect((await call(app, 'GET', `/api/cadres/${personId}`, { session: s.hostC1 })).status).toBe(404);

    // every step is on the timeline and in the audit trail
    expect(d.events.map((e: { action: string }) => e.action)).toEqual([
      'propose',
      'forward',
      'party_opinion',
      'decide',
      'receive',
      'submit_report',
      'request_report',
      'evaluate',
      'log_contact',
      'complete',
      'place',
    ]);
    const audit = await pool.query(`SELECT action FROM audit_log WHERE entity_type = 'secondment' AND entity_id = $1 AND action LIKE 'secondment.%' ORDER BY id`, [
      id,
    ]);
    expect(audit.rows.map((a) => a.action)).toEqual([
      'secondment.propose',
      'secondment.forward',
      'secondment.party_opinion',
      'secondment.decide',
      'secondment.receive',
      'secondment.submit_report',
      'secondment.request_report',
      'secondment.evaluate',
      'secondment.log_contact',
      'secondment.complete',
      'secondment.place',
    ]);
  });
});

describe('the transition table', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {};
    ids.proposed = (await propose(await candidate(deptA, 'Lê Thị Đề'))).json.id;
    ids.appraised = await toAppraised(await candidate(deptA, 'Lê Thị Thẩm'));
    const decidedId = await toAppraised(await candidate(deptA, 'Lê Thị Quyết'));
    expect((await decideOne(decidedId)).status).toBe(201);
    ids.decided = decidedId;
    ids.active = await toActive(await candidate(deptA, 'Lê Thị Đang'));
  });
  // action → [role session, path, body] ; each is tried in each state
  const steps: Record<string, [string, string, (v: number) => Record<string, unknown>]> = {
    forward: ['homeAffairs', 'forward', (v) => ({ version: v })],
    send_back: ['homeAffairs', 'send-back', (v) => ({ version: v, reason: 'Thiếu hồ sơ' })],
    withdraw: ['hrA', 'withdraw', (v) => ({ version: v, reason: 'Rút' })],
    reject: ['authority', 'reject', (v) => ({ version: v, reason: 'Không cử' })],
    receive: ['hostC1', 'receive', (v) => ({ version: v, receivedOn: TODAY, startDate: TODAY, assignedWork: 'Hỗ trợ', hostRole: 'Chuyên viên' })],
    end_early: ['authority', 'end-early', (v) => ({ ...header({ decidedOn: TODAY }), version: v, endDate: addDays(TODAY, 30), reason: 'Sức khỏe' })],
    complete: ['hrA', 'complete', (v) => ({ version: v })],
  };
  const allowed: Record<string, string[]> = {
    proposed: ['forward', 'send_back', 'withdraw'],
    appraised: ['send_back', 'reject'],
    decided: ['receive'],
    active: ['end_early'],
  };
  for (const state of ['proposed', 'appraised', 'decided', 'active']) {
    for (const action of Object.keys(steps)) {
      if (allowed[state].includes(action)) continue;
      it(`${action} is refused in state ${state} and changes nothing`, async () => {
        const [who, path, body] = steps[action];
        const id = ids[state];
        const before = await counts();
        const r = await call(app, 'POST', `/api/secondments/${id}/${path}`, { session: s[who], body: body(await version(id)) });
        // a host cannot see a proposal at all; everyone else is told the step is out of order, or not theirs
        expect([403, 404, 409]).toContain(r.status);
        if (who !== 'hostC1' || !['proposed', 'appraised'].includes(state)) expect(r.status).not.toBe(404);
        if (action === 'complete' && state === 'active') expect(r.json.error.message).toMatch(/Chưa hết thời hạn/);
        expect(await counts()).toEqual(before);
        expect(await status(id)).toBe(state);
      });
    }
  }
  it('send-back at the appraisal is Sở Nội vụ’s, and before the decision the authority’s', async () => {
    const r = await call(app, 'POST', `/api/secondments/${ids.appraised}/send-back`, {
      session: s.homeAffairs,
      body: { version: await version(ids.appraised), reason: 'x' },
    });
    expect(r.status).toBe(403);
  });
  it('roles that do not take a step are refused (403) and out-of-scope units see nothing (404)', async () => {
    const before = await counts();
    expect((await call(app, 'POST', `/api/secondments/${ids.proposed}/forward`, { session: s.hrA, body: { version: 1 } })).status).toBe(403);
    expect((await call(app, 'POST', `/api/secondments/${ids.proposed}/withdraw`, { session: s.hrB, body: { version: 1, reason: 'x' } })).status).toBe(404);
    expect(
      (await call(app, 'POST', `/api/secondments/${ids.decided}/receive`, { session: s.hostC2, body: steps.receive[2](await version(ids.decided)) })).status,
    ).toBe(404);
    expect(
      (await call(app, 'POST', `/api/secondments/${ids.active}/contacts`, { session: s.hrB, body: { contactedOn: TODAY, channel: 'phone', summary: 'x' } })).status,
    ).toBe(404);
    expect((await call(app, 'GET', `/api/secondments/${ids.active}`, { session: s.hrB })).status).toBe(404);
    expect(await counts()).toEqual(before);
  });
  it('lists only what is in scope, with counts per step', async () => {
    const ofA = (await call(app, 'GET', '/api/secondments?pageSize=200', { session: s.hrA })).json;
    expect(ofA.items.length).toBeGreaterThanOrEqual(4);
    expect((await call(app, 'GET', '/api/secondments', { session: s.hrB })).json.total).toBe(0);
    const host = (await call(app, 'GET', '/api/secondments?pageSize=200', { session: s.hostC1 })).json;
    expect(host.items.every((x: { status: string }) => !['proposed', 'appraised', 'sent_back'].includes(x.status))).toBe(true);
    const filtered = (await call(app, 'GET', '/api/secondments?status=decided&status=active', { session: s.homeAffairs })).json;
    expect(filtered.items.every((x: { status: string }) => ['decided', 'active'].includes(x.status))).toBe(true);
    expect(filtered.countsByStatus.proposed).toBeGreaterThan(0);
    const search = (await call(app, 'GET', '/api/secondments?q=le thi dang', { session: s.homeAffairs })).json;
    expect(search.items.map((x: { person: { fullName: string } }) => x.person.fullName)).toEqual(['Lê Thị Đang']);
  });
});

describe('rules that hold throughout', () => {
  it('one open secondment per person', async () => {
    const pid = await candidate(deptA, 'Hồ Thị Một');
    expect((await propose(pid)).status).toBe(201);
    const before = await counts();
    const again = await propose(pid);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/chưa kết thúc/);
    expect(await counts()).toEqual(before);
  });
  it('two people proposing the same person at once: one wins', async () => {
    const pid = await candidate(deptA, 'Hồ Thị Song');
    const [a, b] = await Promise.all([propose(pid, s.hrA), propose(pid, s.mgrA)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await t.get().pool.query('SELECT count(*)::int AS n FROM secondments WHERE person_id = $1', [pid])).rows[0].n).toBe(1);
  });
  it('two people acting on the same version at once: one wins, the other is told to reload', async () => {
    const id = (await propose(await candidate(deptA, 'Hồ Thị Đồng'))).json.id;
    const [a, b] = await Promise.all([
      call(app, 'POST', `/api/secondments/${id}/forward`, { session: s.homeAffairs, body: { version: 1 } }),
      call(app, 'POST', `/api/secondments/${id}/send-back`, { session: s.homeAffairs2, body: { version: 1, reason: 'Thiếu' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.json.error.code).toBe('version_conflict');
    expect(await version(id)).toBe(2);
    expect((await t.get().pool.query('SELECT count(*)::int AS n FROM secondment_events WHERE secondment_id = $1', [id])).rows[0].n).toBe(2);
  });
  it('a person who is not eligible needs a written justification, and Sở Nội vụ a reason to forward', async () => {
    const pid = await candidate(deptA, 'Hồ Văn Chưa', { planning: false });
    const r = await propose(pid);
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0]).toMatchObject({ path: 'justification' });
    expect(r.json.error.issues[0].message).toMatch(/quy hoạch/);
    const ok = await propose(pid, s.hrA, { justification: 'Đang hoàn thiện hồ sơ quy hoạch, đơn vị bảo đảm' });
    expect(ok.status).toBe(201);
    const d = (await get(ok.json.id, s.homeAffairs)).json;
    expect(d).toMatchObject({ eligibleAtProposal: false, justification: 'Đang hoàn thiện hồ sơ quy hoạch, đơn vị bảo đảm' });
    const f = await call(app, 'POST', `/api/secondments/${ok.json.id}/forward`, { session: s.homeAffairs, body: { version: 1 } });
    expect(f.status).toBe(422);
    expect(f.json.error.issues[0].path).toBe('overrideReason');
    const f2 = await call(app, 'POST', `/api/secondments/${ok.json.id}/forward`, {
      session: s.homeAffairs,
      body: { version: 1, overrideReason: 'Thống nhất với đơn vị' },
    });
    expect(f2.status).toBe(200);
  });
  it('the appraisal holds against the target what is already forwarded, decided or serving, not proposals still waiting', async () => {
    const { pool } = t.get();
    const q = await makeUnit(pool, {
      parent: { id: deptA.path[0], path: deptA.path.slice(0, 1), name: '' },
      name: 'Sở Q',
      staffing: 20,
      restructuredOn: '2025-03-01',
    });
    await pool.query(`INSERT INTO org_unit_staffing (unit_id, year, assigned_staffing) VALUES ($1, $2, 20) ON CONFLICT DO NOTHING`, [q.id, YEAR]);
    const hrQ = await makeSession(pool, 'unit_hr', { unitId: q.id });
    const a = await propose(await candidate(q, 'Phan Văn Một'), hrQ);
    const b = await propose(await candidate(q, 'Phan Văn Hai'), hrQ);
    expect([a.status, b.status]).toEqual([201, 201]);
    // target 20 × 5 % = 1: the other proposal still waiting does not count, so the first goes through
    const fa = await call(app, 'POST', `/api/secondments/${a.json.id}/forward`, { session: s.homeAffairs, body: { version: 1 } });
    expect(fa.status).toBe(200);
    const fb = await call(app, 'POST', `/api/secondments/${b.json.id}/forward`, { session: s.homeAffairs, body: { version: 1 } });
    expect(fb.status).toBe(422);
    expect(fb.json.error.issues[0]).toMatchObject({ path: 'overrideReason', message: expect.stringMatching(/Vượt chỉ tiêu.*chỉ tiêu 1 người.*là 2 người/) });
    const fb2 = await call(app, 'POST', `/api/secondments/${b.json.id}/forward`, { session: s.homeAffairs, body: { version: 1, overrideReason: 'Nhu cầu của xã' } });
    expect(fb2.status).toBe(200);
  });
  it('nobody appraises or decides their own proposal', async () => {
    const { pool } = t.get();
    const both = await makeSession(pool, 'unit_hr', { unitId: deptA.id });
    await pool.query(`INSERT INTO role_grants (user_id, role, unit_id) VALUES ($1, 'home_affairs', NULL), ($1, 'authority', NULL)`, [both.userId]);
    const p = await propose(await candidate(deptA, 'Hồ Thị Tự'), both);
    expect(p.status).toBe(201);
    const f = await call(app, 'POST', `/api/secondments/${p.json.id}/forward`, { session: both, body: { version: 1 } });
    expect(f.status).toBe(403);
    expect(f.json.error.message).toMatch(/không được tự thẩm định/);
    expect((await call(app, 'POST', `/api/secondments/${p.json.id}/forward`, { session: s.homeAffairs, body: { version: 1 } })).status).toBe(200);
    await recordPartyOpinion(app, s.homeAffairs, p.json.id);
    const d = await call(app, 'POST', '/api/secondments/decisions/send', {
      session: both,
      body: { ...header(), items: [{ secondmentId: p.json.id, version: 2, hostUnitId: c1.id, startDate: TODAY, durationMonths: 36 }] },
    });
    expect(d.status).toBe(403);
    expect(await status(p.json.id)).toBe('appraised');
  });
  it('the last period’s report, due after the term, is still filed once the secondment has completed', async () => {
    const { pool, db } = t.get();
    const pid = await candidate(deptA, 'Hồ Thị Cuối Kỳ');
    const cadre = await makeSession(pool, 'cadre', { personId: pid });
    const start = addDays(TODAY, -400);
    const id = await toActive(pid, { startDate: start, decidedOn: addDays(start, -5), durationMonths: 12, shortDurationReason: 'Dự án 12 tháng' });
    expect(await db.transaction((tx) => completeDueSecondments(tx, TODAY))).toBe(1);
    const last = (await get(id, cadre)).json.reports.filter((r: { submittedOn: string | null }) => !r.submittedOn).at(-1);
    expect(last.periodTo).toBe(addDays(addMonths(start, 12), -1));
    const r = await call(app, 'POST', `/api/secondments/${id}/reports/${last.id}/submit`, {
      session: cadre,
      body: { version: last.version, results: 'Tổng kết 12 tháng' },
    });
    expect(r.status).toBe(200);
    expect(await status(id)).toBe('completed');
  });
  it('a report for a secondment that is not active is refused', async () => {
    const { pool } = t.get();
    const pid = await candidate(deptA, 'Hồ Thị Báo');
    const cadre = await makeSession(pool, 'cadre', { personId: pid });
    const id = await toAppraised(pid);
    expect((await decideOne(id)).status).toBe(201);
    const fake = await pool.query(`INSERT INTO secondment_reports (secondment_id, kind, due_on) VALUES ($1, 'adhoc', $2) RETURNING id`, [id, TODAY]);
    const r = await call(app, 'POST', `/api/secondments/${id}/reports/${fake.rows[0].id}/submit`, { session: cadre, body: { version: 1, results: 'x' } });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/không được bỏ qua bước/);
  });
});

describe('what the host commune sees', () => {
  it('from the start day only, and never how the person was chosen', async () => {
    const { pool } = t.get();
    const pid = await candidate(deptA, 'Kha Thị Khởi');
    const id = await toAppraised(pid);
    expect((await decideOne(id)).status).toBe(201);
    const tomorrow = addDays(TODAY, 1);
    const r = await call(app, 'POST', `/api/secondments/${id}/receive`, {
      session: s.hostC1,
      body: { version: await version(id), receivedOn: TODAY, startDate: tomorrow, assignedWork: 'Hỗ trợ', hostRole: 'Chuyên viên' },
    });
    expect(r.status).toBe(200);
    // received today, starting tomorrow: the record opens to the host on the start day, not before
    const g = await pool.query(`SELECT valid_from::text AS f, valid_to::text AS t FROM person_access_grants WHERE source_id = $1`, [id]);
    expect(g.rows[0]).toEqual({ f: tomorrow, t: addDays(addMonths(tomorrow, 36), -1) });
    expect((await call(app, 'GET', `/api/cadres/${pid}`, { session: s.hostC1 })).status).toBe(404);
    // the host reads the secondment without the proposal's inside; Sở Nội vụ reads it, and that read is logged
    const host = (await get(id, s.hostC1)).json;
    expect(host).toMatchObject({ status: 'active', proposalWithheld: true, proposalVerdict: null, appraisalVerdict: null, remarks: null, justification: null });
    const logged = async () =>
      (await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'read_sensitive' AND entity_type = 'secondment' AND entity_id = $1`, [id])).rows[0]
        .n;
    expect(await logged()).toBe(0);
    const ha = (await get(id, s.homeAffairs)).json;
    expect(ha.proposalWithheld).toBe(false);
    expect(ha.proposalVerdict.verdict).toBe('eligible');
    expect(ha.remarks).toMatch(/Hoàn thành tốt/);
    expect(await logged()).toBe(1);
  });
});

describe('decisions: numbers, durations, dates', () => {
  it('numbers from 01 each year; a number already used this year is refused and nothing changes', async () => {
    const a = await toAppraised(await candidate(deptA, 'Đinh Thị Số'));
    const b = await toAppraised(await candidate(deptA, 'Đinh Thị Trùng'));
    // a year with no decision yet: the last one (a decision is dated today at the latest)
    const lastYear = `${YEAR - 1}-07-05`;
    const tomorrow = addDays(TODAY, 1);
    const before0 = await counts();
    const future = await decideOne(a, { decidedOn: tomorrow, startDate: tomorrow });
    expect(future.status).toBe(422);
    expect(future.json.error.issues).toEqual([{ path: 'decidedOn', message: expect.stringMatching(/^Ngày ký quyết định không được sau ngày hôm nay/) }]);
    expect(await counts()).toEqual(before0);
    const next = (await call(app, 'GET', `/api/secondments/next-decision-number?year=${YEAR - 1}`, { session: s.authority })).json;
    const first = await decideOne(a, { decidedOn: lastYear, startDate: lastYear });
    expect(first.json.number).toBe(next.number);
    const before = await counts();
    const dup = await decideOne(b, { decidedOn: `${YEAR - 1}-08-01`, startDate: `${YEAR - 1}-08-01`, seq: next.seq });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toContain(`${next.number} năm ${YEAR - 1} đã được sử dụng`);
    expect(await counts()).toEqual(before);
    expect(await status(b)).toBe('appraised');
    const other = await decideOne(b, { decidedOn: `${YEAR - 1}-08-01`, startDate: `${YEAR - 1}-08-01`, seq: 70 });
    expect(other.json.number).toBe('70/QĐ-UBND');
    expect((await call(app, 'GET', `/api/secondments/next-decision-number?year=${YEAR - 1}`, { session: s.authority })).json.number).toBe('71/QĐ-UBND');
    // numbering starts again from 01 in the current year
    expect((await call(app, 'GET', `/api/secondments/next-decision-number?year=${YEAR}`, { session: s.authority })).json.number).not.toBe('71/QĐ-UBND');
  });
  it('decides several cadres in one decision, or none if one is stale', async () => {
    const a = await toAppraised(await candidate(deptA, 'Mai Thị Lô'));
    const b = await toAppraised(await candidate(deptA, 'Mai Thị Hàng'));
    const item = async (id: string, v?: number) => ({
      secondmentId: id,
      version: v ?? (await version(id)),
      hostUnitId: c2.id,
      startDate: TODAY,
      durationMonths: 36,
    });
    const before = await counts();
    const stale = await call(app, 'POST', '/api/secondments/decisions/send', {
      session: s.authority,
      body: { ...header(), items: [await item(a), await item(b, 1)] },
    });
    expect(stale.status).toBe(409);
    expect(await counts()).toEqual(before);
    const ok = await call(app, 'POST', '/api/secondments/decisions/send', { session: s.authority, body: { ...header(), items: [await item(a), await item(b)] } });
    expect(ok.status).toBe(201);
    expect(ok.json.secondmentIds).toHaveLength(2);
    expect(await status(a)).toBe('decided');
    expect(await status(b)).toBe('decided');
  });
  it('a duration below the minimum only as a recorded special case', async () => {
    const id = await toAppraised(await candidate(deptA, 'Mai Thị Ngắn'));
    const r = await decideOne(id, { durationMonths: 24 });
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0]).toMatchObject({ path: 'items.0.shortDurationReason' });
    const ok = await decideOne(id, { durationMonths: 24, shortDurationReason: 'Địa phương đề nghị 24 tháng cho dự án cụ thể' });
    expect(ok.status).toBe(201);
    const d = (await get(id, s.authority)).json;
    expect(d).toMatchObject({ durationMonths: 24, shortDurationReason: 'Địa phương đề nghị 24 tháng cho dự án cụ thể', endDate: addDays(addMonths(TODAY, 24), -1) });
  });
  it('an end before the start, and an extension that is not later, are refused', async () => {
    const id = await toActive(await candidate(deptA, 'Mai Thị Hạn'));
    const v = await version(id);
    const before = await counts();
    const r = await call(app, 'POST', `/api/secondments/${id}/end-early`, {
      session: s.authority,
      body: { ...header({ decidedOn: TODAY }), version: v, endDate: addDays(TODAY, -1), reason: 'x' },
    });
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0].message).toMatch(/trước ngày bắt đầu/);
    const e = await call(app, 'POST', `/api/secondments/${id}/extend`, {
      session: s.authority,
      body: { ...header({ decidedOn: TODAY }), version: v, newEndDate: TODAY, reason: 'x' },
    });
    expect(e.status).toBe(422);
    expect(await counts()).toEqual(before);
    // a real extension moves the end date and the host's access with it, and schedules the added periods
    const newEnd = addMonths(TODAY, 48);
    const ok = await call(app, 'POST', `/api/secondments/${id}/extend`, {
      session: s.authority,
      body: { ...header({ decidedOn: TODAY }), version: v, newEndDate: newEnd, reason: 'Địa phương đề nghị' },
    });
    expect(ok.status).toBe(200);
    const d = (await get(id, s.authority)).json;
    expect(d.endDate).toBe(newEnd);
    expect(d.reports.filter((x: { kind: string }) => x.kind === 'periodic')).toHaveLength(9);
    const g = await t.get().pool.query(`SELECT valid_to::text AS t FROM person_access_grants WHERE source_id = $1`, [id]);
    expect(g.rows[0].t).toBe(newEnd);
  });
  it('an early end closes the host’s access and cancels the reports after it', async () => {
    const { pool } = t.get();
    const start = addDays(TODAY, -200);
    const pid = await candidate(deptA, 'Mai Thị Sớm');
    const id = await toActive(pid, { startDate: start, decidedOn: addDays(start, -5) });
    expect((await call(app, 'GET', `/api/cadres/${pid}`, { session: s.hostC1 })).status).toBe(200);
    const r = await call(app, 'POST', `/api/secondments/${id}/end-early`, {
      session: s.authority,
      body: { ...header({ decidedOn: TODAY }), version: await version(id), endDate: addDays(TODAY, -1), reason: 'Điều động theo yêu cầu công tác' },
    });
    expect(r.status).toBe(200);
    expect(await status(id)).toBe('ended_early');
    expect((await call(app, 'GET', `/api/cadres/${pid}`, { session: s.hostC1 })).status).toBe(404);
    const rep = await pool.query(
      `SELECT count(*) FILTER (WHERE cancelled_at IS NULL)::int AS open, count(*)::int AS n FROM secondment_reports WHERE secondment_id = $1`,
      [id],
    );
    expect(rep.rows[0].open).toBe(2); // the two periods that had started
    expect(rep.rows[0].n).toBe(6);
    // an early end earns no extra step
    const placed = await call(app, 'POST', `/api/secondments/${id}/place`, {
      session: s.hrA,
      body: {
        ...header({ decidedOn: TODAY }),
        version: await version(id),
        returnedOn: TODAY,
        placement: { unitId: deptA.id, positionTitle: 'Phó Trưởng phòng', isLeader: true, leadershipAllowanceCoef: 0.4 },
        outcomeRating: 'HTXS',
        outcomeRemarks: 'Tốt',
      },
    });
    expect(placed.status).toBe(200);
    expect((await get(id, s.hrA)).json.extraStepGranted).toBe(false);
    expect((await pool.query('SELECT salary_step FROM people WHERE id = $1', [pid])).rows[0].salary_step).toBe(3);
  });
  it('a Chuyên viên chính placed as Cán sự is refused as lower; the authority may place so only with a recorded reason', async () => {
    const { pool } = t.get();
    const start = addDays(TODAY, -200);
    const pid = await candidate(deptA, 'Mai Thị Ngạch');
    await pool.query(
      `UPDATE people SET is_leader = false, position_title = 'Chuyên viên chính', leadership_allowance_coef = NULL, rank_code = '01.002',
         salary_step = 2, salary_coefficient = 4.74 WHERE id = $1`,
      [pid],
    );
    const id = await toActive(pid, { startDate: start, decidedOn: addDays(start, -5) });
    expect((await get(id, s.hrA)).json.reservedPost).toMatchObject({ rankCode: '01.002', salaryCoefficient: '4.74', isLeader: false });
    const ended = await call(app, 'POST', `/api/secondments/${id}/end-early`, {
      session: s.authority,
      body: { ...header({ decidedOn: TODAY }), version: await version(id), endDate: addDays(TODAY, -1), reason: 'Điều động theo yêu cầu công tác' },
    });
    expect(ended.status).toBe(200);
    const body = async (o: Record<string, unknown>) => ({
      ...header({ decidedOn: TODAY }),
      version: await version(id),
      returnedOn: TODAY,
      placement: { unitId: deptA.id, positionTitle: 'Cán sự', isLeader: false, rankCode: '01.004', salaryStep: 5 },
      outcomeRating: 'HTT',
      outcomeRemarks: 'Hoàn thành nhiệm vụ',
      ...o,
    });
    const before = await counts();
    const refused = await call(app, 'POST', `/api/secondments/${id}/place`, { session: s.hrA, body: await body({}) });
    expect(refused.status).toBe(422);
    const issues = refused.json.error.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual(['placement', 'placement', 'lowerReason']);
    expect(issues[0].message).toMatch(/Điều 12.*Ngạch của vị trí bố trí \(Cán sự \(loại A0\)\) thấp hơn ngạch khi được cử \(Chuyên viên chính \(loại A2\)\)/);
    expect(issues[1].message).toMatch(/Hệ số lương của vị trí bố trí \(3\.34\) thấp hơn khi được cử \(4\.74\)/);
    expect(await counts()).toEqual(before);
    expect(await status(id)).toBe('ended_early');
    // a changed rank needs its step; a step beyond the rank's last is refused
    const noStep = await call(app, 'POST', `/api/secondments/${id}/place`, {
      session: s.hrA,
      body: await body({ placement: { unitId: deptA.id, positionTitle: 'Cán sự', isLeader: false, rankCode: '01.004' }, lowerReason: 'x' }),
    });
    expect(noStep.json.error.issues.map((i: { path: string }) => i.path)).toEqual(['placement.salaryStep']);

    const reason = 'Theo nguyện vọng của cán bộ và Quyết định sắp xếp vị trí việc làm của Sở';
    const placed = await call(app, 'POST', `/api/secondments/${id}/place`, { session: s.hrA, body: await body({ lowerReason: reason }) });
    expect(placed.status).toBe(200);
    const d = (await get(id, s.hrA)).json;
    expect(d.placement).toMatchObject({ rankCode: '01.004', salaryStep: 5, salaryCoefficient: '3.34', lowerReason: reason });
    expect(d.placement.lowerThanReserved).toHaveLength(2);
    expect(d.events.at(-1).note).toContain(`lý do: ${reason}`);
    const person = (await pool.query(`SELECT rank_code, salary_step, salary_coefficient::text AS c FROM people WHERE id = $1`, [pid])).rows[0];
    expect(person).toEqual({ rank_code: '01.004', salary_step: 5, c: '3.34' });
    const audit = await pool.query(`SELECT meta FROM audit_log WHERE entity_type = 'person' AND entity_id = $1 AND meta->>'source' = 'secondment.place'`, [pid]);
    expect(audit.rows[0].meta).toMatchObject({ lowerReason: reason, lowerThanReserved: [expect.stringMatching(/Ngạch/), expect.stringMatching(/Hệ số lương/)] });
  });
  it('exports the list to .xlsx with the filters', async () => {
    const res = await send(app, '/api/secondments/export.xlsx?status=active', { headers: { cookie: s.homeAffairs.cookie, 'x-csrf-token': s.homeAffairs.csrf } });
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(3).value).toBe('Họ và tên');
    const statuses = new Set<string>();
    ws.eachRow((row, n) => n > 1 && statuses.add(String(row.getCell(11).value)));
    expect([...statuses]).toEqual(['Đang tăng cường ở cơ sở']);
  });
});
