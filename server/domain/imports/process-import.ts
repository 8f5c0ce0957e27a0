import crypto from 'node:crypto';
import type pg from 'pg';
import { META_SHEET, SHEET_BY_KIND, SHEETS, TEMPLATE_VERSION, type SheetKind } from '../../../common/import-columns.js';
import type { Tx } from '../../db/client.js';
import * as staging from '../../db/repositories/import-staging.repository.js';
import { FileRejected, inspectXlsx } from '../../documents/inspect-xlsx.js';
import type { Actor } from '../access/actor.js';
import { peopleScope } from '../access/scope.js';
import type { AuditEvent } from '../audit/record-audit.js';
import { recordAuditBatch } from '../audit/record-audit-batch.js';
import { SENSITIVE_PERSON_FIELDS } from '../personnel/sensitive-fields.js';
import { IssueCollector } from './import-issues.js';
import { editingActor, loadImportRefs } from './load-import-refs.js';
import { readImportWorkbook } from './read-workbook.js';
import { isExampleRow, validateRow } from './validate-row.js';

export type ImportMode = 'validate' | 'commit';

/** What the job gives the import: progress, cancellation, and (for tests) a hook inside the commit. */
export interface ImportControl {
  progress(done: number, total: number | null): Promise<void>;
  /** Throws ImportCancelled when the user asked to stop. */
  checkCancelled(): Promise<void>;
  afterApply?(): Promise<void>;
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
}

const BATCH = 5000;
export const STORED_CHANGE_CAP = 10_000;

/** The values of a row as the staging table wants them (cadres: id, code, given name; children: code or unit). */
function ownValues(kind: SheetKind, v: Record<string, unknown>): (string | null)[] {
  if (kind === 'cadres') return [crypto.randomUUID(), String(v.code), String(v.fullName ?? '').split(' ').pop() ?? ''];
  if (kind === 'staffing') return [String(v.unitCode)];
  return [String(v.code)];
}

/**
 * The one code path of an import, in two modes. Reads the file as a stream, checks every row (validateRow),
 * COPYs the valid rows into temporary tables, runs the checks that need the database, and computes what would
 * change. `validate` stops there (the caller rolls back); `commit` applies it and writes the audit rows, and
 * only when there is no error at all. Runs inside the caller's transaction (`tx` and `client` are the same
 * connection), so a crash or a kill at any point leaves the database as it was.
 */
