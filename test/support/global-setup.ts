import type { TestProject } from 'vitest/node';
import pg from 'pg';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import type { EmbeddedServer } from '../../server/db/embedded.js';
import { openDatabase } from '../../server/db/client.js';
import { runMigrations } from '../../server/db/migrate.js';
import { seedPlan131 } from '../../server/db/seed/plan-131.seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Loads the embedded PostgreSQL without the exit hook its library installs: on `beforeExit` that hook calls
 * `process.exit(0)`, which would overwrite the failing exit code vitest has set, so a run with failed tests would
 * exit 0 and CI would pass it (its `exit` twin then calls back without a callback). Signals keep their hooks; the
 * server is stopped explicitly by the teardown below.
 */
async function loadEmbedded() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const mod = await import('../../server/db/embedded.js');
  for (const l of process.listeners('beforeExit')) if (!beforeExit.has(l)) process.removeListener('beforeExit', l);
  for (const l of process.listeners('exit')) if (!exit.has(l)) process.removeListener('exit', l);
  return mod;
}

/**
 * Builds one template database (migrations + reference tables) per run; each test file clones it,
 * which takes a fraction of a second, and drops its clone at the end.
 */
export default async function setup(project: TestProject) {
  const target = project.config.env?.TEST_PG_TARGET ?? 'server';
  let embedded: EmbeddedServer | null = null;
  let tmp: string | null = null;
  let adminUrl = SERVER_URL;
  if (target === 'embedded') {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-pg18-'));
    fs.chmodSync(tmp, 0o755); // initdb runs as the postgres user when we are root
    embedded = await (await loadEmbedded()).startEmbedded(tmp, { database: 'postgres' });
    adminUrl = embedded.url;
  }
  const template = `tc_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template} TEMPLATE template0 ENCODING 'UTF8'`);
  const u = new URL(adminUrl);
  u.pathname = '/' + template;
  const database = openDatabase(u.toString(), 2);
  await runMigrations(database);
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await seedPlan131(client);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  await database.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    await admin.end();
    if (embedded) await embedded.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}
