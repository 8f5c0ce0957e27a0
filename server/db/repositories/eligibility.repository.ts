import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { PersonFacts } from '../../domain/rules/types.js';
import { SECONDMENT_OPEN_STATUSES } from '../../../common/eligibility.js';
import { pgArray } from '../sql-helpers.js';
import { restructuredAsOf } from './org.repository.js';
import type { RatingInstrumentRow } from '../../../common/ratings.js';

export interface FactsFilter {
  /** Condition on `people p` (the actor's scope, and any unit / person filter). */
  where: SQL;
  referenceDate: string;
  ratingYears: number[];
  /**
   * Only what the rules read (a province's bulk screening): names, posts and units are left out, and the
   * qualifications and home town too unless a destination post is judged.
   */
  lean?: { withDestination: boolean };
}

/**
 * The facts the eligibility rules need, for every active person matching the filter, in one statement,
 * in Vietnamese name order. Each child table is read once for the people filtered (the filter is repeated
 * as a semi-join so the planner can hash for a province or use the indexes for a unit or one person).
 */
function factsQuery(f: FactsFilter): SQL {
  const ref = sql`${f.referenceDate}::date`;
  const restructured = restructuredAsOf('su', ref);
  return sql`
    WITH s AS MATERIALIZED (
      SELECT p.id, p.code, p.full_name, p.given_name, p.gender, p.birth_date, p.category, p.is_leader, p.position_title,
        p.unit_id, p.ethnic_code, p.education_level, p.political_theory, p.rank_code, p.health_status,
        p.health_checked_on, p.home_town_code,
        row_number() OVER (ORDER BY p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu", p.id) AS ord
      FROM people p WHERE p.status = 'active' AND ${f.where})
    SELECT s.id AS "personId", s.gender, s.birth_date AS "birthDate", s.is_leader AS "isLeader",
      ${restructured.value} AS "sendingUnitRestructuredOn", eg.is_minority AS "isMinority",
      ${
        f.lean
          ? sql``
          : sql`s.code, s.full_name AS "fullName", s.category, s.position_title AS "positionTitle", s.unit_id AS "unitId",
      u.name AS "unitName", su.id AS "sendingUnitId", su.name AS "sendingUnitName", pl.title AS "planningTitle",`
      }
      ${
        !f.lean || f.lean.withDestination
          ? sql`s.education_level AS "educationLevel", rk.grade AS "rankGrade", s.political_theory AS "politicalTheory",
      coalesce(hc.ids, '{}') AS "homeCommuneIds",`
          : sql``
      }
      (pl.person_id IS NOT NULL) AS "planningActive",
      ${sql.join(
        f.ratingYears.map((_, i) => sql.raw(`r${i}.level_code AS rc${i}`)),
        sql`, `,
      )},
      d.recs AS disciplines, pr.recs AS proceedings, cs.recs AS circumstances,
      s.health_status AS "healthStatus", s.health_checked_on AS "healthCheckedOn",
      sec.status AS "openSecondmentStatus",
      CASE WHEN a.person_id IS NULL THEN NULL ELSE json_build_object('assessedOn', a.assessed_on, 'assessorName', a.assessor_name,
        'capacityOk', a.capacity_ok, 'prestigeOk', a.prestige_ok, 'prospectsOk', a.prospects_ok, 'politicalOk', a.political_ok) END AS assessment,
      (g.person_id IS NOT NULL) AS "hasGrassrootsExperience"
    FROM s
    JOIN org_units u ON u.id = s.unit_id
    LEFT JOIN org_units su ON su.id = u.path[2] AND su.kind NOT IN ('commune', 'ward')
    ${restructured.join}
    LEFT JOIN ethnic_groups eg ON eg.code = s.ethnic_code
    LEFT JOIN ranks rk ON rk.code = s.rank_code
    LEFT JOIN (SELECT old_code, array_agg(new_unit_id ORDER BY new_unit_id) AS ids FROM legacy_communes GROUP BY old_code) hc
      ON hc.old_code = s.home_town_code
    LEFT JOIN (SELECT pe.person_id, min(pe.title) AS title FROM planning_entries pe
        WHERE pe.person_id IN (SELECT p.id FROM people p WHERE ${f.where}) AND pe.approved_on <= ${ref} AND (pe.removed_on IS NULL OR pe.removed_on > ${ref}) GROUP BY pe.person_id) pl
      ON pl.person_id = s.id
    ${sql.join(
      f.ratingYears.map((y, i) => sql`LEFT JOIN annual_ratings ${sql.raw(`r${i}`)} ON ${sql.raw(`r${i}`)}.person_id = s.id AND ${sql.raw(`r${i}`)}.year = ${y}`),
      sql`\n`,
    )}
    LEFT JOIN (SELECT dr.person_id, json_agg(json_build_object('formCode', dr.form_code, 'decidedOn', dr.decided_on,
          'effectiveFrom', dr.effective_from, 'effectiveTo', dr.effective_to, 'partyDecidedOn', dr.party_decided_on, 'barMonths', df.bar_months, 'instrument', df.instrument)
          ORDER BY dr.effective_from DESC) AS recs
        FROM discipline_records dr JOIN people dp ON dp.id = dr.person_id
        LEFT JOIN LATERAL (SELECT f.bar_months, f.instrument FROM discipline_forms f WHERE f.code = dr.form_code
            AND dp.category = ANY(f.applies_to) AND f.effective_from <= dr.decided_on
            AND (f.effective_to IS NULL OR f.effective_to >= dr.decided_on) ORDER BY f.effective_from DESC LIMIT 1) df ON TRUE
        WHERE dr.person_id IN (SELECT p.id FROM people p WHERE ${f.where})
          AND dr.effective_from <= ${ref} AND dr.effective_from > (${ref} - interval '5 years') GROUP BY dr.person_id) d
      ON d.person_id = s.id
    LEFT JOIN (SELECT pp.person_id, json_agg(json_build_object('kind', pp.kind, 'openedOn', pp.opened_on, 'closedOn', pp.closed_on,
          'documentNo', pp.document_no) ORDER BY pp.opened_on DESC, pp.id) AS recs
        FROM person_proceedings pp WHERE pp.person_id IN (SELECT p.id FROM people p WHERE ${f.where})
          AND pp.opened_on <= ${ref} AND (pp.closed_on IS NULL OR pp.closed_on >= ${ref}) GROUP BY pp.person_id) pr
      ON pr.person_id = s.id
    LEFT JOIN (SELECT pc.person_id, json_agg(json_build_object('kind', pc.kind, 'fromDate', pc.from_date, 'toDate', pc.to_date,
          'childBirthDate', pc.child_birth_date, 'consentOn', pc.consent_on) ORDER BY pc.from_date DESC, pc.id) AS recs
        FROM person_circumstances pc WHERE pc.person_id IN (SELECT p.id FROM people p WHERE ${f.where})
          AND pc.from_date <= ${ref} AND (pc.to_date IS NULL OR pc.to_date >= ${ref}) GROUP BY pc.person_id) cs
      ON cs.person_id = s.id
    LEFT JOIN (SELECT DISTINCT ON (sc.person_id) sc.person_id, sc.status FROM secondments sc
        WHERE sc.status = ANY(${pgArray(SECONDMENT_OPEN_STATUSES)}::text[]) ORDER BY sc.person_id, sc.created_at DESC) sec
      ON sec.person_id = s.id
    LEFT JOIN (SELECT DISTINCT ON (ua.person_id) ua.* FROM unit_assessments ua
        WHERE ua.person_id IN (SELECT p.id FROM people p WHERE ${f.where}) AND ua.assessed_on <= ${ref} ORDER BY ua.person_id, ua.assessed_on DESC, ua.created_at DESC) a
      ON a.person_id = s.id
    LEFT JOIN (SELECT DISTINCT wh.person_id FROM work_history wh
        WHERE wh.person_id IN (SELECT p.id FROM people p WHERE ${f.where}) AND wh.is_grassroots AND wh.from_date <= ${ref}) g
      ON g.person_id = s.id
    ORDER BY s.ord`;
}

