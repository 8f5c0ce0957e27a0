import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index.js';

// DATE columns come back as 'YYYY-MM-DD' strings, never as JS Dates shifted by the time zone.
pg.types.setTypeParser(1082, (v) => v);
// NUMERIC as string: money and coefficients are never floats on the way in.
pg.types.setTypeParser(20, (v) => Number(v)); // int8 counts fit in a double here

/** A pooled connection and the pool, for the few writers that stream (COPY) beside the query builder. */
export type PoolClient = pg.PoolClient;
export type Pool = pg.Pool;

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: repositories take either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'tang-cuong' });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = drizzle(pool, { schema });
  return { pool, db, close: () => pool.end() };
}

/** Readiness: the database answers a trivial query within the time limit (a load balancer's check). */
export async function databaseReady(database: Database, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([database.pool.query('SELECT 1').then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
