import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { agreeingOpinion } from '../../../test/support/secondment-steps.js';
import { addDays, vietnamToday } from '../../../common/dates.js';

/**
 * The steps of the plan's process around the decision and the return (issue 12): the Party committee's opinion
 * before the decision (Plan 131 II.1; Decree 170/2025 Art. 46), the end-of-term reviews (Art. 49), the
 * commendation proposal (Decree 178/2024 Art. 12 as amended) and the result fed back to planning and training
 * (Plan 131 II.2), each with its inbox item while it is pending.
 */
const t = useTestDatabase();
let app: TestApp;
let dept: UnitRef;
let sub: UnitRef;
let commune: UnitRef;
const s: Record<string, Session> = {};
const TODAY = vietnamToday();

const post = (unit: UnitRef) => ({
  unitId: unit.id,
  unitName: unit.name,
  jobPostId: null,
  positionTitle: 'Chuyên viên',
  isLeader: false,
  leadershipAllowanceCoef: null,
  rankCode: '01.003',
  salaryStep: 3,
  salaryCoefficient: '3.00',
});

/** A secondment at a given step, written directly (the path itself is tested in secondment.db.test.ts). */
async function secondment(name: string, status: string, o: Record<string, unknown> = {}) {
  const { pool } = t.get();
  const p = await makePerson(pool, { unitId: sub.id, fullName: name });
  await pool.query(`UPDATE people SET rank_code = '01.003', salary_step = 3, salary_coefficient = 3.00 WHERE id = $1`, [p.id]);
  const decided = !['proposed', 'appraised'].includes(status);
  const cols: Record<string, unknown> = {
    person_id: p.id,
    sending_unit_id: dept.id,
    host_unit_id: commune.id,
    status,
    target_group: 3,
    remarks: 'Hoàn thành tốt nhiệm vụ',
    proposed_by: crypto.randomUUID(),
    appraised_by: crypto.randomUUID(),
    ...(decided
      ? {
          decision_no: '01/QĐ-UBND',
          start_date: addDays(TODAY, -400),
          end_date: addDays(TODAY, 700),
          duration_months: 36,
          received_on: addDays(TODAY, -400),
          reserved_post: JSON.stringify(post(sub)),
        }
      : {}),
    ...o,
  };
  const keys = Object.keys(cols);
  const r = await pool.query<{ id: string }>(
    `INSERT INTO secondments (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(cols),
  );
  return { id: r.rows[0].id, personId: p.id };
}

const get = (id: string, who: Session) => call(app, 'GET', `/api/secondments/${id}`, { session: who });
const version = async (id: string) => (await t.get().pool.query('SELECT version FROM secondments WHERE id = $1', [id])).rows[0].version as number;
const status = async (id: string) => (await t.get().pool.query('SELECT status FROM secondments WHERE id = $1', [id])).rows[0].status as string;
const opinion = (id: string, o: Record<string, unknown> = {}, who = s.homeAffairs) =>
  call(app, 'POST', `/api/secondments/${id}/party-opinions`, { session: who, body: agreeingOpinion(o) });
const decide = async (ids: string[]) =>
  call(app, 'POST', '/api/secondments/decisions/send', {
    session: s.authority,
    body: {
      decidedOn: TODAY,
      signerName: 'Trần Văn Quyết',
      signerTitle: 'Chủ tịch',
      items: await Promise.all(
        ids.map(async (id) => ({ secondmentId: id, version: await version(id), hostUnitId: commune.id, startDate: TODAY, durationMonths: 36 })),
      ),
    },
  });
const inboxKinds = async (who: Session, secondmentId: string) =>
  ((await call(app, 'GET', '/api/inbox?pageSize=100', { session: who })).json.items as { kind: string; secondmentId: string }[])
    .filter((i) => i.secondmentId === secondmentId)
    .map((i) => i.kind)
    .sort();
const entitlement = async (id: string, code: string) =>
  (
    (await call(app, 'GET', `/api/secondments/${id}/entitlements`, { session: s.hr })).json.entitlements as { code: string; state: string; explanation: string }[]
  ).find((e) => e.code === code)!;

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  await makeProvince(pool);
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  dept = await makeUnit(pool, { parent: root, name: 'Sở Thử', code: 'ST' });
  sub = await makeUnit(pool, { parent: dept, name: 'Phòng Tổng hợp', kind: 'sub_unit' });
  commune = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Thử' });
  s.hr = await makeSession(pool, 'unit_hr', { unitId: dept.id });
  s.homeAffairs = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.host = await makeSession(pool, 'host', { unitId: commune.id });
});

describe("the Party committee's opinion before the decision (Plan 131 II.1)", () => {
  it('refuses to decide without it, names the person and the clause, and changes nothing', async () => {
    const { pool } = t.get();
    const a = await secondment('Phạm Thị Chưa Ý Kiến', 'appraised');
    const before = (await pool.query(`SELECT count(*)::int AS n FROM secondment_decisions`)).rows[0].n;
    const r = await decide([a.id]);
    expect(r.status).toBe(422);
    const message = r.json.error.issues.map((i: { message: string }) => i.message).join(' ');
    expect(message).toContain('Phạm Thị Chưa Ý Kiến');
    expect(message).toMatch(/Chưa có ý kiến của cấp ủy/);
    expect(message).toMatch(/mục II\.1; Điều 46 Nghị định 170\/2025\/NĐ-CP/);
    expect(await status(a.id)).toBe('appraised');
    expect((await pool.query(`SELECT count(*)::int AS n FROM secondment_decisions`)).rows[0].n).toBe(before);
  });

  it('all or none: one cadre without an opinion holds back the whole decision', async () => {
    const ok = await secondment('Phạm Văn Đồng Ý', 'appraised');
    const missing = await secondment('Phạm Văn Thiếu', 'appraised');
    expect((await opinion(ok.id)).status).toBe(200);
    const r = await decide([ok.id, missing.id]);
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toHaveLength(1);
    expect(r.json.error.issues[0]).toMatchObject({ path: 'items.1.secondmentId' });
    expect(r.json.error.issues[0].message).toContain('Phạm Văn Thiếu');
    expect(await status(ok.id)).toBe('appraised');
    expect((await opinion(missing.id)).status).toBe(200);
    expect((await decide([ok.id, missing.id])).status).toBe(201);
    expect(await status(ok.id)).toBe('decided');
  });

  it('the latest opinion stands: disagree or not meeting the political standards refuse, agree and meets decides', async () => {
    const { pool } = t.get();
    const a = await secondment('Võ Thị Xem Xét', 'appraised');
    expect((await opinion(a.id, { outcome: 'disagree', documentNo: '01-CV/ĐU', givenOn: addDays(TODAY, -3) })).status).toBe(200);
    let r = await decide([a.id]);
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0].message).toMatch(/không đồng ý cử Võ Thị Xem Xét/);
    expect((await opinion(a.id, { politicalConclusion: 'not_meets', documentNo: '02-CV/ĐU', givenOn: addDays(TODAY, -2) })).status).toBe(200);
    r = await decide([a.id]);
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0].message).toMatch(/không đủ tiêu chuẩn chính trị/);
    expect((await opinion(a.id, { documentNo: '03-CV/ĐU', note: 'Sau khi xác minh lại' })).status).toBe(200);
    // the decision dialog's check: the record shows the history and whether it is required
    const d = (await get(a.id, s.authority)).json;
    expect(d.partyOpinionRequired).toBe(true);
    expect(d.partyOpinions.map((o: { documentNo: string }) => o.documentNo)).toEqual(['01-CV/ĐU', '02-CV/ĐU', '03-CV/ĐU']);
    expect(d.partyOpinions[2]).toMatchObject({
      outcome: 'agree',
      politicalConclusion: 'meets',
      note: 'Sau khi xác minh lại',
      committeeName: 'Ban Thường vụ Đảng ủy Sở',
    });
    expect((await decide([a.id])).status).toBe(201);
    // audited, on the timeline, and not shown to the host commune (it is how the person was chosen)
    const audit = await pool.query(`SELECT after FROM audit_log WHERE action = 'secondment.party_opinion' AND entity_id = $1 ORDER BY id`, [a.id]);
    expect(audit.rows.map((x) => x.after.documentNo)).toEqual(['01-CV/ĐU', '02-CV/ĐU', '03-CV/ĐU']);
    const host = (await get(a.id, s.host)).json;
    expect(host.partyOpinions).toEqual([]);
    expect(host.events.map((e: { action: string }) => e.action)).toContain('party_opinion');
  });

  it('is recorded by Sở Nội vụ only, before the decision, dated no later than today', async () => {
    const a = await secondment('Đỗ Văn Quyền', 'appraised');
    expect((await opinion(a.id, {}, s.hr)).status).toBe(403);
    expect((await opinion(a.id, {}, s.authority)).status).toBe(403);
    const future = await opinion(a.id, { givenOn: addDays(TODAY, 1) });
    expect(future.status).toBe(422);
    expect(future.json.error.issues[0].path).toBe('givenOn');
    expect((await opinion(a.id, { outcome: 'maybe' })).status).toBe(422);
    const decided = await secondment('Đỗ Văn Đã Cử', 'decided');
    expect((await opinion(decided.id)).status).toBe(409);
    expect((await get(a.id, s.homeAffairs)).json.partyOpinions).toEqual([]);
  });

  it('is not required when the plan in force does not require it', async () => {
    const { pool } = t.get();
    const a = await secondment('Lý Thị Không Cần', 'appraised');
    await pool.query(`UPDATE plan_versions SET params = params || '{"partyOpinionRequired": false}'::jsonb`);
    try {
      expect((await get(a.id, s.authority)).json.partyOpinionRequired).toBe(false);
      expect((await decide([a.id])).status).toBe(201);
    } finally {
      await pool.query(`UPDATE plan_versions SET params = params || '{"partyOpinionRequired": true}'::jsonb`);
    }
    // a stored version without the parameter (saved before it existed) does not require it either
    const b = await secondment('Lý Thị Phiên Bản Cũ', 'appraised');
    await pool.query(`UPDATE plan_versions SET params = params - 'partyOpinionRequired'`);
    try {
      expect((await decide([b.id])).status).toBe(201);
    } finally {
      await pool.query(`UPDATE plan_versions SET params = params || '{"partyOpinionRequired": true}'::jsonb`);
    }
  });
});

describe('end of term: self-review and the host collective’s evaluation (Decree 170/2025 Art. 49)', () => {
  const review = (id: string, who: Session, o: Record<string, unknown>) =>
    call(app, 'POST', `/api/secondments/${id}/term-reviews`, { session: who, body: { reviewedOn: TODAY, content: 'Hoàn thành các nhiệm vụ được giao', ...o } });

  it('one per kind, saved again replaces it; each by its own side; shown with the record and audited', async () => {
    const { pool } = t.get();
    const a = await secondment('Trương Thị Tự Đánh Giá', 'active');
    s.cadre = await makeSession(pool, 'cadre', { personId: a.personId });
    expect((await review(a.id, s.cadre, { kind: 'self_review', proposedRating: 'HTT', strengths: 'Bám cơ sở' })).status).toBe(200);
    // the sending unit may file it for the cadre; it replaces the first
    expect((await review(a.id, s.hr, { kind: 'self_review', proposedRating: 'HTXS', content: 'Bản tự nhận xét đã ký' })).status).toBe(200);
    expect((await review(a.id, s.host, { kind: 'host_collective', proposedRating: 'HTT', weaknesses: 'Cần chủ động hơn' })).status).toBe(200);
    // each side writes only its own kinds
    expect((await review(a.id, s.host, { kind: 'self_review' })).status).toBe(403);
    expect((await review(a.id, s.cadre, { kind: 'host_collective' })).status).toBe(403);
    expect((await review(a.id, s.hr, { kind: 'host_party_committee' })).status).toBe(403);
    expect((await review(a.id, s.host, { kind: 'host_collective', proposedRating: 'XYZ' })).status).toBe(422);
    expect((await review(a.id, s.host, { kind: 'host_collective', reviewedOn: addDays(TODAY, 1) })).status).toBe(422);

    const d = (await get(a.id, s.hr)).json;
    expect(d.termReviews).toHaveLength(2);
    expect(d.termReviews[0]).toMatchObject({ kind: 'self_review', proposedRating: 'HTXS', content: 'Bản tự nhận xét đã ký', strengths: null });
    expect(d.termReviews[1]).toMatchObject({ kind: 'host_collective', proposedRating: 'HTT', weaknesses: 'Cần chủ động hơn' });
    const audit = await pool.query(`SELECT action, before, after FROM audit_log WHERE entity_type = 'secondment_term_review' AND person_id = $1 ORDER BY id`, [
      a.personId,
    ]);
    expect(audit.rows.map((x) => x.action)).toEqual(['secondment.term_review.create', 'secondment.term_review.update', 'secondment.term_review.create']);
    expect(audit.rows[1].before).toMatchObject({ proposedRating: 'HTT', strengths: 'Bám cơ sở' });
    expect(audit.rows[1].after).toMatchObject({ proposedRating: 'HTXS' });
  });

  it('is open until the cadre is placed, and shown where the placement is decided', async () => {
    const done = await secondment('Trương Văn Hết Hạn', 'completed', { actual_end_date: addDays(TODAY, -5), end_date: addDays(TODAY, -5) });
    expect((await review(done.id, s.host, { kind: 'host_party_committee', content: 'Đảng ủy xã nhận xét tốt' })).status).toBe(200);
    const d = (await get(done.id, s.hr)).json;
    expect(d.allowedActions).toEqual(expect.arrayContaining(['place', 'review_self']));
    expect(d.termReviews).toEqual([expect.objectContaining({ kind: 'host_party_committee', content: 'Đảng ủy xã nhận xét tốt' })]);
    const back = await secondment('Trương Văn Đã Về', 'returned', { outcome_rating: 'HTT', returned_on: TODAY });
    expect((await review(back.id, s.hr, { kind: 'self_review' })).status).toBe(409);
    const early = await secondment('Trương Văn Chưa Cử', 'appraised');
    expect((await review(early.id, s.hr, { kind: 'self_review' })).status).toBe(409);
  });
});

describe('after the return: commendation (Decree 178/2024 Art. 12) and the result fed back (Plan 131 II.2)', () => {
  const returned = (name: string, rating: string) =>
    secondment(name, 'returned', {
      outcome_rating: rating,
      outcome_remarks: 'Kết quả',
      returned_on: addDays(TODAY, -3),
      end_date: addDays(TODAY, -10),
      actual_end_date: addDays(TODAY, -10),
      placement: JSON.stringify(post(sub)),
    });

  it('a term completed well: the commendation is pending and in the unit’s inbox until the proposal is recorded', async () => {
    const { pool } = t.get();
    const a = await returned('Hoàng Thị Khen', 'HTT');
    expect(await inboxKinds(s.hr, a.id)).toEqual(['commendation_due', 'follow_up_due']);
    expect(await inboxKinds(s.homeAffairs, a.id)).toEqual([]);
    let e = await entitlement(a.id, 'commendation');
    expect(e).toMatchObject({ state: 'pending' });
    expect(e.explanation).toMatch(/Hoàn thành tốt nhiệm vụ/);
    // the form is the unit's; bad input changes nothing
    const bad = await call(app, 'POST', `/api/secondments/${a.id}/commendation`, {
      session: s.hr,
      body: { declined: false, documentNo: '12/TTr-ST', proposedOn: addDays(TODAY, 2), form: 'Giấy khen' },
    });
    expect(bad.status).toBe(422);
    expect((await call(app, 'POST', `/api/secondments/${a.id}/commendation`, { session: s.host, body: { declined: true, reason: 'x' } })).status).toBe(403);
    const ok = await call(app, 'POST', `/api/secondments/${a.id}/commendation`, {
      session: s.hr,
      body: { declined: false, documentNo: '12/TTr-ST', proposedOn: TODAY, form: 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố' },
    });
    expect(ok.status).toBe(200);
    e = await entitlement(a.id, 'commendation');
    expect(e.state).toBe('done');
    expect(e.explanation).toMatch(/Bằng khen của Chủ tịch Ủy ban nhân dân thành phố.*12\/TTr-ST/);
    expect(await inboxKinds(s.hr, a.id)).toEqual(['follow_up_due']);
    expect((await get(a.id, s.hr)).json.commendation).toMatchObject({ declined: false, documentNo: '12/TTr-ST', proposedOn: TODAY });
    const audit = await pool.query(`SELECT after FROM audit_log WHERE action = 'secondment.commendation' AND entity_id = $1`, [a.id]);
    expect(audit.rows[0].after.commendation).toMatchObject({ documentNo: '12/TTr-ST' });
  });

  it('declining with reasons also closes it; a term not completed well has no commendation to consider', async () => {
    const a = await returned('Hoàng Văn Không Đề Nghị', 'HTXS');
    expect((await call(app, 'POST', `/api/secondments/${a.id}/commendation`, { session: s.hr, body: { declined: true, reason: '' } })).status).toBe(422);
    expect(
      (await call(app, 'POST', `/api/secondments/${a.id}/commendation`, { session: s.hr, body: { declined: true, reason: 'Đã khen thưởng đột xuất trong năm' } }))
        .status,
    ).toBe(200);
    const e = await entitlement(a.id, 'commendation');
    expect(e.state).toBe('done');
    expect(e.explanation).toMatch(/không đề nghị khen thưởng: Đã khen thưởng đột xuất/);
    expect(await inboxKinds(s.hr, a.id)).toEqual(['follow_up_due']);

    const b = await returned('Hoàng Văn Bình Thường', 'HT');
    expect((await entitlement(b.id, 'commendation')).state).toBe('not_applicable');
    expect(await inboxKinds(s.hr, b.id)).toEqual(['follow_up_due']);
    const r = await call(app, 'POST', `/api/secondments/${b.id}/commendation`, { session: s.hr, body: { declined: true, reason: 'x' } });
    expect(r.status).toBe(409);
    // still serving: not yet considered
    const c = await secondment('Hoàng Văn Đang Làm', 'active');
    expect((await entitlement(c.id, 'commendation')).state).toBe('pending');
    expect(await inboxKinds(s.hr, c.id)).not.toContain('commendation_due');
  });

  it('the follow-up: a planning entry and a training need recorded, kept on the secondment, audited; the item leaves the inbox', async () => {
    const { pool } = t.get();
    const a = await returned('Đặng Thị Quy Hoạch', 'HTT');
    const missing = await call(app, 'POST', `/api/secondments/${a.id}/follow-up`, { session: s.hr, body: { planning: 'add_title' } });
    expect(missing.status).toBe(422);
    expect(missing.json.error.issues[0].path).toBe('planningEntry');
    const r = await call(app, 'POST', `/api/secondments/${a.id}/follow-up`, {
      session: s.hr,
      body: {
        planning: 'add_title',
        planningEntry: { title: 'Phó Trưởng phòng Tổng hợp', term: '2026-2031', decisionNo: '45/QĐ-ST', approvedOn: TODAY },
        trainingNeed: { period: '2026-2030', kind: 'short_course', fields: ['Kinh tế'], description: 'Bồi dưỡng kỹ năng lãnh đạo, quản lý' },
        note: 'Theo kết quả đánh giá sau tăng cường',
      },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const entry = await pool.query(`SELECT id, title, term, decision_no FROM planning_entries WHERE person_id = $1`, [a.personId]);
    expect(entry.rows).toEqual([expect.objectContaining({ title: 'Phó Trưởng phòng Tổng hợp', term: '2026-2031', decision_no: '45/QĐ-ST' })]);
    const need = await pool.query(`SELECT id, unit_id, kind, fields FROM training_needs WHERE person_id = $1`, [a.personId]);
    expect(need.rows).toEqual([expect.objectContaining({ unit_id: sub.id, kind: 'short_course', fields: ['Kinh tế'] })]);
    const d = (await get(a.id, s.hr)).json;
    expect(d.followUp).toMatchObject({
      planning: 'add_title',
      title: 'Phó Trưởng phòng Tổng hợp',
      planningEntryId: entry.rows[0].id,
      trainingNeedId: need.rows[0].id,
    });
    expect(await inboxKinds(s.hr, a.id)).toEqual(['commendation_due']);
    const audit = await pool.query(`SELECT action, entity_type FROM audit_log WHERE person_id = $1 ORDER BY id`, [a.personId]);
    expect(audit.rows.map((x) => `${x.entity_type}:${x.action}`)).toEqual(
      expect.arrayContaining(['planning_entry:create', 'training_need:create', 'secondment:secondment.follow_up']),
    );
    // recorded once
    expect((await call(app, 'POST', `/api/secondments/${a.id}/follow-up`, { session: s.hr, body: { planning: 'keep' } })).status).toBe(409);
  });

  it('keeping the planning as it is records no planning entry', async () => {
    const { pool } = t.get();
    const a = await returned('Đặng Văn Giữ Nguyên', 'HT');
    expect((await call(app, 'POST', `/api/secondments/${a.id}/follow-up`, { session: s.host, body: { planning: 'keep' } })).status).toBe(403);
    expect((await call(app, 'POST', `/api/secondments/${a.id}/follow-up`, { session: s.hr, body: { planning: 'keep' } })).status).toBe(200);
    expect((await pool.query(`SELECT count(*)::int AS n FROM planning_entries WHERE person_id = $1`, [a.personId])).rows[0].n).toBe(0);
    expect(await inboxKinds(s.hr, a.id)).toEqual([]);
  });
});
