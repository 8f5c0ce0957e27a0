import { sql, type SQL } from 'drizzle-orm';
import { allOf, pgArray } from '../sql-helpers.js';
import type { Tx } from '../client.js';
import type { CadreListItem, CadreListQuery, CadreProfile } from '../../../common/schemas/personnel.js';
import type { Category, EducationLevel, Gender, HealthStatus, PersonStatus, PoliticalTheory } from '../../../common/enums.js';
import { inSubtree } from '../scope.js';

/** Columns of `people` as the API names them, mapped to their SQL names. Updates go through this list only. */
export const PERSON_COLUMNS = {
  fullName: 'full_name',
  gender: 'gender',
  birthDate: 'birth_date',
  ethnicCode: 'ethnic_code',
  religion: 'religion',
  idNumber: 'id_number',
  phone: 'phone',
  email: 'email',
  homeTownCode: 'home_town_code',
  homeTownText: 'home_town_text',
  unitId: 'unit_id',
  jobPostId: 'job_post_id',
  positionTitle: 'position_title',
  isLeader: 'is_leader',
  category: 'category',
  rankCode: 'rank_code',
  salaryStep: 'salary_step',
  salaryCoefficient: 'salary_coefficient',
  leadershipAllowanceCoef: 'leadership_allowance_coef',
  seniorityAllowancePct: 'seniority_allowance_pct',
  recruitedOn: 'recruited_on',
  generalEducation: 'general_education',
  educationLevel: 'education_level',
  major: 'major',
  politicalTheory: 'political_theory',
  stateManagement: 'state_management',
  partyJoinedOn: 'party_joined_on',
  partyOfficialOn: 'party_official_on',
  healthStatus: 'health_status',
  healthCheckedOn: 'health_checked_on',
  status: 'status',
} as const;
export type PersonField = keyof typeof PERSON_COLUMNS;
type Text = string | null;
/** The values of those columns as PostgreSQL returns them (dates and NUMERIC as text). */
export type PersonValues = EveryField<{
  fullName: string;
  gender: Gender;
  birthDate: string;
  ethnicCode: Text;
  religion: Text;
  idNumber: Text;
  phone: Text;
  email: Text;
  homeTownCode: Text;
  homeTownText: Text;
  unitId: string;
  jobPostId: Text;
  positionTitle: Text;
  isLeader: boolean;
  category: Category;
  rankCode: Text;
  salaryStep: number | null;
  salaryCoefficient: Text;
  leadershipAllowanceCoef: Text;
  seniorityAllowancePct: number | null;
  recruitedOn: Text;
  generalEducation: Text;
  educationLevel: EducationLevel | null;
  major: Text;
  politicalTheory: PoliticalTheory | null;
  stateManagement: Text;
  partyJoinedOn: Text;
  partyOfficialOn: Text;
  healthStatus: HealthStatus | null;
  healthCheckedOn: Text;
  status: PersonStatus;
}>;
type EveryField<T extends Record<PersonField, unknown>> = T;
export type PersonRow = { id: string; code: string; version: number; unitPath: string[] } & PersonValues;

const personSelect = sql.raw(
  Object.entries(PERSON_COLUMNS)
    .map(([k, c]) => `p.${c} AS "${k}"`)
    .join(', '),
);

/** A person within the given scope condition (on alias p), with their unit's path; null when absent or out of scope. */
export async function findPersonInScope(tx: Tx, id: string, scope: SQL, forUpdate = false): Promise<PersonRow | null> {
  const r = await tx.execute<PersonRow>(sql`SELECT p.id, p.code, p.version, u.path AS "unitPath", ${personSelect}
    FROM people p JOIN org_units u ON u.id = p.unit_id
    WHERE p.id = ${id}::uuid AND ${scope} ${forUpdate ? sql`FOR UPDATE OF p` : sql``}`);
  return r.rows[0] ?? null;
}

