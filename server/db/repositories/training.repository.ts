import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';
import { SEAT_STATUSES, POSTGRADUATE_KINDS } from '../../../common/training.js';
import type { TrainingNeed } from '../../../common/schemas/training.js';
import type { TrainingFacts } from '../../domain/rules/training/types.js';
import { pathUnder } from '../scope.js';

/** Money columns are read as text and turned into BigInt by the domain: never through a float. */

export type CourseRow = {
  id: string;
  title: string;
  provider: string;
  location: 'domestic' | 'foreign';
  source: 'central_programme' | 'city_plan';
  kind: 'short_course' | 'university' | 'master' | 'doctorate';
  fields: string[];
  startDate: string;
  endDate: string;
  hours: number;
  capacity: number;
  costPerParticipantVnd: string;
  fundingSource: 'regular' | 'supplementary';
  requiresPlanning: boolean;
  seatsTaken: number;
  nominated: number;
  /** Closed to nominations by Sở Nội vụ (pending nominations may still be decided). */
  nominationsClosed: boolean;
};

/** The audit action of closing a course to nominations (the fact itself is `training_courses.nominations_closed_at`). */
export const COURSE_CLOSE_ACTION = 'close_nominations';

const courseSelect = sql`c.id, c.title, c.provider, c.location, c.source, c.kind, c.fields, c.start_date AS "startDate", c.end_date AS "endDate",
  c.hours, c.capacity, c.cost_per_participant_vnd::text AS "costPerParticipantVnd", c.funding_source AS "fundingSource",
  (c.requires_planning = 'yes') AS "requiresPlanning",
  (SELECT count(*)::int FROM training_enrolments e WHERE e.course_id = c.id AND e.status = ANY(${pgArray(SEAT_STATUSES)}::text[])) AS "seatsTaken",
  (SELECT count(*)::int FROM training_enrolments e WHERE e.course_id = c.id AND e.status = 'nominated') AS "nominated",
  (c.nominations_closed_at IS NOT NULL) AS "nominationsClosed"`;

