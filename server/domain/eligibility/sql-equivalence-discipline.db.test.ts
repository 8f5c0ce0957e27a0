import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { seedDemo } from '../../db/seed/demo.js';
import { buildRuleContext } from './rule-context.js';
import { screenAll, screenAllByRules } from './screen-people.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { RULE_REGISTRY } from '../rules/screen-person.js';

/**
 * The discipline and ratings twins on data built around their new boundaries: bars by category and date (the
 * Law on Public Employees Art. 56 rows of viên chức, 12 and 24 months; Decree 172/2025 for cán bộ, công chức),
 * Party decisions later or earlier than the State decision, and ratings recorded with Decree 335/2025 points.
 */
const t = useTestDatabase();
const DISCIPLINE = RULE_REGISTRY.findIndex((r) => r.criterion === 'discipline');
const RATINGS = RULE_REGISTRY.findIndex((r) => r.criterion === 'ratings');

beforeAll(async () => {
  const { pool } = t.get();
  await seedDemo(pool, { people: 400, seed: 12 });
  await pool.query('DELETE FROM discipline_records');
  // every person gets one decision: the form, decision day, Party date (none, later, earlier) vary by a hash
  await pool.query(`
    INSERT INTO discipline_records (person_id, form_code, decided_on, effective_from, party_decided_on)
    SELECT id, form, decided, decided + 3,
      CASE abs(hashtext(code || 'p')) % 3 WHEN 0 THEN NULL WHEN 1 THEN decided + (abs(hashtext(code)) % 120) ELSE decided - 20 END
    FROM (SELECT id, code, (ARRAY['KT','CC','CCH'])[1 + abs(hashtext(code || 'f')) % 3] AS form,
            DATE '2024-11-20' + (abs(hashtext(code || 'd')) % 700) AS decided FROM people) x`);
  await pool.query(`UPDATE annual_ratings SET points = CASE level_code WHEN 'HTXS' THEN 95 WHEN 'HTT' THEN 80 WHEN 'HT' THEN 60 ELSE 40 END
    WHERE year >= 2026 AND abs(hashtext(person_id::text)) % 2 = 0`);
  await pool.query('ANALYZE');
});

async function compare(referenceDate: string) {
  const { db } = t.get();
  const ctx = { actor: { ...SYSTEM_ACTOR, grants: [{ role: 'home_affairs' as const, unitId: null }] }, tx: db, today: referenceDate };
  const rules = await buildRuleContext(db, referenceDate, PLAN_131_PARAMS);
  const [bySql] = await screenAll(ctx, sql`TRUE`, [rules]);
  const [byTs] = await screenAllByRules(ctx, sql`TRUE`, [rules]);
  expect(bySql.length).toBe(byTs.length);
  const mismatches: string[] = [];
  bySql.forEach((s, i) => {
    for (const j of [DISCIPLINE, RATINGS])
      if (s.results[j] !== byTs[i].results[j]) mismatches.push(`${s.personId} ${j}: ts=${byTs[i].results[j]} sql=${s.results[j]}`);
  });
  expect(mismatches.slice(0, 10)).toEqual([]);
  return byTs.map((r) => r.results[DISCIPLINE]);
}

describe('SQL and TypeScript agree on discipline bars by category, date and Party decision', () => {
  it('on dates either side of the 12- and 24-month ends', async () => {
    for (const date of ['2025-11-01', '2026-03-15', '2026-06-30', '2026-11-26', '2027-04-01']) {
      const results = await compare(date);
      expect(new Set(results).size, date).toBeGreaterThan(1);
    }
  });
});
