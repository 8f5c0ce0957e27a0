import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session } from '../../test/support/factories.js';
import { call, send, testApp, type TestApp } from '../../test/support/test-app.js';

const t = useTestDatabase();
let app: TestApp;
let hr: Session;
let personId: string;

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  const dept = await makeUnit(pool, {});
  personId = (await makePerson(pool, { unitId: dept.id })).id;
  hr = await makeSession(pool, 'unit_hr', { unitId: dept.id });
});

const version = async () => (await t.get().pool.query('SELECT version FROM people WHERE id = $1', [personId])).rows[0].version as number;

describe('bad input gets a clear 4xx in Vietnamese and changes nothing', () => {
  it('malformed JSON → 400', async () => {
    const v = await version();
    const r = await call(app, 'PATCH', `/api/cadres/${personId}`, { session: hr, rawBody: '{"version": 1, "phone": ' });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/JSON/);
    expect(await version()).toBe(v);
  });
  it('a NUL character in a text field or a search box → 422 naming the field, nothing written', async () => {
    const v = await version();
    const body = await call(app, 'PATCH', `/api/cadres/${personId}`, { session: hr, body: { version: v, phone: '0901\u0000234' } });
    expect(body.status).toBe(422);
    expect(body.json.error.issues).toEqual([{ path: 'phone', message: 'Có ký tự không hợp lệ' }]);
    expect(body.json.error.message).toMatch(/NUL/);
    expect(await version()).toBe(v);
    const nested = await call(app, 'POST', '/api/feedback', { session: hr, body: { kind: 'difficulty', subject: 'Vướng mắc', body: 'Nội dung\u0000' } });
    expect(nested.status).toBe(422);
    expect(nested.json.error.issues).toEqual([{ path: 'body', message: 'Có ký tự không hợp lệ' }]);
    expect((await t.get().pool.query('SELECT count(*)::int AS n FROM feedback_items')).rows[0].n).toBe(0);
    const search = await call(app, 'GET', '/api/cadres?q=nguy%00en', { session: hr });
    expect(search.status).toBe(422);
    expect(search.json.error.issues[0].path).toBe('q');
  });
  it('wrong types → 422 listing each field', async () => {
    const r = await call(app, 'PATCH', `/api/cadres/${personId}`, { session: hr, body: { version: 'một', isLeader: 'có', salaryStep: 2.5 } });
    expect(r.status).toBe(422);
    expect(r.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['isLeader', 'salaryStep', 'version']);
    expect(r.json.error.message).toMatch(/không hợp lệ/);
  });
  it('an unknown field → 422 (no silent drops)', async () => {
    const r = await call(app, 'PATCH', `/api/cadres/${personId}`, { session: hr, body: { version: await version(), salary: 999 } });
    expect(r.status).toBe(422);
  });
  it('an impossible date (31/02/2024) → 422', async () => {
    const r = await call(app, 'PATCH', `/api/cadres/${personId}`, { session: hr, body: { version: await version(), recruitedOn: '2024-02-31' } });
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0]).toMatchObject({ path: 'recruitedOn', message: 'Ngày không tồn tại' });
  });
  it('a 10 MB string → 413 before it is parsed', async () => {
    const v = await version();
    const r = await call(app, 'PATCH', `/api/cadres/${personId}`, { session: hr, body: { version: v, major: 'a'.repeat(10 * 1024 * 1024) } });
    expect(r.status).toBe(413);
    expect(r.json.error.message).toMatch(/quá lớn/);
    expect(await version()).toBe(v);
  });
  it('a long string within the body limit → 422 on the field length', async () => {
    const r = await call(app, 'PATCH', `/api/cadres/${personId}`, { session: hr, body: { version: await version(), major: 'a'.repeat(5000) } });
    expect(r.status).toBe(422);
    expect(r.json.error.issues[0].path).toBe('major');
  });
  it('a malformed id in the path → 422, an unknown one → 404', async () => {
    expect((await call(app, 'GET', '/api/cadres/abc', { session: hr })).status).toBe(422);
    const r = await call(app, 'GET', '/api/cadres/00000000-0000-4000-8000-000000000000', { session: hr });
    expect(r.status).toBe(404);
    expect(r.json.error.message).toMatch(/không tồn tại/);
  });
  it('HTML in a saved field is stored as text and returned as JSON, never as markup', async () => {
    const r = await call(app, 'PATCH', `/api/cadres/${personId}`, { session: hr, body: { version: await version(), major: '<img src=x onerror=alert(1)>' } });
    expect(r.status).toBe(200);
    const p = await call(app, 'GET', `/api/cadres/${personId}`, { session: hr });
    expect(p.headers.get('content-type')).toContain('application/json');
    expect(p.json.qualifications.major).toBe('<img src=x onerror=alert(1)>');
  });
  it('an unknown API path → 404 in Vietnamese', async () => {
    const r = await call(app, 'GET', '/api/khong-co', { session: hr });
    expect(r.status).toBe(404);
    expect(r.json.error.message).toMatch(/Không có chức năng/);
  });
});

describe('API documentation', () => {
  it('renders /api/docs from local assets (no CDN) under the strict CSP, and serves the OpenAPI document', async () => {
    const page = await call(app, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/api/docs/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const js = await send(app, '/api/docs/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
    const doc = await call(app, 'GET', '/api/openapi.json');
    expect(doc.json.paths['/api/cadres']).toBeDefined();
  });
});