export async function insertCourse(
  tx: Tx,
  c: Omit<CourseRow, 'id' | 'seatsTaken' | 'nominated' | 'nominationsClosed' | 'costPerParticipantVnd'> & { costPerParticipantVnd: bigint; createdBy: string },
): Promise<string> {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO training_courses (title, provider, location, source, kind, fields, start_date, end_date, hours, capacity,
      cost_per_participant_vnd, funding_source, requires_planning, created_by)
    VALUES (${c.title}, ${c.provider}, ${c.location}, ${c.source}, ${c.kind}, ${pgArray(c.fields)}::text[], ${c.startDate}::date, ${c.endDate}::date, ${c.hours},
      ${c.capacity}, ${c.costPerParticipantVnd.toString()}::bigint, ${c.fundingSource}, ${c.requiresPlanning ? 'yes' : 'no'}, ${c.createdBy}::uuid)
    RETURNING id`);
  return r.rows[0].id;
}

export type CourseChange = Omit<CourseRow, 'id' | 'seatsTaken' | 'nominated' | 'nominationsClosed' | 'costPerParticipantVnd'> & { costPerParticipantVnd: bigint };

/** Rewrites a course's own columns (its seats and nominations are counted, not stored). */
export async function updateCourse(tx: Tx, id: string, c: CourseChange): Promise<void> {
  await tx.execute(sql`UPDATE training_courses SET title = ${c.title}, provider = ${c.provider}, location = ${c.location}, source = ${c.source}, kind = ${c.kind},
      fields = ${pgArray(c.fields)}::text[], start_date = ${c.startDate}::date, end_date = ${c.endDate}::date, hours = ${c.hours}, capacity = ${c.capacity},
      cost_per_participant_vnd = ${c.costPerParticipantVnd.toString()}::bigint, funding_source = ${c.fundingSource}, requires_planning = ${c.requiresPlanning ? 'yes' : 'no'}
    WHERE id = ${id}::uuid`);
}

/** Nominations still waiting carry the course's cost and funding source as they are when decided. */
export async function repriceWaitingNominations(tx: Tx, courseId: string, cost: bigint, fundingSource: string): Promise<number> {
  const r = await tx.execute(sql`UPDATE training_enrolments SET estimated_cost_vnd = ${cost.toString()}::bigint, funding_source = ${fundingSource},
      version = version + 1, updated_at = now()
    WHERE course_id = ${courseId}::uuid AND status = 'nominated' AND (estimated_cost_vnd <> ${cost.toString()}::bigint OR funding_source <> ${fundingSource})`);
  return r.rowCount ?? 0;
}

export async function findCourses(tx: Tx, f: { year?: number; kind?: string }): Promise<CourseRow[]> {
  const where: SQL[] = [sql`TRUE`];
  if (f.year) where.push(sql`extract(year FROM c.start_date) = ${f.year}`);
  if (f.kind) where.push(sql`c.kind = ${f.kind}`);
  const r = await tx.execute<CourseRow>(sql`SELECT ${courseSelect} FROM training_courses c WHERE ${sql.join(where, sql` AND `)} ORDER BY c.start_date, c.title`);
  return r.rows;
}

/** One course; with `forUpdate` its row is locked, so seats are counted by one approval at a time. */
export async function findCourse(tx: Tx, id: string, forUpdate = false): Promise<CourseRow | null> {
  if (forUpdate) await tx.execute(sql`SELECT 1 FROM training_courses WHERE id = ${id}::uuid FOR UPDATE`);
  const r = await tx.execute<CourseRow>(sql`SELECT ${courseSelect} FROM training_courses c WHERE c.id = ${id}::uuid`);
  return r.rows[0] ?? null;
}

/** A person in scope with what a training need and a nomination read: unit path, the city-level unit, the post. */
export async function findTrainee(tx: Tx, personId: string, scope: SQL) {
  const r = await tx.execute<{
    id: string;
    fullName: string;
    code: string;
    status: string;
    unitId: string;
    unitPath: string[];
    budgetUnitId: string;
    jobPostId: string | null;
    educationLevel: string | null;
    politicalTheory: string | null;
    rankGrade: string | null;
    major: string | null;
    postTitle: string | null;
    minEducation: string | null;
    requiredPoliticalTheory: string | null;
    requiredRankGrade: string | null;
    standards: string | null;
  }>(sql`SELECT p.id, p.full_name AS "fullName", p.code, p.status, p.unit_id AS "unitId", u.path AS "unitPath",
      coalesce(u.path[2], u.path[1]) AS "budgetUnitId", p.job_post_id AS "jobPostId", p.education_level AS "educationLevel",
      p.political_theory AS "politicalTheory", rk.grade AS "rankGrade", p.major,
      jp.title AS "postTitle", jp.min_education AS "minEducation", jp.required_political_theory AS "requiredPoliticalTheory",
      jp.required_rank_grade AS "requiredRankGrade", jp.standards
    FROM people p JOIN org_units u ON u.id = p.unit_id
    LEFT JOIN ranks rk ON rk.code = p.rank_code
    LEFT JOIN job_posts jp ON jp.id = p.job_post_id
    WHERE p.id = ${personId}::uuid AND ${scope}`);
  return r.rows[0] ?? null;
}

/** What the training rules need about one person on a date (the course's start). */
export async function findTrainingFacts(tx: Tx, personId: string, on: string, excludeEnrolmentId: string | null): Promise<TrainingFacts | null> {
  const r = await tx.execute<TrainingFacts>(sql`SELECT p.id AS "personId", p.full_name AS "fullName", p.gender, p.birth_date AS "birthDate",
      p.category, p.recruited_on AS "recruitedOn", eg.is_minority AS "isMinority", p.health_status AS "healthStatus", p.health_checked_on AS "healthCheckedOn",
      coalesce((SELECT json_object_agg(ar.year, ar.level_code) FROM annual_ratings ar WHERE ar.person_id = p.id AND ar.year >= extract(year FROM ${on}::date) - 6), '{}') AS ratings,
      coalesce((SELECT json_agg(json_build_object('formCode', dr.form_code, 'decidedOn', dr.decided_on, 'effectiveFrom', dr.effective_from,
            'effectiveTo', dr.effective_to, 'partyDecidedOn', dr.party_decided_on, 'barMonths', df.bar_months, 'instrument', df.instrument) ORDER BY dr.effective_from DESC)
          FROM discipline_records dr
          LEFT JOIN LATERAL (SELECT f.bar_months, f.instrument FROM discipline_forms f WHERE f.code = dr.form_code AND p.category = ANY(f.applies_to)
              AND f.effective_from <= dr.decided_on AND (f.effective_to IS NULL OR f.effective_to >= dr.decided_on) ORDER BY f.effective_from DESC LIMIT 1) df ON TRUE
          WHERE dr.person_id = p.id AND dr.effective_from <= ${on}::date AND dr.effective_from > (${on}::date - interval '5 years')), '[]') AS disciplines,
      coalesce((SELECT json_agg(json_build_object('kind', pp.kind, 'openedOn', pp.opened_on, 'closedOn', pp.closed_on, 'documentNo', pp.document_no)
          ORDER BY pp.opened_on DESC, pp.id) FROM person_proceedings pp
          WHERE pp.person_id = p.id AND pp.opened_on <= ${on}::date AND (pp.closed_on IS NULL OR pp.closed_on >= ${on}::date)), '[]') AS proceedings,
      a.political_ok AS "politicalOk", a.assessed_on AS "assessedOn",
      (pl.title IS NOT NULL) AS "planningActive", pl.title AS "planningTitle",
      (p.education_level IN ('thac_si', 'tien_si') OR EXISTS (SELECT 1 FROM training_enrolments e JOIN training_courses c ON c.id = e.course_id
          WHERE e.person_id = p.id AND e.id IS DISTINCT FROM ${excludeEnrolmentId}::uuid AND c.kind = ANY(${pgArray(POSTGRADUATE_KINDS)}::text[])
          AND e.status = ANY(${pgArray(SEAT_STATUSES)}::text[]))) AS "hasPostgraduate",
      (SELECT array_agg(DISTINCT f) FROM training_needs n, unnest(n.fields) f
        WHERE n.person_id = p.id OR (n.person_id IS NULL AND p.job_post_id IS NOT NULL AND n.job_post_id = p.job_post_id)) AS "needFields"
    FROM people p
    LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code
    LEFT JOIN LATERAL (SELECT ua.political_ok, ua.assessed_on FROM unit_assessments ua WHERE ua.person_id = p.id AND ua.assessed_on <= ${on}::date
        ORDER BY ua.assessed_on DESC, ua.created_at DESC LIMIT 1) a ON TRUE
    LEFT JOIN LATERAL (SELECT pe.title FROM planning_entries pe WHERE pe.person_id = p.id AND pe.approved_on <= ${on}::date
        AND (pe.removed_on IS NULL OR pe.removed_on > ${on}::date) ORDER BY pe.approved_on DESC LIMIT 1) pl ON TRUE
    WHERE p.id = ${personId}::uuid`);
  const f = r.rows[0];
  if (!f) return null;
  f.ratings = Object.fromEntries(Object.entries(f.ratings).map(([y, c]) => [Number(y), c]));
  return f;
}

/** The regulation row of a category (can_bo, cong_chuc, vien_chuc) in force on a date. */
export async function findTrainingRegulationOn(tx: Tx, category: string, on: string) {
  const r = await tx.execute<{ effectiveFrom: string; params: unknown }>(sql`SELECT effective_from AS "effectiveFrom", params FROM training_regulations
    WHERE category = ${category} AND effective_from <= ${on}::date ORDER BY effective_from DESC LIMIT 1`);
  return r.rows[0] ?? null;
}

// ---------------------------------------------------------------- needs

export async function insertNeed(
  tx: Tx,
  n: {
    unitId: string;
    personId: string | null;
    jobPostId: string | null;
    period: string;
    kind: string;
    fields: string[];
    description: string;
    standardsGap: string[];
    headcount: number;
    createdBy: string;
  },
): Promise<string> {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO training_needs (unit_id, person_id, job_post_id, period, kind, fields, description, standards_gap, headcount, created_by)
    VALUES (${n.unitId}::uuid, ${n.personId}::uuid, ${n.jobPostId}::uuid, ${n.period}, ${n.kind}, ${pgArray(n.fields)}::text[], ${n.description},
      ${JSON.stringify(n.standardsGap)}::jsonb, ${n.headcount}, ${n.createdBy}::uuid) RETURNING id`);
  return r.rows[0].id;
}

