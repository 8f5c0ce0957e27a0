import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { setUpProvince, listNationalProvinces } from './set-up-province.js';
import { findProvince } from '../../db/repositories/province.repository.js';
import { runMigrations } from '../../db/migrate.js';
import { AppError } from '../errors.js';

const handle = useTestDatabase();
const ctx = (tx: Parameters<Parameters<ReturnType<typeof handle.get>['db']['transaction']>[0]>[0]) => ({ actor: SYSTEM_ACTOR, tx, today: '2026-12-03' });

describe('first setup of a province (one deployment, one province)', () => {
  it('lists the 34 provinces of the national list', () => {
    const list = listNationalProvinces();
    expect(list).toHaveLength(34);
    expect(list.find((p) => p.code === '01')).toMatchObject({ name: 'Thành phố Hà Nội', communes: 126 });
    expect(list.reduce((n, p) => n + p.communes, 0)).toBe(3321);
  });

  it('refuses an unknown code and changes nothing', async () => {
    const db = handle.get().db;
    await expect(db.transaction((tx) => setUpProvince(ctx(tx), '99'))).rejects.toThrow(AppError);
    expect(await findProvince(db)).toBeNull();
  });

  it('creates Hà Nội: its People’s Committee, 126 communes and wards with their pre-2025 lineage; a second setup is refused', async () => {
    const db = handle.get().db;
    const r = await db.transaction((tx) => setUpProvince(ctx(tx), '01'));
    expect(r.province).toEqual({
      code: '01',
      name: 'Thành phố Hà Nội',
      levelWord: 'thành phố',
      placeName: 'Hà Nội',
      peoplesCommitteeName: 'Ủy ban nhân dân thành phố Hà Nội',
    });
    const counts = await db.execute<{ root: string; communes: number; legacy: number; audit: number }>(sql`SELECT
      (SELECT name FROM org_units WHERE parent_id IS NULL) AS root,
      (SELECT count(*)::int FROM org_units WHERE kind IN ('commune', 'ward') AND depth = 1) AS communes,
      (SELECT count(DISTINCT (old_code, new_unit_id))::int FROM legacy_communes) AS legacy,
      (SELECT count(*)::int FROM audit_log WHERE entity_type = 'province_settings') AS audit`);
    expect(counts.rows[0]).toEqual({ root: 'Ủy ban nhân dân thành phố Hà Nội', communes: 126, legacy: r.legacyCommunes, audit: 1 });
    // Phường Ba Đình was formed from Trúc Bạch (whole) and Ngọc Hà (part) among others
    const baDinh = await db.execute<{ old: string; match: string }>(sql`SELECT l.old_name AS old, l.match FROM legacy_communes l
      JOIN org_units u ON u.id = l.new_unit_id WHERE u.code = '00004' ORDER BY l.old_code`);
    expect(baDinh.rows.slice(0, 3)).toEqual([
      { old: 'Phường Trúc Bạch', match: 'full' },
      { old: 'Phường Quán Thánh', match: 'full' },
      { old: 'Phường Ngọc Hà', match: 'partial' },
    ]);
    const err = await db.transaction((tx) => setUpProvince(ctx(tx), '92')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('Thành phố Hà Nội');
    expect((await findProvince(db))?.code).toBe('01');
  });

  it('migrate again adds no reference row and leaves a user’s correction in place', async () => {
    const database = handle.get();
    const db = database.db;
    const count = async () =>
      (
        await db.execute<{ n: string }>(sql`SELECT (SELECT count(*) FROM ranks) + (SELECT count(*) FROM base_salaries) + (SELECT count(*) FROM discipline_forms)
          + (SELECT count(*) FROM ethnic_groups) + (SELECT count(*) FROM retirement_ages) + (SELECT count(*) FROM rating_levels)
          + (SELECT count(*) FROM training_regulations) AS n`)
      ).rows[0].n;
    const before = await count();
    await db.execute(sql`UPDATE ranks SET name = 'Chuyên viên (sửa)' WHERE code = '01.003'`);
    await db.execute(sql`DELETE FROM base_salaries WHERE effective_from = '2026-07-01'`); // as if a later release added it
    await runMigrations(database);
    await runMigrations(database);
    expect(await count()).toBe(before);
    const r = await db.execute<{ name: string }>(sql`SELECT name FROM ranks WHERE code = '01.003'`);
    expect(r.rows[0].name).toBe('Chuyên viên (sửa)');
    const bs = await db.execute<{ amount: number }>(sql`SELECT amount_vnd AS amount FROM base_salaries WHERE effective_from = '2026-07-01'`);
    expect(bs.rows[0].amount).toBe(2_530_000);
  });
});
