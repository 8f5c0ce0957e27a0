import { and, eq, sql, type SQL } from 'drizzle-orm';
import { secondments } from '../schema/secondment.js';
import type { Tx } from '../client.js';
import { allOf, pgArray } from '../sql-helpers.js';
import { personSearchCondition } from './personnel.repository.js';
import type { UnitKind } from '../../../common/enums.js';
import type { PostSnapshot, SecondmentDetail, SecondmentSummary } from '../../../common/schemas/secondment.js';
import { inSubtree, unitSubtree } from '../scope.js';

/** A secondment as the workflow needs it: its columns and the unit paths that decide who may act on it. */
export type SecondmentRow = {
  id: string;
  personId: string;
  fullName: string;
  sendingUnitId: string;
  hostUnitId: string | null;
  status: string;
  targetGroup: number | null;
  suggestedRole: string | null;
  remarks: string | null;
  eligibleAtProposal: boolean | null;
  justification: string | null;
  proposedBy: string | null;
  appraisedBy: string | null;
  decisionId: string | null;
  decisionNo: string | null;
  durationMonths: number | null;
  startDate: string | null;
  endDate: string | null;
  actualEndDate: string | null;
  reservedPost: PostSnapshot | null;
  version: number;
  personUnitId: string;
  personUnitPath: string[];
  sendingUnitPath: string[];
  hostUnitPath: string[] | null;
  hostUnitKind: string | null;
};

const ROW = sql`s.id, s.person_id AS "personId", p.full_name AS "fullName", s.sending_unit_id AS "sendingUnitId", s.host_unit_id AS "hostUnitId", s.status,
  s.target_group AS "targetGroup", s.suggested_role AS "suggestedRole", s.remarks, s.eligible_at_proposal AS "eligibleAtProposal",
  s.justification, s.proposed_by AS "proposedBy", s.appraised_by AS "appraisedBy", s.decision_id AS "decisionId", s.decision_no AS "decisionNo",
  s.duration_months AS "durationMonths", s.start_date::text AS "startDate", s.end_date::text AS "endDate", s.actual_end_date::text AS "actualEndDate",
  s.reserved_post AS "reservedPost", s.version,
  p.unit_id AS "personUnitId", pu.path AS "personUnitPath", su.path AS "sendingUnitPath", hu.path AS "hostUnitPath", hu.kind AS "hostUnitKind"`;
const FROM = sql`secondments s JOIN people p ON p.id = s.person_id JOIN org_units pu ON pu.id = p.unit_id
  JOIN org_units su ON su.id = s.sending_unit_id LEFT JOIN org_units hu ON hu.id = s.host_unit_id`;

/** One secondment within the scope (a condition on s, p), locked for the change when asked. */
export async function findSecondment(tx: Tx, id: string, scope: SQL, forUpdate = false): Promise<SecondmentRow | null> {
  const r = await tx.execute<SecondmentRow>(sql`SELECT ${ROW} FROM ${FROM} WHERE s.id = ${id}::uuid AND ${scope}
    ${forUpdate ? sql`FOR UPDATE OF s` : sql``}`);
  return r.rows[0] ?? null;
}

/** A new secondment's columns, as the table declares them. */
export type SecondmentInsert = typeof secondments.$inferInsert;
/** The columns a step may set (the id, version and timestamps are the repository's). */
export type SecondmentChanges = Partial<Omit<SecondmentInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

