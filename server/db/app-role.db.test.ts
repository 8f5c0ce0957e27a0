import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/test-database.js';
import { makePerson, makeSession, makeUnit } from '../../test/support/factories.js';
import { call, testApp } from '../../test/support/test-app.js';
import { openDatabase, type Database } from './client.js';
import { AppRoleError, grantAppRole, requestRoleProblems, roleOfUrl } from './app-role.js';

/**
 * On a PostgreSQL we do not run, the requests run as APP_DATABASE_URL's role: created by the administrator, granted
 * by us after the migrations. It reads and writes what the application needs and cannot touch the audit log's past.
 */
const t = useTestDatabase();
const role = `tc_app_${crypto.randomBytes(4).toString('hex')}`;
const password = crypto.randomBytes(12).toString('hex');
let appUrl: string;
let app: Database | null = null;

beforeAll(async () => {
  await t.get().pool.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER PASSWORD '${password}'`);
  const u = new URL(t.url());
  u.username = role;
  u.password = password;
  appUrl = u.toString();
});
afterAll(async () => {
  await app?.close();
  await t.get().pool.query(`DROP OWNED BY ${role}`);
  await t.get().pool.query(`DROP ROLE IF EXISTS ${role}`);
});

const codeOf = async (db: Database, text: string) => {
  try {
    await db.pool.query(text);
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('the requests’ role on a PostgreSQL we do not run (APP_DATABASE_URL)', () => {
  it('refuses a role that does not exist, the owner itself, and a name unsafe in a statement, in Vietnamese', async () => {
    const owner = t.get().pool;
    await expect(grantAppRole(owner, 'tc_app_nobody')).rejects.toThrow(/chưa có trên PostgreSQL: hãy tạo/);
    const me = (await owner.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
    await expect(grantAppRole(owner, me)).rejects.toThrow(AppRoleError);
    await expect(grantAppRole(owner, 'x; DROP TABLE people')).rejects.toThrow(/không hợp lệ/);
    expect(roleOfUrl('postgres://tc%5Fapp:secret@db:5432/tangcuong')).toBe('tc_app');
  });

  it('granted, it reads and writes the tables but cannot update, delete or truncate the audit log, nor create a table', async () => {
    await grantAppRole(t.get().pool, role);
    await grantAppRole(t.get().pool, role); // again after every migration: idempotent
    app = openDatabase(appUrl, 2);
    expect(await codeOf(app, 'SELECT count(*) FROM people')).toBe('ok');
    expect(await codeOf(app, `UPDATE people SET phone = phone WHERE false`)).toBe('ok');
    expect(await codeOf(app, 'SELECT count(*) FROM audit_log')).toBe('ok');
    expect(await codeOf(app, `UPDATE audit_log SET action = action`)).toBe('42501');
    expect(await codeOf(app, 'DELETE FROM audit_log')).toBe('42501');
    expect(await codeOf(app, 'TRUNCATE audit_log')).toBe('42501');
    expect(await codeOf(app, 'CREATE TABLE public.tc_intruder (x int)')).toBe('42501');
    expect(await codeOf(app, 'ALTER TABLE audit_log DISABLE TRIGGER ALL')).toBe('42501');
    // the start-up warning: none for this role, one for the owner's connection
    expect(await requestRoleProblems(app.pool)).toEqual([]);
    const ownerProblems = await requestRoleProblems(t.get().pool);
    expect(ownerProblems).toHaveLength(1);
    expect(ownerProblems[0]).toMatch(/superuser|owner of the tables/);
  });

  it('serves the application’s requests, writing the audit of a change through that role', async () => {
    const { pool } = t.get();
    const unit = await makeUnit(pool, { staffing: 10 });
    const person = await makePerson(pool, { unitId: unit.id });
    const session = await makeSession(pool, 'unit_hr', { unitId: unit.id });
    const web = testApp(app!);
    const list = await call(web, 'GET', '/api/cadres?pageSize=5', { session });
    expect(list.status).toBe(200);
    expect(list.json.items.map((x: { id: string }) => x.id)).toContain(person.id);
    const before = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    const profile = await call(web, 'GET', `/api/cadres/${person.id}`, { session });
    expect(profile.status).toBe(200);
    const edit = await call(web, 'PATCH', `/api/cadres/${person.id}`, { session, body: { version: profile.json.version, phone: '0912345678' } });
    expect(edit.status, JSON.stringify(edit.json)).toBe(200);
    expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n).toBeGreaterThan(before);
  });
});
