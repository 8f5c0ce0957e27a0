import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { seedDemo } from './demo.js';
import { ensureDemoAccounts } from './demo-accounts.js';
import { ensureDemoTraining } from './training.seed.js';

const t = useTestDatabase();

describe('demo training data', () => {
  it('loads courses, budgets, needs and nominations once, through the use cases', async () => {
    const { pool, db } = t.get();
    await seedDemo(pool, { people: 400, seed: 131 });
    await ensureDemoAccounts(db);
    expect(await ensureDemoTraining(db, 2027)).toBe(true);
    expect(await ensureDemoTraining(db, 2027)).toBe(false);
    const n = async (q: string) => (await pool.query(q)).rows[0].n;
    expect(await n(`SELECT count(*)::int AS n FROM training_courses`)).toBe(4);
    expect(await n(`SELECT count(*)::int AS n FROM training_needs`)).toBe(4);
    const b =
      await pool.query(`SELECT u.code, b.funding_source AS source, b.amount_vnd::text AS amount, b.committed_vnd::text AS committed, b.computation IS NOT NULL AS computed
      FROM training_budgets b JOIN org_units u ON u.id = b.unit_id WHERE u.code = 'SYT' ORDER BY b.funding_source`);
    expect(b.rows[0]).toMatchObject({ code: 'SYT', source: 'regular', amount: '300000000', committed: '4500000' });
    expect(b.rows[1]).toMatchObject({ source: 'supplementary', computed: true });
    expect(BigInt(b.rows[1].amount)).toBeGreaterThan(0n);
    const cadre = await pool.query(`SELECT e.status FROM training_enrolments e JOIN users us ON us.person_id = e.person_id WHERE us.username = 'canbo'`);
    expect(cadre.rows).toEqual([{ status: 'approved' }]);
  });
});