/** Sets columns of a secondment if its version is still `version`; returns the new version, or null when stale. */
export async function updateSecondment(tx: Tx, id: string, version: number, set: SecondmentChanges): Promise<number | null> {
  const r = await tx
    .update(secondments)
    .set({ ...set, version: sql`${secondments.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(secondments.id, id), eq(secondments.version, version)))
    .returning({ version: secondments.version });
  return r[0]?.version ?? null;
}

export async function insertSecondment(tx: Tx, v: SecondmentInsert): Promise<string> {
  const r = await tx.insert(secondments).values(v).returning({ id: secondments.id });
  return r[0].id;
}

export async function openSecondmentOf(tx: Tx, personId: string, openStatuses: readonly string[]): Promise<{ id: string; status: string } | null> {
  const r = await tx.execute<{ id: string; status: string }>(sql`SELECT id, status FROM secondments
    WHERE person_id = ${personId}::uuid AND status = ANY(${pgArray(openStatuses)}::text[]) LIMIT 1`);
  return r.rows[0] ?? null;
}

export async function insertEvent(
  tx: Tx,
  e: {
    secondmentId: string;
    action: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    actorUserId: string;
    actorName: string;
    note?: string | null;
    data?: unknown;
  },
) {
  await tx.execute(sql`INSERT INTO secondment_events (secondment_id, action, from_status, to_status, actor_user_id, actor_name, note, data)
    VALUES (${e.secondmentId}::uuid, ${e.action}, ${e.fromStatus ?? null}, ${e.toStatus ?? null}, ${e.actorUserId}::uuid, ${e.actorName},
      ${e.note ?? null}, ${e.data === undefined ? null : JSON.stringify(e.data)}::jsonb)`);
}

/** A unit with its kind and path, if it exists. */
export async function findUnit(tx: Tx, id: string, scope: SQL = sql`TRUE`) {
  const r = await tx.execute<{ id: string; name: string; kind: UnitKind; path: string[] }>(
    sql`SELECT u.id, u.name, u.kind, u.path FROM org_units u WHERE u.id = ${id}::uuid AND ${scope}`,
  );
  return r.rows[0] ?? null;
}

/** The person's current post, kept as the reserved home post when the decision is made. */
export async function currentPost(tx: Tx, personId: string): Promise<PostSnapshot> {
  const r = await tx.execute<PostSnapshot>(sql`SELECT p.unit_id AS "unitId", u.name AS "unitName", p.job_post_id AS "jobPostId",
      p.position_title AS "positionTitle", p.is_leader AS "isLeader", p.leadership_allowance_coef::text AS "leadershipAllowanceCoef",
      p.rank_code AS "rankCode", p.salary_step AS "salaryStep", p.salary_coefficient::text AS "salaryCoefficient"
    FROM people p JOIN org_units u ON u.id = p.unit_id WHERE p.id = ${personId}::uuid`);
  return r.rows[0];
}

/** A rank with its grade (loại) and step coefficients, to compare a placement with the reserved post. */
export async function findRank(tx: Tx, code: string): Promise<{ code: string; name: string; grade: string; coefficients: string[] } | null> {
  const r = await tx.execute<{ code: string; name: string; grade: string; coefficients: string[] }>(sql`SELECT code, name, grade,
    coefficients::text[] AS coefficients FROM ranks WHERE code = ${code}`);
  return r.rows[0] ?? null;
}

/** The rank's step coefficients (to grant one extra step unless already at the last). */
export async function rankSteps(tx: Tx, rankCode: string): Promise<string[] | null> {
  const r = await tx.execute<{ c: string[] }>(sql`SELECT coefficients::text[] AS c FROM ranks WHERE code = ${rankCode}`);
  return r.rows[0]?.c ?? null;
}

export async function ratingLevel(tx: Tx, code: string) {
  const r = await tx.execute<{ code: string; name: string; rank: number }>(sql`SELECT code, name, rank FROM rating_levels WHERE code = ${code}`);
  return r.rows[0] ?? null;
}

// ---------------------------------------------------------------- decisions

/** The issuer of a decision: the People's Committee (null) or a unit numbering its own decisions. */
const issuerIs = (issuerUnitId: string | null) => (issuerUnitId ? sql`issuer_unit_id = ${issuerUnitId}::uuid` : sql`issuer_unit_id IS NULL`);

/** Serialises the numbering of one issuer's decisions of one calendar year. */
export async function lockDecisionYear(tx: Tx, year: number, issuerUnitId: string | null) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('secondment_decisions:' || ${issuerUnitId ?? 'ubnd'}), ${year})`);
}

export async function nextDecisionSeq(tx: Tx, year: number, issuerUnitId: string | null): Promise<number> {
  const r = await tx.execute<{ n: number }>(
    sql`SELECT coalesce(max(seq), 0)::int + 1 AS n FROM secondment_decisions WHERE year = ${year} AND ${issuerIs(issuerUnitId)}`,
  );
  return r.rows[0].n;
}

export async function decisionSeqTaken(tx: Tx, year: number, seq: number, issuerUnitId: string | null): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM secondment_decisions WHERE year = ${year} AND seq = ${seq} AND ${issuerIs(issuerUnitId)}`);
  return r.rows.length > 0;
}

/** The code a unit signs its documents with ("SYT" in "05/QĐ-SYT"). */
export async function unitDocumentCode(tx: Tx, unitId: string): Promise<string | null> {
  const r = await tx.execute<{ code: string }>(sql`SELECT code FROM org_units WHERE id = ${unitId}::uuid`);
  return r.rows[0]?.code ?? null;
}

export async function insertDecision(
  tx: Tx,
  d: {
    kind: string;
    issuerUnitId: string | null;
    year: number;
    seq: number;
    number: string;
    decidedOn: string;
    signerName: string;
    signerTitle: string;
    note?: string | null;
    createdBy: string;
  },
): Promise<string> {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO secondment_decisions (kind, issuer_unit_id, year, seq, number, decided_on, signer_name, signer_title, note, created_by)
    VALUES (${d.kind}, ${d.issuerUnitId}, ${d.year}, ${d.seq}, ${d.number}, ${d.decidedOn}, ${d.signerName}, ${d.signerTitle}, ${d.note ?? null}, ${d.createdBy}::uuid) RETURNING id`);
  return r.rows[0].id;
}

