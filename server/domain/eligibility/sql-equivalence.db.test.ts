import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../test/test-database.js';
import { seedDemo } from '../../db/seed/demo.js';
import { sqlVerdicts } from '../../../bench/screening-verdicts-sql.js';
import { buildRuleContext, planInForce } from './rule-context.js';
import { screenAll } from './screen-people.js';
import { PLAN_131_PARAMS, type PlanParams } from '../../../common/plan-params.js';
import { SYSTEM_ACTOR } from '../access/actor.js';

/**
 * The product screens with one SQL statement for the facts and the rules in TypeScript; the benchmark's
 * limit computes the same verdicts in one hand-written SQL statement. They must agree criterion by criterion,
 * on the demo data and on data made odd on purpose.
 */
const t = useTestDatabase();
const CRITERIA = ['in_planning', 'ratings', 'discipline', 'health', 'service_left', 'not_seconded', 'unit_assessment'] as const;

beforeAll(async () => {
  const { pool } = t.get();
  await seedDemo(pool, { people: 1500, seed: 7 });
  // randomised oddities, deterministic: assessments (some "no", some stale), secondments, unknown rating
  // levels, missing health, open-ended discipline of a form with no known period, retirement boundaries
  await pool.query(`
    INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok)
    SELECT id, DATE '2026-11-26' - ((abs(hashtext(code)) % 500) || ' days')::interval, gen_random_uuid(), 'Người đánh giá',
      CASE WHEN abs(hashtext(code || 'c')) % 17 = 0 THEN 'no' ELSE 'yes' END, 'yes',
      CASE WHEN abs(hashtext(code || 'p')) % 23 = 0 THEN 'no' ELSE 'yes' END, 'yes'
    FROM people WHERE abs(hashtext(code)) % 3 <> 0`);
  await pool.query(`
    INSERT INTO secondments (person_id, sending_unit_id, status)
    SELECT p.id, u.path[2], (ARRAY['proposed','decided','active','completed','withdrawn'])[1 + abs(hashtext(p.code)) % 5]
    FROM people p JOIN org_units u ON u.id = p.unit_id WHERE abs(hashtext(p.code || 's')) % 20 = 0 AND u.depth >= 1`);
  await pool.query(`INSERT INTO rating_levels (code, name, rank, effective_from, instrument) VALUES ('CU', 'Mức cũ', 9, '1990-01-01', 'x') ON CONFLICT DO NOTHING`);
  await pool.query(`UPDATE annual_ratings SET level_code = 'ZZ' WHERE abs(hashtext(person_id::text || year)) % 97 = 0`);
  await pool.query(`UPDATE people SET health_status = NULL WHERE abs(hashtext(code || 'h')) % 41 = 0`);
  await pool.query(`UPDATE people SET health_checked_on = NULL WHERE abs(hashtext(code || 'hc')) % 43 = 0`);
  await pool.query(`INSERT INTO discipline_forms (code, name, applies_to, bar_months, effective_from, instrument) VALUES ('XX', 'Hình thức lạ', '{can_bo,cong_chuc,vien_chuc}', 0, '2099-01-01', 'x') ON CONFLICT DO NOTHING`);
  await pool.query(`
    INSERT INTO discipline_records (person_id, form_code, decided_on, effective_from, effective_to)
    SELECT id, (ARRAY['KT','CC','XX'])[1 + abs(hashtext(code || 'f')) % 3], DATE '2025-11-20', DATE '2025-11-27' - (abs(hashtext(code)) % 3),
      CASE WHEN abs(hashtext(code || 'e')) % 4 = 0 THEN DATE '2026-12-31' END
    FROM people WHERE abs(hashtext(code || 'd')) % 25 = 0`);
  await pool.query(`UPDATE people SET birth_date = DATE '1964-11-26' + (abs(hashtext(code)) % 900), gender = 'male' WHERE abs(hashtext(code || 'b')) % 15 = 0`);
  await pool.query(`UPDATE people SET birth_date = DATE '1969-11-26' + (abs(hashtext(code)) % 900), gender = 'female' WHERE abs(hashtext(code || 'g')) % 15 = 1`);
  await pool.query('ANALYZE');
});

async function compare(referenceDate: string, params: PlanParams) {
  const { db, pool } = t.get();
  const ctx = { actor: { ...SYSTEM_ACTOR, grants: [{ role: 'home_affairs' as const, unitId: null }] }, tx: db };
  const rules = await buildRuleContext(db, referenceDate, params);
  const [product] = await screenAll(ctx, sql`TRUE`, [rules]);
  const limit = new Map((await sqlVerdicts(pool, referenceDate, params)).map((r) => [r.personId, r]));
  expect(product.length).toBe(limit.size);
  const mismatches: string[] = [];
  for (const o of product) {
    const l = limit.get(o.personId)!;
    CRITERIA.forEach((c, i) => {
      if (o.results[i] !== l[c]) mismatches.push(`${o.personId} ${c}: ts=${o.results[i]} sql=${l[c]}`);
    });
    if (o.verdict !== l.verdict) mismatches.push(`${o.personId} verdict: ts=${o.verdict} sql=${l.verdict}`);
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  return product;
}

describe('SQL and TypeScript screening agree', () => {
  it('on Plan 131 as written, with every verdict and criterion result represented', async () => {
    const product = await compare('2026-11-26', (await planInForce(t.get().db, '2026-11-26')).params);
    const verdicts = new Set(product.map((p) => p.verdict));
    expect([...verdicts].sort()).toEqual(['eligible', 'needs_info', 'not_eligible']);
    for (const [i, c] of CRITERIA.entries()) {
      const results = new Set(product.map((p) => p.results[i]));
      expect(results.has('pass'), c).toBe(true);
      expect(results.size, c).toBeGreaterThan(1);
    }
  });
  it('under other parameters and dates (4 %, 24 months, 3 years of ratings, a plan-set discipline bar)', async () => {
    const other: PlanParams = { ...PLAN_131_PARAMS, minSecondmentMonths: 24, minServiceLeftMonths: 24, ratingYearsConsidered: 3, minRatingCode: 'HT', healthCertificateMonths: 12, assessmentValidityMonths: 6, disciplineBarMonths: { KT: 6 } };
    await compare('2026-11-26', other);
    await compare('2026-01-01', other);
    await compare('2027-06-30', PLAN_131_PARAMS);
  });
});
