import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { download } from '../../../test/support/import-helpers.js';
import { readXlsx } from '../../../test/support/xlsx-files.js';
import { seedPlan131 } from '../../db/seed/plan-131.seed.js';

/**
 * The communes' demand (issue 13, first part): needs declared by the host commune, reviewed by Sở Nội vụ into an
 * approved round; the province table, the commune page and the surplus on a fixture whose numbers are counted by hand.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const u: Record<string, UnitRef> = {};
const post: Record<string, string> = {};
const person: Record<string, string> = {};

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await t.get().pool.query(text, params)).rows as T[];
}
const needCount = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM commune_needs'))[0].n;
const needRow = async (id: string) => (await q('SELECT status, version, approved_count, round_id, count FROM commune_needs WHERE id = $1', [id]))[0];

async function addPost(unit: UnitRef, title: string, o: { norm: number | null; field: string | null; key?: boolean }) {
  const r = await q<{ id: string }>(
    `INSERT INTO job_posts (unit_id, title, is_key_post, is_leadership, norm, field, min_education, required_rank_grade, standards)
     VALUES ($1, $2, $3, $3, $4, $5, 'dai_hoc', 'A1', 'Tốt nghiệp đại học') RETURNING id`,
    [unit.id, title, o.key ?? false, o.norm, o.field],
  );
  return r[0].id;
}
async function onPost(unitId: string, postId: string | null, name: string, o: { status?: string; homeTown?: string } = {}) {
  const p = await makePerson(t.get().pool, { unitId, fullName: name });
  await q('UPDATE people SET job_post_id = $2, status = $3, home_town_code = $4 WHERE id = $1', [p.id, postId, o.status ?? 'active', o.homeTown ?? null]);
  return p.id;
}
async function second(personId: string, sendingUnitId: string, hostUnitId: string, status: string, hostRole: string) {
  await q(`INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status, host_role, start_date) VALUES ($1, $2, $3, $4, $5, '2026-01-01')`, [
    personId,
    sendingUnitId,
    hostUnitId,
    status,
    hostRole,
  ]);
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
  u.root = await makeUnit(pool, { kind: 'peoples_committee' });
  u.deptA = await makeUnit(pool, { parent: u.root, staffing: 3, code: 'SA' });
  u.deptB = await makeUnit(pool, { parent: u.root, staffing: 10, code: 'SB' });
  u.c1 = await makeUnit(pool, { parent: u.root, kind: 'commune', code: 'X1', name: 'Xã Một' });
  u.c2 = await makeUnit(pool, { parent: u.root, kind: 'ward', code: 'X2', name: 'Phường Hai' });
  u.c3 = await makeUnit(pool, { parent: u.root, kind: 'commune', code: 'X3', name: 'Xã Ba' });
  await q('UPDATE org_units SET is_especially_disadvantaged = true WHERE id = $1', [u.c1.id]);
  await q(`INSERT INTO legacy_communes (old_code, old_name, new_unit_id, match) VALUES ('OLD1', 'Xã Cũ', $1, 'full')`, [u.c1.id]);

  // Xã Một: Địa chính norm 5 (2 own active + 1 retired + 1 seconded in = 3 holders → 2 short); Chủ tịch norm 1 held by a local;
  // Kế toán without a norm (1 holder, no vacancy counted); one seconded cadre without a post
  post.land = await addPost(u.c1, 'Công chức Địa chính - Nông nghiệp', { norm: 5, field: 'dat_dai_tnmt' });
  post.chair = await addPost(u.c1, 'Chủ tịch UBND xã', { norm: 1, field: 'lanh_dao', key: true });
  post.acct = await addPost(u.c1, 'Kế toán', { norm: null, field: 'tai_chinh_ngan_sach' });
  await onPost(u.c1.id, post.land, 'Nguyễn Văn An');
  await onPost(u.c1.id, post.land, 'Trần Văn Bình');
  await onPost(u.c1.id, post.land, 'Lê Văn Cũ', { status: 'retired' });
  person.chair = await onPost(u.c1.id, post.chair, 'Phạm Thị Dung', { homeTown: 'OLD1' });
  await onPost(u.c1.id, post.acct, 'Hồ Văn Em');
  // Phường Hai: Tư pháp norm 2, nobody → 2 short
  post.justice = await addPost(u.c2, 'Công chức Tư pháp - Hộ tịch', { norm: 2, field: 'tu_phap_ho_tich' });
  // deptA: 5 active people for a staffing of 3 → 2 over; deptB: 2 for 10
  const a = [];
  for (let i = 0; i < 5; i++) a.push(await onPost(u.deptA.id, null, `Cán bộ A${i}`));
  await onPost(u.deptB.id, null, 'Cán bộ B0');
  await onPost(u.deptB.id, null, 'Cán bộ B1');
  await second(a[0], u.deptA.id, u.c1.id, 'active', 'Công chức địa chính - nông nghiệp');
  await second(a[1], u.deptA.id, u.c1.id, 'active', 'Hỗ trợ chuyển đổi số');
  await second(a[2], u.deptA.id, u.c1.id, 'decided', 'Kế toán'); // not yet received: not a holder

  s.host1 = await makeSession(pool, 'host', { unitId: u.c1.id });
  s.host2 = await makeSession(pool, 'host', { unitId: u.c2.id });
  s.host3 = await makeSession(pool, 'host', { unitId: u.c3.id });
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: u.deptA.id });
  s.ha = await makeSession(pool, 'home_affairs');
  s.auth = await makeSession(pool, 'authority');
});

const need = (o: Record<string, unknown> = {}) => ({ count: 2, urgency: 'high', reason: 'Thiếu công chức địa chính sau sắp xếp', ...o });

describe('the commune declares its needs', () => {
  it('declares a need for one of its posts: the field and standards come from the post; audited', async () => {
    const r = await call(app, 'POST', '/api/demand/needs', {
      session: s.host1,
      body: need({ jobPostId: post.land, wantedFrom: '2026-03-01', wantedUntil: '2027-03-01' }),
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      unitId: u.c1.id,
      postTitle: 'Công chức Địa chính - Nông nghiệp',
      field: 'dat_dai_tnmt',
      minEducation: 'dai_hoc',
      requiredRankGrade: 'A1',
    });
    expect(r.json).toMatchObject({ standards: 'Tốt nghiệp đại học', status: 'draft', version: 1, frozen: false });
    expect(r.json.allowedActions).toEqual(['edit', 'submit', 'withdraw']);
    const audit = await q("SELECT action FROM audit_log WHERE entity_type = 'commune_need' AND entity_id = $1", [r.json.id]);
    expect(audit).toEqual([{ action: 'create' }]);
  });

  it('a commune with no posts declares by field', async () => {
    const r = await call(app, 'POST', '/api/demand/needs', {
      session: s.host3,
      body: need({ field: 'cntt_chuyen_doi_so', postTitle: 'Chuyên viên chuyển đổi số', submit: true }),
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ unitId: u.c3.id, jobPostId: null, postTitle: 'Chuyên viên chuyển đổi số', status: 'submitted', minEducation: null });
  });

  it.each([
    ['a post of another commune', () => need({ jobPostId: post.justice }), 'jobPostId', /không thuộc Xã Một/],
    ['a post that does not exist', () => need({ jobPostId: '00000000-0000-4000-8000-000000000009' }), 'jobPostId', /không tồn tại/],
    ['count 0', () => need({ field: 'y_te', count: 0 }), 'count', /ít nhất 1/],
    ['count 10,000', () => need({ field: 'y_te', count: 10_000 }), 'count', /tối đa 50/],
    ['until before from', () => need({ field: 'y_te', wantedFrom: '2026-06-01', wantedUntil: '2026-05-01' }), 'wantedUntil', /phải sau/],
    ['neither post nor field', () => need({}), 'field', /vị trí việc làm của xã hoặc lĩnh vực/],
    ['a unit that is not a commune', () => need({ field: 'y_te', unitId: u.deptA.id }), 'unitId', /không phải xã, phường/],
    ['another commune', () => need({ field: 'y_te', unitId: u.c2.id }), 'unitId', /phạm vi/],
  ])('refuses %s (422, in Vietnamese) and writes nothing', async (_why, body, path, message) => {
    const before = await needCount();
    const r = await call(app, 'POST', '/api/demand/needs', { session: s.host1, body: body() });
    expect(r.status).toBe(422);
    const issue = r.json.error.issues.find((i: { path: string }) => i.path === path);
    expect(issue?.message).toMatch(message);
    expect(await needCount()).toBe(before);
  });

  it('edits a draft (the version moves), refuses a stale version (409) and changes nothing', async () => {
    const c = await call(app, 'POST', '/api/demand/needs', { session: s.host1, body: need({ field: 'y_te', count: 1 }) });
    const e = await call(app, 'PATCH', `/api/demand/needs/${c.json.id}`, { session: s.host1, body: { ...need({ field: 'y_te', count: 4 }), version: 1 } });
    expect(e.status).toBe(200);
    expect(e.json).toMatchObject({ count: 4, version: 2 });
    const stale = await call(app, 'PATCH', `/api/demand/needs/${c.json.id}`, { session: s.host1, body: { ...need({ field: 'y_te', count: 9 }), version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toMatch(/người khác cập nhật/);
    expect(await needRow(c.json.id)).toMatchObject({ count: 4, version: 2 });
    // withdrawn: gone from the counts, and no further step
    const w = await call(app, 'POST', `/api/demand/needs/${c.json.id}/withdraw`, { session: s.host1, body: { version: 2, reason: 'Đã tự bố trí' } });
    expect(w.json).toMatchObject({ status: 'withdrawn', allowedActions: [] });
    const again = await call(app, 'POST', `/api/demand/needs/${c.json.id}/submit`, { session: s.host1, body: { version: 3 } });
    expect(again.status).toBe(409);
    expect(await needRow(c.json.id)).toMatchObject({ status: 'withdrawn', version: 3 });
  });
});

describe('scope', () => {
  it('a sending unit is refused every demand route', async () => {
    const before = await needCount();
    expect((await call(app, 'POST', '/api/demand/needs', { session: s.hrA, body: need({ field: 'y_te', unitId: u.c1.id }) })).status).toBe(403);
    expect((await call(app, 'GET', '/api/demand/needs', { session: s.hrA })).status).toBe(403);
    expect((await call(app, 'GET', `/api/demand/communes/${u.c1.id}`, { session: s.hrA })).status).toBe(403);
    expect((await call(app, 'GET', '/api/demand/shortages', { session: s.hrA })).status).toBe(403);
    expect(await needCount()).toBe(before);
  });

  it('a commune sees only its own needs and page; another commune’s is not found', async () => {
    const mine = await call(app, 'GET', '/api/demand/needs?pageSize=200', { session: s.host1 });
    expect(mine.json.items.length).toBeGreaterThan(0);
    expect(new Set(mine.json.items.map((n: { unitId: string }) => n.unitId))).toEqual(new Set([u.c1.id]));
    expect((await call(app, 'GET', `/api/demand/communes/${u.c2.id}`, { session: s.host1 })).status).toBe(404);
    expect((await call(app, 'GET', '/api/demand/shortages', { session: s.host1 })).status).toBe(403);
    const other = mine.json.items[0];
    const r = await call(app, 'PATCH', `/api/demand/needs/${other.id}`, { session: s.host2, body: { ...need({ field: 'y_te' }), version: other.version } });
    expect(r.status).toBe(404);
  });

  it('a commune cannot review; Sở Nội vụ cannot declare', async () => {
    const mine = (await call(app, 'GET', '/api/demand/needs?status=submitted', { session: s.host3 })).json.items[0];
    expect((await call(app, 'POST', `/api/demand/needs/${mine.id}/approve`, { session: s.host3, body: { version: mine.version, approvedCount: 1 } })).status).toBe(
      403,
    );
    expect((await call(app, 'POST', '/api/demand/needs', { session: s.ha, body: need({ field: 'y_te', unitId: u.c1.id }) })).status).toBe(403);
    expect(await needRow(mine.id)).toMatchObject({ status: 'submitted' });
  });
});

describe('Sở Nội vụ reviews and approves a round', () => {
  let landNeed: string;
  let roundId: string;
  it('approves a submitted need for at most the count asked', async () => {
    const draft = (await call(app, 'GET', `/api/demand/needs?unitId=${u.c1.id}&status=draft`, { session: s.host1 })).json.items[0];
    expect(draft.postTitle).toBe('Công chức Địa chính - Nông nghiệp');
    landNeed = draft.id;
    const sub = await call(app, 'POST', `/api/demand/needs/${landNeed}/submit`, { session: s.host1, body: { version: draft.version } });
    expect(sub.json.status).toBe('submitted');
    const over = await call(app, 'POST', `/api/demand/needs/${landNeed}/approve`, { session: s.ha, body: { version: sub.json.version, approvedCount: 3 } });
    expect(over.status).toBe(422);
    expect(over.json.error.issues[0].message).toMatch(/từ 1 đến 2/);
    expect(await needRow(landNeed)).toMatchObject({ status: 'submitted', approved_count: null });
    const ok = await call(app, 'POST', `/api/demand/needs/${landNeed}/approve`, {
      session: s.ha,
      body: { version: sub.json.version, approvedCount: 1, note: 'Bố trí 1 người' },
    });
    expect(ok.json).toMatchObject({ status: 'approved', approvedCount: 1, reviewNote: 'Bố trí 1 người' });
  });

  it('rejects with a reason', async () => {
    const n = (await call(app, 'GET', '/api/demand/needs?status=submitted', { session: s.ha })).json.items.find((x: { unitId: string }) => x.unitId === u.c3.id);
    const r = await call(app, 'POST', `/api/demand/needs/${n.id}/reject`, { session: s.ha, body: { version: n.version, reason: 'Đề nghị xã bố trí nội bộ' } });
    expect(r.json).toMatchObject({ status: 'rejected', reviewNote: 'Đề nghị xã bố trí nội bộ', allowedActions: [] });
  });

  it('groups approved needs into a round (a need not approved is refused, nothing added) and approves it: the needs freeze', async () => {
    const c = await call(app, 'POST', '/api/demand/rounds', { session: s.ha, body: { name: 'Đợt 1 năm 2026' } });
    expect(c.status).toBe(201);
    roundId = c.json.id;
    const pending = await call(app, 'POST', '/api/demand/needs', { session: s.host2, body: need({ jobPostId: post.justice, submit: true }) });
    const bad = await call(app, 'POST', `/api/demand/rounds/${roundId}/needs`, { session: s.ha, body: { version: 1, add: [landNeed, pending.json.id] } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0]).toMatchObject({ path: 'add.1', message: 'Nhu cầu của Phường Hai chưa được chấp thuận' });
    expect((await needRow(landNeed)).round_id).toBeNull();
    const empty = await call(app, 'POST', `/api/demand/rounds/${roundId}/approve`, {
      session: s.ha,
      body: { version: 1, decisionNo: '12/QĐ-SNV', approvedOn: '2026-02-01' },
    });
    expect(empty.status).toBe(409);
    const add = await call(app, 'POST', `/api/demand/rounds/${roundId}/needs`, { session: s.ha, body: { version: 1, add: [landNeed] } });
    expect(add.json).toMatchObject({ needs: 1, people: 1, communes: 1, version: 2 });
    const stale = await call(app, 'POST', `/api/demand/rounds/${roundId}/approve`, {
      session: s.ha,
      body: { version: 1, decisionNo: '12/QĐ-SNV', approvedOn: '2026-02-01' },
    });
    expect(stale.status).toBe(409);
    const ok = await call(app, 'POST', `/api/demand/rounds/${roundId}/approve`, {
      session: s.ha,
      body: { version: 2, decisionNo: '12/QĐ-SNV', approvedOn: '2026-02-01' },
    });
    expect(ok.json).toMatchObject({ status: 'approved', decisionNo: '12/QĐ-SNV', approvedOn: '2026-02-01', allowedActions: [] });
    expect(ok.json.items[0]).toMatchObject({ id: landNeed, frozen: true, allowedActions: [] });
    const audit = await q("SELECT action FROM audit_log WHERE entity_type = 'demand_round' AND entity_id = $1 ORDER BY id", [roundId]);
    expect(audit.map((a) => a.action)).toEqual(['create', 'arrange', 'approve']);
  });

  it('a frozen need is not withdrawn or rejected, and the approved round takes no more needs', async () => {
    const before = await needRow(landNeed);
    const w = await call(app, 'POST', `/api/demand/needs/${landNeed}/withdraw`, { session: s.host1, body: { version: before.version } });
    expect(w.status).toBe(409);
    expect(w.json.error.message).toMatch(/đã được phê duyệt/);
    const r = await call(app, 'POST', `/api/demand/needs/${landNeed}/reject`, { session: s.ha, body: { version: before.version, reason: 'x' } });
    expect(r.status).toBe(409);
    expect(await needRow(landNeed)).toEqual(before);
    const arrange = await call(app, 'POST', `/api/demand/rounds/${roundId}/needs`, { session: s.ha, body: { version: 3, remove: [landNeed] } });
    expect(arrange.status).toBe(409);
    expect(await needRow(landNeed)).toEqual(before);
  });
});

describe('a round changed under its reader', () => {
  it('a need withdrawn from a draft round leaves it, and the round’s version moves', async () => {
    const d = await call(app, 'POST', '/api/demand/needs', { session: s.host3, body: need({ field: 'giao_duc', count: 1, submit: true }) });
    const a = await call(app, 'POST', `/api/demand/needs/${d.json.id}/approve`, { session: s.ha, body: { version: d.json.version, approvedCount: 1 } });
    const r = await call(app, 'POST', '/api/demand/rounds', { session: s.ha, body: { name: 'Đợt 2' } });
    const added = await call(app, 'POST', `/api/demand/rounds/${r.json.id}/needs`, { session: s.ha, body: { version: 1, add: [d.json.id] } });
    expect(added.json).toMatchObject({ needs: 1, version: 2 });
    const w = await call(app, 'POST', `/api/demand/needs/${d.json.id}/withdraw`, { session: s.host3, body: { version: a.json.version + 1 } });
    expect(w.json).toMatchObject({ status: 'withdrawn', roundId: null });
    const after = await call(app, 'GET', `/api/demand/rounds/${r.json.id}`, { session: s.ha });
    expect(after.json).toMatchObject({ needs: 0, version: 3 });
    // the host does not read the rounds
    expect((await call(app, 'GET', `/api/demand/rounds/${r.json.id}`, { session: s.host3 })).status).toBe(403);
  });
});

describe('views', () => {
  it('the province table, counted by hand', async () => {
    const r = await call(app, 'GET', '/api/demand/shortages?sort=vacancies&dir=desc', { session: s.ha });
    expect(r.status).toBe(200);
    const byCode = Object.fromEntries(r.json.items.map((x: { code: string }) => [x.code, x]));
    // Xã Một: 3 posts, norm 5 + 1 = 6; holders 2 + 1 seconded (land) + 1 (chair) + 1 (acct) + 1 seconded without post = 6;
    // vacancies: land 5 − 3 = 2, chair 0, acct no norm → 2; needs: land 2 asked, 1 approved (frozen); y_te withdrawn
    expect(byCode.X1).toMatchObject({ posts: 3, norm: 6, holders: 6, vacancies: 2, submitted: 0, approved: 1, isEspeciallyDisadvantaged: true });
    expect(byCode.X1.byField).toEqual([{ field: 'dat_dai_tnmt', submitted: 0, approved: 1 }]);
    // Phường Hai: 1 post, norm 2, nobody → 2 short; its need of 2 waits for review
    expect(byCode.X2).toMatchObject({ posts: 1, norm: 2, holders: 0, vacancies: 2, submitted: 2, approved: 0, isEspeciallyDisadvantaged: false });
    // Xã Ba: no posts; its need was rejected
    expect(byCode.X3).toMatchObject({ posts: 0, norm: 0, holders: 0, vacancies: 0, submitted: 0, approved: 0 });
    expect(r.json.totals).toEqual({ posts: 4, norm: 8, holders: 6, vacancies: 4, submitted: 2, approved: 1 });
    expect(r.json.items.map((x: { code: string }) => x.code)).toEqual(['X1', 'X2', 'X3']); // 2, 2 (code breaks the tie), 0
    const holders = await call(app, 'GET', '/api/demand/shortages?sort=holders&dir=asc&pageSize=1&page=2', { session: s.ha });
    expect(holders.json).toMatchObject({ total: 3, page: 2 });
    expect(holders.json.items.map((x: { code: string }) => x.code)).toEqual(['X3']);
  });

  it('filters by ĐBKK and by field', async () => {
    const dbkk = await call(app, 'GET', '/api/demand/shortages?disadvantaged=true', { session: s.auth });
    expect(dbkk.json.items.map((x: { code: string }) => x.code)).toEqual(['X1']);
    const justice = await call(app, 'GET', '/api/demand/shortages?field=tu_phap_ho_tich', { session: s.ha });
    expect(justice.json.items).toEqual([expect.objectContaining({ code: 'X2', posts: 1, norm: 2, vacancies: 2, submitted: 2 })]);
    const land = await call(app, 'GET', '/api/demand/shortages?field=dat_dai_tnmt', { session: s.ha });
    expect(land.json.items).toEqual([expect.objectContaining({ code: 'X1', posts: 1, norm: 5, holders: 3, vacancies: 2, approved: 1 })]);
  });

  it('exports the table as .xlsx, read back with exceljs', async () => {
    const r = await download(app, s.ha, '/api/demand/shortages/export.xlsx?sort=code');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('nhu-cau-tang-cuong-theo-xa.xlsx');
    const sheet = (await readXlsx(r.body)).get('Thiếu hụt theo xã, phường')!;
    expect(sheet.rows[0].slice(0, 4)).toEqual(['STT', 'Mã xã, phường', 'Xã, phường', 'ĐBKK']);
    expect(sheet.rows[1].slice(0, 10)).toEqual([1, 'X1', 'Xã Một', 'Có', 3, 6, 6, 2, 0, 1]);
    expect(sheet.rows[1][10]).toBe('Đất đai - tài nguyên môi trường: 0 chờ, 1 chấp thuận');
    expect(sheet.rows[4].slice(2, 10)).toEqual(['Tổng cộng', undefined, 4, 8, 6, 4, 2, 1]);
    const audit = await q("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'commune_need' AND action = 'export'");
    expect(audit[0].n).toBe(1);
  });

  it('the commune page: posts with holders and vacancy, the key-leader team with who is local', async () => {
    const r = await call(app, 'GET', `/api/demand/communes/${u.c1.id}`, { session: s.host1 });
    expect(r.status).toBe(200);
    expect(r.json.totals).toEqual({ posts: 3, norm: 6, holders: 6, vacancies: 2 });
    const land = r.json.posts.find((p: { id: string }) => p.id === post.land);
    expect(land).toMatchObject({ norm: 5, vacancy: 2 });
    expect(land.holders.map((h: { fullName: string; secondedIn: boolean }) => [h.fullName, h.secondedIn])).toEqual([
      ['Nguyễn Văn An', false],
      ['Trần Văn Bình', false],
      ['Cán bộ A0', true],
    ]);
    expect(r.json.posts.find((p: { id: string }) => p.id === post.acct)).toMatchObject({ norm: null, vacancy: null });
    expect(r.json.unplaced).toEqual([expect.objectContaining({ fullName: 'Cán bộ A1', secondedIn: true })]);
    expect(r.json.keyLeaders).toEqual([
      expect.objectContaining({
        postTitle: 'Chủ tịch UBND xã',
        personId: person.chair,
        local: 'local',
        secondedIn: false,
        reason: expect.stringMatching(/Quê quán thuộc Xã Một/),
      }),
    ]);
    expect(r.json.needs.length).toBeGreaterThan(0);
    expect(r.json.mayDeclare).toBe(true);
    expect((await call(app, 'GET', `/api/demand/communes/${u.c1.id}`, { session: s.ha })).json.mayDeclare).toBe(false);
    expect((await call(app, 'GET', `/api/demand/communes/${u.deptA.id}`, { session: s.ha })).status).toBe(404);
  });

  it('the surplus: city-level units over their assigned staffing this year', async () => {
    const r = await call(app, 'GET', '/api/demand/surplus', { session: s.ha });
    expect(r.json.items).toEqual([expect.objectContaining({ code: 'SA', assignedStaffing: 3, headcount: 5, excess: 2 })]);
  });
});