/** Today's date in Vietnam, for age filters. */
const today = sql`(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/**
 * A search on `people p`: a term with a digit is (part of) a cadre code; otherwise every word typed is the
 * start of a word of the name, accents ignored ("nguyen van duc", "dang" → Đặng).
 */
export function personSearchCondition(q: string): SQL {
  const term = q.normalize('NFC').trim().toLowerCase();
  if (/\d/.test(term)) return sql`lower(p.code) LIKE ${'%' + term.replace(/[\\%_]/g, (m) => '\\' + m) + '%'}`;
  const words = searchWords(term);
  return words.length ? sql`p.search_tsv @@ to_tsquery('simple', ${words.map((w) => w + ':*').join(' & ')})` : sql`FALSE`;
}

/** People of a unit and everything below it. */
export const inUnitSubtree = (unitId: string): SQL => inSubtree('p.unit_id', unitId);

export function listConditions(q: CadreListQuery, scope: SQL): SQL[] {
  const where: SQL[] = [scope];
  if (q.q) where.push(personSearchCondition(q.q));
  if (q.unitId) where.push(inUnitSubtree(q.unitId));
  if (q.category) where.push(sql`p.category = ${q.category}`);
  if (q.gender) where.push(sql`p.gender = ${q.gender}`);
  if (q.ethnicCode) where.push(sql`p.ethnic_code = ${q.ethnicCode}`);
  if (q.inPlanning === 'true') where.push(sql`EXISTS (SELECT 1 FROM planning_entries pe WHERE pe.person_id = p.id AND pe.removed_on IS NULL)`);
  if (q.inPlanning === 'false') where.push(sql`NOT EXISTS (SELECT 1 FROM planning_entries pe WHERE pe.person_id = p.id AND pe.removed_on IS NULL)`);
  if (q.lastRating) {
    where.push(sql`(SELECT ar.level_code FROM annual_ratings ar WHERE ar.person_id = p.id ORDER BY ar.year DESC LIMIT 1) = ${q.lastRating}`);
  }
  // age in whole years today: ageMin ≤ age ≤ ageMax
  if (q.ageMin !== undefined) where.push(sql`p.birth_date <= (${today} - make_interval(years => ${q.ageMin}))::date`);
  if (q.ageMax !== undefined) where.push(sql`p.birth_date > (${today} - make_interval(years => ${q.ageMax + 1}))::date`);
  return where;
}

function orderBy(q: CadreListQuery, indexable: boolean): SQL {
  const dir = sql.raw(q.order === 'desc' ? 'DESC' : 'ASC');
  // `indexable = false` hides the name order from the planner (an expression, not the indexed column), so a
  // selective search sorts its few matches instead of walking the whole name index looking for them
  const given = indexable ? sql`p.given_name` : sql`(p.given_name || '')`;
  const byName = sql`${given} COLLATE "vi-VN-x-icu" ${dir}, p.full_name COLLATE "vi-VN-x-icu" ${dir}, p.id ${dir}`;
  switch (q.sort) {
    case 'birthDate':
      return sql`p.birth_date ${dir}, p.id ${dir}`;
    case 'unit':
      return sql`u.name COLLATE "vi-VN-x-icu" ${dir}, ${byName}`;
    case 'code':
      return sql`p.code ${dir}`;
    default:
      return byName;
  }
}

/**
 * Counting stops at the cap: beyond it the list says "more than N" (a page never counts a whole province).
 * A search has a lower cap: up to it the page sorts the matches; above it, it walks the name index.
 */
export const COUNT_CAP = 10_000;
export const SEARCH_COUNT_CAP = 3_000;

/** The words of a search without accents or punctuation (tsquery syntax cannot be injected). */
export function searchWords(term: string): string[] {
  return term
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * One page of people matching the filters within the scope, and how many match (exact up to COUNT_CAP).
 * Page and count run in parallel when given the pool.
 */
export async function findCadrePage(tx: Tx, q: CadreListQuery, scope: SQL) {
  const where = sql.join(listConditions(q, scope), sql` AND `);
  const offset = (q.page - 1) * q.pageSize;
  const cap = q.q ? SEARCH_COUNT_CAP : COUNT_CAP;
  const countQuery = tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM people p WHERE ${where} LIMIT ${cap + 1}) s`);
  // the page's 20 ids first, then their decorations: the rating and planning look-ups run for 20 rows only
  const page = (indexable: boolean) =>
    tx.execute<CadreListItem>(sql`
    WITH page AS (
      SELECT p.id FROM people p ${q.sort === 'unit' ? sql`JOIN org_units u ON u.id = p.unit_id` : sql``}
      WHERE ${where} ORDER BY ${orderBy(q, indexable)} LIMIT ${q.pageSize} OFFSET ${offset})
    SELECT p.id, p.code, p.full_name AS "fullName", p.gender, p.birth_date AS "birthDate", p.category,
      p.position_title AS "positionTitle", p.unit_id AS "unitId", u.name AS "unitName",
      lr.year AS "lastRatingYear", lr.level_code AS "lastRatingCode",
      EXISTS (SELECT 1 FROM planning_entries pe WHERE pe.person_id = p.id AND pe.removed_on IS NULL) AS "inPlanning"
    FROM page JOIN people p ON p.id = page.id JOIN org_units u ON u.id = p.unit_id
    LEFT JOIN LATERAL (SELECT ar.year, ar.level_code FROM annual_ratings ar WHERE ar.person_id = p.id ORDER BY ar.year DESC LIMIT 1) lr ON TRUE
    ORDER BY ${orderBy(q, true)}`);
  let rows;
  let n: number;
  if (q.q) {
    // a search: count first (cheap through the GIN index), then choose how to sort
    n = (await countQuery).rows[0].n;
    rows = await page(n > cap);
  } else {
    const [r, c] = await allOf(tx, [() => page(true), () => countQuery]);
    rows = r;
    n = c.rows[0].n;
  }
  return { items: rows.rows, total: Math.min(n, cap), totalIsExact: n <= cap };
}

