import type pg from 'pg';
import { DEMO_TODAY } from './constants.js';

/**
 * The sending units' assessments of capacity, prestige and prospects (Plan 131 III.1.b) for most of the leaders and
 * people in planning of city-level units, dated in the months before the demo's today; a few are negative, and some
 * people are left unassessed so the screening shows "cần bổ sung thông tin" too. Deterministic (hash of the code).
 */
export async function seedDemoAssessments(client: pg.PoolClient) {
  await client.query(
    `INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok, note)
     SELECT p.id, $1::date - (abs(hashtext(p.code || 'ad')) % 200), '00000000-0000-0000-0000-000000000000', 'Thủ trưởng ' || top.name,
       CASE WHEN abs(hashtext(p.code || 'cap')) % 19 = 0 THEN 'no' ELSE 'yes' END, 'yes',
       CASE WHEN abs(hashtext(p.code || 'pro')) % 23 = 0 THEN 'no' ELSE 'yes' END, 'yes', 'Dữ liệu mẫu'
     FROM people p
     JOIN org_units u ON u.id = p.unit_id
     JOIN org_units top ON top.id = u.path[2]
     WHERE top.kind NOT IN ('commune', 'ward') AND p.status = 'active'
       AND (p.is_leader OR EXISTS (SELECT 1 FROM planning_entries pe WHERE pe.person_id = p.id))
       AND abs(hashtext(p.code || 'a')) % 10 < 6`,
    [DEMO_TODAY],
  );
}
