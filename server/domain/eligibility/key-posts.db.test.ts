import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { makeUnit, type UnitRef } from '../../../test/support/factories.js';
import { buildRuleContext } from './rule-context.js';
import { nonLocalRule } from '../rules/non-local.rule.js';
import { eligibleFacts } from '../../../test/support/rule-facts.js';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';
import { KEY_POSTS_2025_INSTRUMENT } from '../../db/reference/reference-data.js';

/** The commune key posts ship as dated reference rows (runMigrations) and the screening's context reads them. */
const t = useTestDatabase();
let commune: UnitRef;
const post = async (title: string) =>
  (await t.get().pool.query<{ id: string }>(`INSERT INTO job_posts (unit_id, title, is_leadership) VALUES ($1, $2, true) RETURNING id`, [commune.id, title])).rows[0]
    .id;

beforeAll(async () => {
  const root = await makeUnit(t.get().pool, { kind: 'peoples_committee' });
  commune = await makeUnit(t.get().pool, { parent: root, kind: 'commune', name: 'Xã Khóa Thử' });
});

describe('key posts from the database', () => {
  it('ships the six commune key posts from 01/07/2025 with their instrument', async () => {
    const r = await t.get().pool.query(`SELECT title, level, effective_from::text AS "from", effective_to, instrument FROM key_posts ORDER BY sort_order`);
    expect(r.rows.map((x) => x.title)).toEqual([
      'Bí thư Đảng ủy',
      'Phó Bí thư Đảng ủy',
      'Chủ tịch HĐND',
      'Chủ tịch UBND',
      'Chủ tịch Ủy ban MTTQ',
      'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy',
    ]);
    for (const x of r.rows) expect(x).toMatchObject({ level: 'commune', from: '2025-07-01', effective_to: null, instrument: KEY_POSTS_2025_INSTRUMENT });
  });

  it('a local person for an unflagged Chủ tịch UBND post fails on the reference date; Trưởng phòng Tài chính is not key', async () => {
    const local = eligibleFacts({ homeCommuneIds: [commune.id] });
    const chair = await buildRuleContext(t.get().db, '2026-11-26', PLAN_131_PARAMS, await post('Chủ tịch Ủy ban nhân dân'));
    expect(chair.keyPosts).toHaveLength(6);
    const v = nonLocalRule(local, chair);
    expect(v).toMatchObject({ result: 'fail', clause: expect.stringContaining('Chỉ thị 45-CT/TW') });
    expect(v.reason).toMatch(/Xã Khóa Thử/);
    const finance = await buildRuleContext(t.get().db, '2026-11-26', PLAN_131_PARAMS, await post('Trưởng phòng Tài chính'));
    expect(nonLocalRule(local, finance).result).toBe('na');
    // before the two-level government the 2025 list is not in force
    const early = await buildRuleContext(t.get().db, '2025-06-30', PLAN_131_PARAMS, await post('Chủ tịch UBND'));
    expect(nonLocalRule(local, early).result).toBe('na');
  });
});