export async function insertDecisionItem(
  tx: Tx,
  i: {
    decisionId: string;
    secondmentId: string;
    hostUnitId?: string | null;
    startDate?: string | null;
    endDate?: string | null;
    durationMonths?: number | null;
    reason?: string | null;
  },
) {
  await tx.execute(sql`INSERT INTO secondment_decision_items (decision_id, secondment_id, host_unit_id, start_date, end_date, duration_months, reason)
    VALUES (${i.decisionId}::uuid, ${i.secondmentId}::uuid, ${i.hostUnitId ?? null}, ${i.startDate ?? null}, ${i.endDate ?? null},
      ${i.durationMonths ?? null}, ${i.reason ?? null})`);
}

export async function findDecision(tx: Tx, id: string) {
  const r = await tx.execute<{ id: string; decidedOn: string; number: string }>(
    sql`SELECT id, decided_on::text AS "decidedOn", number FROM secondment_decisions WHERE id = ${id}::uuid`,
  );
  return r.rows[0] ?? null;
}

// ---------------------------------------------------------------- host access, reports, evaluations, contacts

export async function grantHostAccess(tx: Tx, g: { unitId: string; personId: string; from: string; to: string; secondmentId: string }) {
  await tx.execute(sql`INSERT INTO person_access_grants (unit_id, person_id, valid_from, valid_to, reason, source_type, source_id)
    VALUES (${g.unitId}::uuid, ${g.personId}::uuid, ${g.from}, ${g.to}, 'Cán bộ tăng cường về cơ sở', 'secondment', ${g.secondmentId}::uuid)`);
}

/** Moves the end of the host's access to the secondment's (new) end date. */
export async function setHostAccessEnd(tx: Tx, secondmentId: string, to: string) {
  await tx.execute(sql`UPDATE person_access_grants SET valid_to = greatest(valid_from, ${to}::date)
    WHERE source_type = 'secondment' AND source_id = ${secondmentId}::uuid`);
}

