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
  const client = await admin.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('tang-cuong:app-role'))`);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    // the password is our own hex secret (checked above), so it is safe inside the DDL statement
    if (exists.rowCount === 0) await client.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${password}'`);
    else await client.query(`ALTER ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${password}'`);
    const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE "${db}" TO ${APP_ROLE}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP_ROLE}`);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