/** Needs whose unit lies in the scope (condition on org_units u); a person's need also needs the person in scope. */
export async function findNeeds(tx: Tx, unitScope: SQL, personScope: SQL, f: { unitId?: string; period?: string }) {
  const where: SQL[] = [unitScope, sql`(n.person_id IS NULL OR ${personScope})`];
  if (f.unitId) where.push(pathUnder('u', f.unitId));
  if (f.period) where.push(sql`n.period = ${f.period}`);
  const r = await tx.execute<
    Omit<TrainingNeed, 'createdAt'> & { createdAt: Date }
  >(sql`SELECT n.id, n.unit_id AS "unitId", u.name AS "unitName", n.person_id AS "personId", p.full_name AS "personName",
      n.job_post_id AS "jobPostId", jp.title AS "jobPostTitle", n.period, n.kind, n.fields, n.description, n.standards_gap AS "standardsGap",
      n.headcount, n.status, n.created_at AS "createdAt"
    FROM training_needs n JOIN org_units u ON u.id = n.unit_id
    LEFT JOIN people p ON p.id = n.person_id
    LEFT JOIN job_posts jp ON jp.id = n.job_post_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY n.created_at DESC LIMIT 500`);
  return r.rows;
}

export async function findNeedForPerson(tx: Tx, needId: string, personId: string) {
  const r = await tx.execute<{ id: string; status: string }>(sql`SELECT n.id, n.status FROM training_needs n JOIN people p ON p.id = ${personId}::uuid
    WHERE n.id = ${needId}::uuid AND (n.person_id = p.id OR (n.person_id IS NULL AND n.job_post_id = p.job_post_id)
      OR (n.person_id IS NULL AND n.job_post_id IS NULL AND n.unit_id IN (SELECT su.id FROM org_units su JOIN org_units pu ON pu.id = p.unit_id WHERE pu.path @> ARRAY[su.id])))`);
  return r.rows[0] ?? null;
}

