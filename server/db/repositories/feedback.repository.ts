import { SECONDMENT_DECIDED_STATUSES, type FeedbackKind, type FeedbackStatus, type SecondmentStatus } from '../../../common/secondment.js';
import { allOf, pgArray } from '../sql-helpers.js';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { inSubtree, pathUnder } from '../scope.js';

/** Filters of the feedback list (S17), applied within the actor's scope. */
export interface FeedbackFilters {
  status?: string;
  kind?: string;
  unitId?: string;
  q?: string;
}

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const vnDate = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`);

/** Words typed, accents ignored ("kho khan dia ban" finds "Khó khăn … địa bàn"): every word must appear somewhere. */
function textCondition(q: string): SQL {
  const words = q.normalize('NFC').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return sql`TRUE`;
  const hay = sql`f_unaccent(lower(f.subject || ' ' || f.body || ' ' || f.author_name || ' ' || u.name))`;
  const parts = words.map((w) => sql`${hay} LIKE '%' || f_unaccent(${w.replace(/[\\%_]/g, (m) => '\\' + m)}) || '%'`);
  return sql.join(parts, sql` AND `);
}

function conditions(f: FeedbackFilters, scope: SQL, o: { withStatus?: boolean } = {}): SQL {
  const where: SQL[] = [scope];
  if (f.status && o.withStatus !== false) where.push(sql`f.status = ${f.status}`);
  if (f.kind) where.push(sql`f.kind = ${f.kind}`);
  if (f.unitId) where.push(pathUnder('u', f.unitId));
  if (f.q) where.push(textCondition(f.q));
  return sql.join(where, sql` AND `);
}

const listColumns = sql`f.id, f.unit_id AS "unitId", u.name AS "unitName", f.kind, f.subject, f.status, f.author_name AS "authorName",
  f.secondment_id AS "secondmentId", f.version, ${iso('f.created_at')} AS "createdAt", ${iso('f.updated_at')} AS "updatedAt",
  (SELECT count(*)::int FROM feedback_replies r WHERE r.item_id = f.id) AS "replyCount",
  (SELECT ${iso('max(r.created_at)')} FROM feedback_replies r WHERE r.item_id = f.id AND r.from_home_affairs) AS "lastAnswerAt"`;

export type FeedbackListRow = {
  id: string;
  unitId: string;
  unitName: string;
  kind: FeedbackKind;
  subject: string;
  status: FeedbackStatus;
  authorName: string;
  secondmentId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  replyCount: number;
  lastAnswerAt: string | null;
};

/**
 * One page of items in scope matching the filters, newest first; how many match; how many match per status
 * (the other filters applied); and how many in scope wait for Sở Nội vụ's answer. The queries run in parallel
 * when given the pool.
 */
export async function findFeedbackPage(tx: Tx, f: FeedbackFilters & { page: number; pageSize: number }, scope: SQL) {
  const from = sql`feedback_items f JOIN org_units u ON u.id = f.unit_id`;
  const [page, total, byStatus, waiting] = await allOf(tx, [
    () =>
      tx.execute<FeedbackListRow>(sql`SELECT ${listColumns} FROM ${from} WHERE ${conditions(f, scope)}
      ORDER BY f.created_at DESC, f.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`),
    () => tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${from} WHERE ${conditions(f, scope)}`),
    () =>
      tx.execute<{ status: FeedbackStatus; n: number }>(
        sql`SELECT f.status, count(*)::int AS n FROM ${from} WHERE ${conditions(f, scope, { withStatus: false })} GROUP BY f.status`,
      ),
    () => tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${from} WHERE ${scope} AND f.status = 'open'`),
  ]);
  return {
    items: page.rows,
    total: total.rows[0].n,
    byStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n])) as Record<string, number>,
    waiting: waiting.rows[0].n,
  };
}

export type FeedbackExportRow = {
  createdOn: string;
  unitName: string;
  kind: FeedbackKind;
  subject: string;
  body: string;
  authorName: string;
  personName: string | null;
  status: FeedbackStatus;
  replyCount: number;
  lastAnswer: string | null;
  lastAnswerOn: string | null;
};

/** Every item matching the filters (up to `cap` + 1, so the caller can tell there are more), newest first, for the spreadsheet. */
export async function findFeedbackForExport(tx: Tx, f: FeedbackFilters, scope: SQL, cap: number): Promise<FeedbackExportRow[]> {
  const r = await tx.execute<FeedbackExportRow>(sql`SELECT ${vnDate('f.created_at')} AS "createdOn", u.name AS "unitName", f.kind, f.subject, f.body,
      f.author_name AS "authorName", p.full_name AS "personName", f.status,
      (SELECT count(*)::int FROM feedback_replies r WHERE r.item_id = f.id) AS "replyCount",
      la.body AS "lastAnswer", ${vnDate('la.created_at')} AS "lastAnswerOn"
    FROM feedback_items f JOIN org_units u ON u.id = f.unit_id
    LEFT JOIN secondments s ON s.id = f.secondment_id LEFT JOIN people p ON p.id = s.person_id
    LEFT JOIN LATERAL (SELECT r.body, r.created_at FROM feedback_replies r WHERE r.item_id = f.id AND r.from_home_affairs
      ORDER BY r.created_at DESC, r.id DESC LIMIT 1) la ON TRUE
    WHERE ${conditions(f, scope)} ORDER BY f.created_at DESC, f.id DESC LIMIT ${cap + 1}`);
  return r.rows;
}

export type FeedbackItemRow = FeedbackListRow & {
  body: string;
  unitPath: string[];
  authorUserId: string;
  secondment: { id: string; personName: string; sendingUnitName: string; hostUnitName: string | null; status: SecondmentStatus } | null;
};

/** One item within the scope (condition on alias u, the item's unit), or null when absent or out of scope. */
export async function findFeedbackItem(tx: Tx, id: string, scope: SQL, forUpdate = false): Promise<FeedbackItemRow | null> {
  const r = await tx.execute<FeedbackItemRow>(sql`SELECT ${listColumns}, f.body, u.path AS "unitPath", f.author_user_id AS "authorUserId",
      CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'personName', p.full_name, 'sendingUnitName', su.name,
        'hostUnitName', hu.name, 'status', s.status) END AS secondment
    FROM feedback_items f JOIN org_units u ON u.id = f.unit_id
    LEFT JOIN secondments s ON s.id = f.secondment_id LEFT JOIN people p ON p.id = s.person_id
    LEFT JOIN org_units su ON su.id = s.sending_unit_id LEFT JOIN org_units hu ON hu.id = s.host_unit_id
    WHERE f.id = ${id}::uuid AND ${scope} ${forUpdate ? sql`FOR UPDATE OF f` : sql``}`);
  return r.rows[0] ?? null;
}

export type FeedbackReplyRow = {
  id: string;
  body: string;
  authorName: string;
  fromHomeAffairs: boolean;
  createdAt: string;
};

/** The thread of an item, oldest first. */
export async function findFeedbackReplies(tx: Tx, itemId: string): Promise<FeedbackReplyRow[]> {
  const r = await tx.execute<FeedbackReplyRow>(sql`SELECT r.id, r.body, r.author_name AS "authorName", r.from_home_affairs AS "fromHomeAffairs",
      ${iso('r.created_at')} AS "createdAt"
    FROM feedback_replies r WHERE r.item_id = ${itemId}::uuid ORDER BY r.created_at, r.id`);
  return r.rows;
}

export async function insertFeedbackItem(
  tx: Tx,
  v: { unitId: string; kind: FeedbackKind; subject: string; body: string; secondmentId: string | null; authorUserId: string; authorName: string },
): Promise<{ id: string; version: number }> {
  const r = await tx.execute<{
    id: string;
    version: number;
  }>(sql`INSERT INTO feedback_items (unit_id, kind, subject, body, secondment_id, author_user_id, author_name)
    VALUES (${v.unitId}::uuid, ${v.kind}, ${v.subject}, ${v.body}, ${v.secondmentId}::uuid, ${v.authorUserId}::uuid, ${v.authorName})
    RETURNING id, version`);
  return r.rows[0];
}

export async function insertFeedbackReply(
  tx: Tx,
  v: { itemId: string; body: string; authorUserId: string; authorName: string; fromHomeAffairs: boolean },
): Promise<string> {
  // clock_timestamp: replies within one transaction (or one test) keep their order
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO feedback_replies (item_id, body, author_user_id, author_name, from_home_affairs, created_at)
    VALUES (${v.itemId}::uuid, ${v.body}, ${v.authorUserId}::uuid, ${v.authorName}, ${v.fromHomeAffairs}, clock_timestamp()) RETURNING id`);
  return r.rows[0].id;
}

