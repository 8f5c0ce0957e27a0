import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Tx } from '../client.js';
import { SHEET_BY_KIND, STAGED_SHEETS, type SheetColumn, type SheetKind, type StagedSheetKind } from '../../../common/import-columns.js';
import { PERSON_COLUMNS } from './personnel.repository.js';
import { RECORD_TABLES } from './person-records.repository.js';

/**
 * Set-based SQL of an import, inside the import's transaction: rows are COPYed into temporary tables, checked
 * against the database, compared with what is stored (imp_diff), and applied with a few statements per sheet.
 * (How rows get into the staging tables, and how a dry run keeps them for its commit: import-staged-rows.repository.ts.)
 */

type SqlType = 'text' | 'date' | 'int' | 'numeric(5,2)' | 'boolean' | 'uuid';
interface StageCol {
  key: string;
  col: string;
  type: SqlType;
}
export interface StageSpec {
  kind: StagedSheetKind;
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
  c.type === 'date' ? 'date' : c.type === 'int' ? 'int' : c.type === 'decimal' ? 'numeric(5,2)' : c.type === 'bool' ? 'boolean' : c.ref === 'unit' ? 'uuid' : 'text';

function columnMap(kind: StagedSheetKind): Record<string, string> {
  switch (kind) {
    case 'cadres':
      return { ...PERSON_COLUMNS, unitCode: 'unit_id' };
    case 'staffing':
      return { unitCode: 'unit_id', year: 'year', assignedStaffing: 'assigned_staffing', decisionNo: 'decision_no' };
    case 'ratings':
      return { year: 'year', levelCode: 'level_code', points: 'points', note: 'note' };
    default:
      return RECORD_TABLES[kind].columns;
  }
}

function buildSpec(kind: StagedSheetKind): StageSpec {
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
    proceedings: 'person_proceeding',
    circumstances: 'person_circumstance',
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

export const STAGE_SPECS: Record<StagedSheetKind, StageSpec> = Object.fromEntries(
  STAGED_SHEETS.map((d) => [d.kind, buildSpec(d.kind as StagedSheetKind)]),
) as Record<StagedSheetKind, StageSpec>;

/** The columns of a staging table that the reading COPYs (before the checks fill in ids), in order. */
export const stagingColumns = (s: StageSpec) => [
  'row_no',
  ...(s.kind === 'cadres' ? ['id', 'code', 'given_name'] : s.owner === 'unit' ? ['unit_id'] : ['code']),
  ...s.cols.map((c) => c.col),
];

/** The layout of the staging tables: staged rows are only reused by code that lays them out the same way. */
export const STAGING_LAYOUT = JSON.stringify(Object.values(STAGE_SPECS).map((s) => [s.temp, s.cols.map((c) => [c.col, c.type]), stagingColumns(s)]));

/** Creates the temporary tables (dropped at the end of the transaction) and the diff table. */
export async function createStagingTables(tx: Tx): Promise<void> {
  // a connection's first temporary table sizes its buffers for temporary tables: room for a big import's
  // staging tables (taken only as used) instead of the default 8 MB, which would spill them to disk
  const fresh = await tx.execute<{ fresh: boolean }>(sql`SELECT pg_my_temp_schema() = 0 AS fresh`);
  const ddl = fresh.rows[0].fresh ? [`SET LOCAL temp_buffers = '256MB'`] : [];
  for (const s of Object.values(STAGE_SPECS)) {
    const cols = s.cols.map((c) => `${c.col} ${c.type}`).join(', ');
    const own =
      s.kind === 'cadres'
        ? 'id uuid NOT NULL, code text NOT NULL, given_name text'
        : s.owner === 'unit'
          ? 'unit_id uuid NOT NULL'
          : 'code text NOT NULL, person_id uuid';
    // the primary key is added once the rows are in (indexStagingTables): building it then is cheaper
    ddl.push(`CREATE TEMP TABLE ${s.temp} (row_no int NOT NULL, new_id uuid NOT NULL DEFAULT gen_random_uuid(), ${own}, ${cols}) ON COMMIT DROP`);
  }
  ddl.push(`CREATE TEMP TABLE imp_diff (seq bigserial PRIMARY KEY, sheet text NOT NULL, row_no int NOT NULL, key text NOT NULL,
    action text NOT NULL, person_id uuid, entity_id text, before jsonb, after jsonb, fields text[]) ON COMMIT DROP`);
  // the joins and sorts of 100,000-row sheets stay in memory (for this transaction only)
  ddl.push(`SET LOCAL work_mem = '64MB'`);
  await tx.execute(sql.raw(ddl.join(';\n')));
}

/** Indexes the staging tables once their rows are in (row numbers are unique by construction). */
export async function indexStagingTables(tx: Tx): Promise<void> {
  await tx.execute(
    sql.raw(
      Object.values(STAGE_SPECS)
        .map((s) => `ALTER TABLE ${s.temp} ADD PRIMARY KEY (row_no)`)
        .join(';\n'),
    ),
  );
}

/** A row refused by a check against the database; `key` names the column (a field key of common/import-columns.ts) when it is not the sheet's usual one. */
export type RowProblem = { sheet: StagedSheetKind; rowNo: number; value: string | null; reason: string; key?: string };

/**
 * Checks that need the database: a cadre code already used by someone the actor may not edit; child rows
 * whose cadre is neither in the file nor editable by the actor; discipline forms and rating levels not in
 * force on their date for the person's category.
 */
export async function findStagingProblems(tx: Tx, editableScope: SQL, withRows: StagedSheetKind[]): Promise<RowProblem[]> {
  const out: RowProblem[] = [];
  // temporary tables have no statistics until analysed: without them the planner guesses badly at 100,000 rows
  // (the columns that the checks and the diff join on are enough)
  const analyse = withRows.map((k) => `ANALYZE ${STAGE_SPECS[k].temp} (row_no, ${STAGE_SPECS[k].owner === 'unit' ? 'unit_id' : 'code'})`);
  if (analyse.length) await tx.execute(sql.raw(analyse.join(';\n')));
  const taken = await tx.execute<{ row_no: number; code: string }>(sql`SELECT t.row_no, t.code FROM imp_cadres t
    JOIN people p ON p.code = t.code WHERE NOT (${editableScope}) ORDER BY t.row_no LIMIT 20000`);
  for (const r of taken.rows)
    out.push({ sheet: 'cadres', rowNo: r.row_no, value: r.code, reason: 'Mã cán bộ đã được dùng cho một người ngoài phạm vi quản lý của bạn' });
  // a new person keeps the id generated for the staging row; an existing one keeps theirs
  await tx.execute(sql`UPDATE imp_cadres t SET id = p.id FROM people p WHERE p.code = t.code`);
  for (const s of Object.values(STAGE_SPECS)) {
    if (s.owner !== 'person' || s.kind === 'cadres') continue;
    await tx.execute(
      sql
        .raw(
          `UPDATE ${s.temp} t SET person_id = coalesce(
        (SELECT p.id FROM people p WHERE p.code = t.code AND `,
        )
        .append(sql`${editableScope}`)
        .append(
          sql.raw(`),
        (SELECT ip.id FROM imp_cadres ip WHERE ip.code = t.code))`),
        ),
    );
    const missing = await tx.execute<{ row_no: number; code: string }>(
      sql.raw(`SELECT row_no, code FROM ${s.temp} WHERE person_id IS NULL ORDER BY row_no LIMIT 20000`),
    );
    for (const r of missing.rows) {
      out.push({
        sheet: s.kind,
        rowNo: r.row_no,
        value: r.code,
        reason: 'Mã cán bộ không có trong trang "Cán bộ" của tệp, hoặc không thuộc phạm vi quản lý của bạn',
      });
    }
  }
  const forms = await tx.execute<{ row_no: number; form_code: string }>(sql`SELECT t.row_no, t.form_code FROM imp_discipline t
    LEFT JOIN imp_cadres ip ON ip.code = t.code LEFT JOIN people p ON p.id = t.person_id
    WHERE t.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM discipline_forms f WHERE f.code = t.form_code
      AND coalesce(ip.category, p.category) = ANY(f.applies_to) AND f.effective_from <= t.decided_on
      AND (f.effective_to IS NULL OR f.effective_to >= t.decided_on))
    ORDER BY t.row_no LIMIT 20000`);
  for (const r of forms.rows)
    out.push({ sheet: 'discipline', rowNo: r.row_no, value: r.form_code, reason: 'Hình thức kỷ luật không áp dụng cho đối tượng này vào ngày quyết định' });
  const levels = await tx.execute<{ row_no: number; level_code: string }>(sql`SELECT t.row_no, t.level_code FROM imp_ratings t
    WHERE NOT EXISTS (SELECT 1 FROM rating_levels l WHERE l.code = t.level_code AND l.effective_from <= make_date(t.year, 12, 31)
      AND (l.effective_to IS NULL OR l.effective_to >= make_date(t.year, 1, 1))) ORDER BY t.row_no LIMIT 20000`);
  for (const r of levels.rows) out.push({ sheet: 'ratings', rowNo: r.row_no, value: r.level_code, reason: 'Mức xếp loại không có trong danh mục của năm này' });
  // points exist only where the year's instrument for the person's category scores them (rating_instruments, the
  // row in force on 31/12 of the year: common/ratings.ts ratingSchemeOf)
  const pointsOf = await tx.execute<{ row_no: number; points: string; instrument: string | null }>(sql`SELECT t.row_no, t.points::text AS points,
      ri.instrument FROM imp_ratings t
    LEFT JOIN imp_cadres ip ON ip.code = t.code LEFT JOIN people p ON p.id = t.person_id
    LEFT JOIN LATERAL (SELECT r.has_points, r.instrument FROM rating_instruments r
      WHERE r.category = coalesce(ip.category, p.category) AND r.effective_from <= make_date(t.year, 12, 31)
      ORDER BY r.effective_from DESC LIMIT 1) ri ON true
    WHERE t.points IS NOT NULL AND t.person_id IS NOT NULL AND ri.has_points IS NOT TRUE
    ORDER BY t.row_no LIMIT 20000`);
  for (const r of pointsOf.rows) {
    const by = r.instrument ? `xếp loại theo ${r.instrument}` : 'không có văn bản xếp loại trong dữ liệu tham chiếu';
    out.push({ sheet: 'ratings', rowNo: r.row_no, value: r.points, reason: `Năm này đối tượng này ${by}, không chấm điểm`, key: 'points' });
  }
  return out;
}

const jsonVal = (alias: string, c: StageCol) => `to_jsonb(${alias}.${c.col}${c.type === 'numeric(5,2)' ? '::text' : ''})`;
const textVal = (alias: string, c: StageCol) => `${alias}.${c.col}${c.type === 'numeric(5,2)' ? '::text' : ''}`;

/** The columns of a sheet that the file has (a column absent from the file leaves the stored field as it is). */
const presentCols = (s: StageSpec, present: Record<SheetKind, Set<string>>) => s.cols.filter((c) => present[s.kind].has(c.key));

/**
 * Fills imp_diff with every row that creates or changes something. A changed row carries the fields that
 * differ, before and after; a new row only its place (readDiff gives its values from the staging table).
 */
export async function computeDiff(tx: Tx, present: Record<SheetKind, Set<string>>): Promise<void> {
  for (const s of Object.values(STAGE_SPECS)) {
    if (!present[s.kind].size) continue;
    const cols = presentCols(s, present);
    let from: string;
    let existing: string;
    let keyText: string;
    let personId: string;
    let entityId: string;
    if (s.kind === 'cadres') {
      from = `${s.temp} t LEFT JOIN people x ON x.code = t.code`;
      existing = `${s.temp} t JOIN people x ON x.code = t.code`;
      keyText = 't.code';
      personId = 't.id';
      entityId = 't.id::text';
    } else {
      const owner = s.owner === 'unit' ? 'x.unit_id = t.unit_id' : 'x.person_id = t.person_id';
      const keys = s.key.map((k) => `x.${k} = t.${k}`).join(' AND ');
      from = `${s.temp} t LEFT JOIN LATERAL (SELECT x.*, x.ctid FROM ${s.target} x WHERE ${owner}${keys ? ' AND ' + keys : ''} LIMIT 1) x ON TRUE`;
      existing = from.replace('LEFT JOIN LATERAL', 'JOIN LATERAL');
      keyText = s.owner === 'unit' ? `t.unit_id::text || ' ' || t.year` : `t.code || ' ' || ${s.key.map((k) => `coalesce(t.${k}::text, '')`).join(` || ' ' || `)}`;
      personId = s.owner === 'unit' ? 'NULL::uuid' : 't.person_id';
      entityId = s.hasId ? 'coalesce(x.id, t.new_id)::text' : s.kind === 'ratings' ? 't.year::text' : `t.unit_id::text || ':' || t.year`;
    }
    const where = s.owner === 'person' && s.kind !== 'cadres' ? 'AND t.person_id IS NOT NULL' : '';
    await tx.execute(
      sql.raw(`INSERT INTO imp_diff (sheet, row_no, key, action, person_id, entity_id)
      SELECT '${s.kind}', t.row_no, ${keyText}, 'create', ${personId}, ${entityId}
      FROM ${from} WHERE x.ctid IS NULL ${where} ORDER BY t.row_no`),
    );
    if (!cols.length) continue;
    // existing rows: a cheap comparison of the whole row first, then the fields that differ, before and after
    const values = cols.map((c) => `('${c.key}', ${jsonVal('x', c)}, ${jsonVal('t', c)})`).join(', ');
    const differs = `ROW(${cols.map((c) => textVal('x', c)).join(', ')}) IS DISTINCT FROM ROW(${cols.map((c) => textVal('t', c)).join(', ')})`;
    await tx.execute(
      sql.raw(`INSERT INTO imp_diff (sheet, row_no, key, action, person_id, entity_id, before, after, fields)
      SELECT '${s.kind}', t.row_no, ${keyText}, 'update', ${personId}, ${entityId}, ch.b, ch.a, ch.fields
      FROM ${existing} JOIN LATERAL (SELECT array_agg(v.k ORDER BY v.k) AS fields, jsonb_object_agg(v.k, v.b) AS b, jsonb_object_agg(v.k, v.a) AS a
          FROM (VALUES ${values}) v(k, b, a) WHERE v.b IS DISTINCT FROM v.a) ch ON TRUE
      WHERE ${differs} AND ch.fields IS NOT NULL ${where} ORDER BY t.row_no`),
    );
  }
  await tx.execute(sql.raw(`ANALYZE imp_diff (sheet, action, row_no)`));
}

/** Per sheet: rows staged, rows that create, rows that change; and how often each field changes. */
export async function summariseDiff(tx: Tx) {
  const counts = Object.values(STAGE_SPECS).map((s) => `SELECT '${s.kind}' AS sheet, count(*)::int AS n FROM ${s.temp}`);
  const staged: Record<string, number> = {};
  for (const r of (await tx.execute<{ sheet: string; n: number }>(sql.raw(counts.join(' UNION ALL ')))).rows) staged[r.sheet] = r.n;
  const actions = await tx.execute<{ sheet: StagedSheetKind; action: string; n: number }>(sql`SELECT sheet, action, count(*)::int n FROM imp_diff GROUP BY 1, 2`);
  const fields = await tx.execute<{ sheet: StagedSheetKind; field: string; n: number }>(sql`SELECT sheet, f AS field, count(*)::int n
    FROM imp_diff, unnest(fields) f WHERE action = 'update' GROUP BY 1, 2 ORDER BY 3 DESC`);
  return { staged, actions: actions.rows, fields: fields.rows };
}

export interface DiffRow {
  seq: number;
  sheet: StagedSheetKind;
  rowNo: number;
  key: string;
  action: 'create' | 'update';
  personId: string | null;
  entityId: string | null;
  /** the fields written: all the file's columns for a new row, those that differ for a changed one */
  fields: string[];
  before: Record<string, unknown> | null;
  /** a new row's non-empty values with keys in sorted order, or a changed row's new values */
  after: Record<string, unknown>;
}

const UNESCAPE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
/** A field of COPY's text format: \N is null, backslash escapes the next character. */
function copyText(s: string): string | null {
  if (s === '\\N') return null;
  if (s.indexOf('\\') < 0) return s;
  return s.replace(/\\(.)/g, (_, c: string) => UNESCAPE[c] ?? c);
}

/** COPY's text format of a text[] of plain words (field keys): {a,b}. */
const wordArray = (s: string | null) => (s === null || s === '{}' ? [] : s.slice(1, -1).split(','));

/** The lines of COPY output, decoded about a megabyte at a time (never the whole text as one string). */
function* lines(data: Buffer): Generator<string> {
  for (let start = 0; start < data.length;) {
    let end = data.indexOf(10, Math.min(start + (1 << 20), data.length - 1));
    if (end < 0) end = data.length;
    const text = data.toString('utf8', start, end);
    start = end + 1;
    for (let a = 0; a < text.length;) {
      let b = text.indexOf('\n', a);
      if (b < 0) b = text.length;
      yield text.slice(a, b);
      a = b + 1;
    }
  }
}

/** Reads a query's whole result with COPY … TO STDOUT: the rows of a sheet arrive as one stream, not one message each. */
async function copyOut(client: pg.PoolClient, query: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = client.query(copyTo(query));
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * The diff in order (sheet by sheet, by seq): each sheet is read with one COPY, then parsed row by row as the
 * caller iterates (so a caller may COPY into the same connection while it goes through a sheet's rows). A new
 * row's values come from its staging row, typed as stored (dates, decimals and ids as text).
 */
export async function* readDiff(client: pg.PoolClient, present: Record<SheetKind, Set<string>>, maxRows = Infinity): AsyncGenerator<Iterable<DiffRow>> {
  let left = maxRows;
  for (const s of Object.values(STAGE_SPECS)) {
    if (!present[s.kind].size || left <= 0) continue;
    const cols = presentCols(s, present);
    const fields = cols.map((c) => c.key);
    const sorted = cols.map((c, i) => ({ key: c.key, i, type: c.type })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // dates as ISO whatever the session's DateStyle; decimals as their text
    const select = cols.map((c) => (c.type === 'date' ? `to_char(t.${c.col}, 'YYYY-MM-DD')` : textVal('t', c))).join(', ');
    // the sheet's rows stay bytes; they are decoded a slice of lines at a time as the caller goes through them
    const data = await copyOut(
      client,
      `COPY (SELECT d.seq, d.row_no, d.key, d.action, d.person_id, d.entity_id, d.fields, d.before, d.after${select ? ', ' + select : ''}
        FROM imp_diff d JOIN ${s.temp} t ON t.row_no = d.row_no WHERE d.sheet = '${s.kind}' ORDER BY d.seq
        ${Number.isFinite(left) ? `LIMIT ${left}` : ''}) TO STDOUT`,
    );
    if (data.length === 0) continue;
    for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) left--;
    yield (function* () {
      for (const line of lines(data)) {
        const f = line.split('\t');
        const action = f[3] as 'create' | 'update';
        let after: Record<string, unknown>;
        if (action === 'create') {
          after = {};
          for (const { key, i, type } of sorted) {
            const v = copyText(f[9 + i]);
            if (v !== null) after[key] = type === 'int' ? Number(v) : type === 'boolean' ? v === 't' : v;
          }
        } else after = JSON.parse(copyText(f[8])!);
        const before = copyText(f[7]);
        yield {
          seq: Number(f[0]),
          sheet: s.kind,
          rowNo: Number(f[1]),
          key: copyText(f[2])!,
          action,
          personId: copyText(f[4]),
          entityId: copyText(f[5]),
          fields: action === 'create' ? fields : wordArray(copyText(f[6])),
          before: before === null ? null : JSON.parse(before),
          after,
        };
      }
    })();
  }
}

/** Writes the diff into the tables: inserts for `create` rows, updates of the file's columns for `update` rows. */
export async function applyDiff(tx: Tx, present: Record<SheetKind, Set<string>>): Promise<void> {
  for (const s of Object.values(STAGE_SPECS)) {
    if (!present[s.kind].size) continue;
    const cols = presentCols(s, present);
    const rows = (action: string) => `FROM imp_diff d JOIN ${s.temp} t ON t.row_no = d.row_no WHERE d.sheet = '${s.kind}' AND d.action = '${action}'`;
    const colList = cols.map((c) => c.col);
    if (s.kind === 'cadres') {
      await tx.execute(
        sql.raw(`INSERT INTO people (id, code, given_name, ${colList.join(', ')})
        SELECT t.id, t.code, t.given_name, ${colList.map((c) => 't.' + c).join(', ')} ${rows('create')}`),
      );
      const sets = colList.map((c) => `${c} = t.${c}`);
      if (colList.includes('full_name')) sets.push('given_name = t.given_name');
      await tx.execute(
        sql.raw(`UPDATE people p SET ${sets.join(', ')}, version = p.version + 1, updated_at = now()
        ${rows('update')} AND p.code = t.code`),
      );
      continue;
    }
    const ownerCol = s.owner === 'unit' ? 'unit_id' : 'person_id';
    const keyCols = [ownerCol, ...s.key];
    const insertCols = [...(s.hasId ? ['id'] : []), ...new Set([...keyCols, ...colList])];
    const selectCols = insertCols.map((c) => (c === 'id' ? 't.new_id' : 't.' + c));
    await tx.execute(sql.raw(`INSERT INTO ${s.target} (${insertCols.join(', ')}) SELECT ${selectCols.join(', ')} ${rows('create')}`));
    const valueCols = colList.filter((c) => !keyCols.includes(c));
    if (valueCols.length) {
      await tx.execute(
        sql.raw(`UPDATE ${s.target} x SET ${valueCols.map((c) => `${c} = t.${c}`).join(', ')}
        ${rows('update')} AND ${keyCols.map((k) => `x.${k} = t.${k}`).join(' AND ')}`),
      );
    }
  }
  // a change to a child record moves the person's version on, so an open edit form notices it
  await tx.execute(sql`UPDATE people p SET version = p.version + 1, updated_at = now()
    WHERE p.id IN (SELECT DISTINCT person_id FROM imp_diff WHERE sheet NOT IN ('cadres', 'staffing') AND person_id IS NOT NULL)`);
}
