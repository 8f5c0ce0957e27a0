import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit, type Session, type UnitRef } from '../../../test/support/factories.js';
import { call, testApp, type TestApp } from '../../../test/support/test-app.js';

/** The org routes over HTTP: Sở Nội vụ changes the tree; bad input answers 422 in Vietnamese and changes nothing. */
const t = useTestDatabase();
let app: TestApp;
let nv: Session;
let admin: Session;
let hr: Session;
let root: UnitRef;
let a: UnitRef;

beforeAll(async () => {
  const { pool } = t.get();
  app = testApp(t.get());
  root = await makeUnit(pool, { kind: 'peoples_committee', code: 'UBND' });
  a = await makeUnit(pool, { parent: root, code: 'SA', name: 'Sở A' });
  await makePerson(pool, { unitId: a.id });
  nv = await makeSession(pool, 'home_affairs');
  admin = await makeSession(pool, 'admin');
  hr = await makeSession(pool, 'unit_hr', { unitId: a.id });
});

describe('org routes', () => {
  it('Sở Nội vụ merges a unit into a new one; the tree and the history show it; the session lists manageOrg', async () => {
    const me = await call(app, 'GET', '/api/auth/me', { session: nv });
    expect(me.json.capabilities).toContain('manageOrg');
    expect((await call(app, 'GET', '/api/auth/me', { session: admin })).json.capabilities).not.toContain('manageOrg');
    const r = await call(app, 'POST', '/api/org-units/merge', {
      session: nv,
      body: { sourceIds: [a.id], newUnit: { code: 'SM', name: 'Sở Mới', kind: 'department' }, effectiveOn: '2025-03-01', decisionNo: '15/QĐ-UBND' },
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.peopleMoved).toBe(1);
    const tree = (await call(app, 'GET', '/api/org-units', { session: nv })).json.items as {
      code: string;
      closedOn: string | null;
      restructuredOn: string | null;
      headcount: number;
    }[];
    expect(tree.find((u) => u.code === 'SA')).toMatchObject({ closedOn: '2025-03-01', headcount: 0 });
    expect(tree.find((u) => u.code === 'SM')).toMatchObject({ restructuredOn: '2025-03-01', headcount: 1 });
    const h = await call(app, 'GET', `/api/org-units/${a.id}/events`, { session: nv });
    expect(h.json.items.map((e: { kind: string }) => e.kind).sort()).toEqual(['closed', 'merged']);
    // the unit's officer may read its history (within their subtree) but not change it
    expect((await call(app, 'GET', `/api/org-units/${a.id}/events`, { session: hr })).status).toBe(200);
    expect((await call(app, 'POST', `/api/org-units/${a.id}/rename`, { session: hr, body: { name: 'X', effectiveOn: '2025-01-01' } })).status).toBe(403);
  });

  it('answers 422 in Vietnamese, naming the field, and changes nothing', async () => {
    const count = async () => Number((await t.get().pool.query(`SELECT count(*) AS n FROM org_units`)).rows[0].n);
    const n = await count();
    const both = await call(app, 'POST', '/api/org-units/merge', {
      session: nv,
      body: { sourceIds: [a.id], targetId: a.id, newUnit: { code: 'SZ', name: 'Z', kind: 'department' }, effectiveOn: '2025-03-01' },
    });
    expect(both.status).toBe(422);
    expect(both.json.error.issues).toContainEqual({ path: 'targetId', message: 'Chọn đơn vị nhận hoặc khai báo đơn vị mới (một trong hai)' });
    const bad = await call(app, 'POST', '/api/org-units', { session: nv, body: { code: 'có dấu', name: '', kind: 'commune', effectiveOn: '31/02/2025' } });
    expect(bad.status).toBe(422);
    expect([...new Set(bad.json.error.issues.map((i: { path: string }) => i.path))].sort()).toEqual(['code', 'effectiveOn', 'kind', 'name']);
    const closed = await call(app, 'POST', `/api/org-units/${a.id}/move`, { session: nv, body: { parentId: null, effectiveOn: '2025-05-01' } });
    expect(closed.status).toBe(422);
    expect(closed.json.error.issues[0].message).toMatch(/đã giải thể, sáp nhập từ ngày 01\/03\/2025/);
    expect(await count()).toBe(n);
  });
});
