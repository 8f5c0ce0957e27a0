import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Db } from './client.js';
import { projectRoot } from '../config.js';

/** Applies the committed migrations in server/db/migrations (idempotent). */
export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: path.join(projectRoot(), 'server/db/migrations') });
}
