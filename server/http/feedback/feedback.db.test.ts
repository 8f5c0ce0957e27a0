import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';

/**
 * Feedback (S17): units and host communes raise difficulties or propose changes to the plan; Sở Nội vụ answers
 * and closes; the authority reads. Each unit sees its own subtree only; every change is audited.
 */
const t = useTestDatabase();
let app: TestApp;
const s: Record<string, Session> = {};
const u: Record<string, UnitRef> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  u.deptA = await makeUnit(pool, { parent: root, name: 'Sở Giáo dục và Đào tạo' });
  u.subA = await makeUnit(pool, { parent: u.deptA, kind: 'sub_unit', name: 'Phòng Tổ chức cán bộ' });
  u.deptB = await makeUnit(pool, { parent: root, name: 'Sở Tài chính' });
  u.c1 = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Thạnh Phú' });
  u.c2 = await makeUnit(pool, { parent: root, kind: 'commune', name: 'Xã Vĩnh Trinh' });
  const pA = await makePerson(pool, { unitId: u.deptA.id, fullName: 'Nguyễn Thị Hồng' });
  const pB = await makePerson(pool, { unitId: u.deptB.id, fullName: 'Trần Văn Bé' });
  const ins = `INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status, start_date, end_date) VALUES ($1, $2, $3, 'active', '2026-01-01', '2028-12-31') RETURNING id`;
  ids.secA = (await pool.query(ins, [pA.id, u.deptA.id, u.c1.id])).rows[0].id;
  ids.secB = (await pool.query(ins, [pB.id, u.deptB.id, u.c2.id])).rows[0].id;
  s.hrA = await makeSession(pool, 'unit_hr', { unitId: u.deptA.id });
  s.mgrA = await makeSession(pool, 'unit_manager', { unitId: u.deptA.id });
  s.hrSubA = await makeSession(pool, 'unit_hr', { unitId: u.subA.id });
  s.hrB = await makeSession(pool, 'unit_hr', { unitId: u.deptB.id });
  s.hostC1 = await makeSession(pool, 'host', { unitId: u.c1.id });
  s.hostC2 = await makeSession(pool, 'host', { unitId: u.c2.id });
  s.homeAffairs = await makeSession(pool, 'home_affairs');
  s.authority = await makeSession(pool, 'authority');
  s.admin = await makeSession(pool, 'admin');
  s.cadre = await makeSession(pool, 'cadre', { personId: pA.id });
});

const raise = (who: string, body: Record<string, unknown>) => call(app, 'POST', '/api/feedback', { session: s[who], body });
const read = (who: string, id: string) => call(app, 'GET', `/api/feedback/${id}`, { session: s[who] });
const reply = (who: string, id: string, version: number, body: string) =>
  call(app, 'POST', `/api/feedback/${id}/replies`, { session: s[who], body: { version, body } });
