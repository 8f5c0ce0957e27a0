import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeProvince, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import JSZip from 'jszip';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { addDays, vietnamToday } from '../../../common/dates.js';
import { seedPlan131 } from '../../db/seed/plan-131.seed.js';
import { computeInbox } from '../../domain/inbox/get-inbox.js';
import { inspectionInboxItems, type InboxRecommendationRow } from '../../domain/inbox/inbox-rules.js';
import type { Actor } from '../../domain/access/actor.js';

/**
 * Inspections and guidance (issue 15, Plan 131 IV.3) through the API: Sở Nội vụ records an inspection with its
 * recommendations, the inspected unit answers, Sở Nội vụ accepts or returns; the scope, the dates, the inbox and the
 * report's figures.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const u: Record<string, UnitRef> = {};
const TODAY = vietnamToday();

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.get().pool.query(text, params)).rows as T[];
}
const count = async (table: string) => (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  const client = await pool.connect();
  try {
    await seedPlan131(client);
  } finally {
    client.release();
  }
  await makeProvince(pool);
  u.root = await makeUnit(pool, { kind: 'peoples_committee' });
  u.deptA = await makeUnit(pool, { parent: u.root, name: 'Sở Tài chính', code: 'STC' });
  u.deptB = await makeUnit(pool, { parent: u.root, name: 'Sở Y tế', code: 'SYT' });
  u.c1 = await makeUnit(pool, { parent: u.root, kind: 'commune', code: 'X1', name: 'Xã Một' });
  s.ha = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: u.deptA.id });
  s.mgrB = await makeSession(pool, 'unit_manager', { unitId: u.deptB.id });
  s.host = await makeSession(pool, 'host', { unitId: u.c1.id });
  s.cadre = await makeSession(pool, 'cadre');
});

const inspection = (o: Record<string, unknown> = {}) => ({
  unitId: u.deptA.id,
  fromOn: addDays(TODAY, -40),
  toOn: addDays(TODAY, -38),
  members: ['Nguyễn Văn Trưởng đoàn', 'Lê Thị Thành viên'],
  subject: 'Kiểm tra việc cử cán bộ tăng cường về cơ sở năm 2026',
  findings: 'Đơn vị cử đủ chỉ tiêu; hồ sơ một số trường hợp chưa đầy đủ.',
  recommendations: [
    { text: 'Bổ sung hồ sơ cán bộ tăng cường còn thiếu', deadline: addDays(TODAY, -5) },
    { text: 'Báo cáo kết quả thực hiện về Sở Nội vụ', deadline: addDays(TODAY, 10) },
  ],
  conclusionNo: '15/KL-SNV',
  concludedOn: addDays(TODAY, -35),
  ...o,
});

let insp: { id: string; items: { id: string; version: number; status: string }[] };

describe('inspections', () => {
  it('Sở Nội vụ records a concluded inspection with its recommendations, audited', async () => {
    const r = await call(app, 'POST', '/api/inspections', { session: s.ha, body: inspection() });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ status: 'concluded', conclusionNo: '15/KL-SNV', unitName: 'Sở Tài chính', recommendations: 2, overdue: 1, answered: 0 });
    expect(r.json.items.map((i: { seq: number; status: string; overdue: boolean }) => [i.seq, i.status, i.overdue])).toEqual([
      [1, 'open', true],
      [2, 'open', false],
    ]);
    expect(r.json.items[0].allowedActions).toEqual([]);
    insp = r.json;
    const audit = await q(`SELECT action FROM audit_log WHERE entity_type = 'inspection' AND entity_id = $1`, [insp.id]);
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('a unit, the authority or a cadre cannot record; a future date and a deadline before the inspection are refused and change nothing', async () => {
    const before = await count('inspections');
    expect((await call(app, 'POST', '/api/inspections', { session: s.hrA, body: inspection() })).status).toBe(403);
    expect((await call(app, 'POST', '/api/inspections', { session: s.authority, body: inspection() })).status).toBe(403);
    expect((await call(app, 'POST', '/api/inspections', { session: s.cadre, body: inspection() })).status).toBe(403);
    const future = await call(app, 'POST', '/api/inspections', {
      session: s.ha,
      body: inspection({ fromOn: addDays(TODAY, 1), toOn: addDays(TODAY, 2), conclusionNo: null, concludedOn: null }),
    });
    expect(future.status).toBe(422);
    expect(future.json.error.issues[0]).toMatchObject({ path: 'fromOn' });
    expect(future.json.error.issues[0].message).toMatch(/^Ngày bắt đầu kiểm tra không được sau ngày hôm nay/);
    const early = await call(app, 'POST', '/api/inspections', {
      session: s.ha,
      body: inspection({ recommendations: [{ text: 'Sớm', deadline: addDays(TODAY, -39) }] }),
    });
    expect(early.status).toBe(422);
    expect(early.json.error.issues[0]).toMatchObject({ path: 'recommendations.0.deadline' });
    expect(early.json.error.issues[0].message).toMatch(/^Hạn thực hiện kiến nghị không được trước ngày kiểm tra/);
    expect(await count('inspections')).toBe(before);
  });

  it('the inspected unit reads its own inspection; another unit does not see it, in the list or by id', async () => {
    const mine = await call(app, 'GET', '/api/inspections', { session: s.hrA });
    expect(mine.json.items.map((i: { id: string }) => i.id)).toEqual([insp.id]);
    expect(mine.json.mayRecord).toBe(false);
    const other = await call(app, 'GET', '/api/inspections', { session: s.mgrB });
    expect(other.status).toBe(200);
    expect(other.json.items).toEqual([]);
    expect((await call(app, 'GET', `/api/inspections/${insp.id}`, { session: s.mgrB })).status).toBe(404);
    expect((await call(app, 'GET', `/api/inspections/${insp.id}`, { session: s.host })).status).toBe(404);
    expect((await call(app, 'GET', '/api/inspections', { session: s.cadre })).status).toBe(403);
    const auth = await call(app, 'GET', `/api/inspections/${insp.id}`, { session: s.authority });
    expect(auth.status).toBe(200);
    expect(auth.json.items[0].allowedActions).toEqual([]);
    const detail = await call(app, 'GET', `/api/inspections/${insp.id}`, { session: s.hrA });
    expect(detail.json.items[0].allowedActions).toEqual(['answer']);
  });

  it('the unit answers; another unit cannot; Sở Nội vụ returns it with a reason, the unit answers again, Sở Nội vụ accepts', async () => {
    const rec = insp.items[0];
    const path = `/api/inspections/recommendations/${rec.id}`;
    expect((await call(app, 'POST', `${path}/answer`, { session: s.mgrB, body: { version: rec.version, answer: 'X' } })).status).toBe(404);
    expect((await call(app, 'POST', `${path}/answer`, { session: s.ha, body: { version: rec.version, answer: 'X' } })).status).toBe(403);
    expect((await call(app, 'POST', `${path}/accept`, { session: s.ha, body: { version: rec.version } })).status).toBe(409);
    const a = await call(app, 'POST', `${path}/answer`, { session: s.hrA, body: { version: rec.version, answer: 'Đã bổ sung hồ sơ của 3 cán bộ' } });
    expect(a.status, JSON.stringify(a.json)).toBe(200);
    expect(a.json).toMatchObject({ status: 'answered', answer: 'Đã bổ sung hồ sơ của 3 cán bộ', answeredOn: TODAY, allowedActions: [] });
    expect((await call(app, 'POST', `${path}/accept`, { session: s.ha, body: { version: rec.version } })).status).toBe(409);
    const noReason = await call(app, 'POST', `${path}/return`, { session: s.ha, body: { version: a.json.version, reason: '  ' } });
    expect(noReason.status).toBe(422);
    const back = await call(app, 'POST', `${path}/return`, { session: s.ha, body: { version: a.json.version, reason: 'Chưa kèm danh sách' } });
    expect(back.json).toMatchObject({ status: 'returned', reviewNote: 'Chưa kèm danh sách' });
    const again = await call(app, 'POST', `${path}/answer`, { session: s.hrA, body: { version: back.json.version, answer: 'Đã gửi kèm danh sách' } });
    expect(again.json.status).toBe('answered');
    expect((await call(app, 'POST', `${path}/accept`, { session: s.authority, body: { version: again.json.version } })).status).toBe(403);
    const ok = await call(app, 'POST', `${path}/accept`, { session: s.ha, body: { version: again.json.version } });
    expect(ok.json).toMatchObject({ status: 'accepted', acceptedOn: TODAY, overdue: false });
    const audit = await q<{ action: string }>(`SELECT action FROM audit_log WHERE entity_type = 'inspection_recommendation' AND entity_id = $1 ORDER BY id`, [
      rec.id,
    ]);
    expect(audit.map((x) => x.action)).toEqual(['answer', 'return', 'answer', 'accept']);
  });

  it('a draft inspection is edited, then concluded; its recommendations are not answered before', async () => {
    const r = await call(app, 'POST', '/api/inspections', {
      session: s.ha,
      body: inspection({
        unitId: u.c1.id,
        conclusionNo: null,
        concludedOn: null,
        recommendations: [{ text: 'Kiện toàn bộ phận một cửa', deadline: addDays(TODAY, 60) }],
      }),
    });
    expect(r.json).toMatchObject({ status: 'draft', allowedActions: ['edit', 'conclude'] });
    const hostView = await call(app, 'GET', `/api/inspections/${r.json.id}`, { session: s.host });
    expect(hostView.json.items[0].allowedActions).toEqual([]);
    const { conclusionNo: _n, concludedOn: _d, ...content } = inspection({ unitId: u.c1.id, findings: 'Sửa kết quả' });
    const stale = await call(app, 'PATCH', `/api/inspections/${r.json.id}`, { session: s.ha, body: { ...content, version: 99 } });
    expect(stale.status).toBe(409);
    const e = await call(app, 'PATCH', `/api/inspections/${r.json.id}`, { session: s.ha, body: { ...content, version: 1 } });
    expect(e.json).toMatchObject({ findings: 'Sửa kết quả', recommendations: 2, version: 2 });
    const c = await call(app, 'POST', `/api/inspections/${r.json.id}/conclude`, {
      session: s.ha,
      body: { version: 2, conclusionNo: '20/KL-SNV', concludedOn: TODAY },
    });
    expect(c.json).toMatchObject({ status: 'concluded', allowedActions: [] });
    const hostAfter = await call(app, 'GET', `/api/inspections/${r.json.id}`, { session: s.host });
    expect(hostAfter.json.items[0].allowedActions).toEqual(['answer']);
    expect((await call(app, 'PATCH', `/api/inspections/${r.json.id}`, { session: s.ha, body: { ...content, version: 3 } })).status).toBe(409);
  });

  it('the overdue recommendation shows in the inbox of the unit and Sở Nội vụ past its deadline, the one due soon for the unit only', async () => {
    const kindsOf = async (session: Session, on: string) =>
      ((await call(app, 'GET', `/api/inbox?on=${on}&pageSize=200`, { session })).json.items as { kind: string; subjectId: string }[]).filter(
        (i) => i.kind.startsWith('inspection_') && insp.items.some((r) => r.id === i.subjectId),
      );
    const second = insp.items[1];
    expect(await kindsOf(s.hrA, TODAY)).toEqual([expect.objectContaining({ kind: 'inspection_recommendation_due', subjectId: second.id })]);
    expect(await kindsOf(s.ha, TODAY)).toEqual([]);
    const past = addDays(TODAY, 11);
    const unit = await kindsOf(s.hrA, past);
    expect(unit.filter((i) => i.subjectId === second.id).map((i) => i.kind)).toEqual(['inspection_recommendation_overdue']);
    const ha = await kindsOf(s.ha, past);
    expect(ha.filter((i) => i.subjectId === second.id)).toEqual([
      expect.objectContaining({
        kind: 'inspection_recommendation_overdue',
        personName: null,
        sendingUnitName: 'Sở Tài chính',
        link: `/inspections?inspection=${insp.id}`,
      }),
    ]);
    expect((await kindsOf(s.mgrB, past)).length).toBe(0);
    // an answer before the deadline waits for Sở Nội vụ
    const a = await call(app, 'POST', `/api/inspections/recommendations/${second.id}/answer`, {
      session: s.hrA,
      body: { version: second.version, answer: 'Đã báo cáo' },
    });
    expect(a.status).toBe(200);
    expect((await kindsOf(s.ha, TODAY)).map((i) => i.kind)).toEqual(['inspection_answer_pending']);
    expect(await kindsOf(s.hrA, TODAY)).toEqual([]);
  });
});

describe('the SQL of the inbox says what the rules say, for recommendations', () => {
  it('yields the items of the reference reading for every kind of grant, on days across the deadlines', async () => {
    const rows = await q<InboxRecommendationRow>(`SELECT r.id, r.inspection_id AS "inspectionId", i.status = 'concluded' AS concluded, r.status,
        r.deadline::text AS deadline, r.answered_on::text AS "answeredOn", u.id AS "unitId", u.name AS "unitName", u.path AS "unitPath"
      FROM inspection_recommendations r JOIN inspections i ON i.id = r.inspection_id JOIN org_units u ON u.id = i.unit_id`);
    expect(rows.length).toBeGreaterThan(3);
    const actor = (grants: Actor['grants']): Actor => ({ userId: 'u', username: 'u', displayName: 'U', personId: null, grants });
    const actors = [
      actor([{ role: 'home_affairs', unitId: null }]),
      actor([{ role: 'home_affairs', unitId: u.deptB.id }]),
      actor([{ role: 'authority', unitId: null }]),
      actor([{ role: 'unit_hr', unitId: u.deptA.id }]),
      actor([{ role: 'unit_manager', unitId: u.root.id }]),
      actor([{ role: 'host', unitId: u.c1.id }]),
      actor([
        { role: 'unit_hr', unitId: u.deptB.id },
        { role: 'host', unitId: u.c1.id },
      ]),
    ];
    let compared = 0;
    for (const a of actors) {
      for (const on of [addDays(TODAY, -6), addDays(TODAY, -5), addDays(TODAY, -4), TODAY, addDays(TODAY, 10), addDays(TODAY, 11), addDays(TODAY, 45)]) {
        const reference = inspectionInboxItems(a, rows, on);
        const got = (await computeInbox(t.get().db, a, on, 3)).filter((i) => i.kind.startsWith('inspection_'));
        expect(got.map((i) => i.key).sort(), `${JSON.stringify(a.grants)} on ${on}`).toEqual(reference.map((i) => i.key).sort());
        const byKey = new Map(reference.map((i) => [i.key, i]));
        for (const i of got) expect(i).toEqual(byKey.get(i.key));
        compared += reference.length;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe('guidance', () => {
  let toA: string;
  it('Sở Nội vụ issues guidance to all units and to one; a future date is refused; a unit cannot issue', async () => {
    const all = await call(app, 'POST', '/api/guidance', {
      session: s.ha,
      body: { number: '100/HD-SNV', issuedOn: addDays(TODAY, -20), title: 'Hướng dẫn lập hồ sơ cử cán bộ tăng cường' },
    });
    expect(all.status, JSON.stringify(all.json)).toBe(201);
    expect(all.json).toMatchObject({ units: [], issuedBy: 'Sở Nội vụ', allowedActions: ['edit'] });
    const one = await call(app, 'POST', '/api/guidance', {
      session: s.ha,
      body: { number: '101/HD-SNV', issuedOn: addDays(TODAY, -10), title: 'Hướng dẫn báo cáo định kỳ', unitIds: [u.deptA.id] },
    });
    expect(one.json.units).toEqual([{ id: u.deptA.id, name: 'Sở Tài chính' }]);
    toA = one.json.id;
    const before = await count('guidance_documents');
    const future = await call(app, 'POST', '/api/guidance', { session: s.ha, body: { number: '102/HD-SNV', issuedOn: addDays(TODAY, 1), title: 'Sau' } });
    expect(future.status).toBe(422);
    expect(future.json.error.issues[0].message).toMatch(/^Ngày ban hành văn bản không được sau ngày hôm nay/);
    expect((await call(app, 'POST', '/api/guidance', { session: s.hrA, body: { number: '1', issuedOn: TODAY, title: 'X' } })).status).toBe(403);
    expect(await count('guidance_documents')).toBe(before);
  });

  it('each unit reads what is addressed to it or to all', async () => {
    const numbers = async (session: Session) => (await call(app, 'GET', '/api/guidance', { session })).json.items.map((g: { number: string }) => g.number);
    expect(await numbers(s.hrA)).toEqual(['101/HD-SNV', '100/HD-SNV']);
    expect(await numbers(s.mgrB)).toEqual(['100/HD-SNV']);
    expect(await numbers(s.authority)).toEqual(['101/HD-SNV', '100/HD-SNV']);
    expect((await call(app, 'GET', `/api/guidance/${toA}`, { session: s.mgrB })).status).toBe(404);
    expect((await call(app, 'PATCH', `/api/guidance/${toA}`, { session: s.hrA, body: { number: 'x', issuedOn: TODAY, title: 'x', version: 1 } })).status).toBe(403);
  });
});

describe('the report', () => {
  it("counts the guidance in section I and the inspections' figures, equal to SQL counts; section III states the overdue", async () => {
    const from = addDays(TODAY, -60);
    const r = await call(app, 'POST', '/api/reports', { session: s.ha, body: { from, to: TODAY } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const fig = Object.fromEntries((r.json.figures as { key: string; value: number }[]).map((f) => [f.key, f.value]));
    const n = async (text: string) => (await q<{ n: number }>(text, [from, TODAY]))[0].n;
    const expected = {
      'documents.guidance': await n(`SELECT count(*)::int AS n FROM guidance_documents WHERE issued_on BETWEEN $1 AND $2`),
      'inspections.concluded': await n(`SELECT count(*)::int AS n FROM inspections WHERE status = 'concluded' AND concluded_on BETWEEN $1 AND $2`),
      'inspections.recommendations': await n(
        `SELECT count(*)::int AS n FROM inspection_recommendations r JOIN inspections i ON i.id = r.inspection_id WHERE i.status = 'concluded' AND i.concluded_on BETWEEN $1 AND $2`,
      ),
      'inspections.answered': await n(
        `SELECT count(*)::int AS n FROM inspection_recommendations WHERE status IN ('answered', 'accepted') AND answered_on BETWEEN $1 AND $2`,
      ),
      'inspections.overdue': await n(
        `SELECT count(*)::int AS n FROM inspection_recommendations r JOIN inspections i ON i.id = r.inspection_id
         WHERE i.status = 'concluded' AND r.deadline < $2 AND NOT (r.status = 'accepted' AND r.accepted_on <= $2) AND $1::date IS NOT NULL`,
      ),
    };
    expect(fig).toMatchObject(expected);
    // by hand: two guidance documents, two inspections concluded with two recommendations each, both of the first answered,
    // the second's first one past its deadline
    expect(expected).toEqual({
      'documents.guidance': 2,
      'inspections.concluded': 2,
      'inspections.recommendations': 4,
      'inspections.answered': 2,
      'inspections.overdue': 1,
    });
    const docx = await send(app, `/api/reports/${r.json.id}/report.docx`, { headers: { cookie: s.ha.cookie } });
    expect(docx.status, await docx.clone().text()).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text).toContain('- Văn bản số 100/HD-SNV ngày');
    expect(text).toContain('- Kiến nghị sau kiểm tra quá hạn mà chưa hoàn thành');
    const guidance = (r.json.documents as { kind: string; number: string }[]).filter((d) => d.kind === 'guidance').map((d) => d.number);
    expect(guidance).toEqual(['100/HD-SNV', '101/HD-SNV']);
  });
});
