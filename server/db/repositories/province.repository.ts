import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { ProvinceIdentity } from '../../domain/province/province-identity.js';
import type { NationalCommune } from '../reference/load.js';

/** The province this deployment serves, or null before the first setup. */
export async function findProvince(tx: Tx): Promise<ProvinceIdentity | null> {
  const r = await tx.execute<ProvinceIdentity>(sql`SELECT code, name, level_word AS "levelWord", place_name AS "placeName",
      peoples_committee_name AS "peoplesCommitteeName" FROM province_settings`);
  return r.rows[0] ?? null;
}

/** Whether the database already holds an organisation (a demo or an earlier setup). */
export async function hasOrgUnits(tx: Tx): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM org_units LIMIT 1`);
  return r.rows.length > 0;
}

/** Serialises first setups: the second of two concurrent ones waits, then sees the first's row. */
export async function lockProvinceSetup(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tang-cuong:province-setup'))`);
}

export async function insertProvince(tx: Tx, p: ProvinceIdentity, setUpBy: string | null): Promise<void> {
  await tx.execute(sql`INSERT INTO province_settings (code, name, level_word, place_name, peoples_committee_name, set_up_by)
    VALUES (${p.code}, ${p.name}, ${p.levelWord}, ${p.placeName}, ${p.peoplesCommitteeName}, ${setUpBy}::uuid)`);
}

/** The root of the org tree: the province's People's Committee. */
export async function insertRootUnit(tx: Tx, u: { code: string; name: string; shortName: string }): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`
    WITH id AS (SELECT gen_random_uuid() AS id)
    INSERT INTO org_units (id, parent_id, path, depth, kind, code, name, short_name, sort_order)
    SELECT id.id, NULL, ARRAY[id.id], 0, 'peoples_committee', ${u.code}, ${u.name}, ${u.shortName}, 0 FROM id
    RETURNING id`);
  return r.rows[0].id;
}

/**
 * The communes and wards under the root, each with the pre-2025 communes it was formed from
 * (legacy_communes: the non-local rule and home towns read it), in two statements whatever their number.
 */
export async function insertCommunes(tx: Tx, rootId: string, communes: readonly NationalCommune[], restructuredOn: string): Promise<number> {
  const units = communes.map((c, i) => ({
    code: c.code,
    name: c.name,
    short: c.name.replace(/^(Xã|Phường|Đặc khu) /u, ''),
    // a special zone (đặc khu) is a commune-level unit: it receives cadres like a xã
    kind: c.kind === 'phuong' ? 'ward' : 'commune',
    sort: 1000 + i,
  }));
  await tx.execute(sql`
    WITH x AS (
      SELECT x.*, gen_random_uuid() AS id
      FROM json_to_recordset(${JSON.stringify(units)}::json) AS x(code text, name text, short text, kind text, sort int))
    INSERT INTO org_units (id, parent_id, path, depth, kind, code, name, short_name, restructured_on, sort_order)
    SELECT x.id, r.id, r.path || x.id, 1, x.kind, x.code, x.name, x.short, ${restructuredOn}::date, x.sort
    FROM x JOIN org_units r ON r.id = ${rootId}::uuid`);
  const legacy = communes.flatMap((c) => c.formedFrom.map((f) => ({ oldCode: f.code, oldName: f.name, newCode: c.code, match: f.type })));
  await tx.execute(sql`
    INSERT INTO legacy_communes (old_code, old_name, new_unit_id, match)
    SELECT x."oldCode", x."oldName", u.id, x.match
    FROM json_to_recordset(${JSON.stringify(legacy)}::json) AS x("oldCode" text, "oldName" text, "newCode" text, match text)
    JOIN org_units u ON u.code = x."newCode"
    ON CONFLICT DO NOTHING`);
  return units.length;
}