export async function insertReports(
  tx: Tx,
  secondmentId: string,
  rows: {
    kind: 'periodic' | 'adhoc';
    periodNo?: number | null;
    periodFrom?: string | null;
    periodTo?: string | null;
    dueOn: string;
    requestedBy?: string | null;
    requestNote?: string | null;
  }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const x of rows) {
    const r = await tx.execute<{
      id: string;
    }>(sql`INSERT INTO secondment_reports (secondment_id, kind, period_no, period_from, period_to, due_on, requested_by, request_note)
      VALUES (${secondmentId}::uuid, ${x.kind}, ${x.periodNo ?? null}, ${x.periodFrom ?? null}, ${x.periodTo ?? null}, ${x.dueOn},
        ${x.requestedBy ?? null}, ${x.requestNote ?? null}) RETURNING id`);
    ids.push(r.rows[0].id);
  }
  return ids;
}

export async function lastPeriodicReport(tx: Tx, secondmentId: string) {
  const r = await tx.execute<{ periodNo: number; periodTo: string }>(sql`SELECT period_no AS "periodNo", period_to::text AS "periodTo"
    FROM secondment_reports WHERE secondment_id = ${secondmentId}::uuid AND kind = 'periodic' AND cancelled_at IS NULL
    ORDER BY period_no DESC LIMIT 1`);
  return r.rows[0] ?? null;
}

/** Cancels reports not yet submitted whose period starts after the new end (early end). */
export async function cancelReportsAfter(tx: Tx, secondmentId: string, end: string) {
  await tx.execute(sql`UPDATE secondment_reports SET cancelled_at = now(), version = version + 1
    WHERE secondment_id = ${secondmentId}::uuid AND submitted_on IS NULL AND cancelled_at IS NULL AND coalesce(period_from, due_on) > ${end}::date`);
}

export async function findReport(tx: Tx, secondmentId: string, reportId: string) {
  const r = await tx.execute<{ id: string; kind: string; dueOn: string; submittedOn: string | null; cancelledAt: string | null; version: number }>(
    sql`SELECT id, kind, due_on::text AS "dueOn", submitted_on::text AS "submittedOn", cancelled_at AS "cancelledAt", version
      FROM secondment_reports WHERE id = ${reportId}::uuid AND secondment_id = ${secondmentId}::uuid FOR UPDATE`,
  );
  return r.rows[0] ?? null;
}

export async function submitReport(
  tx: Tx,
  id: string,
  version: number,
  v: { submittedOn: string; by: string; results: string; difficulties: string | null; proposals: string | null },
) {
  const r = await tx.execute<{
    version: number;
  }>(sql`UPDATE secondment_reports SET submitted_on = ${v.submittedOn}, submitted_at = now(), submitted_by = ${v.by}::uuid,
      results = ${v.results}, difficulties = ${v.difficulties}, proposals = ${v.proposals}, version = version + 1
    WHERE id = ${id}::uuid AND version = ${version} RETURNING version`);
  return r.rows[0]?.version ?? null;
}

