import { sql } from 'drizzle-orm';
import type { Tx } from '../client.js';

/** The child tables of a person's record, with API field → column maps. Writes go through these maps only. */
export const RECORD_TABLES = {
  discipline: {
    table: 'discipline_records',
    columns: {
      formCode: 'form_code',
      decisionNo: 'decision_no',
      decidedOn: 'decided_on',
      effectiveFrom: 'effective_from',
      effectiveTo: 'effective_to',
      partyDecidedOn: 'party_decided_on',
      reason: 'reason',
    },
  },
  planning: {
    table: 'planning_entries',
    columns: { title: 'title', term: 'term', decisionNo: 'decision_no', approvedOn: 'approved_on', removedOn: 'removed_on' },
  },
  workHistory: {
    table: 'work_history',
    columns: { fromDate: 'from_date', toDate: 'to_date', organisation: 'organisation', position: 'position', isGrassroots: 'is_grassroots' },
  },
  trainingHistory: {
    table: 'training_history',
    columns: { fromDate: 'from_date', toDate: 'to_date', institution: 'institution', field: 'field', kind: 'kind', certificate: 'certificate' },
  },
  proceedings: {
    table: 'person_proceedings',
    columns: { kind: 'kind', openedOn: 'opened_on', closedOn: 'closed_on', outcome: 'outcome', documentNo: 'document_no', note: 'note' },
    createdBy: true,
  },
  circumstances: {
    table: 'person_circumstances',
    columns: {
      kind: 'kind',
      fromDate: 'from_date',
      toDate: 'to_date',
      childBirthDate: 'child_birth_date',
      consentOn: 'consent_on',
      consentDocumentNo: 'consent_document_no',
      note: 'note',
    },
    createdBy: true,
  },
} as const;
export type RecordKind = keyof typeof RECORD_TABLES;

function selectList(kind: RecordKind) {
  return sql.raw(['id', ...Object.entries(RECORD_TABLES[kind].columns).map(([k, c]) => `${c} AS "${k}"`)].join(', '));
}

export async function findRecord(tx: Tx, kind: RecordKind, personId: string, id: string) {
  const t = RECORD_TABLES[kind];
  const r = await tx.execute<Record<string, unknown>>(
    sql`SELECT ${selectList(kind)} FROM ${sql.raw(t.table)} WHERE id = ${id}::uuid AND person_id = ${personId}::uuid FOR UPDATE`,
  );
  return r.rows[0] ?? null;
}

/** Inserts a child record; the tables that keep their author get `createdBy` (a user id, null for the system). */
export async function insertRecord(tx: Tx, kind: RecordKind, personId: string, values: Record<string, unknown>, createdBy: string | null = null) {
  const t = RECORD_TABLES[kind];
  const keys = Object.keys(t.columns) as (keyof typeof t.columns)[];
  const author = 'createdBy' in t && t.createdBy;
  const cols = sql.raw(['person_id', ...(author ? ['created_by'] : []), ...keys.map((k) => t.columns[k])].join(', '));
  const vals = sql.join([sql`${personId}::uuid`, ...(author ? [sql`${createdBy}::uuid`] : []), ...keys.map((k) => sql`${values[k] ?? null}`)], sql`, `);
  const r = await tx.execute<Record<string, unknown>>(sql`INSERT INTO ${sql.raw(t.table)} (${cols}) VALUES (${vals}) RETURNING ${selectList(kind)}`);
  return r.rows[0];
}

export async function updateRecord(tx: Tx, kind: RecordKind, id: string, values: Record<string, unknown>) {
  const t = RECORD_TABLES[kind];
  const sets = (Object.keys(t.columns) as (keyof typeof t.columns)[]).map((k) => sql`${sql.raw(t.columns[k])} = ${values[k] ?? null}`);
  const r = await tx.execute<Record<string, unknown>>(
    sql`UPDATE ${sql.raw(t.table)} SET ${sql.join(sets, sql`, `)} WHERE id = ${id}::uuid RETURNING ${selectList(kind)}`,
  );
  return r.rows[0];
}

export async function deleteRecord(tx: Tx, kind: RecordKind, id: string) {
  await tx.execute(sql`DELETE FROM ${sql.raw(RECORD_TABLES[kind].table)} WHERE id = ${id}::uuid`);
}

export async function findRating(tx: Tx, personId: string, year: number) {
  const r = await tx.execute<{ year: number; levelCode: string; points: number | null; note: string | null }>(sql`SELECT year, level_code AS "levelCode",
    points::float8 AS points, note FROM annual_ratings WHERE person_id = ${personId}::uuid AND year = ${year} FOR UPDATE`);
  return r.rows[0] ?? null;
}

export async function upsertRating(tx: Tx, personId: string, year: number, levelCode: string, points: number | null, note: string | null) {
  await tx.execute(sql`INSERT INTO annual_ratings (person_id, year, level_code, points, note)
    VALUES (${personId}::uuid, ${year}, ${levelCode}, ${points}, ${note})
    ON CONFLICT (person_id, year) DO UPDATE SET level_code = excluded.level_code, points = excluded.points, note = excluded.note`);
}

export async function deleteRating(tx: Tx, personId: string, year: number) {
  await tx.execute(sql`DELETE FROM annual_ratings WHERE person_id = ${personId}::uuid AND year = ${year}`);
}

/** Any change to a child record moves the person's version on, so a stale edit form is detected. */
export async function bumpPersonVersion(tx: Tx, personId: string) {
  await tx.execute(sql`UPDATE people SET version = version + 1, updated_at = now() WHERE id = ${personId}::uuid`);
}
