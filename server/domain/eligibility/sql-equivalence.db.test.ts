import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { seedDemo } from '../../db/seed/demo.js';
import { buildRuleContext } from './rule-context.js';
import { planInForce } from '../plans/plan-in-force.js';
import { screenAll, screenAllByRules } from './screen-people.js';
import { PLAN_131_PARAMS, type PlanParams } from '../../../common/plan-params.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { RULE_REGISTRY } from '../rules/screen-person.js';
import { SQL_TWINS } from '../../db/repositories/screening-verdicts.repository.js';
import { CRITERIA } from '../../../common/eligibility.js';

/**
 * The bulk screening computes verdicts in one SQL statement (screening-verdicts.repository); the explanation
 * of a person, and any screening against a destination post, runs the rules in TypeScript on the facts.
 * The two must agree criterion by criterion, and on target group and priority, on the demo data and on data
 * made odd on purpose. The criteria are those of the rules registry: each has its SQL twin, named after its
 * rule file, unless it is judged only against a destination post.
 */
const t = useTestDatabase();
const twinned = RULE_REGISTRY.filter((r) => !r.needsDestination);

describe('every criterion of the rules registry has its SQL twin', () => {
  it('named after its rule file, judging the same criterion; none without a rule', () => {
    expect(RULE_REGISTRY.map((r) => r.criterion)).toEqual([...CRITERIA]);
    const twins: Record<string, { criterion: string }> = SQL_TWINS;
    for (const r of RULE_REGISTRY) {
      if (r.needsDestination) expect(twins[r.file], `${r.file} is judged in TypeScript only`).toBeUndefined();
      else expect(twins[r.file]?.criterion, `${r.file} has no SQL twin`).toBe(r.criterion);
    }
    expect(Object.keys(twins).sort()).toEqual(twinned.map((r) => r.file).sort());
  });
});

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
    FROM people p JOIN org_units u ON u.id = p.unit_id WHERE abs(hashtext(p.code || 's')) % 20 = 0 AND u.depth >= 1
      AND NOT EXISTS (SELECT 1 FROM secondments x WHERE x.person_id = p.id)`);
  await pool.query(`INSERT INTO rating_levels (code, name, rank, effective_from, instrument) VALUES ('CU', 'Mức cũ', 9, '1990-01-01', 'x') ON CONFLICT DO NOTHING`);
  await pool.query(`UPDATE annual_ratings SET level_code = 'ZZ' WHERE abs(hashtext(person_id::text || year)) % 97 = 0`);
  await pool.query(`UPDATE people SET health_status = NULL WHERE abs(hashtext(code || 'h')) % 41 = 0`);
  await pool.query(`UPDATE people SET health_checked_on = NULL WHERE abs(hashtext(code || 'hc')) % 43 = 0`);
  await pool.query(
    `INSERT INTO discipline_forms (code, name, applies_to, bar_months, effective_from, instrument) VALUES ('XX', 'Hình thức lạ', '{can_bo,cong_chuc,vien_chuc}', 0, '2099-01-01', 'x') ON CONFLICT DO NOTHING`,
  );
  await pool.query(`
    INSERT INTO discipline_records (person_id, form_code, decided_on, effective_from, effective_to)
    SELECT id, (ARRAY['KT','CC','XX'])[1 + abs(hashtext(code || 'f')) % 3], DATE '2025-11-20', DATE '2025-11-27' - (abs(hashtext(code)) % 3),
      CASE WHEN abs(hashtext(code || 'e')) % 4 = 0 THEN DATE '2026-12-31' END
    FROM people WHERE abs(hashtext(code || 'd')) % 25 = 0`);
  await pool.query(`UPDATE people SET birth_date = DATE '1964-11-26' + (abs(hashtext(code)) % 900), gender = 'male' WHERE abs(hashtext(code || 'b')) % 15 = 0`);
  await pool.query(`UPDATE people SET birth_date = DATE '1969-11-26' + (abs(hashtext(code)) % 900), gender = 'female' WHERE abs(hashtext(code || 'g')) % 15 = 1`);
  // proceedings around the reference dates: open, closed the day itself, closed the day after, opened the day after
  await pool.query(`
    INSERT INTO person_proceedings (person_id, kind, opened_on, closed_on, outcome)
    SELECT id, (ARRAY['discipline_case','investigation','prosecution','trial','inspection'])[1 + abs(hashtext(code || 'k')) % 5],
      (ARRAY[DATE '2026-03-01', DATE '2026-11-26', DATE '2026-11-27', DATE '2025-12-31'])[1 + abs(hashtext(code || 'o')) % 4],
      (ARRAY[NULL, DATE '2026-11-26', DATE '2026-11-27', DATE '2026-01-01', DATE '2027-06-30'])[1 + abs(hashtext(code || 'cl')) % 5],
      'Đã kết luận'
    FROM people WHERE abs(hashtext(code || 'pr')) % 19 = 0`);
  // circumstances: every kind, consent before / on / after the date, children turning three on the reference dates or with no birth date
  await pool.query(`
    INSERT INTO person_circumstances (person_id, kind, from_date, to_date, child_birth_date, consent_on)
    SELECT id, k.kind, DATE '2025-06-01', (ARRAY[NULL, DATE '2026-11-26', DATE '2026-11-25', DATE '2027-06-30'])[1 + abs(hashtext(code || 't')) % 4],
      CASE WHEN k.kind = 'child_under_36_months' THEN (ARRAY[NULL, DATE '2023-11-26', DATE '2023-11-27', DATE '2024-06-30', DATE '2023-01-01'])[1 + abs(hashtext(code || 'cb')) % 5] END,
      (ARRAY[NULL, NULL, DATE '2026-11-26', DATE '2026-11-27', DATE '2025-12-31'])[1 + abs(hashtext(code || 'cs')) % 5]
    FROM people, LATERAL (SELECT (ARRAY['serious_illness','long_term_study','pregnancy','maternity_leave','child_under_36_months','family_hardship',
      'child_under_36_months','child_under_36_months'])[1 + abs(hashtext(code || 'ck')) % 8] AS kind) k
    WHERE abs(hashtext(code || 'ci')) % 13 = 0`);
  await pool.query('ANALYZE');
});

async function compare(referenceDate: string, params: PlanParams) {
  const { db } = t.get();
  const ctx = { actor: { ...SYSTEM_ACTOR, grants: [{ role: 'home_affairs' as const, unitId: null }] }, tx: db, today: referenceDate };
  const rules = await buildRuleContext(db, referenceDate, params);
  const [bySql] = await screenAll(ctx, sql`TRUE`, [rules]);
  const [byTs] = await screenAllByRules(ctx, sql`TRUE`, [rules]);
  expect(bySql.length).toBe(byTs.length);
  const mismatches: string[] = [];
  bySql.forEach((s, i) => {
    const r = byTs[i];
    if (s.personId !== r.personId) mismatches.push(`order at ${i}: sql=${s.personId} ts=${r.personId}`);
    RULE_REGISTRY.forEach(({ file }, j) => {
      if (s.results[j] !== r.results[j]) mismatches.push(`${r.personId} ${file}: ts=${r.results[j]} sql=${s.results[j]}`);
    });
    if (s.verdict !== r.verdict) mismatches.push(`${r.personId} verdict: ts=${r.verdict} sql=${s.verdict}`);
    if (s.targetGroup !== r.targetGroup) mismatches.push(`${r.personId} group: ts=${r.targetGroup} sql=${s.targetGroup}`);
    if (s.score !== r.score) mismatches.push(`${r.personId} score: ts=${r.score} sql=${s.score}`);
  });
  expect(mismatches.slice(0, 10)).toEqual([]);
  return byTs;
}

describe('SQL and TypeScript screening agree', () => {
  it('on Plan 131 as written, with every verdict, criterion result and target group represented', async () => {
    const product = await compare('2026-11-26', (await planInForce(t.get().db, '2026-11-26')).params);
    expect(new Set(product.map((p) => p.targetGroup)).size).toBe(3);
    expect(new Set(product.map((p) => p.score)).size).toBeGreaterThan(3);
    const verdicts = new Set(product.map((p) => p.verdict));
    expect([...verdicts].sort()).toEqual(['eligible', 'needs_info', 'not_eligible']);
    RULE_REGISTRY.forEach((r, i) => {
      const results = new Set(product.map((p) => p.results[i]));
      if (r.needsDestination) {
        expect([...results], r.file).toEqual(['na']);
        return;
      }
      // the data exercises each twin: a criterion added without a case here fails
      expect(results.has('pass'), r.file).toBe(true);
      expect(results.size, r.file).toBeGreaterThan(1);
    });
  });
  it('under other parameters and dates (4 %, 24 months, 3 years of ratings, a plan-set discipline bar)', async () => {
    const other: PlanParams = {
      ...PLAN_131_PARAMS,
      minSecondmentMonths: 24,
      minServiceLeftMonths: 24,
      ratingYearsConsidered: 3,
      minRatingCode: 'HT',
      healthCertificateMonths: 12,
      assessmentValidityMonths: 6,
      disciplineBarMonths: { KT: 6 },
      youngAgeThreshold: 35,
      priorityWeights: { young: 1.5, female: 2, ethnicMinority: 3, outstandingRating: 0.5 },
    };
    await compare('2026-11-26', other);
    await compare('2026-01-01', other);
    await compare('2027-06-30', PLAN_131_PARAMS);
  });
});
