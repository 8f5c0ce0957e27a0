import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { Tx } from '../client.js';
import { SHEET_BY_KIND, type SheetColumn, type SheetKind } from '../../../common/import-columns.js';
import { CopyBatch, type CopyValue } from '../seed/copy.js';
import { PERSON_COLUMNS } from './personnel.repository.js';
import { RECORD_TABLES } from './person-records.repository.js';

/**
 * Set-based SQL of an import, inside the import's transaction: rows are COPYed into temporary tables, checked
 * against the database, compared with what is stored (imp_diff), and applied with a few statements per sheet.
 */

type SqlType = 'text' | 'date' | 'int' | 'numeric(4,2)' | 'boolean' | 'uuid';
interface StageCol {
  key: string;
  col: string;
  type: SqlType;
}
interface StageSpec {
  kind: SheetKind;
  temp: string;
  target: string;
  /** person: rows belong to a cadre (by code); unit: to an org unit (staffing) */
  owner: 'person' | 'unit';
  /** target columns that identify a row, besides the owner */
  key: string[];
  cols: StageCol[];
  /** the target has a uuid `id` (child records), used as the audit entity id */
  hasId: boolean;
  entity: string;
}

const sqlType = (c: SheetColumn): SqlType =>
  c.type === 'date' ? 'date' : c.type === 'int' ? 'int' : c.type === 'decimal' ? 'numeric(4,2)' : c.type === 'bool' ? 'boolean' : c.ref === 'unit' ? 'uuid' : 'text';

function columnMap(kind: SheetKind): Record<string, string> {
  switch (kind) {
    case 'cadres':
      return { ...PERSON_COLUMNS, unitCode: 'unit_id' };
    case 'staffing':
      return { unitCode: 'unit_id', year: 'year', assignedStaffing: 'assigned_staffing', decisionNo: 'decision_no' };
    case 'ratings':
      return { year: 'year', levelCode: 'level_code', note: 'note' };
    default:
      return RECORD_TABLES[kind].columns;
  }
}

function buildSpec(kind: SheetKind): StageSpec {
  const def = SHEET_BY_KIND[kind];
  const map = columnMap(kind);
  const cols = def.columns
    .filter((c) => c.type !== 'info' && c.key !== 'code' && !(kind === 'staffing' && c.key === 'unitCode'))
    .map((c) => ({ key: c.key, col: map[c.key], type: sqlType(c) }));
  const target = kind === 'cadres' ? 'people' : kind === 'staffing' ? 'org_unit_staffing' : kind === 'ratings' ? 'annual_ratings' : RECORD_TABLES[kind].table;
  const entity = {
    cadres: 'person',
    staffing: 'org_unit_staffing',
    ratings: 'annual_rating',
    discipline: 'discipline_record',
    planning: 'planning_entry',
    workHistory: 'work_history',
    trainingHistory: 'training_history',
  }[kind];
  return {
    kind,
    temp: `imp_${kind.toLowerCase()}`,
    target,
    owner: kind === 'staffing' ? 'unit' : 'person',
    key: kind === 'cadres' ? [] : def.naturalKey.map((k) => map[k]).filter((c) => c !== 'unit_id'),
    cols,
    hasId: !['cadres', 'staffing', 'ratings'].includes(kind),
    entity,
  };
}

export const STAGE_SPECS: Record<SheetKind, StageSpec> = Object.fromEntries(
  (Object.keys(SHEET_BY_KIND) as SheetKind[]).map((k) => [k, buildSpec(k)]),
) as Record<SheetKind, StageSpec>;

/** Creates the temporary tables (dropped at the end of the transaction) and the diff table. */
export async function createStagingTables(tx: Tx): Promise<void> {
  for (const s of Object.values(STAGE_SPECS)) {
    const cols = s.cols.map((c) => `${c.col} ${c.type}`).join(', ');
    const own = s.kind === 'cadres' ? 'id uuid NOT NULL, code text NOT NULL, given_name text' : s.owner === 'unit' ? 'unit_id uuid NOT NULL' : 'code text NOT NULL, person_id uuid';
    await tx.execute(sql.raw(`CREATE TEMP TABLE ${s.temp} (row_no int PRIMARY KEY, new_id uuid NOT NULL DEFAULT gen_random_uuid(), ${own}, ${cols}) ON COMMIT DROP`));
  }
  await tx.execute(sql.raw(`CREATE TEMP TABLE imp_diff (seq bigserial PRIMARY KEY, sheet text NOT NULL, row_no int NOT NULL, key text NOT NULL,
    action text NOT NULL, person_id uuid, entity_id text, before jsonb, after jsonb, fields text[] NOT NULL) ON COMMIT DROP`));
}

