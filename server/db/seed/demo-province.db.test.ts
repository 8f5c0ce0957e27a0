import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { seedDemo } from './demo.js';
import { ensureDemoAccounts } from './demo-accounts.js';
import { ensureDemoTraining } from './training.seed.js';
import { demoProvince } from './demo-province.js';
import { findNationalProvince } from '../reference/load.js';

// DEMO_PROVINCE=01: the same kind of demo on Hà Nội's wards, with nothing of Cần Thơ's; the same seed gives the same ids
const first = useTestDatabase();
const second = useTestDatabase();
const PEOPLE = 300;

beforeAll(async () => {
  // the template database holds Plan 131 for the other tests; a demo database starts empty
  for (const db of [first, second]) await db.get().pool.query('DELETE FROM plan_versions; DELETE FROM plans');
  await seedDemo(first.get().pool, { people: PEOPLE, seed: 131, province: '01' });
  await seedDemo(second.get().pool, { people: PEOPLE, seed: 131, province: '01' });
  await ensureDemoAccounts(first.get().db);
  await ensureDemoTraining(first.get().db, 2027, '2026-11-26');
});

const rows = async <T>(sql: string, db = first) => (await db.get().pool.query(sql)).rows as T[];

describe('demo of another province (DEMO_PROVINCE)', () => {
  it('builds Hà Nội: its People’s Committee, its 126 communes and wards, its province row and its own plan', async () => {
    expect(await rows(`SELECT code, name FROM province_settings`)).toEqual([{ code: '01', name: 'Thành phố Hà Nội' }]);
    expect(await rows(`SELECT code, name, short_name FROM org_units WHERE parent_id IS NULL`)).toEqual([
      { code: 'UBND', name: 'Ủy ban nhân dân thành phố Hà Nội', short_name: 'UBND thành phố Hà Nội' },
    ]);
    const communes = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM org_units WHERE kind IN ('commune', 'ward')`);
    expect(communes[0].n).toBe(findNationalProvince('01')!.communes.length);
    expect(await rows(`SELECT name FROM org_units WHERE code = '00004'`)).toEqual([{ name: 'Phường Ba Đình' }]);
    expect(await rows(`SELECT code, issued_by FROM plans`)).toEqual([{ code: '101/KH-UBND', issued_by: 'Ủy ban nhân dân thành phố Hà Nội' }]);
    const dbkk = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM org_units WHERE is_especially_disadvantaged`);
    expect(dbkk[0].n).toBe(15);
    expect(await rows(`SELECT name FROM org_units WHERE code IN ('SYT-BVDK', 'TTTP', 'SGDDT-LTT') ORDER BY code`)).toEqual([
      { name: 'Trường THPT chuyên Hà Nội' },
      { name: 'Bệnh viện Đa khoa thành phố Hà Nội' },
      { name: 'Thanh tra thành phố' },
    ]);
  });

  it('names nothing of Cần Thơ, Hậu Giang or Sóc Trăng anywhere in the data', async () => {
    const re = "'Cần Thơ|CẦN THƠ|Hậu Giang|Sóc Trăng|131/KH|Tây Đô|Ninh Kiều|Khu vực IV'";
    const hits = await rows<{ t: string; n: number }>(`
      SELECT 'org_units' AS t, count(*)::int AS n FROM org_units WHERE name ~* ${re} OR short_name ~* ${re}
      UNION ALL SELECT 'people', count(*)::int FROM people WHERE home_town_text ~* ${re}
      UNION ALL SELECT 'work_history', count(*)::int FROM work_history w WHERE row(w.*)::text ~* ${re}
      UNION ALL SELECT 'training_history', count(*)::int FROM training_history w WHERE row(w.*)::text ~* ${re}
      UNION ALL SELECT 'planning', count(*)::int FROM planning_entries w WHERE row(w.*)::text ~* ${re}
      UNION ALL SELECT 'job_posts', count(*)::int FROM job_posts w WHERE row(w.*)::text ~* ${re}
      UNION ALL SELECT 'secondments', count(*)::int FROM secondment_events w WHERE row(w.*)::text ~* ${re}
      UNION ALL SELECT 'decisions', count(*)::int FROM secondment_decisions w WHERE row(w.*)::text ~* ${re}
      UNION ALL SELECT 'courses', count(*)::int FROM training_courses w WHERE row(w.*)::text ~* ${re}
      UNION ALL SELECT 'users', count(*)::int FROM users w WHERE display_name ~* ${re}`);
    expect(hits.filter((h) => h.n > 0)).toEqual([]);
    // the ID numbers carry Hà Nội's birth-province digits (001…)
    const ids = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE home_town_code IS NOT NULL AND id_number NOT LIKE '001%'`);
    expect(ids[0].n).toBe(0);
  });

  it('gives the host account a ward of Hà Nội and says "thành phố" of its leaders', async () => {
    const accounts = await rows<{ username: string; unit: string | null; display_name: string }>(`SELECT u.username, o.name AS unit, u.display_name
      FROM users u JOIN role_grants g ON g.user_id = u.id LEFT JOIN org_units o ON o.id = g.unit_id WHERE u.username IN ('xa', 'lanhdao') ORDER BY u.username`);
    expect(accounts).toEqual([
      { username: 'lanhdao', unit: null, display_name: 'Lãnh đạo UBND thành phố' },
      { username: 'xa', unit: 'Phường Ba Đình', display_name: 'Cán bộ Phường Ba Đình' },
    ]);
  });

  it('is deterministic for the same seed and province, ids included', async () => {
    const q = `SELECT md5(string_agg(id::text || code || name, ',' ORDER BY id)) AS h FROM org_units`;
    const p = `SELECT md5(string_agg(id::text || code || full_name || id_number, ',' ORDER BY id)) AS h FROM people`;
    expect(await rows(q)).toEqual(await rows(q, second));
    expect(await rows(p)).toEqual(await rows(p, second));
  });
});

describe('the old province of a pre-2025 commune', () => {
  it('is exact for Cần Thơ and for a province formed from one, by equal runs of codes for a merged one', () => {
    const ct = demoProvince('92');
    expect([ct.oldProvinceOf('31117'), ct.oldProvinceOf('31315'), ct.oldProvinceOf('31321'), ct.oldProvinceOf('31500')]).toEqual(['92', '92', '93', '94']);
    expect(demoProvince('01').oldProvinceOf('00004')).toBe('01');
    // Tuyên Quang = Hà Giang (02) + Tuyên Quang (08): Hà Giang's communes have the lower codes
    const tq = demoProvince('08');
    expect(tq.oldProvinces).toEqual(['02', '08']);
    expect(tq.oldProvinceOf('00688')).toBe('02');
    expect(tq.oldProvinceOf('02500')).toBe('08');
    expect(() => demoProvince('99')).toThrow(/99/);
  });
});
