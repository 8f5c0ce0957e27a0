import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { CadreListQuery } from '../../../common/schemas/personnel.js';
import { listConditions, PERSON_COLUMNS } from './personnel.repository.js';

const personSelect = sql.raw(
  Object.entries(PERSON_COLUMNS)
    .map(([k, c]) => `p.${c} AS "${k}"`)
    .join(', '),
);

/** How many people match the list's filters within the scope, counting no further than `cap`. */
export async function countCadresForExport(tx: Tx, q: CadreListQuery, scope: SQL, cap: number): Promise<number> {
  const where = sql.join(listConditions(q, scope), sql` AND `);
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM people p WHERE ${where} LIMIT ${cap}) s`);
  return r.rows[0].n;
}

/** The next page of matching people after `afterCode` (keyset on the unique code: no OFFSET walk), with display names and whether the row's sensitive fields may be shown. */
export async function findCadreExportPage(tx: Tx, q: CadreListQuery, scope: SQL, afterCode: string | null, limit: number, sensitiveOk: SQL = sql`FALSE`) {
  const where = sql.join([...listConditions(q, scope), afterCode === null ? sql`TRUE` : sql`p.code > ${afterCode}`], sql` AND `);
  const r = await tx.execute<Record<string, unknown> & { code: string }>(sql`
    SELECT p.code, ${personSelect}, u.code AS "unitCode", u.name AS "unitName", eg.name AS "ethnicName", (${sensitiveOk}) AS "sensitiveOk",
      (SELECT lc.old_name FROM legacy_communes lc WHERE lc.old_code = p.home_town_code LIMIT 1) AS "homeTownName"
    FROM people p JOIN org_units u ON u.id = p.unit_id LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code
    WHERE ${where} ORDER BY p.code LIMIT ${limit}`);
  return r.rows;
}
