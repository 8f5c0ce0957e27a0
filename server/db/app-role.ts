import type pg from 'pg';

/** The role the server's requests run as on the embedded PostgreSQL: no superuser, no DDL, no rewriting the audit log. */
export const APP_ROLE = 'tangcuong_app';

/**
 * Creates (or updates) the application role after the migrations: it reads and writes the tables and sequences of
 * the schema, but may only read and append to audit_log — an UPDATE, DELETE or TRUNCATE of it is refused by
 * privilege, before the append-only triggers. Migrations, the demo load and the CLI keep the owner's connection.
 * Run again after every migration (new tables get the same grants).
 */
export async function ensureAppRole(admin: pg.Pool, password: string): Promise<void> {
  if (!/^[0-9a-f]{16,}$/.test(password)) throw new Error('the application role password must be the generated hex secret');
  await inLockedTransaction(admin, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    // the password is our own hex secret (checked above), so it is safe inside the DDL statement
    if (exists.rowCount === 0) await client.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${password}'`);
    else await client.query(`ALTER ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${password}'`);
    await grantTo(client, APP_ROLE);
  });
}

/**
 * On a PostgreSQL we do not run (DATABASE_URL for the owner, APP_DATABASE_URL for the requests): the role of
 * APP_DATABASE_URL is created by the database's administrator (README), and gets the same grants as the embedded
 * application role after every migration. A role that does not exist, or is the owner itself, is refused.
 */
export async function grantAppRole(admin: pg.Pool, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    throw new AppRoleError(`Tên người dùng của APP_DATABASE_URL không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch dưới.`);
  await inLockedTransaction(admin, async (client) => {
    const r = await client.query<{ rolsuper: boolean; owner: boolean }>(`SELECT rolsuper, rolname = current_user AS owner FROM pg_roles WHERE rolname = $1`, [role]);
    const found = r.rows[0];
    if (!found)
      throw new AppRoleError(`Người dùng "${role}" của APP_DATABASE_URL chưa có trên PostgreSQL: hãy tạo (CREATE ROLE ${role} LOGIN PASSWORD '…') rồi chạy lại.`);
    if (found.owner) throw new AppRoleError('APP_DATABASE_URL phải dùng một người dùng khác với DATABASE_URL (người sở hữu các bảng).');
    if (found.rolsuper) throw new AppRoleError(`Người dùng "${role}" của APP_DATABASE_URL là superuser: hãy dùng một người dùng thường (NOSUPERUSER).`);
    await grantTo(client, role);
  });
}

/** A start-up refusal an operator can act on, in Vietnamese. */
export class AppRoleError extends Error {}

/** The user name of a connection URL. */
export const roleOfUrl = (url: string) => decodeURIComponent(new URL(url).username);

/**
 * What is wrong with the role the requests run as, for a warning at start-up: a superuser, or the owner of the tables,
 * can alter or truncate the audit log past its triggers (README: APP_DATABASE_URL).
 */
export async function requestRoleProblems(pool: pg.Pool): Promise<string[]> {
  const r = await pool.query<{ role: string; rolsuper: boolean; ownsAudit: boolean; canTruncate: boolean }>(`
    SELECT current_user AS role, r.rolsuper,
      coalesce((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass('public.audit_log')), false) AS "ownsAudit",
      coalesce(has_table_privilege(to_regclass('public.audit_log'), 'TRUNCATE'), false) AS "canTruncate"
    FROM pg_roles r WHERE r.rolname = current_user`);
  const x = r.rows[0];
  if (!x) return [];
  const problems: string[] = [];
  if (x.rolsuper)
    problems.push(`requests run as the superuser "${x.role}": the audit log can be altered past its triggers; set APP_DATABASE_URL to a non-superuser role`);
  else if (x.ownsAudit)
    problems.push(`requests run as "${x.role}", the owner of the tables: the audit log can be altered past its triggers; set APP_DATABASE_URL to another role`);
  else if (x.canTruncate) problems.push(`requests run as "${x.role}", which may truncate the audit log`);
  return problems;
}

async function grantTo(client: pg.PoolClient, role: string) {
  const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
  await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE "${db}" TO ${role}`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${role}`);
}

async function inLockedTransaction(admin: pg.Pool, fn: (client: pg.PoolClient) => Promise<void>) {
  const client = await admin.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('tang-cuong:app-role'))`);
    await fn(client);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
