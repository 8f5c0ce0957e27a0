import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.js';
import { projectRoot } from '../config.js';
import { applyReferenceData } from './reference/reference-data.js';

/**
 * Applies the committed migrations in server/db/migrations, then the reference data that ships with the
 * product (server/db/reference): ranks, base salaries, discipline forms… Idempotent: a second run changes
 * nothing, and a dated row a later release adds appears without touching rows already there.
 */
export async function runMigrations(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: path.join(projectRoot(), 'server/db/migrations') });
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    // two processes migrating together: the second waits, then inserts nothing
    await client.query("SELECT pg_advisory_xact_lock(hashtext('tang-cuong:reference-data'))");
    await applyReferenceData(client);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
