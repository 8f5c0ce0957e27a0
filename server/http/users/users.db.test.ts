import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeSession, type Session } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';

/** Accounts' e-mail addresses: where reminders go for every role, set by the administrator. */
const t = useTestDatabase();
let app: TestApp;
let admin: Session;
let homeAffairs: Session;

const newUser = (username: string, email?: string | null) => ({
  username,
  displayName: 'Chuyên viên Sở Nội vụ',
  password: 'Mat khau moi 2026',
  role: 'home_affairs',
  ...(email !== undefined ? { email } : {}),
});

/** What the table and the audit log hold: the thing a refused request must not change. */
async function snapshot() {
  const { pool } = t.get();
  const users = await pool.query(`SELECT username, display_name, email FROM users ORDER BY username`);
  const audit = await pool.query(`SELECT count(*)::int AS n FROM audit_log`);
  return { users: users.rows, audit: audit.rows[0].n };
}

async function auditRows(userId: string) {
  const r = await t.get().pool.query(`SELECT action, before, after FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 ORDER BY id`, [userId]);
  return r.rows;
}

const listed = async (username: string) => {
  const r = await call(app, 'GET', '/api/users?pageSize=200', { session: admin });
  expect(r.status).toBe(200);
  return r.json.items.find((u: { username: string }) => u.username === username);
};

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  admin = await makeSession(pool, 'admin');
  homeAffairs = await makeSession(pool, 'home_affairs');
});