/** Sets the status if the version is still the one read; returns the new version, or null when someone changed it in between. */
export async function updateFeedbackStatus(tx: Tx, id: string, status: FeedbackStatus, expectedVersion: number): Promise<number | null> {
  const r = await tx.execute<{ version: number }>(sql`UPDATE feedback_items SET status = ${status}, version = version + 1, updated_at = now()
    WHERE id = ${id}::uuid AND version = ${expectedVersion} RETURNING version`);
  return r.rows[0]?.version ?? null;
}

/** The path of a unit (ids from the root down), or null when it does not exist. */
export async function findFeedbackUnit(tx: Tx, unitId: string): Promise<{ id: string; name: string; path: string[] } | null> {
  const r = await tx.execute<{ id: string; name: string; path: string[] }>(sql`SELECT id, name, path FROM org_units WHERE id = ${unitId}::uuid`);
  return r.rows[0] ?? null;
}

export type LinkableSecondmentRow = {
  id: string;
  personName: string;
  personCode: string;
  sendingUnitName: string;
  hostUnitName: string | null;
  status: SecondmentStatus;
  startDate: string | null;
  endDate: string | null;
};

/** Secondments a unit or commune may cite: sent by it or hosted by it (anywhere in the given units' subtrees). */
function linkable(unitIds: string[]): SQL {
  if (unitIds.length === 0) return sql`FALSE`;
  const parts = unitIds.map(
    (id) => sql`(${inSubtree('s.sending_unit_id', id)}
      OR (${inSubtree('s.host_unit_id', id)}
        AND s.status = ANY(${pgArray(SECONDMENT_DECIDED_STATUSES)}::text[])))`,
  );
  return sql`(${sql.join(parts, sql` OR `)})`;
}

