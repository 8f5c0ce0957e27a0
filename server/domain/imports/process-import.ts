import crypto from 'node:crypto';
import type { PoolClient } from '../../db/client.js';
import { isOrgSheet, META_SHEET, SHEET_BY_KIND, SHEETS, TEMPLATE_VERSION, type SheetKind, type StagedSheetKind } from '../../../common/import-columns.js';
import { planOrgSheets, type OrgRows } from '../org/import-org-sheets.js';
import { planNeedsSheet } from '../demand/import-needs-sheet.js';
import type { Tx } from '../../db/client.js';
import * as staging from '../../db/repositories/import-staging.repository.js';
import * as staged from '../../db/repositories/import-staged-rows.repository.js';
import { FileRejected, inspectXlsx, type XlsxInspection } from '../../documents/inspect-xlsx.js';
import type { Actor } from '../access/actor.js';
import { peopleScope } from '../../db/scope.js';
import type { AuditEvent } from '../audit/record-audit.js';
import { recordAuditBatch } from '../audit/record-audit-batch.js';
import { SENSITIVE_PERSON_FIELDS } from '../personnel/sensitive-fields.js';
import { IssueCollector, type IssueSnapshot } from './import-issues.js';
import { editingActor, loadImportRefs, refsFingerprint } from './load-import-refs.js';
import { readImportWorkbook } from './read-workbook.js';
import { isExampleRow, validateRow, type ImportRefs } from './validate-row.js';

export type ImportMode = 'validate' | 'commit';

/** What the job gives the import: progress, cancellation, and (for tests) a hook inside the commit. */
export interface ImportControl {
  progress(done: number, total: number | null): Promise<void>;
  /** Throws ImportCancelled when the user asked to stop. */
  checkCancelled(): Promise<void>;
  afterApply?(): Promise<void>;
  /** A dry run's rows are also sent here, to be kept for the commit when the dry run finds no error. */
  keep?: staged.StagedChunkSink;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Đã hủy theo yêu cầu của người dùng');
  }
}

export interface SheetSummary {
  name: string;
  rows: number;
  valid: number;
  create: number;
  update: number;
  unchanged: number;
  fields: Record<string, number>;
}

export interface ImportOutcome {
  /** A problem with the file as a whole (not an xlsx, wrong template version…): nothing else was checked. */
  fileError: string | null;
  issues: IssueCollector;
  summary: { templateVersion: string | null; sheets: Partial<Record<SheetKind, SheetSummary>>; skippedExampleRows: number };
  changes: { sheet: string; rowNo: number; key: string; action: string; fields: unknown }[];
  applied: boolean;
  /** A dry run without errors: what the rows sent to `keep` were checked against, for the caller to keep with them. */
  staging: { fingerprint: string; manifest: StagingManifest } | null;
  /** The commit used the rows kept by the dry run instead of reading the file again. */
  reusedStaging: boolean;
}

/** What the rows read from the file are, kept with the staged rows so the commit can go on from them. */
export interface StagingManifest {
  templateVersion: string | null;
  skippedExampleRows: number;
  sheets: Partial<Record<SheetKind, SheetSummary>>;
  present: Partial<Record<SheetKind, string[]>>;
  issues: IssueSnapshot;
  /** The organisation sheets' checked rows (few: kept whole, planned again at commit). */
  org?: OrgRows;
}

const BATCH = 5000;
export const STORED_CHANGE_CAP = 10_000;
/** Bump when the rows read from a file could differ for the same file and code lists (reading or row checks changed). */
const STAGING_VERSION = 3;

/**
 * What the staged rows of a dry run depend on besides the code: the file, the code lists and the importer's
 * reach (refs), today's date (rules about the future and age) and the staging tables' layout. Staged rows are
 * reused only when all of it is unchanged, so reusing them gives exactly what reading the file again would.
 */