type FactsRow = PersonFacts & Record<string, unknown>;

/** Rows as the rules read them: the ratings as an array per person, defaults for what a lean row leaves out. */
function toFacts(rows: FactsRow[], years: number[]): PersonFacts[] {
  for (const r of rows) {
    r.ratingYears = years;
    r.ratingCodes = years.map((_, i) => (r[`rc${i}`] as string | null) ?? null);
    r.disciplines ??= [];
    r.proceedings ??= [];
    r.circumstances ??= [];
    r.homeCommuneIds ??= [];
  }
  return rows;
}

export async function findPersonFacts(tx: Tx, f: FactsFilter): Promise<PersonFacts[]> {
  return toFacts((await tx.execute<FactsRow>(factsQuery(f))).rows, f.ratingYears);
}

/**
 * The same facts through a server-side cursor, a batch at a time, so a province of a million people is
 * screened in bounded memory. Runs in its own transaction (a savepoint inside the caller's).
 */
export async function streamPersonFacts(tx: Tx, f: FactsFilter, batchSize: number, onBatch: (rows: PersonFacts[]) => void): Promise<void> {
  await tx.transaction(async (t) => {
    // the per-person aggregates hash-join the whole province: give them memory rather than spill to disk
    await t.execute(sql`SET LOCAL work_mem = '64MB'`);
    // JIT compiling this wide statement costs more (over a second) than it saves
    await t.execute(sql`SET LOCAL jit = off`);
    // the whole result is read: plan for it, not for the first rows (a cursor's default picks nested loops)
    await t.execute(sql`SET LOCAL cursor_tuple_fraction = 1.0`);
    await t.execute(sql`DECLARE person_facts NO SCROLL CURSOR FOR ${factsQuery(f)}`);
    for (;;) {
      const r = await t.execute<FactsRow>(sql`FETCH ${sql.raw(String(batchSize))} FROM person_facts`);
      if (r.rows.length === 0) break;
      onBatch(toFacts(r.rows, f.ratingYears));
    }
    await t.execute(sql`CLOSE person_facts`);
  });
}

