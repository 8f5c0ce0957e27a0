import { inject, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import crypto from 'node:crypto';
import { openDatabase, type Database } from '../../server/db/client.js';

/** A fresh database cloned from the run's template (migrations + reference data), dropped after the file. */
export function useTestDatabase(): { get: () => Database; url: () => string } {
  let database: Database | null = null;
  let url = '';
  const name = `tc_t_${crypto.randomBytes(6).toString('hex')}`;
  const adminUrl = inject('pgAdminUrl');
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = '/' + name;
    url = u.toString();
    database = openDatabase(url, 5);
  });
  afterAll(async () => {
    await database?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return {
    get: () => {
      if (!database) throw new Error('database not ready');
      return database;
    },
    url: () => url,
  };
}
