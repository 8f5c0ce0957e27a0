import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { DemandField, NeedStatus, NeedUrgency, RoundStatus } from '../../../common/demand.js';
import type { UnitKind } from '../../../common/enums.js';
import { allOf, pgArray } from '../sql-helpers.js';

/**
 * The demand side (S7): the communes' posts with their norm and holders, their declared needs, the demand rounds,
 * and the surplus of the city-level units. Holders today are a commune's own active people on its posts plus the
 * cadres seconded to it (secondments `active`); a seconded cadre holds the commune post whose title is their host
 * role, otherwise they count for the commune without a post.
 */

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const COMMUNE_KINDS = sql`('commune', 'ward')`;

export type NeedRow = {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitPath: string[];
  jobPostId: string | null;
  postTitle: string | null;
  field: DemandField;
  count: number;
  urgency: NeedUrgency;
  wantedFrom: string | null;
  wantedUntil: string | null;
  minEducation: string | null;
  requiredRankGrade: string | null;
  requiredPoliticalTheory: string | null;
  standards: string | null;
  reason: string;
  status: NeedStatus;
  approvedCount: number | null;
  reviewNote: string | null;
  roundId: string | null;
  roundName: string | null;
  roundStatus: RoundStatus | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const needColumns = sql`n.id, n.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName", u.path AS "unitPath",
  n.job_post_id AS "jobPostId", coalesce(j.title, n.post_title) AS "postTitle", n.field, n.count, n.urgency,
  n.wanted_from::text AS "wantedFrom", n.wanted_until::text AS "wantedUntil", n.min_education AS "minEducation",
  n.required_rank_grade AS "requiredRankGrade", n.required_political_theory AS "requiredPoliticalTheory", n.standards, n.reason,
  n.status, n.approved_count AS "approvedCount", n.review_note AS "reviewNote", n.round_id AS "roundId", r.name AS "roundName",
  r.status AS "roundStatus", n.version, ${iso('n.created_at')} AS "createdAt", ${iso('n.updated_at')} AS "updatedAt"`;
const needFrom = sql`commune_needs n JOIN org_units u ON u.id = n.unit_id LEFT JOIN job_posts j ON j.id = n.job_post_id
  LEFT JOIN demand_rounds r ON r.id = n.round_id`;

export interface NeedFilters {
  unitId?: string;
  status?: string;
  roundId?: string;
  field?: string;
  /** Only approved needs not yet in a round (what Sở Nội vụ may put in one). */
  unassigned?: boolean;
}

function needConditions(f: NeedFilters, scope: SQL): SQL {
  const w: SQL[] = [scope];
  if (f.unitId) w.push(sql`n.unit_id = ${f.unitId}::uuid`);
  if (f.status) w.push(sql`n.status = ${f.status}`);
  if (f.roundId) w.push(sql`n.round_id = ${f.roundId}::uuid`);
  if (f.field) w.push(sql`n.field = ${f.field}`);
  if (f.unassigned) w.push(sql`n.status = 'approved' AND n.round_id IS NULL`);
  return sql.join(w, sql` AND `);
}

/** A page of needs in scope (scope on alias u, the need's commune), most urgent and newest first, and how many match. */
export async function findNeedsPage(tx: Tx, f: NeedFilters & { page: number; pageSize: number }, scope: SQL) {
  const [page, total] = await allOf(tx, [
    () =>
      tx.execute<NeedRow>(sql`SELECT ${needColumns} FROM ${needFrom} WHERE ${needConditions(f, scope)}
      ORDER BY CASE n.urgency WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, n.created_at DESC, n.id
      LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`),
    () => tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${needFrom} WHERE ${needConditions(f, scope)}`),
  ]);
  return { items: page.rows, total: total.rows[0].n };
}

/** The needs of one commune (any status), for its page. */
export async function findNeedsOfUnit(tx: Tx, unitId: string): Promise<NeedRow[]> {
  const r = await tx.execute<NeedRow>(sql`SELECT ${needColumns} FROM ${needFrom} WHERE n.unit_id = ${unitId}::uuid
    ORDER BY n.status = 'withdrawn', CASE n.urgency WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, n.created_at DESC, n.id`);
  return r.rows;
}

export async function findNeed(tx: Tx, id: string, scope: SQL, forUpdate = false): Promise<NeedRow | null> {
  const r = await tx.execute<NeedRow>(sql`SELECT ${needColumns} FROM ${needFrom} WHERE n.id = ${id}::uuid AND ${scope}
    ${forUpdate ? sql`FOR UPDATE OF n` : sql``}`);
  return r.rows[0] ?? null;
}

export type NeedUnit = { id: string; code: string; name: string; kind: string; path: string[]; closedOn: string | null; posts: number };

/** A unit (any kind) with how many job posts it has, by id or by code. */
export async function findNeedUnit(tx: Tx, by: { id?: string; code?: string }): Promise<NeedUnit | null> {
  const cond = by.id ? sql`u.id = ${by.id}::uuid` : sql`u.code = ${by.code ?? ''}`;
  const r = await tx.execute<NeedUnit>(sql`SELECT u.id, u.code, u.name, u.kind, u.path, u.closed_on::text AS "closedOn",
      (SELECT count(*)::int FROM job_posts j WHERE j.unit_id = u.id) AS posts FROM org_units u WHERE ${cond}`);
  return r.rows[0] ?? null;
}

export type NeedPost = {
  id: string;
  unitId: string;
  title: string;
  field: string | null;
  minEducation: string | null;
  requiredRankGrade: string | null;
  requiredPoliticalTheory: string | null;
  standards: string | null;
};

export async function findPost(tx: Tx, id: string): Promise<NeedPost | null> {
  const r = await tx.execute<NeedPost>(sql`SELECT id, unit_id AS "unitId", title, field, min_education AS "minEducation",
      required_rank_grade AS "requiredRankGrade", required_political_theory AS "requiredPoliticalTheory", standards
    FROM job_posts WHERE id = ${id}::uuid`);
  return r.rows[0] ?? null;
}

/** The posts of a unit, for the import (title → post). */
export async function findPostsOfUnit(tx: Tx, unitId: string): Promise<NeedPost[]> {
  const r = await tx.execute<NeedPost>(sql`SELECT id, unit_id AS "unitId", title, field, min_education AS "minEducation",
      required_rank_grade AS "requiredRankGrade", required_political_theory AS "requiredPoliticalTheory", standards
    FROM job_posts WHERE unit_id = ${unitId}::uuid`);
  return r.rows;
}

export interface NeedValues {
  unitId: string;
  jobPostId: string | null;
  field: string;
  postTitle: string | null;
  count: number;
  urgency: string;
  wantedFrom: string | null;
  wantedUntil: string | null;
  minEducation: string | null;
  requiredRankGrade: string | null;
  requiredPoliticalTheory: string | null;
  standards: string | null;
  reason: string;
}

export async function insertNeed(tx: Tx, v: NeedValues & { status: string; createdBy: string }): Promise<{ id: string; version: number }> {
  const r = await tx.execute<{ id: string; version: number }>(sql`INSERT INTO commune_needs (unit_id, job_post_id, field, post_title, count,
      urgency, wanted_from, wanted_until, min_education, required_rank_grade, required_political_theory, standards, reason, status, created_by)
    VALUES (${v.unitId}::uuid, ${v.jobPostId}::uuid, ${v.field}, ${v.postTitle}, ${v.count}, ${v.urgency}, ${v.wantedFrom}::date,
      ${v.wantedUntil}::date, ${v.minEducation}, ${v.requiredRankGrade}, ${v.requiredPoliticalTheory}, ${v.standards}, ${v.reason}, ${v.status},
      ${v.createdBy}::uuid)
    RETURNING id, version`);
  return r.rows[0];
}

/** Rewrites a need's content if the version is still the one read; the new version, or null when someone changed it. */
export async function updateNeedContent(tx: Tx, id: string, v: Omit<NeedValues, 'unitId'>, expectedVersion: number): Promise<number | null> {
  const r = await tx.execute<{ version: number }>(sql`UPDATE commune_needs SET job_post_id = ${v.jobPostId}::uuid, field = ${v.field},
      post_title = ${v.postTitle}, count = ${v.count}, urgency = ${v.urgency}, wanted_from = ${v.wantedFrom}::date,
      wanted_until = ${v.wantedUntil}::date, min_education = ${v.minEducation}, required_rank_grade = ${v.requiredRankGrade},
      required_political_theory = ${v.requiredPoliticalTheory}, standards = ${v.standards}, reason = ${v.reason},
      version = version + 1, updated_at = now()
    WHERE id = ${id}::uuid AND version = ${expectedVersion} RETURNING version`);
  return r.rows[0]?.version ?? null;
}

/** Moves a need to a status (with the review's count and note, and its round) if the version is still the one read. */
export async function updateNeedStatus(
  tx: Tx,
  id: string,
  v: { status: string; approvedCount?: number | null; reviewNote?: string | null; roundId?: string | null },
  expectedVersion: number,
): Promise<number | null> {
  const sets: SQL[] = [sql`status = ${v.status}`];
  if (v.approvedCount !== undefined) sets.push(sql`approved_count = ${v.approvedCount}`);
  if (v.reviewNote !== undefined) sets.push(sql`review_note = ${v.reviewNote}`);
  if (v.roundId !== undefined) sets.push(sql`round_id = ${v.roundId}::uuid`);
  const r = await tx.execute<{ version: number }>(sql`UPDATE commune_needs SET ${sql.join(sets, sql`, `)}, version = version + 1, updated_at = now()
    WHERE id = ${id}::uuid AND version = ${expectedVersion} RETURNING version`);
  return r.rows[0]?.version ?? null;
}

// ---------------------------------------------------------------- rounds

export type RoundRow = {
  id: string;
  name: string;
  status: RoundStatus;
  approvedOn: string | null;
  decisionNo: string | null;
  note: string | null;
  version: number;
  createdAt: string;
  needs: number;
  people: number;
  communes: number;
};

const roundColumns = sql`r.id, r.name, r.status, r.approved_on::text AS "approvedOn", r.decision_no AS "decisionNo", r.note, r.version,
  ${iso('r.created_at')} AS "createdAt",
  (SELECT count(*)::int FROM commune_needs n WHERE n.round_id = r.id) AS needs,
  (SELECT coalesce(sum(n.approved_count), 0)::int FROM commune_needs n WHERE n.round_id = r.id) AS people,
  (SELECT count(DISTINCT n.unit_id)::int FROM commune_needs n WHERE n.round_id = r.id) AS communes`;

export async function findRounds(tx: Tx): Promise<RoundRow[]> {
  const r = await tx.execute<RoundRow>(sql`SELECT ${roundColumns} FROM demand_rounds r ORDER BY r.created_at DESC, r.id`);
  return r.rows;
}

export async function findRound(tx: Tx, id: string, forUpdate = false): Promise<RoundRow | null> {
  const r = await tx.execute<RoundRow>(sql`SELECT ${roundColumns} FROM demand_rounds r WHERE r.id = ${id}::uuid ${forUpdate ? sql`FOR UPDATE OF r` : sql``}`);
  return r.rows[0] ?? null;
}

export async function insertRound(tx: Tx, v: { name: string; note: string | null; createdBy: string }): Promise<string> {
  const r = await tx.execute<{ id: string }>(
    sql`INSERT INTO demand_rounds (name, note, created_by) VALUES (${v.name}, ${v.note}, ${v.createdBy}::uuid) RETURNING id`,
  );
  return r.rows[0].id;
}

/** Bumps the version of a draft round a need left (withdrawn or rejected), so a reader of the round sees it changed. */
export async function bumpRound(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`UPDATE demand_rounds SET version = version + 1, updated_at = now() WHERE id = ${id}::uuid`);
}

/** Bumps the round's version (its list of needs changed), if it is still the one read. */
export async function touchRound(tx: Tx, id: string, expectedVersion: number): Promise<number | null> {
  const r = await tx.execute<{ version: number }>(sql`UPDATE demand_rounds SET version = version + 1, updated_at = now()
    WHERE id = ${id}::uuid AND version = ${expectedVersion} RETURNING version`);
  return r.rows[0]?.version ?? null;
}

export async function approveRoundRow(tx: Tx, id: string, v: { approvedOn: string; decisionNo: string; approvedBy: string }, expectedVersion: number) {
  const r = await tx.execute<{ version: number }>(sql`UPDATE demand_rounds SET status = 'approved', approved_on = ${v.approvedOn}::date,
      decision_no = ${v.decisionNo}, approved_by = ${v.approvedBy}::uuid, version = version + 1, updated_at = now()
    WHERE id = ${id}::uuid AND version = ${expectedVersion} AND status = 'draft' RETURNING version`);
  return r.rows[0]?.version ?? null;
}

/** The needs (locked) with these ids, in scope. */
export async function findNeedsByIds(tx: Tx, ids: readonly string[], scope: SQL): Promise<NeedRow[]> {
  if (!ids.length) return [];
  const r = await tx.execute<NeedRow>(sql`SELECT ${needColumns} FROM ${needFrom} WHERE n.id = ANY(${pgArray(ids)}::uuid[]) AND ${scope} FOR UPDATE OF n`);
  return r.rows;
}

export async function setNeedsRound(tx: Tx, ids: readonly string[], roundId: string | null): Promise<void> {
  if (!ids.length) return;
  await tx.execute(sql`UPDATE commune_needs SET round_id = ${roundId}::uuid, version = version + 1, updated_at = now()
    WHERE id = ANY(${pgArray(ids)}::uuid[])`);
}

// ---------------------------------------------------------------- views

/** The holders today of each post of the communes selected (alias u), and the seconded cadres without a post. */
function holdersCte(communes: SQL, today: string): SQL {
  return sql`c AS MATERIALIZED (SELECT u.id FROM org_units u WHERE u.kind IN ${COMMUNE_KINDS} AND ${communes}),
    own AS (SELECT p.job_post_id AS post_id, count(*)::int AS n FROM people p JOIN job_posts j ON j.id = p.job_post_id AND j.unit_id = p.unit_id
      WHERE p.status = 'active' AND p.unit_id IN (SELECT id FROM c) GROUP BY p.job_post_id),
    sec AS (SELECT s.host_unit_id AS unit_id, s.person_id,
        (SELECT j.id FROM job_posts j WHERE j.unit_id = s.host_unit_id AND lower(trim(j.title)) = lower(trim(s.host_role)) ORDER BY j.id LIMIT 1) AS post_id
      FROM secondments s WHERE s.status = 'active' AND s.host_unit_id IN (SELECT id FROM c)
        AND (s.start_date IS NULL OR s.start_date <= ${today}::date)),
    posts AS (SELECT j.id, j.unit_id, j.norm, j.field,
        coalesce((SELECT n FROM own WHERE own.post_id = j.id), 0) + (SELECT count(*)::int FROM sec WHERE sec.post_id = j.id) AS holders
      FROM job_posts j WHERE j.unit_id IN (SELECT id FROM c))`;
}

export const SHORTAGE_SORTS = ['name', 'code', 'posts', 'norm', 'holders', 'vacancies', 'submitted', 'approved'] as const;
export type ShortageSort = (typeof SHORTAGE_SORTS)[number];

export interface ShortageFilters {
  field?: string;
  disadvantaged?: boolean;
  sort?: ShortageSort;
  dir?: 'asc' | 'desc';
}

export type ShortageRow = {
  unitId: string;
  code: string;
  name: string;
  kind: UnitKind;
  isEspeciallyDisadvantaged: boolean;
  posts: number;
  norm: number;
  holders: number;
  vacancies: number;
  submitted: number;
  approved: number;
  byField: { field: DemandField; submitted: number; approved: number }[];
};

/**
 * One row per commune or ward in scope (alias u): posts, norm total, holders today, vacancies (norm − holders per
 * post, never below 0, summed over the posts with a norm), the people asked for in needs waiting for review
 * (submitted) and approved, and the same by field. With a field, the posts and needs of that field only, and the
 * communes with neither are left out.
 */
function shortagesQuery(f: ShortageFilters, scope: SQL, today: string): SQL {
  const postField = f.field ? sql`AND posts.field = ${f.field}` : sql``;
  const needField = f.field ? sql`AND n.field = ${f.field}` : sql``;
  const dir = f.dir === 'desc' ? sql.raw('DESC') : sql.raw('ASC');
  const sortCol = sql.raw(
    {
      name: 'name COLLATE "vi-VN-x-icu"',
      code: 'code',
      posts: 'posts',
      norm: 'norm',
      holders: 'holders',
      vacancies: 'vacancies',
      submitted: 'submitted',
      approved: 'approved',
    }[f.sort ?? 'name'],
  );
  return sql`WITH ${holdersCte(sql`u.closed_on IS NULL AND ${scope}`, today)},
    rows AS (SELECT u.id AS "unitId", u.code, u.name, u.kind, u.is_especially_disadvantaged AS "isEspeciallyDisadvantaged",
        (SELECT count(*)::int FROM posts WHERE posts.unit_id = u.id ${postField}) AS posts,
        (SELECT coalesce(sum(posts.norm), 0)::int FROM posts WHERE posts.unit_id = u.id ${postField}) AS norm,
        ((SELECT coalesce(sum(posts.holders), 0)::int FROM posts WHERE posts.unit_id = u.id ${postField})
          + ${f.field ? sql`0` : sql`(SELECT count(*)::int FROM sec WHERE sec.unit_id = u.id AND sec.post_id IS NULL)`}) AS holders,
        (SELECT coalesce(sum(greatest(posts.norm - posts.holders, 0)), 0)::int FROM posts WHERE posts.unit_id = u.id AND posts.norm IS NOT NULL ${postField}) AS vacancies,
        (SELECT coalesce(sum(n.count), 0)::int FROM commune_needs n WHERE n.unit_id = u.id AND n.status = 'submitted' ${needField}) AS submitted,
        (SELECT coalesce(sum(n.approved_count), 0)::int FROM commune_needs n WHERE n.unit_id = u.id AND n.status = 'approved' ${needField}) AS approved,
        coalesce((SELECT json_agg(json_build_object('field', x.field, 'submitted', x.submitted, 'approved', x.approved) ORDER BY x.field)
          FROM (SELECT n.field, coalesce(sum(n.count) FILTER (WHERE n.status = 'submitted'), 0)::int AS submitted,
              coalesce(sum(n.approved_count) FILTER (WHERE n.status = 'approved'), 0)::int AS approved
            FROM commune_needs n WHERE n.unit_id = u.id AND n.status IN ('submitted', 'approved') ${needField} GROUP BY n.field) x), '[]'::json) AS "byField"
      FROM org_units u WHERE u.id IN (SELECT id FROM c) ${f.disadvantaged === undefined ? sql`` : sql`AND u.is_especially_disadvantaged = ${f.disadvantaged}`})
    SELECT * FROM rows ${f.field ? sql`WHERE posts > 0 OR submitted > 0 OR approved > 0` : sql``}
    ORDER BY ${sortCol} ${dir}, code`;
}

export async function findShortages(tx: Tx, f: ShortageFilters, scope: SQL, today: string, page?: { page: number; pageSize: number }) {
  const q = shortagesQuery(f, scope, today);
  const r = await tx.execute<
    ShortageRow & { total: number; t_posts: number; t_norm: number; t_holders: number; t_vacancies: number; t_submitted: number; t_approved: number }
  >(
    sql`SELECT q.*, count(*) OVER ()::int AS total, (sum(q.posts) OVER ())::int AS t_posts, (sum(q.norm) OVER ())::int AS t_norm,
      (sum(q.holders) OVER ())::int AS t_holders, (sum(q.vacancies) OVER ())::int AS t_vacancies, (sum(q.submitted) OVER ())::int AS t_submitted,
      (sum(q.approved) OVER ())::int AS t_approved
    FROM (${q}) q ${page ? sql`LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}` : sql``}`,
  );
  // an offset past the end returns no row: count again for the totals
  const first = r.rows[0];
  const totals = first
    ? { posts: first.t_posts, norm: first.t_norm, holders: first.t_holders, vacancies: first.t_vacancies, submitted: first.t_submitted, approved: first.t_approved }
    : { posts: 0, norm: 0, holders: 0, vacancies: 0, submitted: 0, approved: 0 };
  const items: ShortageRow[] = r.rows.map(({ total: _t, t_posts: _1, t_norm: _2, t_holders: _3, t_vacancies: _4, t_submitted: _5, t_approved: _6, ...row }) => row);
  let total = first?.total ?? 0;
  if (!first && page && page.page > 1) total = (await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (${q}) q`)).rows[0].n;
  return { items, total, totals };
}

export type CommunePostRow = {
  id: string;
  title: string;
  field: DemandField | null;
  norm: number | null;
  isKeyPost: boolean;
  isLeadership: boolean;
  minEducation: string | null;
  requiredRankGrade: string | null;
  requiredPoliticalTheory: string | null;
  standards: string | null;
  holders: { personId: string; fullName: string; secondedIn: boolean; homeCommuneIds: string[]; sendingUnitName: string | null }[];
};

/** One commune's posts with the people holding each today; the seconded cadres without a post come with post id null. */
export async function findCommunePosts(tx: Tx, unitId: string, today: string): Promise<{ posts: CommunePostRow[]; unplaced: CommunePostRow['holders'] }> {
  const hc = sql`coalesce((SELECT array_agg(lc.new_unit_id ORDER BY lc.new_unit_id) FROM legacy_communes lc WHERE lc.old_code = p.home_town_code), '{}')`;
  const r = await tx.execute<{
    postId: string | null;
    personId: string;
    fullName: string;
    secondedIn: boolean;
    homeCommuneIds: string[];
    sendingUnitName: string | null;
  }>(sql`SELECT * FROM (
    SELECT p.job_post_id AS "postId", p.id AS "personId", p.full_name AS "fullName", false AS "secondedIn", ${hc} AS "homeCommuneIds", NULL AS "sendingUnitName"
      FROM people p JOIN job_posts j ON j.id = p.job_post_id AND j.unit_id = p.unit_id WHERE p.status = 'active' AND p.unit_id = ${unitId}::uuid
    UNION ALL
    SELECT (SELECT j.id FROM job_posts j WHERE j.unit_id = s.host_unit_id AND lower(trim(j.title)) = lower(trim(s.host_role)) ORDER BY j.id LIMIT 1),
        p.id, p.full_name, true, ${hc}, su.name
      FROM secondments s JOIN people p ON p.id = s.person_id JOIN org_units su ON su.id = s.sending_unit_id
      WHERE s.status = 'active' AND s.host_unit_id = ${unitId}::uuid AND (s.start_date IS NULL OR s.start_date <= ${today}::date)
    ) h ORDER BY "secondedIn", "fullName" COLLATE "vi-VN-x-icu"`);
  const posts = await tx.execute<Omit<CommunePostRow, 'holders'>>(sql`SELECT id, title, field, norm, is_key_post AS "isKeyPost", is_leadership AS "isLeadership",
      min_education AS "minEducation", required_rank_grade AS "requiredRankGrade", required_political_theory AS "requiredPoliticalTheory", standards
    FROM job_posts WHERE unit_id = ${unitId}::uuid ORDER BY is_leadership DESC, is_key_post DESC, title COLLATE "vi-VN-x-icu"`);
  const byPost = new Map<string, CommunePostRow['holders']>();
  const unplaced: CommunePostRow['holders'] = [];
  for (const { postId, ...h } of r.rows) {
    if (postId) byPost.set(postId, [...(byPost.get(postId) ?? []), h]);
    else unplaced.push(h);
  }
  return { posts: posts.rows.map((p) => ({ ...p, holders: byPost.get(p.id) ?? [] })), unplaced };
}

export type CommuneHead = { id: string; code: string; name: string; kind: UnitKind; path: string[]; isEspeciallyDisadvantaged: boolean };

/** A commune or ward in scope (alias u), or null. */
export async function findCommune(tx: Tx, id: string, scope: SQL): Promise<CommuneHead | null> {
  const r = await tx.execute<CommuneHead>(sql`SELECT u.id, u.code, u.name, u.kind, u.path, u.is_especially_disadvantaged AS "isEspeciallyDisadvantaged"
    FROM org_units u WHERE u.id = ${id}::uuid AND u.kind IN ${COMMUNE_KINDS} AND ${scope}`);
  return r.rows[0] ?? null;
}

export type SurplusRow = { unitId: string; code: string; name: string; assignedStaffing: number; headcount: number; excess: number; restructuredOn: string | null };

/**
 * The city-level units (any kind but commune or ward, open) in scope whose active headcount (the whole subtree)
 * exceeds the staffing assigned for the year, with the excess, largest first.
 */
export async function findSurplus(tx: Tx, year: number, scope: SQL): Promise<SurplusRow[]> {
  const r = await tx.execute<SurplusRow>(sql`
    WITH own AS (SELECT unit_id, count(*)::int AS n FROM people WHERE status = 'active' GROUP BY unit_id),
    x AS (SELECT u.id AS "unitId", u.code, u.name, s.assigned_staffing AS "assignedStaffing", u.restructured_on::text AS "restructuredOn",
        coalesce((SELECT sum(own.n) FROM own JOIN org_units d ON d.id = own.unit_id WHERE d.path @> ARRAY[u.id]), 0)::int AS headcount
      FROM org_units u JOIN org_unit_staffing s ON s.unit_id = u.id AND s.year = ${year}
      WHERE u.kind NOT IN ${COMMUNE_KINDS} AND u.closed_on IS NULL AND ${scope})
    SELECT *, headcount - "assignedStaffing" AS excess FROM x WHERE headcount > "assignedStaffing" ORDER BY excess DESC, code`);
  return r.rows;
}

/** The open (draft or submitted) need of a commune for this post, or for this field without a post: what a row of the import updates. */
export async function findOpenNeedFor(tx: Tx, unitId: string, jobPostId: string | null, field: string): Promise<NeedRow | null> {
  const which = jobPostId ? sql`n.job_post_id = ${jobPostId}::uuid` : sql`n.job_post_id IS NULL AND n.field = ${field}`;
  const r = await tx.execute<NeedRow>(sql`SELECT ${needColumns} FROM ${needFrom}
    WHERE n.unit_id = ${unitId}::uuid AND n.status IN ('draft', 'submitted') AND ${which} ORDER BY n.created_at, n.id LIMIT 1 FOR UPDATE OF n`);
  return r.rows[0] ?? null;
}