export async function setNeedStatus(tx: Tx, needId: string, status: string) {
  await tx.execute(sql`UPDATE training_needs SET status = ${status} WHERE id = ${needId}::uuid`);
}

// ---------------------------------------------------------------- enrolments

export type EnrolmentRow = {
  id: string;
  courseId: string;
  personId: string;
  budgetUnitId: string;
  needId: string | null;
  status: string;
  fundingSource: 'regular' | 'supplementary';
  budgetId: string | null;
  estimatedCostVnd: string;
  committedVnd: string;
  spentVnd: string;
  commitmentMonths: number | null;
  commitmentFrom: string | null;
  commitmentTo: string | null;
  enrolledOn: string | null;
  completedOn: string | null;
  version: number;
  unitPath: string[];
};

export async function insertEnrolment(
  tx: Tx,
  e: {
    courseId: string;
    personId: string;
    budgetUnitId: string;
    needId: string | null;
    nominatedBy: string;
    note: string | null;
    eligibility: unknown;
    fundingSource: string;
    estimatedCostVnd: bigint;
  },
): Promise<string> {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO training_enrolments (course_id, person_id, budget_unit_id, need_id, status, nominated_by, nomination_note,
      eligibility, funding_source, estimated_cost_vnd)
    VALUES (${e.courseId}::uuid, ${e.personId}::uuid, ${e.budgetUnitId}::uuid, ${e.needId}::uuid, 'nominated', ${e.nominatedBy}::uuid, ${e.note},
      ${JSON.stringify(e.eligibility)}::jsonb, ${e.fundingSource}, ${e.estimatedCostVnd.toString()}::bigint)
    ON CONFLICT DO NOTHING RETURNING id`);
  return r.rows[0]?.id ?? '';
}

/** An enrolment whose person lies in the scope (condition on people p), locked for the change that follows. */
export async function findEnrolmentForUpdate(tx: Tx, id: string, scope: SQL): Promise<EnrolmentRow | null> {
  const r = await tx.execute<EnrolmentRow>(sql`SELECT e.id, e.course_id AS "courseId", e.person_id AS "personId", e.budget_unit_id AS "budgetUnitId",
      e.need_id AS "needId", e.status, e.funding_source AS "fundingSource", e.budget_id AS "budgetId",
      e.estimated_cost_vnd::text AS "estimatedCostVnd", e.committed_vnd::text AS "committedVnd", e.spent_vnd::text AS "spentVnd",
      e.commitment_months AS "commitmentMonths", e.commitment_from AS "commitmentFrom", e.commitment_to AS "commitmentTo",
      e.enrolled_on AS "enrolledOn", e.completed_on AS "completedOn", e.version, u.path AS "unitPath"
    FROM training_enrolments e JOIN people p ON p.id = e.person_id JOIN org_units u ON u.id = p.unit_id
    WHERE e.id = ${id}::uuid AND ${scope}
    FOR UPDATE OF e`);
  return r.rows[0] ?? null;
}

const ENROLMENT_COLUMNS = {
  status: 'status',
  decidedBy: 'decided_by',
  decidedByName: 'decided_by_name',
  decidedAt: 'decided_at',
  refusalReason: 'refusal_reason',
  budgetId: 'budget_id',
  committedVnd: 'committed_vnd',
  spentVnd: 'spent_vnd',
  overrideReason: 'override_reason',
  enrolledOn: 'enrolled_on',
  commitmentMonths: 'commitment_months',
  commitmentFrom: 'commitment_from',
  commitmentTo: 'commitment_to',
  result: 'result',
  certificateNo: 'certificate_no',
  completedOn: 'completed_on',
  endedOn: 'ended_on',
  endReason: 'end_reason',
  eligibility: 'eligibility',
} as const;
export type EnrolmentPatch = Partial<Record<keyof typeof ENROLMENT_COLUMNS, string | number | bigint | null | object>>;

/** Writes the given columns and bumps the version. */
export async function updateEnrolment(tx: Tx, id: string, patch: EnrolmentPatch): Promise<void> {
  const sets = Object.entries(patch).map(([k, v]) => {
    const col = sql.raw(ENROLMENT_COLUMNS[k as keyof typeof ENROLMENT_COLUMNS]);
    if (typeof v === 'bigint') return sql`${col} = ${v.toString()}::bigint`;
    if (v !== null && typeof v === 'object') return sql`${col} = ${JSON.stringify(v)}::jsonb`;
    if (k === 'decidedAt') return sql`${col} = now()`;
    return sql`${col} = ${v}`;
  });
  await tx.execute(sql`UPDATE training_enrolments SET ${sql.join(sets, sql`, `)}, version = version + 1, updated_at = now() WHERE id = ${id}::uuid`);
}

/** Enrolments of people in scope (condition on people p), with the person, course and unit, newest first. */
export async function findEnrolments(tx: Tx, scope: SQL, f: { courseId?: string; status?: string; unitId?: string; personId?: string; year?: number }) {
  const where: SQL[] = [scope];
  if (f.courseId) where.push(sql`e.course_id = ${f.courseId}::uuid`);
  if (f.status) where.push(sql`e.status = ${f.status}`);
  if (f.unitId) where.push(pathUnder('bu', f.unitId));
  if (f.personId) where.push(sql`e.person_id = ${f.personId}::uuid`);
  if (f.year) where.push(sql`extract(year FROM c.start_date) = ${f.year}`);
  const r = await tx.execute(sql`SELECT e.id, e.status, e.course_id AS "courseId", c.title AS "courseTitle", c.kind AS "courseKind", c.location AS "courseLocation",
      c.provider, c.fields AS "courseFields", c.start_date AS "startDate", c.end_date AS "endDate", c.hours,
      e.person_id AS "personId", p.full_name AS "personName", p.code AS "personCode", p.gender, p.birth_date AS "birthDate",
      p.position_title AS "positionTitle", pu.name AS "personUnitName", u.path AS "unitPath",
      e.budget_unit_id AS "budgetUnitId", bu.name AS "budgetUnitName", e.funding_source AS "fundingSource",
      e.estimated_cost_vnd::text AS "estimatedCostVnd", e.committed_vnd::text AS "committedVnd", e.spent_vnd::text AS "spentVnd",
      e.eligibility, e.nomination_note AS "nominationNote", e.nominated_at AS "nominatedAt",
      e.decided_by_name AS "decidedByName", e.decided_at AS "decidedAt", e.refusal_reason AS "refusalReason", e.override_reason AS "overrideReason",
      e.enrolled_on AS "enrolledOn", e.commitment_months AS "commitmentMonths", e.commitment_from AS "commitmentFrom", e.commitment_to AS "commitmentTo",
      e.result, e.certificate_no AS "certificateNo", e.completed_on AS "completedOn", e.ended_on AS "endedOn", e.end_reason AS "endReason",
      e.need_id AS "needId", e.version,
      (SELECT row_to_json(x) FROM (SELECT r.id, r.left_on AS "leftOn", r.reason, r.amount_vnd::text AS "amountVnd", r.explanation,
           r.probation_ended_on AS "probationEndedOn", r.status, r.council_decision_no AS "councilDecisionNo", r.council_formed_on AS "councilFormedOn",
           r.council_members AS "councilMembers", r.decision_no AS "decisionNo", r.decided_on AS "decidedOn", r.due_on AS "dueOn",
           r.paid_vnd::text AS "paidVnd", r.paid_on AS "paidOn"
         FROM training_repayments r WHERE r.enrolment_id = e.id) x) AS repayment
    FROM training_enrolments e
    JOIN training_courses c ON c.id = e.course_id
    JOIN people p ON p.id = e.person_id
    JOIN org_units u ON u.id = p.unit_id
    JOIN org_units pu ON pu.id = p.unit_id
    JOIN org_units bu ON bu.id = e.budget_unit_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY c.start_date DESC, p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu"
    LIMIT 1000`);
  return r.rows;
}

export async function insertRepayment(
  tx: Tx,
  r: {
    enrolmentId: string;
    leftOn: string;
    reason: string;
    amountVnd: bigint;
    explanation: unknown;
    probationEndedOn: string | null;
    status: string;
    createdBy: string;
  },
) {
  const x = await tx.execute<{ id: string }>(sql`INSERT INTO training_repayments (enrolment_id, left_on, reason, amount_vnd, explanation,
      probation_ended_on, status, created_by)
    VALUES (${r.enrolmentId}::uuid, ${r.leftOn}::date, ${r.reason}, ${r.amountVnd.toString()}::bigint, ${JSON.stringify(r.explanation)}::jsonb,
      ${r.probationEndedOn}::date, ${r.status}, ${r.createdBy}::uuid)
    ON CONFLICT DO NOTHING RETURNING id`);
  return x.rows[0]?.id ?? null;
}

export type RepaymentRow = {
  id: string;
  enrolmentId: string;
  personId: string;
  /** The person's category: the regulation of the decision date is that category's. */
  category: string | null;
  status: string;
  amountVnd: string;
  councilFormedOn: string | null;
  decidedOn: string | null;
  dueOn: string | null;
  paidVnd: string | null;
  paidOn: string | null;
};

/** The repayment of an enrolment whose person lies in the scope (condition on people p), locked for the step that follows. */
export async function findRepaymentForUpdate(tx: Tx, enrolmentId: string, scope: SQL): Promise<RepaymentRow | null> {
  const r = await tx.execute<RepaymentRow>(sql`SELECT r.id, r.enrolment_id AS "enrolmentId", e.person_id AS "personId", p.category, r.status,
      r.amount_vnd::text AS "amountVnd", r.council_formed_on AS "councilFormedOn", r.decided_on AS "decidedOn", r.due_on AS "dueOn",
      r.paid_vnd::text AS "paidVnd", r.paid_on AS "paidOn"
    FROM training_repayments r JOIN training_enrolments e ON e.id = r.enrolment_id JOIN people p ON p.id = e.person_id
    WHERE r.enrolment_id = ${enrolmentId}::uuid AND ${scope}
    FOR UPDATE OF r`);
  return r.rows[0] ?? null;
}

const REPAYMENT_COLUMNS = {
  status: 'status',
  councilDecisionNo: 'council_decision_no',
  councilFormedOn: 'council_formed_on',
  councilMembers: 'council_members',
  decisionNo: 'decision_no',
  decidedOn: 'decided_on',
  dueOn: 'due_on',
  paidVnd: 'paid_vnd',
  paidOn: 'paid_on',
} as const;

/** Writes the given columns of a repayment (a step of the procedure). */
export async function updateRepayment(tx: Tx, id: string, patch: Partial<Record<keyof typeof REPAYMENT_COLUMNS, string | bigint | object | null>>) {
  const sets = Object.entries(patch).map(([k, v]) => {
    const col = sql.raw(REPAYMENT_COLUMNS[k as keyof typeof REPAYMENT_COLUMNS]);
    if (typeof v === 'bigint') return sql`${col} = ${v.toString()}::bigint`;
    if (v !== null && typeof v === 'object') return sql`${col} = ${JSON.stringify(v)}::jsonb`;
    return sql`${col} = ${v}`;
  });
  await tx.execute(sql`UPDATE training_repayments SET ${sql.join(sets, sql`, `)} WHERE id = ${id}::uuid`);
}

/** Person facts the repayment reads. */
export async function findRepaymentPerson(tx: Tx, personId: string) {
  const r = await tx.execute<{
    status: string;
    gender: 'male' | 'female';
    category: string | null;
    recruitedOn: string | null;
    isMinority: boolean | null;
  }>(sql`SELECT p.status, p.gender, p.category,
      p.recruited_on AS "recruitedOn", eg.is_minority AS "isMinority" FROM people p LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code WHERE p.id = ${personId}::uuid`);
  return r.rows[0] ?? null;
}

/** Closes a course to nominations (Sở Nội vụ), with the reason and who did it. */
export async function closeCourseNominations(tx: Tx, id: string, o: { reason: string; by: string }) {
  await tx.execute(sql`UPDATE training_courses SET nominations_closed_at = now(), nominations_closed_reason = ${o.reason}, nominations_closed_by = ${o.by}::uuid
    WHERE id = ${id}::uuid AND nominations_closed_at IS NULL`);
}

/** Links the résumé's training row to the enrolment whose completion wrote it (one row per enrolment). */
export async function linkTrainingHistory(tx: Tx, historyId: string, enrolmentId: string) {
  await tx.execute(sql`UPDATE training_history SET enrolment_id = ${enrolmentId}::uuid WHERE id = ${historyId}::uuid`);
}