export async function updatePersonFields(tx: Tx, id: string, changes: Partial<Record<PersonField, unknown>>): Promise<number> {
  const sets = Object.entries(changes).map(([k, v]) => sql`${sql.raw(PERSON_COLUMNS[k as PersonField])} = ${v}`);
  if ('fullName' in changes) sets.push(sql`given_name = ${String(changes.fullName).trim().split(/\s+/).pop()}`);
  const r = await tx.execute<{ version: number }>(sql`UPDATE people SET ${sql.join(sets, sql`, `)}, version = version + 1, updated_at = now()
    WHERE id = ${id}::uuid RETURNING version`);
  return r.rows[0].version;
}

/** Everything the profile shows besides the person's own columns, in one round trip per section. */
export async function loadProfileParts(tx: Tx, personId: string, unitPath: string[]) {
  const id = sql`${personId}::uuid`;
  const [units, ratings, discipline, planning, work, training, names, proceedings, circumstances] = await allOf(tx, [
    () => tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM org_units WHERE id = ANY(${pgArray(unitPath)}::uuid[]) ORDER BY depth`),
    () =>
      tx.execute<Omit<CadreProfile['ratings'][number], 'instrument'>>(sql`SELECT ar.year, ar.level_code AS "levelCode", rl.name AS "levelName",
      ar.points::float8 AS points, ar.note FROM annual_ratings ar
      LEFT JOIN rating_levels rl ON rl.code = ar.level_code WHERE ar.person_id = ${id} ORDER BY ar.year DESC`),
    () =>
      tx.execute<NonNullable<CadreProfile['sensitive']>['discipline'][number]>(sql`SELECT d.id, d.form_code AS "formCode",
        (SELECT df.name FROM discipline_forms df WHERE df.code = d.form_code ORDER BY df.effective_from DESC LIMIT 1) AS "formName",
        d.decision_no AS "decisionNo", d.decided_on AS "decidedOn", d.effective_from AS "effectiveFrom", d.effective_to AS "effectiveTo",
        d.party_decided_on AS "partyDecidedOn", d.reason
      FROM discipline_records d WHERE d.person_id = ${id} ORDER BY d.effective_from DESC`),
    () =>
      tx.execute<CadreProfile['planning'][number]>(sql`SELECT id, title, term, decision_no AS "decisionNo", approved_on AS "approvedOn", removed_on AS "removedOn"
      FROM planning_entries WHERE person_id = ${id} ORDER BY approved_on DESC`),
    () =>
      tx.execute<
        CadreProfile['workHistory'][number]
      >(sql`SELECT id, from_date AS "fromDate", to_date AS "toDate", organisation, position, is_grassroots AS "isGrassroots"
      FROM work_history WHERE person_id = ${id} ORDER BY from_date DESC`),
    () =>
      tx.execute<CadreProfile['trainingHistory'][number]>(sql`SELECT id, from_date AS "fromDate", to_date AS "toDate", institution, field, kind, certificate
      FROM training_history WHERE person_id = ${id} ORDER BY from_date DESC`),
    () =>
      tx.execute<{ ethnicName: string | null; rankName: string | null; jobPostTitle: string | null }>(sql`SELECT
        (SELECT name FROM ethnic_groups WHERE code = p.ethnic_code) AS "ethnicName",
        (SELECT name FROM ranks WHERE code = p.rank_code) AS "rankName",
        (SELECT title FROM job_posts WHERE id = p.job_post_id) AS "jobPostTitle"
      FROM people p WHERE p.id = ${id}`),
    () =>
      tx.execute<NonNullable<CadreProfile['sensitive']>['proceedings'][number]>(sql`SELECT id, kind, opened_on AS "openedOn", closed_on AS "closedOn",
        outcome, document_no AS "documentNo", note
      FROM person_proceedings WHERE person_id = ${id} ORDER BY opened_on DESC, created_at DESC`),
    () =>
      tx.execute<NonNullable<CadreProfile['sensitive']>['circumstances'][number]>(sql`SELECT id, kind, from_date AS "fromDate", to_date AS "toDate",
        child_birth_date AS "childBirthDate", consent_on AS "consentOn", consent_document_no AS "consentDocumentNo", note
      FROM person_circumstances WHERE person_id = ${id} ORDER BY from_date DESC, created_at DESC`),
  ]);
  return {
    unitPath: units.rows,
    ratings: ratings.rows,
    discipline: discipline.rows,
    planning: planning.rows,
    workHistory: work.rows,
    trainingHistory: training.rows,
    names: names.rows[0],
    proceedings: proceedings.rows,
    circumstances: circumstances.rows,
  };
}

/** The pre-2025 commune a home-town code names, and the commune(s) it is part of today. */
export async function resolveLegacyCommune(tx: Tx, oldCode: string) {
  const r = await tx.execute<{ oldName: string; id: string; name: string; match: string }>(sql`SELECT lc.old_name AS "oldName", u.id, u.name, lc.match
    FROM legacy_communes lc JOIN org_units u ON u.id = lc.new_unit_id WHERE lc.old_code = ${oldCode} ORDER BY lc.match, u.name`);
  if (r.rows.length === 0) return null;
  return { oldName: r.rows[0].oldName, communes: r.rows.map(({ id, name, match }) => ({ id, name, match })) };
}