export async function processImport(
  ctx: { actor: Actor; tx: Tx; client: pg.PoolClient; requestId?: string | null },
  imp: { id: string; fileName: string; content: Buffer },
  mode: ImportMode,
  ctl: ImportControl,
): Promise<ImportOutcome> {
  const issues = new IssueCollector();
  const outcome: ImportOutcome = { fileError: null, issues, summary: { templateVersion: null, sheets: {}, skippedExampleRows: 0 }, changes: [], applied: false };
  const fail = (message: string) => {
    issues.reset();
    issues.add({ sheet: '(tệp)', rowNo: null, column: null, value: null, reason: message });
    outcome.fileError = message;
    return outcome;
  };

  let inspection;
  try {
    inspection = await inspectXlsx(imp.content);
  } catch (err) {
    if (err instanceof FileRejected) return fail(err.message);
    throw err;
  }
  const versionMessage = `Tệp không phải mẫu nhập liệu phiên bản ${TEMPLATE_VERSION}. Vui lòng tải mẫu mới nhất từ hệ thống và chép dữ liệu sang.`;
  if (!inspection.sheets.some((s) => s.name === META_SHEET)) return fail(versionMessage);
  const total = inspection.sheets.reduce((n, s) => n + (SHEETS.some((d) => d.name === s.name) ? Math.max(0, (s.rows ?? 1) - 1) : 0), 0) || null;

  const refs = await loadImportRefs(ctx.tx, ctx.actor);
  await staging.createStagingTables(ctx.tx);
  const batches = Object.fromEntries(SHEETS.map((s) => [s.kind, staging.stagingBatch(s.kind)])) as Record<SheetKind, ReturnType<typeof staging.stagingBatch>>;
  const present = Object.fromEntries(SHEETS.map((s) => [s.kind, new Set<string>()])) as Record<SheetKind, Set<string>>;
  const seenKeys = Object.fromEntries(SHEETS.map((s) => [s.kind, new Map<string, number>()])) as Record<SheetKind, Map<string, number>>;
  const sheets = outcome.summary.sheets;
  let version: string | null = null;
  let done = 0;
  let pending = 0;

  try {
    for await (const ev of readImportWorkbook(imp.content, inspection.merges, issues)) {
      if (ev.type === 'meta') {
        version = ev.version;
        continue;
      }
      const kind = ev.def.kind;
      if (ev.type === 'sheet') {
        present[kind] = ev.present;
        sheets[kind] = { name: ev.def.name, rows: 0, valid: 0, create: 0, update: 0, unchanged: 0, fields: {} };
        continue;
      }
      const s = sheets[kind]!;
      done++;
      if (ev.rowNo === 2 && isExampleRow(ev.def, ev.cells)) {
        outcome.summary.skippedExampleRows++;
        issues.add({ sheet: ev.def.name, rowNo: 2, column: null, value: null, reason: 'Dòng ví dụ của mẫu được bỏ qua', severity: 'warning' });
        continue;
      }
      s.rows++;
      const values = validateRow(ev.def, ev.rowNo, ev.cells, refs, issues);
      if (!values) continue;
      const key = [kind === 'staffing' ? values.unitCode : values.code, ...ev.def.naturalKey.map((k) => values[k])].join('\u0001');
      const first = seenKeys[kind].get(key);
      if (first !== undefined) {
        const what = kind === 'cadres' ? 'Mã cán bộ bị trùng' : 'Dòng bị trùng';
        issues.add({ sheet: ev.def.name, rowNo: ev.rowNo, column: ev.def.columns[0].header, value: String(values.code ?? values.unitCode ?? ''), reason: `${what} với dòng ${first}` });
        continue;
      }
      seenKeys[kind].set(key, ev.rowNo);
      s.valid++;
      batches[kind].add(ev.rowNo, ownValues(kind, values), values as never);
      if (++pending >= BATCH) {
        for (const b of Object.values(batches)) await b.flush(ctx.client);
        pending = 0;
        await ctl.progress(done, total);
        await ctl.checkCancelled();
      }
    }
  } catch (err) {
    if (err instanceof ImportCancelled || (err as { code?: string }).code?.match?.(/^[0-9A-Z]{5}$/)) throw err;
    // exceljs or the XML parser gave up: the file is damaged
    return fail('Tệp bị hỏng hoặc không đọc được. Vui lòng mở và lưu lại tệp trong Excel rồi tải lên lại.');
  }
  for (const b of Object.values(batches)) await b.flush(ctx.client);
  await ctl.progress(done, total);
  await ctl.checkCancelled();

  outcome.summary.templateVersion = version;
  if (version !== TEMPLATE_VERSION) return fail(versionMessage);
  if (Object.keys(sheets).length === 0 && issues.errors === 0) return fail('Tệp không có trang tính nào của mẫu nhập liệu.');

  const editable = peopleScope(editingActor(ctx.actor), 'p');
  for (const p of await staging.findStagingProblems(ctx.tx, editable)) {
    const def = SHEET_BY_KIND[p.sheet];
    const column = p.sheet === 'discipline' ? 'Hình thức kỷ luật' : p.sheet === 'ratings' && !p.reason.startsWith('Mã') ? 'Mức xếp loại' : 'Mã cán bộ';
    issues.add({ sheet: def.name, rowNo: p.rowNo, column, value: p.value, reason: p.reason });
  }

  await staging.computeDiff(ctx.tx, present);
  const diff = await staging.summariseDiff(ctx.tx);
  for (const [kind, s] of Object.entries(sheets) as [SheetKind, SheetSummary][]) {
    s.create = diff.actions.find((a) => a.sheet === kind && a.action === 'create')?.n ?? 0;
    s.update = diff.actions.find((a) => a.sheet === kind && a.action === 'update')?.n ?? 0;
    s.unchanged = Math.max(0, diff.staged[kind] - s.create - s.update);
    for (const f of diff.fields.filter((x) => x.sheet === kind)) s.fields[f.field] = f.n;
  }
  for (const page of await staging.readDiffPage(ctx.tx, 0, STORED_CHANGE_CAP)) {
    outcome.changes.push({ sheet: SHEET_BY_KIND[page.sheet].name, rowNo: page.row_no, key: page.key, action: page.action, fields: { changed: page.fields, before: page.before, after: page.after } });
  }

  if (mode === 'validate' || issues.errors > 0) return outcome;

  await staging.applyDiff(ctx.tx, present);
  await ctl.afterApply?.();
  const sheetCounts = Object.fromEntries(Object.entries(sheets).map(([k, s]) => [k, { create: s.create, update: s.update, unchanged: s.unchanged }]));
  async function* events(): AsyncGenerator<AuditEvent[]> {
    yield [{ action: 'import', entityType: 'import', entityId: imp.id, meta: { fileName: imp.fileName, templateVersion: version, sheets: sheetCounts } }];
    for (let after = 0; ; ) {
      const page = await staging.readDiffPage(ctx.tx, after, BATCH);
      if (page.length === 0) return;
      after = page[page.length - 1].seq;
      yield page.map((d) => ({
        action: d.action,
        entityType: staging.STAGE_SPECS[d.sheet].entity,
        entityId: d.entity_id,
        personId: d.person_id,
        before: d.before,
        after: d.after,
        meta: {
          importId: imp.id,
          rowNo: d.row_no,
          sensitive: d.sheet === 'discipline' || (d.sheet === 'cadres' && d.fields.some((f) => (SENSITIVE_PERSON_FIELDS as string[]).includes(f))),
        },
      }));
    }
  }
  await recordAuditBatch(ctx.tx, ctx.client, ctx, events());
  outcome.applied = true;
  return outcome;
}