export async function insertEvaluation(
  tx: Tx,
  v: {
    secondmentId: string;
    year: number;
    evaluatedOn: string;
    proposedRating: string;
    strengths: string | null;
    weaknesses: string | null;
    usageProposal: string | null;
    userId: string;
    userName: string;
  },
): Promise<string | null> {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO secondment_evaluations (secondment_id, year, evaluated_on, proposed_rating, strengths, weaknesses, usage_proposal, evaluator_user_id, evaluator_name)
    VALUES (${v.secondmentId}::uuid, ${v.year}, ${v.evaluatedOn}, ${v.proposedRating}, ${v.strengths}, ${v.weaknesses}, ${v.usageProposal}, ${v.userId}::uuid, ${v.userName})
    ON CONFLICT (secondment_id, year) DO NOTHING RETURNING id`);
  return r.rows[0]?.id ?? null;
}

export async function insertContact(
  tx: Tx,
  v: { secondmentId: string; contactedOn: string; channel: string; summary: string; followUp: string | null; userId: string; userName: string },
): Promise<string> {
  const r = await tx.execute<{
    id: string;
  }>(sql`INSERT INTO secondment_contacts (secondment_id, contacted_on, channel, summary, follow_up, author_user_id, author_name)
    VALUES (${v.secondmentId}::uuid, ${v.contactedOn}, ${v.channel}, ${v.summary}, ${v.followUp}, ${v.userId}::uuid, ${v.userName}) RETURNING id`);
  return r.rows[0].id;
}

/** Active secondments whose end date is before `today`: the daily job flags them completed. */
export async function findEnded(tx: Tx, today: string): Promise<{ id: string }[]> {
  const r = await tx.execute<{ id: string }>(sql`SELECT id FROM secondments WHERE status = 'active' AND end_date < ${today}::date ORDER BY end_date, id`);
  return r.rows;
}

// ---------------------------------------------------------------- reading

export type ListFilter = { status?: string[]; unitId?: string; hostUnitId?: string; q?: string; endsBy?: string };

function listWhere(scope: SQL, f: ListFilter): SQL {
  const parts: SQL[] = [scope];
  if (f.status?.length) parts.push(sql`s.status = ANY(${pgArray(f.status)}::text[])`);
  if (f.unitId) {
    const units = unitSubtree(f.unitId);
    parts.push(sql`(s.sending_unit_id IN ${units} OR EXISTS (SELECT 1 FROM people sp WHERE sp.id = s.person_id AND sp.unit_id IN ${units}))`);
  }
  if (f.hostUnitId) parts.push(inSubtree('s.host_unit_id', f.hostUnitId));
  if (f.q) parts.push(personSearchCondition(f.q));
  if (f.endsBy) parts.push(sql`s.end_date <= ${f.endsBy}::date`);
  return sql.join(parts, sql` AND `);
}

const SUMMARY = sql`s.id, s.status, s.target_group AS "targetGroup", s.eligible_at_proposal AS "eligibleAtProposal", s.decision_no AS "decisionNo",
  s.start_date::text AS "startDate", s.end_date::text AS "endDate", s.updated_at AS "updatedAt", s.version,
  json_build_object('id', p.id, 'code', p.code, 'fullName', p.full_name, 'birthDate', p.birth_date::text, 'gender', p.gender, 'positionTitle', p.position_title) AS person,
  json_build_object('id', su.id, 'name', su.name) AS "sendingUnit",
  CASE WHEN hu.id IS NULL THEN NULL ELSE json_build_object('id', hu.id, 'name', hu.name) END AS "hostUnit",
  CASE WHEN s.status IN ('proposed', 'appraised') THEN (SELECT json_build_object('committeeName', o.committee_name, 'givenOn', o.given_on::text,
      'documentNo', o.document_no, 'outcome', o.outcome, 'politicalConclusion', o.political_conclusion)
    FROM secondment_party_opinions o WHERE o.secondment_id = s.id ORDER BY o.given_on DESC, o.created_at DESC, o.id DESC LIMIT 1) END AS "partyOpinion"`;

// timestamptz columns come back as Dates (sent as ISO text)
export type SecondmentSummaryRow = Omit<SecondmentSummary, 'updatedAt'> & { updatedAt: Date };
type DetailLists = 'events' | 'decisions' | 'reports' | 'evaluations' | 'contacts';
type SecondmentDetailRow = SecondmentSummaryRow &
  Omit<SecondmentDetail, keyof SecondmentSummary | DetailLists | 'allowedActions' | 'proposalWithheld' | 'proposedAt' | 'appraisedAt'> & {
    proposedAt: Date | null;
    appraisedAt: Date | null;
  };
type Item<K extends DetailLists> = SecondmentDetail[K][number];

/** One page of secondments in the scope, in Vietnamese name order, with the count per status of the filter. */
export async function findSecondmentPage(tx: Tx, scope: SQL, f: ListFilter, page: number, pageSize: number) {
  const where = listWhere(scope, f);
  const whereNoStatus = listWhere(scope, { ...f, status: undefined });
  const [rows, counts] = await allOf(tx, [
    () =>
      tx.execute<SecondmentSummaryRow>(sql`SELECT ${SUMMARY} FROM ${FROM} WHERE ${where}
      ORDER BY p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu", s.created_at
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
    // the counts read only the secondments (and the people when searching by name): no joins for the page's decorations
    () =>
      tx.execute<{ status: string; n: number }>(sql`SELECT s.status, count(*)::int AS n
      FROM secondments s ${f.q ? sql`JOIN people p ON p.id = s.person_id` : sql``} WHERE ${whereNoStatus} GROUP BY s.status`),
  ]);
  const countsByStatus = Object.fromEntries(counts.rows.map((c) => [c.status, c.n]));
  const total = f.status?.length ? f.status.reduce((n, st) => n + (countsByStatus[st] ?? 0), 0) : counts.rows.reduce((n, c) => n + c.n, 0);
  return { items: rows.rows, total, countsByStatus };
}

