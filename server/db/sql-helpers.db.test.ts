import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../test/support/test-database.js';
import { allOf } from './sql-helpers.js';
import type { Tx } from './client.js';

const t = useTestDatabase();

/** Two reads that note when they start and end, each waiting 50 ms in the database. */
function reads(tx: Tx, log: string[]) {
  const read = (n: number) => async () => {
    log.push(`start ${n}`);
    await tx.execute(sql`SELECT pg_sleep(0.05)`);
    log.push(`end ${n}`);
    return n;
  };
  return [read(1), read(2)] as const;
}

describe('allOf', () => {
  it('runs the reads together on the pool, and in turn inside a transaction, each result in its place', async () => {
    const { db } = t.get();
    const onPool: string[] = [];
    expect(await allOf(db, reads(db, onPool))).toEqual([1, 2]);
    expect(onPool.slice(0, 2)).toEqual(['start 1', 'start 2']);
    const inTx: string[] = [];
    const results = await db.transaction((tx) => allOf(tx, reads(tx, inTx)));
    expect(results).toEqual([1, 2]);
    expect(inTx).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});
