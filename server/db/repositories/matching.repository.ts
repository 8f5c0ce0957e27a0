import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';

/** The approved needs of a round as the matching reads them: seats (the approved count), the post and its standards. */
export type RoundNeedRow = {
  id: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  jobPostId: string | null;
  postTitle: string | null;
  isKeyPost: boolean;
  field: string;
  seats: number;
  urgency: 'high' | 'normal' | 'low';
  minEducation: string | null;
  requiredRankGrade: string | null;
  requiredPoliticalTheory: string | null;
};

/** A need's standards are its own where it states them, else its post's. */
export async function findRoundNeeds(tx: Tx, roundId: string): Promise<RoundNeedRow[]> {
  const r = await tx.execute<RoundNeedRow>(sql`
    SELECT n.id, n.unit_id AS "unitId", u.name AS "unitName", u.kind AS "unitKind", n.job_post_id AS "jobPostId",
      coalesce(j.title, n.post_title) AS "postTitle", coalesce(j.is_key_post, false) AS "isKeyPost", n.field,
      coalesce(n.approved_count, n.count) AS seats, n.urgency,
      coalesce(n.min_education, j.min_education) AS "minEducation",
      coalesce(n.required_rank_grade, j.required_rank_grade) AS "requiredRankGrade",
      coalesce(n.required_political_theory, j.required_political_theory) AS "requiredPoliticalTheory"
    FROM commune_needs n JOIN org_units u ON u.id = n.unit_id LEFT JOIN job_posts j ON j.id = n.job_post_id
    WHERE n.round_id = ${roundId}::uuid AND n.status = 'approved'
    ORDER BY u.name COLLATE "vi-VN-x-icu", n.created_at, n.id`);
  return r.rows;
}

/**
 * What the matching adds to the screening's facts: the fields of a person's job post and training, and the key post
 * of their unit they alone hold (the disruption guard), if any.
 */
export async function findCandidateExtras(tx: Tx, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, { postField: string | null; trainingFields: string[]; soleKeyPost: string | null }>();
  const r = await tx.execute<{ id: string; postField: string | null; trainingFields: string[]; soleKeyPost: string | null }>(sql`
    SELECT p.id, j.field AS "postField",
      coalesce((SELECT array_agg(DISTINCT th.field) FROM training_history th WHERE th.person_id = p.id), '{}') AS "trainingFields",
      CASE WHEN j.is_key_post AND NOT EXISTS (
        SELECT 1 FROM people o WHERE o.job_post_id = p.job_post_id AND o.id <> p.id AND o.status = 'active') THEN j.title END AS "soleKeyPost"
    FROM people p LEFT JOIN job_posts j ON j.id = p.job_post_id
    WHERE p.id = ANY(${pgArray(personIds)}::uuid[])`);
  return new Map(r.rows.map((x) => [x.id, x]));
}

export async function insertMatchingRun(
  tx: Tx,
  v: { roundId: string; planVersionId: string; referenceDate: string; inputs: unknown; result: unknown; objective: number; createdBy: string },
): Promise<{ id: string; createdAt: string }> {
  const r = await tx.execute<{ id: string; createdAt: string }>(sql`
    INSERT INTO matching_runs (round_id, plan_version_id, reference_date, inputs, result, objective, created_by)
    VALUES (${v.roundId}::uuid, ${v.planVersionId}::uuid, ${v.referenceDate}::date, ${JSON.stringify(v.inputs)}::jsonb,
      ${JSON.stringify(v.result)}::jsonb, ${v.objective}, ${v.createdBy}::uuid)
    RETURNING id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`);
  return r.rows[0]!;
}

export type MatchingRunRow = {
  id: string;
  roundId: string;
  roundName: string;
  planVersionId: string;
  referenceDate: string;
  inputs: unknown;
  result: unknown;
  objective: number;
  createdBy: string;
  createdAt: string;
  acceptedAt: string | null;
};