function stagingFingerprint(fileSha256: string, refs: ImportRefs): string {
  const parts = [STAGING_VERSION, TEMPLATE_VERSION, fileSha256, refs.today, refsFingerprint(refs), staging.STAGING_LAYOUT];
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The values of a row as the staging table wants them (cadres: id, code, given name; children: code or unit). */
function ownValues(kind: SheetKind, v: Record<string, unknown>): (string | null)[] {
  if (kind === 'cadres')
    return [
      crypto.randomUUID(),
      String(v.code),
      String(v.fullName ?? '')
        .split(' ')
        .pop() ?? '',
    ];
  if (kind === 'staffing') return [String(v.unitCode)];
  return [String(v.code)];
}

/**
 * The one code path of an import, in two modes. Reads the file as a stream, checks every row (validateRow),
 * COPYs the valid rows into temporary tables, runs the checks that need the database, and computes what would
 * change. `validate` stops there; its rows also go to `ctl.keep`, and when nothing is wrong `outcome.staging`
 * says what they were checked against. `commit` loads the kept rows instead of reading the file when they are
 * still valid (same file, code lists, reach and day), runs the database checks and the diff again, applies the
 * diff and writes the audit rows, and only when there is no error at all. Runs inside the caller's transaction
 * (`tx` and `client` are the same connection), so a crash or a kill at any point leaves the database as it was.
 */
export async function processImport(
  ctx: { actor: Actor; tx: Tx; client: PoolClient; requestId?: string | null; today: string },
  imp: { id: string; fileName: string; content: Buffer; inspection?: XlsxInspection | null },
  mode: ImportMode,
  ctl: ImportControl,
): Promise<ImportOutcome> {
  const issues = new IssueCollector();
  const outcome: ImportOutcome = {
    fileError: null,
    issues,
    summary: { templateVersion: null, sheets: {}, skippedExampleRows: 0 },
    changes: [],
    applied: false,
    staging: null,
    reusedStaging: false,
  };
  const fail = (message: string) => {
    issues.reset();
    issues.add({ sheet: '(tệp)', rowNo: null, column: null, value: null, reason: message });
    outcome.fileError = message;
    return outcome;
  };

  const refs = await loadImportRefs(ctx.tx, ctx.actor, ctx.today);
  const fingerprint = stagingFingerprint(crypto.createHash('sha256').update(imp.content).digest('hex'), refs);
  await staging.createStagingTables(ctx.tx);
  const sheets = outcome.summary.sheets;
  let present = Object.fromEntries(SHEETS.map((s) => [s.kind, new Set<string>()])) as Record<SheetKind, Set<string>>;
  let orgRows: OrgRows = { orgUnits: [], jobPosts: [], needs: [] };

  const kept = mode === 'commit' ? await staged.findStaging(ctx.tx, imp.id) : null;
  if (kept && kept.fingerprint === fingerprint) {
    // the dry run read and checked this very file against the same code lists: go on from its rows
    const m = kept.manifest as StagingManifest;
    await staged.loadStagedRows(ctx.client, imp.id);
    issues.restore(m.issues);
    Object.assign(sheets, m.sheets);
    for (const [kind, keys] of Object.entries(m.present) as [SheetKind, string[]][]) present[kind] = new Set(keys);
    outcome.summary.templateVersion = m.templateVersion;
    outcome.summary.skippedExampleRows = m.skippedExampleRows;
    orgRows = { ...orgRows, ...m.org };
    outcome.reusedStaging = true;
    const rows = Object.values(sheets).reduce((n, x) => n + (x?.rows ?? 0), 0);
    await ctl.progress(rows, rows);
    await ctl.checkCancelled();
  } else {
    const read = await readFile(ctx, imp.content, imp.inspection ?? null, refs, issues, outcome, ctl);
    if (read.fileError) return fail(read.fileError);
    present = read.present;
    orgRows = read.org;
    if (mode === 'validate' && ctl.keep && issues.errors === 0) {
      outcome.staging = {
        fingerprint,
        manifest: {
          templateVersion: outcome.summary.templateVersion,
          skippedExampleRows: outcome.summary.skippedExampleRows,
          sheets: structuredClone(sheets),
          present: Object.fromEntries(Object.entries(present).map(([k, v]) => [k, [...v]])),
          issues: issues.snapshot(),
          org: orgRows,
        },
      };
    }
  }

  await staging.indexStagingTables(ctx.tx);
  const editable = peopleScope({ actor: editingActor(ctx.actor), today: ctx.today }, 'p');
  const withRows = (Object.entries(sheets) as [SheetKind, SheetSummary][]).filter(([k, x]) => x.valid > 0 && !isOrgSheet(k)).map(([k]) => k as StagedSheetKind);
  for (const p of await staging.findStagingProblems(ctx.tx, editable, withRows)) {
    const def = SHEET_BY_KIND[p.sheet];
    const column = p.key
      ? (def.columns.find((c) => c.key === p.key)?.header ?? p.key)
      : p.sheet === 'discipline'
        ? 'Hình thức kỷ luật'
        : p.sheet === 'ratings' && !p.reason.startsWith('Mã')
          ? 'Mức xếp loại'
          : 'Mã cán bộ';
    issues.add({ sheet: def.name, rowNo: p.rowNo, column, value: p.value, reason: p.reason });
  }
  // the organisation sheets: checked as a tree against the units as they are (and planned again at commit)
  const orgPlan = await planOrgSheets(ctx, orgRows, issues, imp.fileName);
  // the communes' needs: after the organisation, whose new communes and posts they may name
  const needsPlan = await planNeedsSheet(ctx, orgRows.needs, issues, imp.fileName);
  orgPlan.counts.needs = needsPlan.counts;

  await staging.computeDiff(ctx.tx, present);
  const diff = await staging.summariseDiff(ctx.tx);
  for (const [kind, s] of Object.entries(sheets) as [SheetKind, SheetSummary][]) {
    if (isOrgSheet(kind)) {
      Object.assign(s, orgPlan.counts[kind]);
      continue;
    }
    s.create = diff.actions.find((a) => a.sheet === kind && a.action === 'create')?.n ?? 0;
    s.update = diff.actions.find((a) => a.sheet === kind && a.action === 'update')?.n ?? 0;
    s.unchanged = Math.max(0, diff.staged[kind] - s.create - s.update);
    s.fields = {};
    for (const f of diff.fields.filter((x) => x.sheet === kind)) s.fields[f.field] = f.n;
  }
  const preview = (d: staging.DiffRow) => {
    if (outcome.changes.length < STORED_CHANGE_CAP) {
      outcome.changes.push({
        sheet: SHEET_BY_KIND[d.sheet].name,
        rowNo: d.rowNo,
        key: d.key,
        action: d.action,
        fields: { changed: d.fields, before: d.before, after: d.after },
      });
    }
  };

  if (issues.errors > 0) outcome.staging = null; // nothing is kept: the file cannot be committed
  for (const c of [...orgPlan.changes, ...needsPlan.changes]) if (outcome.changes.length < STORED_CHANGE_CAP) outcome.changes.push(c);
  if (mode === 'validate' || issues.errors > 0) {
    for await (const rows of staging.readDiff(ctx.client, present, STORED_CHANGE_CAP)) for (const d of rows) preview(d);
    return outcome;
  }

  await orgPlan.apply();
  await needsPlan.apply();
  await staging.applyDiff(ctx.tx, present);
  await ctl.afterApply?.();
  const sheetCounts = Object.fromEntries(Object.entries(sheets).map(([k, s]) => [k, { create: s.create, update: s.update, unchanged: s.unchanged }]));
  const sensitive = new Set<string>(SENSITIVE_PERSON_FIELDS);
  const importId = imp.id;
  // the commit's preview is taken from the same pass as the audit rows (the diff does not change in between)
  function* eventsOf(rows: Iterable<staging.DiffRow>): Generator<AuditEvent> {
    for (const d of rows) {
      preview(d);
      yield {
        action: d.action,
        entityType: staging.STAGE_SPECS[d.sheet].entity,
        entityId: d.entityId,
        personId: d.personId,
        before: d.before,
        after: d.after,
        meta: { importId, rowNo: d.rowNo, sensitive: SHEET_BY_KIND[d.sheet].sensitive === true || (d.sheet === 'cadres' && d.fields.some((f) => sensitive.has(f))) },
      };
    }
  }
  async function* events(): AsyncGenerator<Iterable<AuditEvent>> {
    yield [
      {
        action: 'import',
        entityType: 'import',
        entityId: importId,
        meta: { fileName: imp.fileName, templateVersion: outcome.summary.templateVersion, sheets: sheetCounts },
      },
    ];
    for await (const rows of staging.readDiff(ctx.client, present)) yield eventsOf(rows);
  }
  await recordAuditBatch(ctx.tx, ctx.client, ctx, events());
  await staged.deleteStagedRows(ctx.client, imp.id);
  outcome.applied = true;
  return outcome;
}

/**
 * Reads the file: inspects it, streams its rows through validateRow and COPYs the valid ones into the
 * staging tables as it goes. Fills the sheet summaries; returns the columns each sheet has, or a file error.
 */
async function readFile(
  ctx: { tx: Tx; client: PoolClient },
  content: Buffer,
  inspected: XlsxInspection | null,
  refs: ImportRefs,
  issues: IssueCollector,
  outcome: ImportOutcome,
  ctl: ImportControl,
): Promise<{ fileError: string | null; present: Record<SheetKind, Set<string>>; org: OrgRows }> {
  const present = Object.fromEntries(SHEETS.map((s) => [s.kind, new Set<string>()])) as Record<SheetKind, Set<string>>;
  const org: OrgRows = { orgUnits: [], jobPosts: [], needs: [] };
  const versionMessage = `Tệp không phải mẫu nhập liệu phiên bản ${TEMPLATE_VERSION}. Vui lòng tải mẫu mới nhất từ hệ thống và chép dữ liệu sang.`;
  // the upload inspected the file (and refused what must not be opened); the reader still counts every byte
  // it inflates against the limits
  let inspection = inspected && Array.isArray(inspected.sheets) && inspected.merges ? inspected : null;
  try {
    inspection ??= await inspectXlsx(content);
  } catch (err) {
    if (err instanceof FileRejected) return { fileError: err.message, present, org };
    throw err;
  }
  if (!inspection.sheets.some((s) => s.name === META_SHEET)) return { fileError: versionMessage, present, org };
  const total = inspection.sheets.reduce((n, s) => n + (SHEETS.some((d) => d.name === s.name) ? Math.max(0, (s.rows ?? 1) - 1) : 0), 0) || null;

  const sheets = outcome.summary.sheets;
  const seenKeys = Object.fromEntries(SHEETS.map((s) => [s.kind, new Map<string, number>()])) as Record<SheetKind, Map<string, number>>;
  const writer = new staged.StagingWriter(ctx.client, ctl.keep);
  let version: string | null = null;
  let done = 0;
  let sinceCheck = 0;
  try {
    for await (const ev of readImportWorkbook(content, inspection, issues)) {
      if (ev.type === 'meta') {
        version = ev.version;
        continue;
      }
      const def = ev.def;
      const kind = def.kind;
      if (ev.type === 'sheet') {
        present[kind] = ev.present;
        // a rating's level and points are written together (the level follows from the points), so a file with
        // only one of the columns neither leaves a level beside points it contradicts nor drops a derived level
        if (kind === 'ratings' && (ev.present.has('levelCode') || ev.present.has('points'))) present[kind] = new Set([...ev.present, 'levelCode', 'points']);
        sheets[kind] = { name: def.name, rows: 0, valid: 0, create: 0, update: 0, unchanged: 0, fields: {} };
        // the organisation sheets are not staged: their few rows are kept as they are
        if (isOrgSheet(kind)) await writer.end();
        else await writer.begin(kind);
        continue;
      }
      const s = sheets[kind]!;
      const seen = seenKeys[kind];
      // a row's identity: its owner (cadre code or unit) and natural key (a cadre: the code alone)
      const keyCols = kind === 'staffing' || def.org ? def.naturalKey : kind === 'cadres' ? ['code'] : ['code', ...def.naturalKey];
      for (const { rowNo, cells } of ev.rows) {
        done++;
        if (rowNo === 2 && isExampleRow(def, cells, refs.examples)) {
          outcome.summary.skippedExampleRows++;
          issues.add({ sheet: def.name, rowNo: 2, column: null, value: null, reason: 'Dòng ví dụ của mẫu được bỏ qua', severity: 'warning' });
          continue;
        }
        s.rows++;
        const values = validateRow(def, rowNo, cells, refs, issues);
        if (!values) continue;
        let key = String(values[keyCols[0]]);
        for (let i = 1; i < keyCols.length; i++) key += '\u0001' + values[keyCols[i]];
        const first = seen.get(key);
        if (first !== undefined) {
          const what = kind === 'cadres' ? 'Mã cán bộ bị trùng' : 'Dòng bị trùng';
          issues.add({
            sheet: def.name,
            rowNo,
            column: def.columns[0].header,
            value: String(values.code ?? values.unitCode ?? ''),
            reason: `${what} với dòng ${first}`,
          });
          continue;
        }
        seen.set(key, rowNo);
        s.valid++;
        if (isOrgSheet(kind)) org[kind].push({ rowNo, values });
        else writer.add(rowNo, ownValues(kind, values), values);
      }
      if (issues.errors > 0) writer.stopKeeping(); // a file with errors cannot be committed: nothing to keep
      await writer.settle();
      if ((sinceCheck += ev.rows.length) >= BATCH) {
        sinceCheck = 0;
        await ctl.progress(done, total);
        await ctl.checkCancelled();
      }
    }
    await writer.end();
  } catch (err) {
    await writer.abort();
    if (err instanceof ImportCancelled || (err as { code?: string }).code?.match?.(/^[0-9A-Z]{5}$/)) throw err;
    if (err instanceof FileRejected) return { fileError: err.message, present, org };
    // the zip or the XML gave up: the file is damaged
    return { fileError: 'Tệp bị hỏng hoặc không đọc được. Vui lòng mở và lưu lại tệp trong Excel rồi tải lên lại.', present, org };
  }
  await ctl.progress(done, total);
  await ctl.checkCancelled();

  outcome.summary.templateVersion = version;
  if (version !== TEMPLATE_VERSION) return { fileError: versionMessage, present, org };
  if (Object.keys(sheets).length === 0 && issues.errors === 0) return { fileError: 'Tệp không có trang tính nào của mẫu nhập liệu.', present, org };
  return { fileError: null, present, org };
}
