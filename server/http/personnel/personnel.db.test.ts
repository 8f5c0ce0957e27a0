import { yearOf } from '../../../common/dates.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';

const t = useTestDatabase();
let app: TestApp;
let dept: UnitRef;
let hr: Session;
let duc: { id: string };

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  const root = await makeUnit(pool, { kind: 'peoples_committee' });
  dept = await makeUnit(pool, { parent: root, name: 'Sở Thử nghiệm' });
  const sub = await makeUnit(pool, { parent: dept, kind: 'sub_unit', name: 'Phòng Tổ chức' });
  duc = await makePerson(pool, { unitId: sub.id, fullName: 'Nguyễn Văn Đức', birthDate: '1980-03-15' });
  await makePerson(pool, { unitId: dept.id, fullName: 'Đặng Thị Em', gender: 'female', birthDate: '1995-07-01' });
  await makePerson(pool, { unitId: dept.id, fullName: 'Trần Văn Dũng', birthDate: '1970-01-01' });
  await makePerson(pool, { unitId: dept.id, fullName: 'Lê Thị Anh', gender: 'female', birthDate: '1990-01-01', category: 'vien_chuc' });
  await makePerson(pool, { unitId: dept.id, fullName: 'Phạm Văn Đông', birthDate: '1988-01-01' });
  await makePerson(pool, { unitId: dept.id, fullName: 'Võ Minh Ê', birthDate: '1988-01-01' });
  await makePerson(pool, { unitId: dept.id, fullName: 'Thạch Sô Phanh', birthDate: '1992-01-01', ethnicCode: '05' });
  hr = await makeSession(pool, 'unit_hr', { unitId: dept.id });
});

const names = (r: { json: { items: { fullName: string }[] } }) => r.json.items.map((i) => i.fullName);

describe('cadre list', () => {
  it('finds people without accents ("nguyen van duc" → Nguyễn Văn Đức, "dang" → Đặng)', async () => {
    expect(names(await call(app, 'GET', '/api/cadres?q=nguyen%20van%20duc', { session: hr }))).toEqual(['Nguyễn Văn Đức']);
    expect(names(await call(app, 'GET', '/api/cadres?q=dang', { session: hr }))).toEqual(['Đặng Thị Em']);
    expect(names(await call(app, 'GET', '/api/cadres?q=NGUYEN%20%20Van', { session: hr }))).toEqual(['Nguyễn Văn Đức']);
  });

  it('matches the start of each word in any order, not fragments inside words', async () => {
    expect(names(await call(app, 'GET', '/api/cadres?q=duc%20nguy', { session: hr }))).toEqual(['Nguyễn Văn Đức']);
    // accents ignored both ways: "Đ" finds D too, as "d" finds Đ
    expect(names(await call(app, 'GET', '/api/cadres?q=Đ', { session: hr })).sort()).toEqual(
      ['Nguyễn Văn Đức', 'Phạm Văn Đông', 'Trần Văn Dũng', 'Đặng Thị Em'].sort(),
    );
    expect((await call(app, 'GET', '/api/cadres?q=uyen', { session: hr })).json.total).toBe(0);
  });

  it('finds a cadre by code', async () => {
    const code = (await t.get().pool.query('SELECT code FROM people WHERE id = $1', [duc.id])).rows[0].code as string;
    expect(names(await call(app, 'GET', `/api/cadres?q=${code.toLowerCase()}`, { session: hr }))).toEqual(['Nguyễn Văn Đức']);
  });

  it('sorts by given name in Vietnamese order: D before Đ before E before Ê', async () => {
    const r = await call(app, 'GET', '/api/cadres?sort=name&pageSize=50', { session: hr });
    expect(r.status).toBe(200);
    expect(names(r)).toEqual(['Lê Thị Anh', 'Trần Văn Dũng', 'Phạm Văn Đông', 'Nguyễn Văn Đức', 'Đặng Thị Em', 'Võ Minh Ê', 'Thạch Sô Phanh']);
    const desc = await call(app, 'GET', '/api/cadres?sort=name&order=desc&pageSize=50', { session: hr });
    expect(names(desc)[0]).toBe('Thạch Sô Phanh');
  });

  it('pages on the server with the total', async () => {
    const p1 = await call(app, 'GET', '/api/cadres?pageSize=3&page=1', { session: hr });
    const p3 = await call(app, 'GET', '/api/cadres?pageSize=3&page=3', { session: hr });
    expect(p1.json.total).toBe(7);
    expect(p1.json.totalIsExact).toBe(true);
    expect(p1.json.items).toHaveLength(3);
    expect(p3.json.items).toHaveLength(1);
  });

  it('filters by unit subtree, gender, category, age and ethnicity', async () => {
    const sub = (await call(app, 'GET', `/api/cadres?unitId=${dept.id}`, { session: hr })).json.total;
    expect(sub).toBe(7);
    expect(names(await call(app, 'GET', '/api/cadres?gender=female', { session: hr })).sort()).toEqual(['Lê Thị Anh', 'Đặng Thị Em'].sort());
    expect(names(await call(app, 'GET', '/api/cadres?category=vien_chuc', { session: hr }))).toEqual(['Lê Thị Anh']);
    expect(names(await call(app, 'GET', '/api/cadres?ethnicCode=05', { session: hr }))).toEqual(['Thạch Sô Phanh']);
    const young = names(await call(app, 'GET', '/api/cadres?ageMax=32', { session: hr }));
    expect(young).toContain('Đặng Thị Em');
    expect(young).not.toContain('Trần Văn Dũng');
    const bad = await call(app, 'GET', '/api/cadres?ageMin=50&ageMax=30', { session: hr });
    expect(bad.status).toBe(422);
  });

  it('logs a list filtered by ethnicity as a read of sensitive data', async () => {
    const { pool } = t.get();
    const before = (await pool.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'read_sensitive' AND entity_type = 'cadre_list'`)).rows[0].n;
    await call(app, 'GET', '/api/cadres?ethnicCode=05', { session: hr });
    const after = (await pool.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'read_sensitive' AND entity_type = 'cadre_list'`)).rows[0].n;
    expect(after).toBe(before + 1);
  });

  it('treats SQL and HTML in the search as plain text', async () => {
    const r = await call(app, 'GET', `/api/cadres?q=${encodeURIComponent("'; DROP TABLE people; --<script>alert(1)</script>")}`, { session: hr });
    expect(r.status).toBe(200);
    expect(r.json.total).toBe(0);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect((await call(app, 'GET', '/api/cadres?q=%25', { session: hr })).json.total).toBe(0);
  });
});