/** A COPY batch for one sheet's staging table; values keyed by column key, plus the row number. */
export function stagingBatch(kind: SheetKind) {
  const s = STAGE_SPECS[kind];
  const own = s.kind === 'cadres' ? ['id', 'code', 'given_name'] : s.owner === 'unit' ? ['unit_id'] : ['code'];
  const batch = new CopyBatch(s.temp, ['row_no', ...own, ...s.cols.map((c) => c.col)]);
  return {
    add(rowNo: number, own: CopyValue[], values: Record<string, CopyValue>) {
      batch.add([rowNo, ...own, ...s.cols.map((c) => values[c.key] ?? null)]);
    },
    get size() {
      return batch.size;
    },
    flush: (client: pg.PoolClient) => batch.flush(client),
  };
}

export type RowProblem = { sheet: SheetKind; rowNo: number; value: string | null; reason: string };

/**
 * Checks that need the database: a cadre code already used by someone the actor may not edit; child rows
 * whose cadre is neither in the file nor editable by the actor; discipline forms and rating levels not in
 * force on their date for the person's category.
 */
export async function findStagingProblems(tx: Tx, editableScope: SQL): Promise<RowProblem[]> {
  const out: RowProblem[] = [];
  // temporary tables have no statistics until analysed: without them the planner guesses badly at 100,000 rows
  await tx.execute(sql.raw(`ANALYZE ${Object.values(STAGE_SPECS).map((s) => s.temp).join(', ')}`));
  const taken = await tx.execute<{ row_no: number; code: string }>(sql`SELECT t.row_no, t.code FROM imp_cadres t
    JOIN people p ON p.code = t.code WHERE NOT (${editableScope}) ORDER BY t.row_no LIMIT 20000`);
  for (const r of taken.rows) out.push({ sheet: 'cadres', rowNo: r.row_no, value: r.code, reason: 'Mã cán bộ đã được dùng cho một người ngoài phạm vi quản lý của bạn' });
  // a new person keeps the id generated for the staging row; an existing one keeps theirs
  await tx.execute(sql`UPDATE imp_cadres t SET id = p.id FROM people p WHERE p.code = t.code`);
  for (const s of Object.values(STAGE_SPECS)) {
    if (s.owner !== 'person' || s.kind === 'cadres') continue;
    await tx.execute(sql.raw(`UPDATE ${s.temp} t SET person_id = coalesce(
        (SELECT p.id FROM people p WHERE p.code = t.code AND `).append(sql`${editableScope}`).append(sql.raw(`),
        (SELECT ip.id FROM imp_cadres ip WHERE ip.code = t.code))`)));
    const missing = await tx.execute<{ row_no: number; code: string }>(sql.raw(`SELECT row_no, code FROM ${s.temp} WHERE person_id IS NULL ORDER BY row_no LIMIT 20000`));
    for (const r of missing.rows) {
      out.push({ sheet: s.kind, rowNo: r.row_no, value: r.code, reason: 'Mã cán bộ không có trong trang "Cán bộ" của tệp, hoặc không thuộc phạm vi quản lý của bạn' });
    }
  }
  const forms = await tx.execute<{ row_no: number; form_code: string }>(sql`SELECT t.row_no, t.form_code FROM imp_discipline t
    LEFT JOIN imp_cadres ip ON ip.code = t.code LEFT JOIN people p ON p.id = t.person_id
    WHERE t.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM discipline_forms f WHERE f.code = t.form_code
      AND coalesce(ip.category, p.category) = ANY(f.applies_to) AND f.effective_from <= t.decided_on
      AND (f.effective_to IS NULL OR f.effective_to >= t.decided_on))
    ORDER BY t.row_no LIMIT 20000`);
  for (const r of forms.rows) out.push({ sheet: 'discipline', rowNo: r.row_no, value: r.form_code, reason: 'Hình thức kỷ luật không áp dụng cho đối tượng này vào ngày quyết định' });
  const levels = await tx.execute<{ row_no: number; level_code: string }>(sql`SELECT t.row_no, t.level_code FROM imp_ratings t
    WHERE NOT EXISTS (SELECT 1 FROM rating_levels l WHERE l.code = t.level_code AND l.effective_from <= make_date(t.year, 12, 31)
      AND (l.effective_to IS NULL OR l.effective_to >= make_date(t.year, 1, 1))) ORDER BY t.row_no LIMIT 20000`);
  for (const r of levels.rows) out.push({ sheet: 'ratings', rowNo: r.row_no, value: r.level_code, reason: 'Mức xếp loại không có trong danh mục của năm này' });
  return out;
}