/** Rating levels in force in the years considered. */
export async function findRatingLevels(tx: Tx) {
  const r = await tx.execute<{ code: string; rank: number; name: string }>(sql`SELECT code, rank, name FROM rating_levels`);
  return new Map(r.rows.map((x) => [x.code, { rank: x.rank, name: x.name }]));
}

/** The dated rating instruments (common/ratings.ts takes these rows), all of them: a small table. */
export async function findRatingInstruments(tx: Tx): Promise<RatingInstrumentRow[]> {
  const r = await tx.execute<
    RatingInstrumentRow & Record<string, unknown>
  >(sql`SELECT category, effective_from::text AS "effectiveFrom", has_points AS "hasPoints", instrument
    FROM rating_instruments ORDER BY category, effective_from`);
  return r.rows;
}

export async function findRetirementAges(tx: Tx) {
  const r = await tx.execute<{ gender: string; fromYear: number; ageMonths: number; instrument: string }>(sql`SELECT gender,
    from_year AS "fromYear", age_months AS "ageMonths", instrument FROM retirement_ages ORDER BY gender, from_year`);
  return r.rows;
}

/** The dated key-posts table (the non-local rule picks the rows in force on its reference date). */
export async function findKeyPosts(tx: Tx) {
  const r = await tx.execute<{ title: string; level: string; effectiveFrom: string; effectiveTo: string | null; instrument: string }>(sql`SELECT title, level,
    effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo", instrument FROM key_posts ORDER BY level, effective_from, sort_order, title`);
  return r.rows;
}

export async function findDestinationPost(tx: Tx, jobPostId: string) {
  const r = await tx.execute<{
    id: string;
    title: string;
    unitId: string;
    unitName: string;
    isKeyPost: boolean;
    minEducation: string | null;
    requiredRankGrade: string | null;
    requiredPoliticalTheory: string | null;
    unitKind: string;
  }>(sql`SELECT jp.id, jp.title, jp.unit_id AS "unitId", u.name AS "unitName", u.kind AS "unitKind", jp.is_key_post AS "isKeyPost",
      jp.min_education AS "minEducation", jp.required_rank_grade AS "requiredRankGrade", jp.required_political_theory AS "requiredPoliticalTheory"
    FROM job_posts jp JOIN org_units u ON u.id = jp.unit_id WHERE jp.id = ${jobPostId}::uuid`);
  return r.rows[0] ?? null;
}

export async function insertAssessment(
  tx: Tx,
  a: {
    personId: string;
    assessedOn: string;
    assessedBy: string;
    assessorName: string;
    capacityOk: string;
    prestigeOk: string;
    prospectsOk: string;
    politicalOk: string;
    note: string | null;
  },
) {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO unit_assessments (person_id, assessed_on, assessed_by, assessor_name, capacity_ok, prestige_ok, prospects_ok, political_ok, note)
    VALUES (${a.personId}::uuid, ${a.assessedOn}::date, ${a.assessedBy}::uuid, ${a.assessorName}, ${a.capacityOk}, ${a.prestigeOk}, ${a.prospectsOk}, ${a.politicalOk}, ${a.note})
    RETURNING id`);
  return r.rows[0].id;
}
