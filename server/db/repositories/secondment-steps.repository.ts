import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import type { SecondmentDetail } from '../../../common/schemas/secondment.js';
import type { PartyOpinionOutcome, PoliticalConclusion, TermReviewKind } from '../../../common/secondment.js';
import { pgArray } from '../sql-helpers.js';

/**
 * The steps around the decision and the return that are records of their own: the Party committee's opinion
 * (Plan 131 II.1; Decree 170/2025 Art. 46) and the end-of-term reviews (Decree 170/2025 Art. 49).
 */

export type PartyOpinionRow = Omit<SecondmentDetail['partyOpinions'][number], 'createdAt'> & { secondmentId: string; createdAt: Date };
export type TermReviewRow = SecondmentDetail['termReviews'][number];

export async function insertPartyOpinion(
  tx: Tx,
  v: {
    secondmentId: string;
    committeeName: string;
    givenOn: string;
    documentNo: string;
    outcome: PartyOpinionOutcome;
    politicalConclusion: PoliticalConclusion;
    note: string | null;
    userId: string;
    userName: string;
  },
): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO secondment_party_opinions
      (secondment_id, committee_name, given_on, document_no, outcome, political_conclusion, note, recorded_by, recorded_by_name)
    VALUES (${v.secondmentId}::uuid, ${v.committeeName}, ${v.givenOn}, ${v.documentNo}, ${v.outcome}, ${v.politicalConclusion}, ${v.note},
      ${v.userId}::uuid, ${v.userName}) RETURNING id`);
  return r.rows[0].id;
}

const OPINION = sql`id, secondment_id AS "secondmentId", committee_name AS "committeeName", given_on::text AS "givenOn", document_no AS "documentNo",
  outcome, political_conclusion AS "politicalConclusion", note, recorded_by_name AS "recordedByName", created_at AS "createdAt"`;

/** A secondment's opinions, oldest first (the last one stands). */
export async function listPartyOpinions(tx: Tx, secondmentId: string): Promise<PartyOpinionRow[]> {
  const r = await tx.execute<PartyOpinionRow>(
    sql`SELECT ${OPINION} FROM secondment_party_opinions WHERE secondment_id = ${secondmentId}::uuid ORDER BY given_on, created_at, id`,
  );
  return r.rows;
}

/** The standing (latest) opinion of each of the secondments, by secondment id. */
export async function latestPartyOpinions(tx: Tx, secondmentIds: string[]): Promise<Map<string, PartyOpinionRow>> {
  if (!secondmentIds.length) return new Map();
  const r = await tx.execute<PartyOpinionRow>(sql`SELECT DISTINCT ON (secondment_id) ${OPINION}
    FROM secondment_party_opinions WHERE secondment_id = ANY(${pgArray(secondmentIds)}::uuid[])
    ORDER BY secondment_id, given_on DESC, created_at DESC, id DESC`);
  return new Map(r.rows.map((o) => [o.secondmentId, o]));
}

const REVIEW = sql`id, kind, reviewed_on::text AS "reviewedOn", proposed_rating AS "proposedRating", content, strengths, weaknesses, author_name AS "authorName"`;

/** Saves the review of its kind, replacing an earlier one; returns its id and the one it replaced (if any). */
export async function upsertTermReview(
  tx: Tx,
  v: {
    secondmentId: string;
    kind: TermReviewKind;
    reviewedOn: string;
    proposedRating: string | null;
    content: string;
    strengths: string | null;
    weaknesses: string | null;
    userId: string;
    userName: string;
  },
): Promise<{ id: string; before: TermReviewRow | null }> {
  const before = await tx.execute<TermReviewRow>(sql`SELECT ${REVIEW} FROM secondment_term_reviews
    WHERE secondment_id = ${v.secondmentId}::uuid AND kind = ${v.kind} FOR UPDATE`);
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO secondment_term_reviews
      (secondment_id, kind, reviewed_on, proposed_rating, content, strengths, weaknesses, author_user_id, author_name)
    VALUES (${v.secondmentId}::uuid, ${v.kind}, ${v.reviewedOn}, ${v.proposedRating}, ${v.content}, ${v.strengths}, ${v.weaknesses},
      ${v.userId}::uuid, ${v.userName})
    ON CONFLICT (secondment_id, kind) DO UPDATE SET reviewed_on = excluded.reviewed_on, proposed_rating = excluded.proposed_rating,
      content = excluded.content, strengths = excluded.strengths, weaknesses = excluded.weaknesses, author_user_id = excluded.author_user_id,
      author_name = excluded.author_name, created_at = now()
    RETURNING id`);
  return { id: r.rows[0].id, before: before.rows[0] ?? null };
}

/** A secondment's end-of-term reviews in the order of their kinds. */
export async function listTermReviews(tx: Tx, secondmentId: string): Promise<TermReviewRow[]> {
  const r = await tx.execute<TermReviewRow>(sql`SELECT ${REVIEW} FROM secondment_term_reviews WHERE secondment_id = ${secondmentId}::uuid
    ORDER BY array_position(ARRAY['self_review', 'host_collective', 'host_party_committee'], kind)`);
  return r.rows;
}

/** The commendation proposal and the follow-up recorded on a secondment. */
export async function findReturnRecords(tx: Tx, secondmentId: string) {
  const r = await tx.execute<{ commendation: SecondmentDetail['commendation']; followUp: SecondmentDetail['followUp']; outcomeRating: string | null }>(
    sql`SELECT commendation, follow_up AS "followUp", outcome_rating AS "outcomeRating" FROM secondments WHERE id = ${secondmentId}::uuid`,
  );
  return r.rows[0] ?? null;
}