const jsonVal = (alias: string, c: StageCol) => `to_jsonb(${alias}.${c.col}${c.type === 'numeric(4,2)' ? '::text' : ''})`;

/** Fills imp_diff with every row that creates or changes something, with the changed fields before and after. */
export async function computeDiff(tx: Tx, present: Record<SheetKind, Set<string>>): Promise<void> {
  for (const s of Object.values(STAGE_SPECS)) {
    const cols = s.cols.filter((c) => present[s.kind].has(c.key));
    if (!present[s.kind].size) continue;
    const values = cols.map((c) => `('${c.key}', ${jsonVal('x', c)}, ${jsonVal('t', c)})`).join(', ');
    const lateral = cols.length
      ? `LEFT JOIN LATERAL (SELECT array_agg(v.k ORDER BY v.k) AS fields, jsonb_object_agg(v.k, v.b) AS b, jsonb_object_agg(v.k, v.a) AS a
          FROM (VALUES ${values}) v(k, b, a) WHERE v.b IS DISTINCT FROM v.a) ch ON x.ctid IS NOT NULL`
      : `LEFT JOIN LATERAL (SELECT NULL::text[] AS fields, NULL::jsonb AS b, NULL::jsonb AS a) ch ON TRUE`;
    const created = cols.length ? `jsonb_strip_nulls(jsonb_build_object(${cols.map((c) => `'${c.key}', ${jsonVal('t', c)}`).join(', ')}))` : `'{}'::jsonb`;
    const createdFields = `ARRAY[${cols.map((c) => `'${c.key}'`).join(', ') || "''"}]::text[]`;
    let from: string;
    let keyText: string;
    let personId: string;
    let entityId: string;
    if (s.kind === 'cadres') {
      from = `${s.temp} t LEFT JOIN people x ON x.code = t.code`;
      keyText = 't.code';
      personId = 't.id';
      entityId = 't.id::text';
    } else {
      const owner = s.owner === 'unit' ? 'x.unit_id = t.unit_id' : 'x.person_id = t.person_id';
      const keys = s.key.map((k) => `x.${k} = t.${k}`).join(' AND ');
      from = `${s.temp} t LEFT JOIN LATERAL (SELECT x.*, x.ctid FROM ${s.target} x WHERE ${owner}${keys ? ' AND ' + keys : ''} LIMIT 1) x ON TRUE`;
      keyText = s.owner === 'unit' ? `t.unit_id::text || ' ' || t.year` : `t.code || ' ' || ${s.key.map((k) => `coalesce(t.${k}::text, '')`).join(` || ' ' || `)}`;
      personId = s.owner === 'unit' ? 'NULL::uuid' : 't.person_id';
      entityId = s.hasId ? 'coalesce(x.id, t.new_id)::text' : s.kind === 'ratings' ? 't.year::text' : `t.unit_id::text || ':' || t.year`;
    }
    const where = s.owner === 'person' && s.kind !== 'cadres' ? 'AND t.person_id IS NOT NULL' : '';
    // new rows: everything imported is "after"; existing rows: only the fields that differ, before and after
    await tx.execute(sql.raw(`INSERT INTO imp_diff (sheet, row_no, key, action, person_id, entity_id, before, after, fields)
      SELECT '${s.kind}', t.row_no, ${keyText}, 'create', ${personId}, ${entityId}, NULL, ${created}, ${createdFields}
      FROM ${from} WHERE x.ctid IS NULL ${where} ORDER BY t.row_no`));
    if (!cols.length) continue;
    await tx.execute(sql.raw(`INSERT INTO imp_diff (sheet, row_no, key, action, person_id, entity_id, before, after, fields)
      SELECT '${s.kind}', t.row_no, ${keyText}, 'update', ${personId}, ${entityId}, ch.b, ch.a, ch.fields
      FROM ${from} ${lateral.replace('LEFT JOIN LATERAL', 'JOIN LATERAL').replace(' ON x.ctid IS NOT NULL', ' ON TRUE')}
      WHERE x.ctid IS NOT NULL AND ch.fields IS NOT NULL ${where} ORDER BY t.row_no`));
  }
  await tx.execute(sql.raw(`CREATE INDEX ON imp_diff (sheet, row_no); ANALYZE imp_diff`));
}