/** All rows of the filter for an export, in batches (a cursor would do for a country; a province has a few thousand). */
export async function findSecondmentsForExport(tx: Tx, scope: SQL, f: ListFilter, limit: number) {
  const r = await tx.execute<Record<string, unknown>>(sql`SELECT p.code, p.full_name AS "fullName", p.birth_date::text AS "birthDate", p.gender,
      p.position_title AS "positionTitle", su.name AS "sendingUnit", hu.name AS "hostUnit", s.status, s.target_group AS "targetGroup",
      s.decision_no AS "decisionNo", s.start_date::text AS "startDate", s.end_date::text AS "endDate", s.host_role AS "hostRole"
    FROM ${FROM} WHERE ${listWhere(scope, f)}
    ORDER BY su.sort_order, su.name COLLATE "vi-VN-x-icu", p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu" LIMIT ${limit}`);
  return r.rows;
}

/** The whole record of one secondment for its page (already known to be in scope). */
export async function loadSecondmentDetail(tx: Tx, id: string, today: string) {
  const sid = sql`${id}::uuid`;
  const [main, events, decisions, reports, evaluations, contacts] = await allOf(tx, [
    () =>
      tx.execute<SecondmentDetailRow>(sql`SELECT ${SUMMARY}, s.suggested_role AS "suggestedRole", s.remarks, s.justification,
        s.proposal_verdict AS "proposalVerdict", s.appraisal_verdict AS "appraisalVerdict", s.appraisal_note AS "appraisalNote",
        s.proposed_at AS "proposedAt", s.appraised_at AS "appraisedAt", s.duration_months AS "durationMonths",
        s.short_duration_reason AS "shortDurationReason", s.received_on::text AS "receivedOn", s.assigned_work AS "assignedWork",
        s.host_role AS "hostRole", s.reserved_post AS "reservedPost", s.actual_end_date::text AS "actualEndDate", s.end_reason AS "endReason",
        s.placement, s.outcome_rating AS "outcomeRating", s.outcome_remarks AS "outcomeRemarks", s.extra_step_granted AS "extraStepGranted",
        s.returned_on::text AS "returnedOn"
      FROM ${FROM} WHERE s.id = ${sid}`),
    () =>
      tx.execute<
        Omit<Item<'events'>, 'at'> & { at: Date }
      >(sql`SELECT id, action, from_status AS "fromStatus", to_status AS "toStatus", actor_name AS "actorName", note, at
      FROM secondment_events WHERE secondment_id = ${sid} ORDER BY at, id`),
    () =>
      tx.execute<
        Item<'decisions'>
      >(sql`SELECT d.id, d.kind, d.number, d.decided_on::text AS "decidedOn", d.signer_name AS "signerName", d.signer_title AS "signerTitle"
      FROM secondment_decision_items i JOIN secondment_decisions d ON d.id = i.decision_id WHERE i.secondment_id = ${sid} ORDER BY d.decided_on, d.created_at`),
    () =>
      tx.execute<
        Item<'reports'>
      >(sql`SELECT id, kind, period_no AS "periodNo", period_from::text AS "periodFrom", period_to::text AS "periodTo", due_on::text AS "dueOn",
        request_note AS "requestNote", submitted_on::text AS "submittedOn", results, difficulties, proposals,
        (submitted_on IS NULL AND cancelled_at IS NULL AND due_on < ${today}::date) AS overdue, (cancelled_at IS NOT NULL) AS cancelled, version
      FROM secondment_reports WHERE secondment_id = ${sid} ORDER BY due_on, period_no NULLS LAST`),
    () =>
      tx.execute<Item<'evaluations'>>(sql`SELECT id, year, evaluated_on::text AS "evaluatedOn", proposed_rating AS "proposedRating", strengths, weaknesses,
        usage_proposal AS "usageProposal", evaluator_name AS "evaluatorName" FROM secondment_evaluations WHERE secondment_id = ${sid} ORDER BY year`),
    () =>
      tx.execute<Item<'contacts'>>(sql`SELECT id, contacted_on::text AS "contactedOn", channel, summary, follow_up AS "followUp", author_name AS "authorName"
      FROM secondment_contacts WHERE secondment_id = ${sid} ORDER BY contacted_on DESC, created_at DESC`),
  ]);
  return { ...main.rows[0], events: events.rows, decisions: decisions.rows, reports: reports.rows, evaluations: evaluations.rows, contacts: contacts.rows };
}