describe('creating an account with an e-mail address', () => {
  it('stores the address trimmed and lower-cased, lists it, and audits only that there is one', async () => {
    const r = await call(app, 'POST', '/api/users', { session: admin, body: newUser('sonoivu1', '  SoNoiVu1@Example.ORG ') });
    expect(r.status).toBe(201);
    expect((await listed('sonoivu1')).email).toBe('sonoivu1@example.org');
    const audit = await auditRows(r.json.id);
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ username: 'sonoivu1', hasEmail: true });
    expect(JSON.stringify(audit)).not.toContain('example.org');
  });

  it('an address is optional', async () => {
    const r = await call(app, 'POST', '/api/users', { session: admin, body: newUser('lanhdao1') });
    expect(r.status).toBe(201);
    expect((await listed('lanhdao1')).email).toBeNull();
    expect((await auditRows(r.json.id))[0].after).toMatchObject({ hasEmail: false });
  });

  it('refuses an invalid address in Vietnamese, creating nothing', async () => {
    const before = await snapshot();
    for (const email of ['khong-phai-thu', 'a@b', 'ten @example.org']) {
      const r = await call(app, 'POST', '/api/users', { session: admin, body: newUser('sai1', email) });
      expect(r.status).toBe(422);
      expect(r.json.error.issues).toContainEqual({ path: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an address another account has (whatever the case), creating nothing', async () => {
    const before = await snapshot();
    const r = await call(app, 'POST', '/api/users', { session: admin, body: newUser('sonoivu2', 'SONOIVU1@example.org') });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toBe('Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.');
    expect(await snapshot()).toEqual(before);
  });
});

describe('changing an account', () => {
  it('sets, changes and clears the address; the audit never holds it', async () => {
    const id = (await listed('lanhdao1')).id;
    const set = await call(app, 'PATCH', `/api/users/${id}`, { session: admin, body: { email: ' LanhDao@Example.org' } });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ id, username: 'lanhdao1', email: 'lanhdao@example.org', displayName: 'Chuyên viên Sở Nội vụ' });
    // the administrator's grant of a role that opens personal data waits for Sở Nội vụ
    expect(set.json.grants).toEqual([{ id: expect.any(String), role: 'home_affairs', unitId: null, unitName: null, status: 'proposed' }]);
    expect((await listed('lanhdao1')).email).toBe('lanhdao@example.org');

    // the name alone: the address stays
    const renamed = await call(app, 'PATCH', `/api/users/${id}`, { session: admin, body: { displayName: 'Lãnh đạo UBND thành phố' } });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ displayName: 'Lãnh đạo UBND thành phố', email: 'lanhdao@example.org' });

    const cleared = await call(app, 'PATCH', `/api/users/${id}`, { session: admin, body: { email: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.json.email).toBeNull();

    const audit = await auditRows(id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update']);
    expect(audit[1]).toMatchObject({ before: { hasEmail: false }, after: { hasEmail: true, emailChanged: true } });
    expect(audit[2]).toMatchObject({ before: { displayName: 'Chuyên viên Sở Nội vụ' }, after: { displayName: 'Lãnh đạo UBND thành phố' } });
    expect(audit[2].after).not.toHaveProperty('emailChanged');
    expect(audit[3]).toMatchObject({ before: { hasEmail: true }, after: { hasEmail: false, emailChanged: true } });
    expect(JSON.stringify(audit)).not.toMatch(/@|example/);
  });

  it('saving the same address again (another case) changes nothing and is not audited', async () => {
    const id = (await listed('sonoivu1')).id;
    const before = await snapshot();
    const r = await call(app, 'PATCH', `/api/users/${id}`, { session: admin, body: { email: 'SONOIVU1@example.org' } });
    expect(r.status).toBe(200);
    expect(r.json.email).toBe('sonoivu1@example.org');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an invalid address or an empty name, changing nothing', async () => {
    const id = (await listed('sonoivu1')).id;
    const before = await snapshot();
    const bad = await call(app, 'PATCH', `/api/users/${id}`, { session: admin, body: { email: 'sonoivu1.example.org', displayName: 'Tên mới' } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues).toContainEqual({ path: 'email', message: 'Địa chỉ thư điện tử không hợp lệ' });
    const noName = await call(app, 'PATCH', `/api/users/${id}`, { session: admin, body: { displayName: '   ' } });
    expect(noName.status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another account's address, changing nothing", async () => {
    const id = (await listed('lanhdao1')).id;
    const before = await snapshot();
    const r = await call(app, 'PATCH', `/api/users/${id}`, { session: admin, body: { displayName: 'Tên mới', email: 'sonoivu1@EXAMPLE.org' } });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toBe('Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.');
    expect(await snapshot()).toEqual(before);
  });

  it('two administrators saving one address at once: the second gets the same 409', async () => {
    const { db } = t.get();
    const id = (await listed('lanhdao1')).id;
    let updated!: () => void;
    let release!: () => void;
    const wrote = new Promise<void>((r) => (updated = r));
    const gate = new Promise<void>((r) => (release = r));
    // the first has written the address but not committed: the second's check does not see it, the index does
    const first = db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE users SET email = 'dong.thoi@example.org' WHERE username = 'sonoivu1'`);
      updated();
      await gate;
    });
    await wrote;
    const second = call(app, 'PATCH', `/api/users/${id}`, { session: admin, body: { email: 'dong.thoi@example.org' } });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await first;
    const r = await second;
    expect(r.status).toBe(409);
    expect(r.json.error.message).toBe('Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.');
    expect((await listed('lanhdao1')).email).toBeNull();
    await t.get().pool.query(`UPDATE users SET email = 'sonoivu1@example.org' WHERE username = 'sonoivu1'`);
  });

  it('the database itself keeps addresses unique whatever the case', async () => {
    await expect(t.get().pool.query(`UPDATE users SET email = 'SoNoiVu1@example.org' WHERE username = 'lanhdao1'`)).rejects.toMatchObject({ code: '23505' });
  });

  it('an unknown account is not found; only the administrator may change accounts', async () => {
    const missing = await call(app, 'PATCH', '/api/users/00000000-0000-4000-8000-000000000001', { session: admin, body: { email: 'x@example.org' } });
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toMatch(/Tài khoản không tồn tại/);
    const before = await snapshot();
    const id = (await listed('sonoivu1')).id;
    const r = await call(app, 'PATCH', `/api/users/${id}`, { session: homeAffairs, body: { email: 'khac@example.org' } });
    expect(r.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});
