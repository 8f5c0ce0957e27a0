import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';

/**
 * Accounts that cannot open personal data alone (issue "safe to run and operate"): the administrator proposes,
 * Sở Nội vụ confirms; a password chosen by someone else is changed at the first login; accounts are deactivated,
 * grants revoked, a record linked to one account only; the throttle cannot lock the owner out.
 */
const t = useTestDatabase();
let app: TestApp;
let admin: Session;
let homeAffairs: Session;
let unitId: string;

const STRONG = 'Mat khau ban dau 2026';

type Login = {
  status: number;
  cookie: string;
  csrf: string;
  json: { user: { id: string; mustChangePassword: boolean }; grants: unknown[]; error?: { message: string } };
};
async function login(username: string, password: string, headers: Record<string, string> = {}, on: TestApp = app): Promise<Login> {
  const r = await send(on, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  const json = (await r.json()) as Login['json'] & { csrfToken: string };
  return { status: r.status, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0], csrf: json.csrfToken, json };
}
const as = (l: Login) => ({ userId: l.json.user?.id, cookie: l.cookie, csrf: l.csrf });

async function create(body: Record<string, unknown>) {
  return call(app, 'POST', '/api/users', { session: admin, body: { displayName: 'Người dùng mới', password: STRONG, ...body } });
}
const count = async (q: string) => Number((await t.get().pool.query(q)).rows[0].n);

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  admin = await makeSession(pool, 'admin');
  homeAffairs = await makeSession(pool, 'home_affairs');
  unitId = (await makeUnit(pool, { kind: 'department', name: 'Sở Tài chính' })).id;
});

describe('a grant that opens personal data needs a second person', () => {
  it('the administrator’s new Sở Nội vụ account signs in with no role until Sở Nội vụ confirms it', async () => {
    const r = await create({ username: 'snv.moi', role: 'home_affairs' });
    expect(r.status).toBe(201);
    const user = (await call(app, 'GET', '/api/users?pageSize=200', { session: admin })).json.items.find((u: { username: string }) => u.username === 'snv.moi');
    expect(user.grants).toEqual([expect.objectContaining({ role: 'home_affairs', status: 'proposed' })]);
    // pending: listed for Sở Nội vụ, not for the administrator
    const pending = await call(app, 'GET', '/api/grants/pending', { session: homeAffairs });
    expect(pending.json.items.map((g: { username: string }) => g.username)).toContain('snv.moi');
    expect((await call(app, 'GET', '/api/grants/pending', { session: admin })).status).toBe(403);
    // the administrator cannot confirm their own proposal
    expect((await call(app, 'POST', `/api/users/${user.id}/grants/${user.grants[0].id}/confirm`, { session: admin })).status).toBe(403);

    // before confirmation the account has no role in force: it sees no cadre
    let l = await login('snv.moi', STRONG);
    expect(l.status).toBe(200);
    expect(l.json.grants).toEqual([]);
    const changed = await call(app, 'POST', '/api/auth/password', { session: as(l), body: { currentPassword: STRONG, newPassword: 'Mat khau cua toi 2026' } });
    expect(changed.status).toBe(200);
    expect((await call(app, 'GET', '/api/cadres', { session: as(l) })).status).toBe(403);

    const confirmed = await call(app, 'POST', `/api/users/${user.id}/grants/${user.grants[0].id}/confirm`, { session: homeAffairs });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.grants[0].status).toBe('active');
    l = await login('snv.moi', 'Mat khau cua toi 2026');
    expect(l.json.grants).toEqual([expect.objectContaining({ role: 'home_affairs' })]);
    expect((await call(app, 'GET', '/api/cadres', { session: as(l) })).status).toBe(200);
    const audit = await t.get().pool.query(`SELECT action FROM audit_log WHERE entity_type = 'role_grant' AND entity_id = $1 ORDER BY id`, [user.grants[0].id]);
    expect(audit.rows.map((a) => a.action)).toEqual(['confirm']);
    // confirmed once: a second confirmation is a conflict
    expect((await call(app, 'POST', `/api/users/${user.id}/grants/${user.grants[0].id}/confirm`, { session: homeAffairs })).status).toBe(409);
  });

  it('Sở Nội vụ cannot confirm a grant on its own account', async () => {
    const added = await call(app, 'POST', `/api/users/${homeAffairs.userId}/grants`, { session: admin, body: { role: 'unit_hr', unitId } });
    expect(added.status).toBe(201);
    const g = added.json.grants.find((x: { role: string }) => x.role === 'unit_hr');
    expect(g.status).toBe('proposed');
    expect((await call(app, 'POST', `/api/users/${homeAffairs.userId}/grants/${g.id}/confirm`, { session: homeAffairs })).status).toBe(403);
  });

  it('a revoked grant ends at once: the account’s sessions are closed', async () => {
    const r = await create({ username: 'tochuc.stc', role: 'unit_hr', unitId });
    const user = (await call(app, 'GET', '/api/users?pageSize=200', { session: admin })).json.items.find((u: { username: string }) => u.username === 'tochuc.stc');
    await call(app, 'POST', `/api/users/${r.json.id}/grants/${user.grants[0].id}/confirm`, { session: homeAffairs });
    const l = await login('tochuc.stc', STRONG);
    await call(app, 'POST', '/api/auth/password', { session: as(l), body: { currentPassword: STRONG, newPassword: 'Mat khau cua toi 2026' } });
    const revoked = await call(app, 'POST', `/api/users/${r.json.id}/grants/${user.grants[0].id}/revoke`, { session: admin, body: { reason: 'Chuyển công tác' } });
    expect(revoked.status).toBe(200);
    expect(revoked.json.grants[0].status).toBe('revoked');
    expect((await call(app, 'GET', '/api/auth/me', { session: as(l) })).status).toBe(401);
    const again = await login('tochuc.stc', 'Mat khau cua toi 2026');
    expect(again.json.grants).toEqual([]);
  });
});