export async function countByStatus(tx: Tx, sendingUnitId: string, statuses: readonly string[]): Promise<number> {
  const r = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM secondments
    WHERE sending_unit_id = ${sendingUnitId}::uuid AND status = ANY(${pgArray(statuses)}::text[])`);
  return r.rows[0].n;
}

/** The person's secondment that is not yet closed, as the profile shows it (the reserved home post included). */
export async function openSecondmentSummary(tx: Tx, personId: string, openStatuses: readonly string[]) {
  const r = await tx.execute<{
    id: string;
    status: string;
    hostUnitName: string | null;
    startDate: string | null;
    endDate: string | null;
    reservedPositionTitle: string | null;
    reservedUnitName: string | null;
  }>(sql`SELECT s.id, s.status, hu.name AS "hostUnitName", s.start_date::text AS "startDate", s.end_date::text AS "endDate",
      s.reserved_post->>'positionTitle' AS "reservedPositionTitle", s.reserved_post->>'unitName' AS "reservedUnitName"
    FROM secondments s LEFT JOIN org_units hu ON hu.id = s.host_unit_id
    WHERE s.person_id = ${personId}::uuid AND s.status = ANY(${pgArray(openStatuses)}::text[]) LIMIT 1`);
  return r.rows[0] ?? null;
}

/** Ends the host's access after `lastDay` at the latest (the cadre is back at their unit). */
export async function closeHostAccess(tx: Tx, secondmentId: string, lastDay: string) {
  await tx.execute(sql`UPDATE person_access_grants SET valid_to = least(valid_to, ${lastDay}::date)
    WHERE source_type = 'secondment' AND source_id = ${secondmentId}::uuid`);
}

/** Of these people, those with a secondment still open. */
export async function openSecondmentsOf(tx: Tx, personIds: readonly string[], openStatuses: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const r = await tx.execute<{ personId: string }>(sql`SELECT DISTINCT person_id AS "personId" FROM secondments
    WHERE person_id = ANY(${pgArray(personIds)}::uuid[]) AND status = ANY(${pgArray(openStatuses)}::text[])`);
  return new Set(r.rows.map((x) => x.personId));
}
