import type pg from 'pg';
import { PLAN_131_PARAMS } from '../../../common/plan-params.js';
import { PLAN_TEMPLATES } from '../../../common/plan-templates.js';
import { Rng } from './random.js';
import { insertRows } from '../reference/reference-data.js';

export const PLAN_131 = {
  code: '131/KH-UBND',
  title: PLAN_TEMPLATES[0].title,
  issuedBy: 'Ủy ban nhân dân thành phố Cần Thơ',
  issuedOn: '2025-06-03',
};

/**
 * Inserts Plan 131 (version 1, from the 'plan-131' template of common/plan-templates.ts) for the demo and the tests — or, for another demo province, the same plan (title,
 * date, parameters) under the code and issuer given, with ids fixed so that they are the same in every
 * demo database. Idempotent. The reference tables come with the migrations (server/db/reference).
 */
export async function seedPlan131(client: pg.PoolClient, plan: { code: string; issuedBy: string } = PLAN_131): Promise<{ planId: string; planVersionId: string }> {
  // fixed ids: the plan is the same in every demo database
  const rng = new Rng(131_2025);
  const planId = rng.uuid();
  const planVersionId = rng.uuid();
  await insertRows(
    client,
    'plans',
    ['id', 'code', 'title', 'issued_by', 'issued_on', 'template'],
    [[planId, plan.code, PLAN_131.title, plan.issuedBy, PLAN_131.issuedOn, PLAN_TEMPLATES[0].id]],
  );
  const row = await client.query<{ id: string }>('SELECT id FROM plans WHERE code = $1', [plan.code]);
  await insertRows(
    client,
    'plan_versions',
    ['id', 'plan_id', 'version', 'effective_from', 'params', 'note'],
    [[planVersionId, row.rows[0].id, 1, '2025-06-03', JSON.stringify(PLAN_131_PARAMS), `Theo Kế hoạch số ${plan.code} ngày 03/06/2025`]],
  );
  const version = await client.query<{ id: string }>('SELECT id FROM plan_versions WHERE plan_id = $1 AND version = 1', [row.rows[0].id]);
  return { planId: row.rows[0].id, planVersionId: version.rows[0].id };
}
