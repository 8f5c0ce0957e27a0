import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeSession, type Session } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';
import { runCreateUser } from '../../cli/create-user.js';

/**
 * The first setup from the administrator's screen, on an empty database as `migrate` leaves it: the administrator's
 * account is created first (no org unit exists yet), signs in and chooses the province; nobody else may, and
 * nobody may do it twice.
 */
const t = useTestDatabase();
let app: TestApp;
let admin: Session;
let homeAffairs: Session;

const counts = async () =>
  (
    await t.get().pool.query(
      `SELECT (SELECT count(*)::int FROM org_units) AS units, (SELECT count(*)::int FROM legacy_communes) AS legacy,
                (SELECT count(*)::int FROM province_settings) AS provinces, (SELECT count(*)::int FROM audit_log) AS audit`,
    )
  ).rows[0] as { units: number; legacy: number; provinces: number; audit: number };

beforeAll(async () => {
  app = testApp(t.get());
  // the README's production path: `cli create-user` for the administrator before any unit exists
  vi.stubEnv('NEW_PASSWORD', 'mat-khau-quan-tri');
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(await runCreateUser(t.get(), { username: 'quantri', name: 'Quản trị hệ thống', role: 'admin' })).toBe(0);
  log.mockRestore();
  vi.unstubAllEnvs();
  const r = await call(app, 'POST', '/api/auth/login', { body: { username: 'quantri', password: 'mat-khau-quan-tri' } });
  expect(r.status).toBe(200);
  expect(r.json.capabilities).toEqual(['setUpProvince']);
  // the operator chose that password: it is changed at the first login before anything else
  expect(r.json.user.mustChangePassword).toBe(true);
  const token = /tc_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')![1];
  admin = { userId: r.json.user.id, cookie: `tc_session=${token}`, csrf: r.json.csrfToken };
  const changed = await call(app, 'POST', '/api/auth/password', {
    session: admin,
    body: { currentPassword: 'mat-khau-quan-tri', newPassword: 'Quan tri Can Tho 2026' },
  });
  expect(changed.status).toBe(200);
  expect(changed.json.user.mustChangePassword).toBe(false);
  homeAffairs = await makeSession(t.get().pool, 'home_affairs');
});

describe('first setup over the API', () => {
  it('says, without a session, that the system is not set up', async () => {
    const r = await call(app, 'GET', '/api/setup');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ setUp: false, province: null });
  });

  it('offers the administrator the 34 provinces with what each setup creates; nobody else', async () => {
    const r = await call(app, 'GET', '/api/setup/provinces', { session: admin });
    expect(r.status).toBe(200);
    expect(r.json.items).toHaveLength(34);
    const hanoi = r.json.items.find((p: { code: string }) => p.code === '01');
    expect(hanoi).toMatchObject({ name: 'Thành phố Hà Nội', peoplesCommitteeName: 'Ủy ban nhân dân thành phố Hà Nội', communes: 126 });
    expect(hanoi.wards + hanoi.specialZones).toBeLessThan(126);
    expect(hanoi.formedFrom.length).toBeGreaterThan(0);
    expect((await call(app, 'GET', '/api/setup/provinces', { session: homeAffairs })).status).toBe(403);
    expect((await call(app, 'GET', '/api/setup/provinces')).status).toBe(401);
  });

  it('refuses another role (403), a request without the CSRF token, and an unknown code (422 in Vietnamese), changing nothing', async () => {
    const before = await counts();
    expect((await call(app, 'POST', '/api/setup', { session: homeAffairs, body: { provinceCode: '01' } })).status).toBe(403);
    const forged = await call(app, 'POST', '/api/setup', { headers: { cookie: admin.cookie }, body: { provinceCode: '01' } });
    expect(forged.status).toBe(403);
    expect(forged.json.error.code).toBe('csrf');
    const unknown = await call(app, 'POST', '/api/setup', { session: admin, body: { provinceCode: '99' } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.issues[0].message).toBe('Không có tỉnh, thành phố mã "99" trong danh mục 34 tỉnh, thành phố từ 01/07/2025');
    const empty = await call(app, 'POST', '/api/setup', { session: admin, body: { provinceCode: ' ' } });
    expect(empty.status).toBe(422);
    expect(empty.json.error.issues[0]).toMatchObject({ path: 'provinceCode', message: 'Chọn tỉnh, thành phố' });
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ units: 0, provinces: 0 });
  });

  it('sets up Hà Nội once; the second request answers 409 in Vietnamese and changes nothing', async () => {
    const r = await call(app, 'POST', '/api/setup', { session: admin, body: { provinceCode: '01' } });
    expect(r.status).toBe(201);
    expect(r.json.province).toMatchObject({ code: '01', name: 'Thành phố Hà Nội', peoplesCommitteeName: 'Ủy ban nhân dân thành phố Hà Nội' });
    expect(r.json.communes).toBe(126);
    const after = await counts();
    expect(after).toMatchObject({ units: 127, provinces: 1, legacy: r.json.legacyCommunes });
    const audit = await t.get().pool.query(`SELECT actor_user_id AS "by", entity_type AS "type" FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]).toEqual({ by: admin.userId, type: 'province_settings' });

    const again = await call(app, 'POST', '/api/setup', { session: admin, body: { provinceCode: '92' } });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('Hệ thống đã được thiết lập cho Thành phố Hà Nội; mỗi bản cài đặt phục vụ một tỉnh, thành phố.');
    expect(await counts()).toEqual(after);

    const status = await call(app, 'GET', '/api/setup');
    expect(status.json).toEqual({ setUp: true, province: { code: '01', name: 'Thành phố Hà Nội', peoplesCommitteeName: 'Ủy ban nhân dân thành phố Hà Nội' } });
    const tree = await call(app, 'GET', '/api/org-units', { session: homeAffairs });
    const names = tree.json.items.map((u: { name: string }) => u.name);
    expect(names).toContain('Ủy ban nhân dân thành phố Hà Nội');
    expect(names).toContain('Phường Ba Đình');
  });
});