const close = (who: string, id: string, version: number) => call(app, 'POST', `/api/feedback/${id}/close`, { session: s[who], body: { version } });
const listIds = async (who: string, query = '') => {
  const r = await call(app, 'GET', `/api/feedback?pageSize=200${query}`, { session: s[who] });
  expect(r.status).toBe(200);
  return r.json.items.map((i: { id: string }) => i.id) as string[];
};
/** The rows a failed write must leave untouched. */
const snapshot = async () => {
  const { pool } = t.get();
  const q = async (text: string) => (await pool.query(text)).rows;
  return {
    items: await q('SELECT id, status, version, subject, body FROM feedback_items ORDER BY id'),
    replies: await q('SELECT id, item_id, body FROM feedback_replies ORDER BY id'),
    audit: await q(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'feedback_item'`),
  };
};

describe('raising an item', () => {
  it('a sending unit raises a difficulty about its own secondment; it waits for an answer and is audited', async () => {
    const r = await raise('hrA', {
      kind: 'difficulty',
      subject: 'Khó khăn về chỗ ở của cán bộ tăng cường',
      body: 'Địa bàn xã xa trung tâm, chưa bố trí được nhà công vụ cho cán bộ.',
      secondmentId: ids.secA,
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      unitId: u.deptA.id,
      unitName: 'Sở Giáo dục và Đào tạo',
      kind: 'difficulty',
      status: 'open',
      version: 1,
      replyCount: 0,
      replies: [],
    });
    expect(r.json.secondment).toMatchObject({ id: ids.secA, personName: 'Nguyễn Thị Hồng', hostUnitName: 'Xã Thạnh Phú', status: 'active' });
    expect(r.json.allowedActions).toEqual(['reply']);
    ids.itemA = r.json.id;
    const audit = await t.get().pool.query(`SELECT action, after, actor_user_id FROM audit_log WHERE entity_type = 'feedback_item' AND entity_id = $1`, [ids.itemA]);
    expect(audit.rows).toEqual([
      expect.objectContaining({ action: 'create', actor_user_id: s.hrA.userId, after: expect.objectContaining({ status: 'open', secondmentId: ids.secA }) }),
    ]);
  });
  it('a host commune raises a proposal to change the plan, for its commune', async () => {
    const r = await raise('hostC1', {
      kind: 'plan_change',
      subject: 'Đề nghị bổ sung vị trí công chức địa chính',
      body: 'Xã cần thêm 01 công chức địa chính – xây dựng.',
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ unitId: u.c1.id, kind: 'plan_change', status: 'open' });
    ids.itemC1 = r.json.id;
  });
  it('another department raises its own item', async () => {
    const r = await raise('hrB', { kind: 'difficulty', subject: 'Vướng mắc về chế độ phụ cấp', body: 'Chưa rõ cách tính phụ cấp khu vực.', secondmentId: ids.secB });
    expect(r.status).toBe(201);
    ids.itemB = r.json.id;
  });
  it('a secondment of another unit cannot be cited (422), and nothing is written', async () => {
    const before = await snapshot();
    const r = await raise('hrA', { kind: 'difficulty', subject: 'Thử', body: 'Thử', secondmentId: ids.secB });
    expect(r.status).toBe(422);
    expect(r.json.error.issues).toEqual([expect.objectContaining({ path: 'secondmentId' })]);
    expect(await snapshot()).toEqual(before);
  });
  it('a unit cannot raise in the name of a unit outside its scope (422)', async () => {
    const r = await raise('hrA', { kind: 'difficulty', subject: 'Thử', body: 'Thử', unitId: u.deptB.id });
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0]).toMatchObject({ path: 'unitId' });
  });
  it('a unit may raise in the name of a unit below it', async () => {
    const r = await raise('hrA', { kind: 'plan_change', subject: 'Đề xuất điều chỉnh chỉ tiêu', body: 'Phòng đề nghị giảm chỉ tiêu năm 2026.', unitId: u.subA.id });
    expect(r.status).toBe(201);
    expect(r.json.unitId).toBe(u.subA.id);
    ids.itemSubA = r.json.id;
  });
  it('Sở Nội vụ, the authority, an administrator and a cadre do not raise items (403)', async () => {
    for (const who of ['homeAffairs', 'authority', 'admin', 'cadre']) {
      expect((await raise(who, { kind: 'difficulty', subject: 'Thử', body: 'Thử' })).status).toBe(403);
    }
  });
});

describe('bad input is refused with a clear message and changes nothing', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['an empty subject', { kind: 'difficulty', subject: '   ', body: 'Nội dung' }, 'subject', /không được để trống/i],
    ['an empty body', { kind: 'difficulty', subject: 'Tiêu đề', body: '' }, 'body', /không được để trống/i],
    ['a subject over 200 characters', { kind: 'difficulty', subject: 'Ă'.repeat(201), body: 'Nội dung' }, 'subject', /200/],
    ['a body over 5000 characters', { kind: 'difficulty', subject: 'Tiêu đề', body: 'x'.repeat(5001) }, 'body', /5000/],
    ['an unknown kind', { kind: 'complaint', subject: 'Tiêu đề', body: 'Nội dung' }, 'kind', /không hợp lệ/i],
  ];
  it.each(cases)('%s → 422', async (_why, body, path, message) => {
    const before = await snapshot();
    const r = await raise('hrA', body);
    expect(r.status).toBe(422);
    expect(r.json.error.message).toMatch(/không hợp lệ/);
    const issue = r.json.error.issues.find((i: { path: string }) => i.path === path);
    expect(issue.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
  it('an empty or too long reply → 422, the item unchanged', async () => {
    const before = await snapshot();
    const v = (await read('homeAffairs', ids.itemB)).json.version;
    expect((await reply('homeAffairs', ids.itemB, v, '  ')).status).toBe(422);
    expect((await reply('homeAffairs', ids.itemB, v, 'x'.repeat(5001))).status).toBe(422);
    expect((await call(app, 'POST', `/api/feedback/${ids.itemB}/replies`, { session: s.homeAffairs, body: { body: 'Thiếu phiên bản' } })).status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });
});

describe('scope: each role sees and acts on its own items only', () => {
  it('a department sees its subtree; a sub-unit only its own; another department and the communes not', async () => {
    expect((await listIds('hrA')).sort()).toEqual([ids.itemA, ids.itemSubA].sort());
    expect((await listIds('mgrA')).sort()).toEqual([ids.itemA, ids.itemSubA].sort());
    expect(await listIds('hrSubA')).toEqual([ids.itemSubA]);
    expect(await listIds('hrB')).toEqual([ids.itemB]);
    expect(await listIds('hostC1')).toEqual([ids.itemC1]);
    expect(await listIds('hostC2')).toEqual([]);
  });
  it('Sở Nội vụ and the authority see every item', async () => {
    const all = [ids.itemA, ids.itemC1, ids.itemB, ids.itemSubA].sort();
    expect((await listIds('homeAffairs')).sort()).toEqual(all);
    expect((await listIds('authority')).sort()).toEqual(all);
  });
  it('an item of another unit is not found (404) for reading and for replying, and nothing changes', async () => {
    const before = await snapshot();
    for (const [who, item] of [
      ['hrB', 'itemA'],
      ['hostC2', 'itemC1'],
      ['hostC1', 'itemA'],
      ['hrSubA', 'itemA'],
      ['hrA', 'itemC1'],
    ]) {
      expect((await read(who, ids[item])).status).toBe(404);
      const r = await reply(who, ids[item], 1, 'Trả lời ngoài phạm vi');
      expect(r.status).toBe(404);
      expect(r.json.error.message).toMatch(/không tồn tại hoặc bạn không có quyền xem/);
    }
    expect(await snapshot()).toEqual(before);
  });
  it('the authority reads but neither answers nor closes; a unit cannot close; admin and cadre have no access', async () => {
    expect((await read('authority', ids.itemA)).json.allowedActions).toEqual([]);
    expect((await reply('authority', ids.itemA, 1, 'Ý kiến')).status).toBe(403);
    expect((await close('authority', ids.itemA, 1)).status).toBe(403);
    expect((await close('hrA', ids.itemA, 1)).status).toBe(403);
    for (const who of ['admin', 'cadre']) {
      expect((await call(app, 'GET', '/api/feedback', { session: s[who] })).status).toBe(403);
      expect((await read(who, ids.itemA)).status).toBe(403);
    }
  });
  it('only the units that raise items list the secondments they may cite', async () => {
    const r = await call(app, 'GET', '/api/feedback/secondments', { session: s.hrA });
    expect(r.json.items.map((x: { id: string }) => x.id)).toEqual([ids.secA]);
    const host = await call(app, 'GET', '/api/feedback/secondments', { session: s.hostC2 });
    expect(host.json.items.map((x: { id: string }) => x.id)).toEqual([ids.secB]); // hosted by the commune
    expect((await call(app, 'GET', '/api/feedback/secondments', { session: s.homeAffairs })).status).toBe(403);
  });
});

describe('the thread: Sở Nội vụ answers, the unit replies back, Sở Nội vụ closes', () => {
  it('Sở Nội vụ answers: the item becomes answered and leaves the waiting count', async () => {
    const before = (await call(app, 'GET', '/api/feedback', { session: s.homeAffairs })).json.waiting;
    expect(before).toBe(4);
    const detail = await read('homeAffairs', ids.itemA);
    expect(detail.json.allowedActions).toEqual(['reply', 'close']);
    const r = await reply('homeAffairs', ids.itemA, detail.json.version, 'Sở Nội vụ đề nghị UBND xã bố trí phòng ở tại trụ sở.');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'answered', version: 2, replyCount: 1 });
    expect(r.json.replies).toEqual([expect.objectContaining({ fromHomeAffairs: true, body: 'Sở Nội vụ đề nghị UBND xã bố trí phòng ở tại trụ sở.' })]);
    expect(r.json.lastAnswerAt).not.toBeNull();
    expect((await call(app, 'GET', '/api/feedback', { session: s.homeAffairs })).json.waiting).toBe(3);
    expect((await call(app, 'GET', '/api/feedback', { session: s.hrA })).json.waiting).toBe(1); // the sub-unit's item
  });
  it('a stale version is refused (409) and changes nothing', async () => {
    const before = await snapshot();
    const r = await reply('homeAffairs', ids.itemA, 1, 'Trả lời dựa trên bản cũ');
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('version_conflict');
    expect(r.json.error.message).toMatch(/tải lại/);
    expect((await close('homeAffairs', ids.itemA, 1)).status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });
  it('the raising unit replies back: the item waits for an answer again', async () => {
    const r = await reply('mgrA', ids.itemA, 2, 'Xã chưa có phòng trống, đề nghị Sở xem xét hỗ trợ tiền thuê nhà.');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'open', version: 3, replyCount: 2 });
    expect(r.json.replies.map((x: { fromHomeAffairs: boolean }) => x.fromHomeAffairs)).toEqual([true, false]);
  });
  it('Sở Nội vụ answers again and closes; the closed item takes no more replies', async () => {
    expect((await reply('homeAffairs', ids.itemA, 3, 'Đồng ý hỗ trợ theo quy định.')).json.status).toBe('answered');
    const closed = await close('homeAffairs', ids.itemA, 4);
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ status: 'closed', version: 5, allowedActions: [] });
    expect((await read('hrA', ids.itemA)).json.allowedActions).toEqual([]);
    const before = await snapshot();
    const r = await reply('hrA', ids.itemA, 5, 'Chúng tôi chưa đồng ý.');
    expect(r.status).toBe(422);
    expect(r.json.error.message).toBe('Kiến nghị đã được Sở Nội vụ đóng, không thể trả lời thêm.');
    expect((await reply('homeAffairs', ids.itemA, 5, 'Bổ sung')).status).toBe(422);
    expect((await close('homeAffairs', ids.itemA, 5)).status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });
  it('every change is in the audit trail', async () => {
    const r = await t
      .get()
      .pool.query(`SELECT action, before, after FROM audit_log WHERE entity_type = 'feedback_item' AND entity_id = $1 ORDER BY id`, [ids.itemA]);
    expect(r.rows.map((x) => x.action)).toEqual(['create', 'reply', 'reply', 'reply', 'close']);
    expect(r.rows.map((x) => x.after.status)).toEqual(['open', 'answered', 'open', 'answered', 'closed']);
    expect(r.rows[4].before).toEqual({ status: 'answered', version: 4 });
  });
});

describe('list: filters, search without accents, paging, newest first', () => {
  it('filters by status and kind and counts per status', async () => {
    const r = await call(app, 'GET', '/api/feedback?status=open', { session: s.homeAffairs });
    expect(r.json.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.itemB, ids.itemC1, ids.itemSubA].sort());
    expect(r.json.byStatus).toEqual({ open: 3, answered: 0, closed: 1 });
    expect(r.json.waiting).toBe(3);
    expect(await listIds('homeAffairs', '&kind=plan_change')).toEqual([ids.itemSubA, ids.itemC1]);
    expect(await listIds('homeAffairs', '&status=closed&kind=difficulty')).toEqual([ids.itemA]);
  });
  it('filters by unit (with the units below it)', async () => {
    expect((await listIds('homeAffairs', `&unitId=${u.deptA.id}`)).sort()).toEqual([ids.itemA, ids.itemSubA].sort());
    expect(await listIds('homeAffairs', `&unitId=${u.c1.id}`)).toEqual([ids.itemC1]);
    // a unit filter never widens the scope
    expect(await listIds('hrB', `&unitId=${u.deptA.id}`)).toEqual([]);
  });
  it('searches subject, body, author and unit, accents ignored', async () => {
    expect(await listIds('homeAffairs', `&q=${encodeURIComponent('cho o')}`)).toEqual([ids.itemA]); // "chỗ ở"
    expect(await listIds('homeAffairs', `&q=${encodeURIComponent('dia chinh')}`)).toEqual([ids.itemC1]); // "địa chính"
    expect(await listIds('homeAffairs', `&q=${encodeURIComponent('PHỤ CẤP khu vuc')}`)).toEqual([ids.itemB]);
    expect(await listIds('homeAffairs', `&q=${encodeURIComponent('tai chinh')}`)).toEqual([ids.itemB]); // the unit's name
    expect(await listIds('homeAffairs', `&q=${encodeURIComponent('100%_')}`)).toEqual([]);
  });
  it('pages newest first', async () => {
    const all = await listIds('homeAffairs');
    expect(all).toEqual([ids.itemSubA, ids.itemB, ids.itemC1, ids.itemA]);
    const p2 = await call(app, 'GET', '/api/feedback?pageSize=1&page=2', { session: s.homeAffairs });
    expect(p2.json).toMatchObject({ total: 4, page: 2, pageSize: 1 });
    expect(p2.json.items.map((i: { id: string }) => i.id)).toEqual([ids.itemB]);
  });
  it('refuses a malformed filter (422)', async () => {
    expect((await call(app, 'GET', '/api/feedback?status=pending', { session: s.homeAffairs })).status).toBe(422);
  });
});

describe('export to .xlsx', () => {
  const download = async (path: string, session: Session) => {
    const res = await send(app, path, { headers: { cookie: session.cookie } });
    return { status: res.status, disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };
  const sheet = async (body: Buffer) => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(body).buffer);
    return wb.worksheets[0];
  };
  it('writes the filtered list with the last answer of Sở Nội vụ, read back by exceljs', async () => {
    const r = await download('/api/feedback/export.xlsx?kind=difficulty', s.homeAffairs);
    expect(r.status).toBe(200);
    expect(r.disposition).toMatch(/kien-nghi-de-xuat\.xlsx/);
    const ws = await sheet(r.body);
    expect(ws.name).toBe('Kiến nghị, đề xuất');
    expect(ws.getRow(1).getCell(5).value).toBe('Tiêu đề');
    expect(ws.rowCount).toBe(1 + 2); // itemB, itemA (newest first)
    const [b, a] = [ws.getRow(2), ws.getRow(3)];
    expect(b.getCell(5).value).toBe('Vướng mắc về chế độ phụ cấp');
    expect(b.getCell(9).value).toBe('Chờ trả lời');
    expect(b.getCell(8).value).toBe('Trần Văn Bé');
    expect(a.getCell(3).value).toBe('Sở Giáo dục và Đào tạo');
    expect(a.getCell(4).value).toBe('Khó khăn, vướng mắc');
    expect(a.getCell(9).value).toBe('Đã đóng');
    expect(a.getCell(10).value).toBe(3);
    expect(a.getCell(11).value).toBe('Đồng ý hỗ trợ theo quy định.');
    expect(a.getCell(2).value).toBeInstanceOf(Date);
    expect(a.getCell(12).value).toBeInstanceOf(Date);
    const logged = await t.get().pool.query(`SELECT meta FROM audit_log WHERE action = 'export' AND entity_type = 'feedback_item' ORDER BY id DESC LIMIT 1`);
    expect(logged.rows[0].meta).toMatchObject({ rows: 2, filters: { kind: 'difficulty' } });
  });
  it('a unit exports its own items only', async () => {
    const ws = await sheet((await download('/api/feedback/export.xlsx', s.hrB)).body);
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(5).value).toBe('Vướng mắc về chế độ phụ cấp');
  });
});

describe('a host commune cites only what it has been sent', () => {
  it('does not see nor cite a proposal meant for it before the decision', async () => {
    const { pool } = t.get();
    const p = await makePerson(pool, { unitId: u.deptA.id, fullName: 'Phan Văn Đề Xuất' });
    const proposed = (
      await pool.query(`INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status) VALUES ($1, $2, $3, 'proposed') RETURNING id`, [
        p.id,
        u.deptA.id,
        u.c1.id,
      ])
    ).rows[0].id;
    const listed = (await call(app, 'GET', '/api/feedback/secondments', { session: s.hostC1 })).json.items.map((x: { id: string }) => x.id);
    expect(listed).toContain(ids.secA);
    expect(listed).not.toContain(proposed);
    const before = await snapshot();
    const r = await raise('hostC1', { kind: 'difficulty', subject: 'Về cán bộ được đề xuất', body: 'Nội dung', secondmentId: proposed });
    expect(r.status).toBe(422);
    expect(await snapshot()).toEqual(before);
    // the sending unit may cite its own proposal
    expect((await call(app, 'GET', '/api/feedback/secondments', { session: s.hrA })).json.items.map((x: { id: string }) => x.id)).toContain(proposed);
  });
});
