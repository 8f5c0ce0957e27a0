import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/test-database.js';
import { DEMO_TODAY, loadCommunes } from './constants.js';
import { seedDemo, type SeedDemoResult } from './demo.js';
import { seedOrgTree } from './org.seed.js';
import { seedPeople } from './people.seed.js';
import { hashString, mixSeed, Rng } from './random.js';
import { seedPlan131 } from './plan-131.seed.js';

// Two databases seeded with the same seed: the data must be the same, ids included. A third one gets its
// people from seedPeople run on its own, reading the org tree back from the database.
const first = useTestDatabase();
const second = useTestDatabase();
const third = useTestDatabase();
const PEOPLE = 2000;
let result: SeedDemoResult;

async function rows<T = Record<string, unknown>>(sql: string, params: unknown[] = [], db = first): Promise<T[]> {
  return (await db.get().pool.query(sql, params)).rows as T[];
}
async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = [], db = first): Promise<T> {
  return (await rows<T>(sql, params, db))[0];
}

beforeAll(async () => {
  result = await seedDemo(first.get().pool, { people: PEOPLE, seed: 131 });
  await seedDemo(second.get().pool, { people: PEOPLE, seed: 131 });
  const client = await third.get().pool.connect();
  try {
    await client.query('BEGIN');
    await seedPlan131(client);
    await seedOrgTree(client, new Rng(mixSeed(131, hashString('org'))), { people: PEOPLE });
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  await seedPeople(third.get().pool, { count: PEOPLE, seed: 131, batchSize: 700 });
});

describe('seedDemo', () => {
  it('creates the data once and leaves a seeded database alone', async () => {
    expect(result).toMatchObject({ created: true, people: PEOPLE });
    const again = await seedDemo(first.get().pool, { people: 50, seed: 7 });
    expect(again).toEqual({ created: false });
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM people')).n).toBe(PEOPLE);
  });

  it('has the 103 communes and wards and the whole old-to-new mapping of the reference file', async () => {
    const communes = loadCommunes();
    const kinds = await rows<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM org_units WHERE kind IN ('commune', 'ward') GROUP BY kind ORDER BY kind`,
    );
    expect(kinds).toEqual([
      { kind: 'commune', n: communes.filter((c) => c.kind === 'xa').length },
      { kind: 'ward', n: communes.filter((c) => c.kind === 'phuong').length },
    ]);
    expect(kinds.reduce((a, k) => a + k.n, 0)).toBe(103);
    const mapping = await rows<{ pair: string }>(
      `SELECT l.old_code || '>' || u.code || ':' || l.match AS pair FROM legacy_communes l JOIN org_units u ON u.id = l.new_unit_id`,
    );
    const expected = communes.flatMap((c) => c.formedFrom.map((f) => `${f.code}>${c.code}:${f.type}`));
    expect(mapping.map((m) => m.pair).sort()).toEqual(expected.sort());
    const dbkk = await rows<{ kind: string }>('SELECT kind FROM org_units WHERE is_especially_disadvantaged');
    expect(dbkk.length).toBe(15);
    expect(dbkk.every((u) => u.kind === 'commune')).toBe(true);
  });

  it('keeps every unit path equal to its parent chain', async () => {
    const bad = await one<{ n: number }>(`SELECT count(*)::int AS n FROM org_units c LEFT JOIN org_units p ON p.id = c.parent_id
      WHERE (c.parent_id IS NULL AND c.path <> ARRAY[c.id])
         OR (c.parent_id IS NOT NULL AND (p.id IS NULL OR c.path <> p.path || c.id))
         OR c.depth <> cardinality(c.path) - 1`);
    expect(bad.n).toBe(0);
    const roots = await rows('SELECT code FROM org_units WHERE parent_id IS NULL');
    expect(roots).toEqual([{ code: 'UBND' }]);
    const depts = await one<{ n: number }>(`SELECT count(*)::int AS n FROM org_units WHERE code IN ('SNV', 'SYT') AND depth = 1`);
    expect(depts.n).toBe(2);
  });

  it('puts every person in an existing unit, within its assigned staffing', async () => {
    const orphans = await one<{ n: number }>('SELECT count(*)::int AS n FROM people p LEFT JOIN org_units u ON u.id = p.unit_id WHERE u.id IS NULL');
    expect(orphans.n).toBe(0);
    const over = await rows(`SELECT u.code, s.year, s.assigned_staffing, count(p.id) AS headcount
      FROM org_unit_staffing s JOIN org_units u ON u.id = s.unit_id
      LEFT JOIN org_units d ON d.path @> ARRAY[u.id]
      LEFT JOIN people p ON p.unit_id = d.id
      GROUP BY u.code, s.year, s.assigned_staffing HAVING count(p.id) > s.assigned_staffing`);
    expect(over).toEqual([]);
    const staffed = await one<{ n: number }>(`SELECT count(DISTINCT unit_id)::int AS n FROM org_unit_staffing WHERE year = 2026`);
    expect(staffed.n).toBe((await one<{ n: number }>('SELECT count(*)::int AS n FROM org_units WHERE depth = 1')).n);
    const cityShare = await one<{ share: number }>(`SELECT avg((u.kind NOT IN ('commune', 'ward'))::int)::float AS share
      FROM people p JOIN org_units u ON u.id = p.unit_id`);
    expect(cityShare.share).toBeGreaterThan(0.65);
    expect(cityShare.share).toBeLessThan(0.75);
  });

  it('gives plausible people: ages 23–60, both genders, Khmer and Hoa cadres, NFC names', async () => {
    const ages = await one<{ lo: number; hi: number }>(
      `SELECT min(extract(year FROM age($1::date, birth_date)))::int AS lo,
      max(extract(year FROM age($1::date, birth_date)))::int AS hi FROM people`,
      [DEMO_TODAY],
    );
    expect(ages.lo).toBeGreaterThanOrEqual(23);
    expect(ages.hi).toBeLessThanOrEqual(60);
    const female = await one<{ share: number }>(`SELECT avg((gender = 'female')::int)::float AS share FROM people`);
    expect(female.share).toBeGreaterThan(0.35);
    expect(female.share).toBeLessThan(0.55);
    const ethnic = await rows<{ ethnic_code: string }>(`SELECT DISTINCT ethnic_code FROM people WHERE ethnic_code IN ('04', '05')`);
    expect(ethnic.map((e) => e.ethnic_code).sort()).toEqual(['04', '05']);
    const badNames = await one<{ n: number }>(`SELECT count(*)::int AS n FROM people
      WHERE full_name <> normalize(full_name, NFC) OR given_name <> regexp_replace(full_name, '^.* ', '') OR full_name !~ ' '`);
    expect(badNames.n).toBe(0);
    const recruited = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM people
      WHERE recruited_on < birth_date + interval '21 years' OR recruited_on > $1::date`,
      [DEMO_TODAY],
    );
    expect(recruited.n).toBe(0);
    const found = await one<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE f_unaccent(lower(full_name)) LIKE '%nguyen van duc%'`);
    expect(found.n).toBeGreaterThan(0);
  });

  it('derives every salary coefficient from the rank table at the person’s step', async () => {
    const bad = await one<{ n: number; total: number }>(`SELECT count(*) FILTER (WHERE r.code IS NULL OR p.salary_step NOT BETWEEN 1 AND cardinality(r.coefficients)
        OR p.salary_coefficient IS DISTINCT FROM r.coefficients[p.salary_step])::int AS n, count(*)::int AS total
      FROM people p LEFT JOIN ranks r ON r.code = p.rank_code`);
    expect(bad).toEqual({ n: 0, total: PEOPLE });
  });

  it('links job posts of the person’s own unit, and keeps key posts for every commune', async () => {
    const bad = await one<{ n: number }>(`SELECT count(*)::int AS n FROM people p JOIN job_posts j ON j.id = p.job_post_id
      WHERE j.unit_id <> p.unit_id OR j.title <> p.position_title`);
    expect(bad.n).toBe(0);
    const key = await one<{ n: number }>(`SELECT count(DISTINCT j.unit_id)::int AS n FROM job_posts j JOIN org_units u ON u.id = j.unit_id
      WHERE u.kind IN ('commune', 'ward') AND j.title = 'Chủ tịch UBND' AND j.is_key_post`);
    expect(key.n).toBe(103);
  });

  it('keeps histories consistent in time', async () => {
    const future = await one<{ n: number }>(`SELECT count(*)::int AS n FROM annual_ratings WHERE year >= extract(year FROM $1::date)`, [DEMO_TODAY]);
    expect(future.n).toBe(0);
    const levels = await rows<{ level_code: string }>('SELECT DISTINCT level_code FROM annual_ratings ORDER BY 1');
    expect(levels.map((l) => l.level_code)).toEqual(['HT', 'HTT', 'HTXS', 'KHT']);
    const discipline = await one<{ bad: number; total: number }>(
      `SELECT count(*) FILTER (WHERE effective_to < effective_from
        OR effective_from < decided_on OR decided_on > $1::date)::int AS bad, count(*)::int AS total FROM discipline_records`,
      [DEMO_TODAY],
    );
    expect(discipline.bad).toBe(0);
    expect(discipline.total).toBeGreaterThan(0);
    const partyDiscipline = await one<{ n: number; bad: number }>(
      `SELECT count(*) FILTER (WHERE party_decided_on IS NOT NULL)::int AS n,
        count(*) FILTER (WHERE party_decided_on > decided_on OR (party_decided_on IS NOT NULL AND effective_to IS NOT NULL))::int AS bad
       FROM discipline_records`,
    );
    expect(partyDiscipline.n).toBeGreaterThan(0);
    expect(partyDiscipline.bad).toBe(0);
    const forms = await one<{ n: number }>(`SELECT count(*)::int AS n FROM discipline_records d
      WHERE NOT EXISTS (SELECT 1 FROM discipline_forms f WHERE f.code = d.form_code AND f.effective_from <= d.effective_from
        AND (f.effective_to IS NULL OR f.effective_to >= d.effective_from))`);
    expect(forms.n).toBe(0);
    const work = await one<{ open: number; people: number; bad: number }>(`SELECT
        count(*) FILTER (WHERE w.to_date IS NULL)::int AS open, count(DISTINCT w.person_id)::int AS people,
        count(*) FILTER (WHERE w.to_date < w.from_date OR w.from_date < p.recruited_on)::int AS bad
      FROM work_history w JOIN people p ON p.id = w.person_id`);
    expect(work).toEqual({ open: PEOPLE, people: PEOPLE, bad: 0 });
    const planning = await one<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT title, term FROM planning_entries
      GROUP BY title, term HAVING count(*) > 3) x`);
    expect(planning.n).toBe(0);
    const party = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM people
      WHERE party_official_on <> party_joined_on + interval '1 year' OR party_official_on > $1::date`,
      [DEMO_TODAY],
    );
    expect(party.n).toBe(0);
  });

  it('records open cases and barring circumstances, dated consistently, for a few people', async () => {
    const proceedings = await rows<{ kind: string; open: boolean; n: number }>(
      `SELECT kind, closed_on IS NULL AS open, count(*)::int AS n FROM person_proceedings GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(proceedings.find((r) => r.kind === 'discipline_case' && r.open)?.n).toBeGreaterThan(0);
    expect(proceedings.find((r) => r.kind === 'discipline_case' && !r.open)?.n).toBeGreaterThan(0);
    const badProceedings = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM person_proceedings WHERE opened_on > $1::date OR closed_on < opened_on OR closed_on > $1::date`,
      [DEMO_TODAY],
    );
    expect(badProceedings.n).toBe(0);
    const circumstances = await rows<{ kind: string }>('SELECT DISTINCT kind FROM person_circumstances ORDER BY 1');
    expect(circumstances.map((c) => c.kind)).toEqual(expect.arrayContaining(['child_under_36_months', 'maternity_leave', 'pregnancy']));
    // only women carry pregnancy, maternity leave and a young child here, and a child is born before the record starts
    const bad = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM person_circumstances c JOIN people p ON p.id = c.person_id
      WHERE (c.kind IN ('pregnancy', 'maternity_leave', 'child_under_36_months') AND p.gender <> 'female')
         OR (c.kind = 'child_under_36_months' AND (c.child_birth_date IS NULL OR c.child_birth_date > $1::date))
         OR c.to_date < c.from_date OR c.consent_on > $1::date`,
      [DEMO_TODAY],
    );
    expect(bad.n).toBe(0);
    const consented = await one<{ n: number }>(`SELECT count(*)::int AS n FROM person_circumstances WHERE consent_on IS NOT NULL`);
    expect(consented.n).toBeGreaterThan(0);
  });

  it('makes the same data from the same seed, ids included', async () => {
    const sql = 'SELECT id, code, full_name, unit_id FROM people ORDER BY code LIMIT 10';
    const a = await rows(sql);
    expect(a).toHaveLength(10);
    expect(await rows(sql, [], second)).toEqual(a);
    const digest = `SELECT md5(string_agg(concat_ws('|', p.id, p.code, p.full_name, p.birth_date, p.unit_id, p.rank_code, p.salary_step,
        (SELECT string_agg(w.id::text || w.organisation, ',' ORDER BY w.from_date) FROM work_history w WHERE w.person_id = p.id)), ',' ORDER BY p.code)) AS h
      FROM people p`;
    expect(await one(digest, [], second)).toEqual(await one(digest));
    // the org tree read back from the database and another batch size give the same people
    expect(await one(digest, [], third)).toEqual(await one(digest));
    const units = "SELECT md5(string_agg(id::text || code, ',' ORDER BY code)) AS h FROM org_units";
    expect(await one(units, [], second)).toEqual(await one(units));
  });
});