/** Per sheet: rows staged, rows that create, rows that change; and how often each field changes. */
export async function summariseDiff(tx: Tx) {
  const staged: Record<string, number> = {};
  for (const s of Object.values(STAGE_SPECS)) {
    staged[s.kind] = Number((await tx.execute<{ n: number }>(sql.raw(`SELECT count(*)::int n FROM ${s.temp}`))).rows[0].n);
  }
  const actions = await tx.execute<{ sheet: SheetKind; action: string; n: number }>(sql`SELECT sheet, action, count(*)::int n FROM imp_diff GROUP BY 1, 2`);
  const fields = await tx.execute<{ sheet: SheetKind; field: string; n: number }>(sql`SELECT sheet, f AS field, count(*)::int n
    FROM imp_diff, unnest(fields) f WHERE action = 'update' GROUP BY 1, 2 ORDER BY 3 DESC`);
  return { staged, actions: actions.rows, fields: fields.rows };
}

/** A page of the diff in order (keyset on seq), for the preview and the audit rows. */
export async function readDiffPage(tx: Tx, afterSeq: number, limit: number) {
  const r = await tx.execute<{ seq: number; sheet: SheetKind; row_no: number; key: string; action: string; person_id: string | null; entity_id: string | null; before: unknown; after: unknown; fields: string[] }>(
    sql`SELECT seq, sheet, row_no, key, action, person_id, entity_id, before, after, fields FROM imp_diff WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`,
  );
  return r.rows.map((x) => ({ ...x, seq: Number(x.seq) }));
}

/** Writes the diff into the tables: inserts for `create` rows, updates of the changed columns for `update` rows. */
export async function applyDiff(tx: Tx, present: Record<SheetKind, Set<string>>): Promise<void> {
  for (const s of Object.values(STAGE_SPECS)) {
    const cols = s.cols.filter((c) => present[s.kind].has(c.key));
    if (!present[s.kind].size) continue;
    const join = `JOIN imp_diff d ON d.sheet = '${s.kind}' AND d.row_no = t.row_no`;
    const colList = cols.map((c) => c.col);
    if (s.kind === 'cadres') {
      await tx.execute(sql.raw(`INSERT INTO people (id, code, given_name, ${colList.join(', ')})
        SELECT t.id, t.code, t.given_name, ${colList.map((c) => 't.' + c).join(', ')} FROM ${s.temp} t ${join} AND d.action = 'create' ORDER BY t.row_no`));
      const sets = colList.map((c) => `${c} = t.${c}`);
      if (colList.includes('full_name')) sets.push('given_name = t.given_name');
      await tx.execute(sql.raw(`UPDATE people p SET ${sets.join(', ')}, version = p.version + 1, updated_at = now()
        FROM ${s.temp} t ${join} AND d.action = 'update' WHERE p.code = t.code`));
      continue;
    }
    const ownerCol = s.owner === 'unit' ? 'unit_id' : 'person_id';
    const keyCols = [ownerCol, ...s.key];
    const insertCols = [...(s.hasId ? ['id'] : []), ...new Set([...keyCols, ...colList])];
    const selectCols = insertCols.map((c) => (c === 'id' ? 't.new_id' : 't.' + c));
    await tx.execute(sql.raw(`INSERT INTO ${s.target} (${insertCols.join(', ')}) SELECT ${selectCols.join(', ')}
      FROM ${s.temp} t ${join} AND d.action = 'create' ORDER BY t.row_no`));
    const valueCols = colList.filter((c) => !keyCols.includes(c));
    if (valueCols.length) {
      await tx.execute(sql.raw(`UPDATE ${s.target} x SET ${valueCols.map((c) => `${c} = t.${c}`).join(', ')}
        FROM ${s.temp} t ${join} AND d.action = 'update' WHERE ${keyCols.map((k) => `x.${k} = t.${k}`).join(' AND ')}`));
    }
  }
  // a change to a child record moves the person's version on, so an open edit form notices it
  await tx.execute(sql`UPDATE people p SET version = p.version + 1, updated_at = now()
    WHERE p.id IN (SELECT DISTINCT person_id FROM imp_diff WHERE sheet NOT IN ('cadres', 'staffing') AND person_id IS NOT NULL)`);
}