describe('a cadre account', () => {
  it('is linked to an existing record, and to that record once', async () => {
    const person = await makePerson(t.get().pool, { unitId });
    const unknown = await create({ username: 'canbo.x', role: 'cadre', personId: '00000000-0000-4000-8000-00000000abcd' });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.json)).toContain('Không tìm thấy hồ sơ cán bộ');
    expect((await create({ username: 'canbo.a', role: 'cadre', personId: person.id })).status).toBe(201);
    const before = await count(`SELECT count(*) AS n FROM users`);
    const second = await create({ username: 'canbo.b', role: 'cadre', personId: person.id });
    expect(second.status).toBe(422);
    expect(JSON.stringify(second.json)).toContain('canbo.a');
    expect(await count(`SELECT count(*) AS n FROM users`)).toBe(before);
  });
});

describe('passwords', () => {
  it('refuses a weak password at creation: short, the user name, a common one', async () => {
    for (const [password, says] of [
      ['ngan', 'tối thiểu 12'],
      ['nguyenvanbinh2026', 'tên đăng nhập'],
      ['password1234', 'phổ biến'],
    ])
      expect(JSON.stringify((await create({ username: 'nguyenvanbinh', role: 'admin', password })).json)).toContain(says);
    expect(await count(`SELECT count(*) AS n FROM users WHERE username = 'nguyenvanbinh'`)).toBe(0);
  });

  it('a new account must change its password before anything else; the change ends its other sessions', async () => {
    const r = await create({ username: 'quantri2', role: 'admin' });
    expect(r.status).toBe(201);
    const first = await login('quantri2', STRONG);
    const second = await login('quantri2', STRONG);
    expect(first.json.user.mustChangePassword).toBe(true);
    const blocked = await call(app, 'GET', '/api/users', { session: as(first) });
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('password_change_required');
    expect((await call(app, 'GET', '/api/auth/me', { session: as(first) })).status).toBe(200);

    const wrong = await call(app, 'POST', '/api/auth/password', { session: as(first), body: { currentPassword: 'sai', newPassword: 'Mat khau cua toi 2026' } });
    expect(wrong.status).toBe(422);
    const same = await call(app, 'POST', '/api/auth/password', { session: as(first), body: { currentPassword: STRONG, newPassword: STRONG } });
    expect(JSON.stringify(same.json)).toContain('khác mật khẩu hiện tại');
    const ok = await call(app, 'POST', '/api/auth/password', { session: as(first), body: { currentPassword: STRONG, newPassword: 'Mat khau cua toi 2026' } });
    expect(ok.status).toBe(200);
    expect((await call(app, 'GET', '/api/users', { session: as(first) })).status).toBe(200);
    // the other session ended; the old password no longer works
    expect((await call(app, 'GET', '/api/auth/me', { session: as(second) })).status).toBe(401);
    expect((await login('quantri2', STRONG)).status).toBe(401);
    const audit = await t.get().pool.query(`SELECT after FROM audit_log WHERE action = 'password_change' AND entity_id = $1`, [r.json.id]);
    expect(audit.rows).toEqual([{ after: { wasRequired: true } }]);
    expect(JSON.stringify(audit.rows)).not.toContain('Mat khau');
  });
});

