import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeUnit } from '../../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../../test/support/test-app.js';
import { hashPassword } from '../../domain/access/passwords.js';

const t = useTestDatabase();
let app: TestApp;

async function addUser(username: string, password: string, role = 'home_affairs', unitId: string | null = null) {
  const { pool } = t.get();
  const r = await pool.query(`INSERT INTO users (username, password_hash, display_name) VALUES ($1, $2, $3) RETURNING id`, [
    username,
    await hashPassword(password),
    'Nguyễn Thị Hoa',
  ]);
  await pool.query(`INSERT INTO role_grants (user_id, role, unit_id) VALUES ($1, $2, $3)`, [r.rows[0].id, role, unitId]);
  return r.rows[0].id as string;
}

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  call(app, 'POST', '/api/auth/login', { body: { username, password }, headers });

beforeAll(async () => {
  app = testApp(t.get(), { SESSION_TTL_MINUTES: '30' });
  const root = await makeUnit(t.get().pool, { kind: 'peoples_committee', name: 'UBND thử' });
  await addUser('hoa', 'mat-khau-dung');
  await addUser('tochuc1', 'mat-khau-dung', 'unit_hr', root.id);
  await addUser('khoa', 'mat-khau-dung');
});

function cookieOf(setCookie: string | null) {
  return (setCookie ?? '').split(';')[0];
}

describe('login', () => {
  it('opens a session with an http-only cookie and returns the roles, features and CSRF token', async () => {
    const r = await login('HOA ', 'mat-khau-dung');
    expect(r.status).toBe(200);
    const sc = r.headers.get('set-cookie') ?? '';
    expect(sc).toMatch(/^tc_session=/);
    expect(sc).toMatch(/HttpOnly/i);
    expect(sc).toMatch(/SameSite=Lax/i);
    expect(r.json.grants[0].role).toBe('home_affairs');
    expect(r.json.features).toEqual(['cadres', 'org', 'plans', 'secondments', 'training', 'feedback', 'demand', 'oversight', 'reports', 'inbox']);
    const me = await call(app, 'GET', '/api/auth/me', { headers: { cookie: cookieOf(sc) } });
    expect(me.status).toBe(200);
    expect(me.json.user.username).toBe('hoa');
    expect(me.json.csrfToken).toBe(r.json.csrfToken);
    // how the interface names the province and the plan: nothing before the setup, then the province's own words
    expect(me.json).toMatchObject({ province: null, planCode: '131/KH-UBND' });
    await t.get().pool.query(`INSERT INTO province_settings (code, name, level_word, place_name, peoples_committee_name)
      VALUES ('91', 'Tỉnh An Giang', 'tỉnh', 'An Giang', 'Ủy ban nhân dân tỉnh An Giang')`);
    const me2 = await call(app, 'GET', '/api/auth/me', { headers: { cookie: cookieOf(sc) } });
    expect(me2.json.province).toEqual({
      code: '91',
      name: 'Tỉnh An Giang',
      levelWord: 'tỉnh',
      placeName: 'An Giang',
      peoplesCommitteeName: 'Ủy ban nhân dân tỉnh An Giang',
      committeeShortName: 'UBND tỉnh An Giang',
    });
    await t.get().pool.query('DELETE FROM province_settings');
    // the scoped role carries its unit's name
    const hr = await login('tochuc1', 'mat-khau-dung');
    expect(hr.json.grants[0].unitName).toBe('UBND thử');
  });

  it('says the same thing for a wrong password and an unknown user, in Vietnamese', async () => {
    const a = await login('hoa', 'sai');
    const b = await login('khong-co', 'sai');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.json.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng. Còn 4 lần thử trước khi tạm khóa 15 phút.');
    expect(b.json.error.message).toBe(a.json.error.message);
  });

  it('locks a username from one address after five failures, saying how many tries are left; the lock survives a restart', async () => {
    const left: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await login('khoa', 'sai');
      expect(r.status).toBe(401);
      left.push(/Còn (\d) lần/.exec(r.json.error.message)![1]);
    }
    expect(left).toEqual(['4', '3', '2', '1']);
    const fifth = await login('khoa', 'sai');
    expect(fifth.status).toBe(429);
    const locked = await login('khoa', 'mat-khau-dung');
    expect(locked.status).toBe(429);
    expect(locked.json.error.message).toMatch(/15 phút/);
    const otherApp = testApp(t.get()); // a second server process on the same database
    const again = await send(otherApp, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'khoa', password: 'mat-khau-dung' }),
    });
    expect(again.status).toBe(429);
  });

  it('logs the session out and refuses it afterwards', async () => {
    const r = await login('hoa', 'mat-khau-dung');
    const cookie = cookieOf(r.headers.get('set-cookie'));
    const out = await call(app, 'POST', '/api/auth/logout', { headers: { cookie, 'x-csrf-token': r.json.csrfToken } });
    expect(out.status).toBe(204);
    expect((await call(app, 'GET', '/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('expires a session that has not been used within its lifetime', async () => {
    const r = await login('hoa', 'mat-khau-dung');
    const cookie = cookieOf(r.headers.get('set-cookie'));
    await t.get().pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second'`);
    expect((await call(app, 'GET', '/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const r = await login('hoa', 'mat-khau-dung');
    const token = cookieOf(r.headers.get('set-cookie')).split('=')[1];
    const rows = await t.get().pool.query('SELECT token_hash FROM sessions');
    expect(rows.rows.some((x) => x.token_hash === token)).toBe(false);
    expect(rows.rows.every((x) => /^[0-9a-f]{64}$/.test(x.token_hash))).toBe(true);
  });

  it('writes a login row to the audit trail, with no password in it', async () => {
    const rows = await t.get().pool.query(`SELECT * FROM audit_log WHERE action = 'login'`);
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows.rows)).not.toContain('mat-khau-dung');
  });
});

describe('security headers', () => {
  it('sends CSP, nosniff, frame protection and no-store on API answers', async () => {
    const r = await call(app, 'GET', '/api/health');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('throttling per client address', () => {
  it('locks an address that sprays many usernames; the same users can still log in from elsewhere', async () => {
    const proxied = testApp(t.get(), { TRUST_PROXY: 'true' });
    const from = (ip: string, u: string, p: string) =>
      send(proxied, '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ username: u, password: p }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await from('203.0.113.9', `nguoi${i}`, 'sai')).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await from('203.0.113.9', 'hoa', 'mat-khau-dung')).status).toBe(429);
    expect((await from('198.51.100.7', 'hoa', 'mat-khau-dung')).status).toBe(200);
  });
});