describe('cadre profile and edits', () => {
  it('shows the profile with sensitive sections to the unit officer, and logs that read', async () => {
    const r = await call(app, 'GET', `/api/cadres/${duc.id}`, { session: hr });
    expect(r.status).toBe(200);
    expect(r.json.identity.fullName).toBe('Nguyễn Văn Đức');
    expect(r.json.sensitive.ethnicName).toBe('Kinh');
    expect(r.json.allowedActions).toContain('update');
    expect(r.json.employment.unitPath.map((u: { name: string }) => u.name)).toEqual([expect.any(String), 'Sở Thử nghiệm', 'Phòng Tổ chức']);
    const logged = await t.get().pool.query(`SELECT count(*)::int n FROM audit_log WHERE action = 'read_sensitive' AND person_id = $1`, [duc.id]);
    expect(logged.rows[0].n).toBeGreaterThan(0);
  });

  it('saves an edit, bumps the version, writes the history with before and after', async () => {
    const p = (await call(app, 'GET', `/api/cadres/${duc.id}`, { session: hr })).json;
    const r = await call(app, 'PATCH', `/api/cadres/${duc.id}`, {
      session: hr,
      body: { version: p.version, positionTitle: 'Phó Trưởng phòng', phone: '0912345678' },
    });
    expect(r.status).toBe(200);
    expect(r.json.changed.sort()).toEqual(['phone', 'positionTitle']);
    expect(r.json.version).toBe(p.version + 1);
    const h = await call(app, 'GET', `/api/cadres/${duc.id}/history`, { session: hr });
    expect(h.status).toBe(200);
    const last = h.json.items[0];
    expect(last.action).toBe('update');
    expect(last.after).toMatchObject({ positionTitle: 'Phó Trưởng phòng', phone: '0912345678' });
    expect(last.before).toMatchObject({ positionTitle: null, phone: null });
    // the history shows values before and after: reading it is itself audited, and does not list itself
    const reads = await t
      .get()
      .pool.query(
        `SELECT actor_user_id, meta FROM audit_log WHERE action = 'read_sensitive' AND entity_type = 'person' AND person_id = $1 AND meta->>'what' = 'history'`,
        [duc.id],
      );
    expect(reads.rows).toEqual([{ actor_user_id: hr.userId, meta: { what: 'history', page: 1, entries: h.json.items.length } }]);
    expect(h.json.items.some((i: { action: string }) => i.action.startsWith('read'))).toBe(false);
  });

  it('refuses a stale version (409) and changes nothing', async () => {
    const p = (await call(app, 'GET', `/api/cadres/${duc.id}`, { session: hr })).json;
    const r = await call(app, 'PATCH', `/api/cadres/${duc.id}`, { session: hr, body: { version: p.version - 1, positionTitle: 'Trưởng phòng' } });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/người khác cập nhật/);
    expect((await call(app, 'GET', `/api/cadres/${duc.id}`, { session: hr })).json.employment.positionTitle).toBe('Phó Trưởng phòng');
  });

  it('answers 422 with every issue at once, in Vietnamese, and writes nothing', async () => {
    const p = (await call(app, 'GET', `/api/cadres/${duc.id}`, { session: hr })).json;
    const r = await call(app, 'PATCH', `/api/cadres/${duc.id}`, {
      session: hr,
      body: { version: p.version, birthDate: '2024-02-31', phone: 'abc', gender: 'x', unitId: 'not-a-uuid' },
    });
    expect(r.status).toBe(422);
    expect(r.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['birthDate', 'gender', 'phone', 'unitId']);
    const after = (await call(app, 'GET', `/api/cadres/${duc.id}`, { session: hr })).json;
    expect(after.version).toBe(p.version);
  });

  it('refuses unknown references (ethnic code, home town, unit) with 422', async () => {
    const p = (await call(app, 'GET', `/api/cadres/${duc.id}`, { session: hr })).json;
    const r = await call(app, 'PATCH', `/api/cadres/${duc.id}`, { session: hr, body: { version: p.version, ethnicCode: '99', homeTownCode: '00000' } });
    expect(r.status).toBe(422);
    expect(r.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['ethnicCode', 'homeTownCode']);
    const u = await call(app, 'PATCH', `/api/cadres/${duc.id}`, { session: hr, body: { version: p.version, unitId: '00000000-0000-4000-8000-000000000000' } });
    expect(u.status).toBe(422);
  });

  it('records ratings per year and refuses a future year or unknown level', async () => {
    const ok = await call(app, 'PUT', `/api/cadres/${duc.id}/ratings`, { session: hr, body: { year: 2024, levelCode: 'HTT' } });
    expect(ok.status).toBe(200);
    const future = await call(app, 'PUT', `/api/cadres/${duc.id}/ratings`, { session: hr, body: { year: yearOf() + 1, levelCode: 'HTT' } });
    expect(future.status).toBe(422);
    const unknown = await call(app, 'PUT', `/api/cadres/${duc.id}/ratings`, { session: hr, body: { year: 2023, levelCode: 'XYZ' } });
    expect(unknown.status).toBe(422);
    const list = await call(app, 'GET', `/api/cadres?q=duc&lastRating=HTT`, { session: hr });
    expect(names(list)).toEqual(['Nguyễn Văn Đức']);
  });

  it('adds a discipline record and refuses one whose end is before its start', async () => {
    const bad = await call(app, 'POST', `/api/cadres/${duc.id}/discipline`, {
      session: hr,
      body: { formCode: 'KT', decidedOn: '2025-10-01', effectiveFrom: '2025-10-01', effectiveTo: '2025-09-01' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toBe('effectiveTo');
    const ok = await call(app, 'POST', `/api/cadres/${duc.id}/discipline`, {
      session: hr,
      body: { formCode: 'KT', decidedOn: '2025-10-01', effectiveFrom: '2025-10-01', decisionNo: '12/QĐ-STN' },
    });
    expect(ok.status).toBe(201);
    const del = await call(app, 'DELETE', `/api/cadres/${duc.id}/discipline/${ok.json.id}`, { session: hr });
    expect(del.status).toBe(204);
    const again = await call(app, 'DELETE', `/api/cadres/${duc.id}/discipline/${ok.json.id}`, { session: hr });
    expect(again.status).toBe(404);
  });
});
