import pg from 'pg';
import { openDatabase, type Database } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { seedDemo } from '../server/db/seed/demo.js';
import { seedPlan131 } from '../server/db/seed/plan-131.seed.js';

/**
 * A benchmark database with `people` demo cadres, kept between runs (seeding 100,000 takes a while):
 * `tc_bench_<people>` on BENCH_DATABASE_URL's server (default: the PostgreSQL at 127.0.0.1:5432).
 */
export async function benchDatabase(people: number, fresh = false, prefix = 'tc_bench'): Promise<{ url: string; database: Database }> {
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${people}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  if (fresh) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!exists) await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await c.end();
  const u = new URL(admin);
  u.pathname = '/' + name;
  const database = openDatabase(u.toString(), 4);
  await runMigrations(database);
  const started = Date.now();
  const r = await seedDemo(database.pool, { people, seed: 131 });
  if (r.created) console.log(`seeded ${people} cadres in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  else {
    // a database kept from an earlier run gets the reference rows added since (idempotent)
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await seedPlan131(client);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }
  await database.pool.query('ANALYZE');
  return { url: u.toString(), database };
}