export async function findMatchingRun(tx: Tx, id: string): Promise<MatchingRunRow | null> {
  const r = await tx.execute<MatchingRunRow>(sql`
    SELECT m.id, m.round_id AS "roundId", r.name AS "roundName", m.plan_version_id AS "planVersionId", m.reference_date::text AS "referenceDate",
      m.inputs, m.result, m.objective, m.created_by AS "createdBy",
      to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
      to_char(m.accepted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "acceptedAt"
    FROM matching_runs m JOIN demand_rounds r ON r.id = m.round_id WHERE m.id = ${id}::uuid`);
  return r.rows[0] ?? null;
}

/** Of these people, those within the scope (on alias p). */
export async function findPeopleInScope(tx: Tx, scope: SQL, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const r = await tx.execute<{ id: string }>(sql`SELECT p.id FROM people p WHERE p.id = ANY(${pgArray(personIds)}::uuid[]) AND ${scope}`);
  return new Set(r.rows.map((x) => x.id));
}

/** One acceptance of a run at a time: the second officer waits, then finds the pairs the first one accepted. */
export async function lockMatchingRun(tx: Tx, id: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('matching_run_accept:' || ${id}))`);
}

/** The people of a run already turned into proposals (whatever became of those proposals since). */
export async function findAcceptedPeople(tx: Tx, runId: string): Promise<Set<string>> {
  const r = await tx.execute<{ personId: string }>(sql`SELECT person_id AS "personId" FROM secondments WHERE matching_run_id = ${runId}::uuid`);
  return new Set(r.rows.map((x) => x.personId));
}

/**
 * The seats of each need of a round already taken by accepted pairs of its runs: the proposal an accepted pair made is
 * still open (a withdrawn or refused proposal gives its seat back).
 */
export async function findSeatsTaken(tx: Tx, roundId: string, openStatuses: readonly string[]): Promise<Map<string, number>> {
  const r = await tx.execute<{ needId: string; taken: number }>(sql`
    SELECT pair->>'needId' AS "needId", count(*)::int AS taken
    FROM matching_runs m CROSS JOIN LATERAL jsonb_array_elements(m.result->'pairs') AS pair
    JOIN secondments s ON s.matching_run_id = m.id AND s.person_id = (pair->>'candidateId')::uuid AND s.status = ANY(${pgArray(openStatuses)}::text[])
    WHERE m.round_id = ${roundId}::uuid AND m.accepted_at IS NOT NULL
    GROUP BY 1`);
  return new Map(r.rows.map((x) => [x.needId, x.taken]));
}

export async function markRunAccepted(tx: Tx, runId: string, userId: string) {
  await tx.execute(sql`UPDATE matching_runs SET accepted_at = now(), accepted_by = ${userId}::uuid WHERE id = ${runId}::uuid`);
}

export type NeedAssignment = { needId: string; secondmentId: string; fullName: string; sendingUnitName: string; status: string };

/**
 * Who was sent for each need of a commune through an accepted matching pair (the proposal carries the run's id; the
 * run's pair names the need), as far as the reader's secondment scope shows them (a host commune: from the decision
 * on), in the given states (not a withdrawn or refused proposal).
 */
export async function findNeedAssignments(tx: Tx, unitId: string, secondmentScope: SQL, statuses: readonly string[]): Promise<NeedAssignment[]> {
  const r = await tx.execute<NeedAssignment>(sql`
    SELECT pair->>'needId' AS "needId", s.id AS "secondmentId", p.full_name AS "fullName", su.name AS "sendingUnitName", s.status
    FROM secondments s
    JOIN matching_runs m ON m.id = s.matching_run_id
    CROSS JOIN LATERAL jsonb_array_elements(m.result->'pairs') AS pair
    JOIN people p ON p.id = s.person_id
    JOIN org_units su ON su.id = s.sending_unit_id
    WHERE s.host_unit_id = ${unitId}::uuid AND (pair->>'candidateId')::uuid = s.person_id
      AND s.status = ANY(${pgArray(statuses)}::text[]) AND ${secondmentScope}
    ORDER BY p.full_name COLLATE "vi-VN-x-icu", s.id`);
  return r.rows;
}