describe('deactivating an account', () => {
  it('ends its sessions and refuses its login; reactivated, it signs in again', async () => {
    const r = await create({ username: 'tam.nghi', role: 'admin' });
    const l = await login('tam.nghi', STRONG);
    const off = await call(app, 'PATCH', `/api/users/${r.json.id}`, { session: admin, body: { isActive: false } });
    expect(off.status).toBe(200);
    expect(off.json.isActive).toBe(false);
    expect((await call(app, 'GET', '/api/auth/me', { session: as(l) })).status).toBe(401);
    expect((await login('tam.nghi', STRONG)).status).toBe(401);
    expect((await call(app, 'PATCH', `/api/users/${admin.userId}`, { session: admin, body: { isActive: false } })).status).toBe(403);
    const on = await call(app, 'PATCH', `/api/users/${r.json.id}`, { session: admin, body: { isActive: true } });
    expect(on.json.isActive).toBe(true);
    expect((await login('tam.nghi', STRONG)).status).toBe(200);
    const audit = await t
      .get()
      .pool.query(`SELECT action FROM audit_log WHERE entity_type = 'user' AND entity_id = $1 AND action <> 'login' ORDER BY id`, [r.json.id]);
    expect(audit.rows.map((a) => a.action)).toEqual(['create', 'deactivate', 'activate']);
  });
});

describe('the login throttle', () => {
  it('five failures from one address lock that address only: the owner signs in from their own', async () => {
    await create({ username: 'lanhdao2', role: 'admin' });
    const proxied = testApp(t.get(), { TRUST_PROXY: 'true' });
    for (let i = 0; i < 5; i++) await login('lanhdao2', 'doan-mo', { 'x-forwarded-for': '203.0.113.50' }, proxied);
    expect((await login('lanhdao2', STRONG, { 'x-forwarded-for': '203.0.113.50' }, proxied)).status).toBe(429);
    expect((await login('lanhdao2', STRONG, { 'x-forwarded-for': '198.51.100.20' }, proxied)).status).toBe(200);
  });

  it('behind the trusted proxy, takes the address the proxy added, not what the client wrote before it', async () => {
    await create({ username: 'lanhdao3', role: 'admin' });
    const proxied = testApp(t.get(), { TRUST_PROXY: 'true' });
    // the attacker changes the leftmost entry each time; the proxy appends the real address last
    for (let i = 0; i < 5; i++) await login('lanhdao3', 'doan-mo', { 'x-forwarded-for': `10.0.0.${i}, 203.0.113.77` }, proxied);
    expect((await login('lanhdao3', STRONG, { 'x-forwarded-for': '10.9.9.9, 203.0.113.77' }, proxied)).status).toBe(429);
  });
});