const linkableColumns = sql`s.id, p.full_name AS "personName", p.code AS "personCode", su.name AS "sendingUnitName", hu.name AS "hostUnitName",
  s.status, s.start_date AS "startDate", s.end_date AS "endDate"`;
const linkableFrom = sql`secondments s JOIN people p ON p.id = s.person_id JOIN org_units su ON su.id = s.sending_unit_id
  LEFT JOIN org_units hu ON hu.id = s.host_unit_id`;

export async function findLinkableSecondment(tx: Tx, id: string, unitIds: string[]): Promise<LinkableSecondmentRow | null> {
  const r = await tx.execute<LinkableSecondmentRow>(sql`SELECT ${linkableColumns} FROM ${linkableFrom} WHERE s.id = ${id}::uuid AND ${linkable(unitIds)}`);
  return r.rows[0] ?? null;
}

/** The secondments the actor's units may cite, most recent first (a short pick list, not a register). */
export async function findLinkableSecondments(tx: Tx, unitIds: string[], limit = 500): Promise<LinkableSecondmentRow[]> {
  const r = await tx.execute<LinkableSecondmentRow>(sql`SELECT ${linkableColumns} FROM ${linkableFrom} WHERE ${linkable(unitIds)}
    ORDER BY s.created_at DESC, s.id DESC LIMIT ${limit}`);
  return r.rows;
}

/** A feedback item as a report's section V offers it: raised in the period, by a unit of the report's scope. */
export type ReportFeedbackRow = { id: string; raisedOn: string; unitName: string; kind: FeedbackKind; subject: string; status: FeedbackStatus };

/**
 * The items raised in a period (Vietnam dates of their creation) by the units of the scope (the province: every unit;
 * a sending unit: its subtree), as the actor sees them, oldest first.
 */
export async function feedbackRaisedIn(tx: Tx, f: { from: string; to: string; unitId: string | null }, scope: SQL): Promise<ReportFeedbackRow[]> {
  const r = await tx.execute<ReportFeedbackRow>(sql`SELECT f.id, ${vnDate('f.created_at')} AS "raisedOn", u.name AS "unitName", f.kind, f.subject, f.status
    FROM feedback_items f JOIN org_units u ON u.id = f.unit_id
    WHERE (f.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${f.from}::date AND ${f.to}::date
      AND ${f.unitId ? sql`u.path @> ARRAY[${f.unitId}::uuid]` : sql`TRUE`} AND ${scope}
    ORDER BY f.created_at, f.id`);
  return r.rows;
}
