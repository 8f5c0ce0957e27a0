import { CODE_LIST_SHEET, META_SHEET, SHEETS, headerKey, type SheetColumn, type SheetDef } from '../../../common/import-columns.js';
import type { XlsxInspection } from '../../documents/inspect-xlsx.js';
import { cellText, type PlainCell } from '../../documents/xlsx-cells.js';
import type { IssueSink } from './import-issues.js';
import type { RowCells } from './validate-row.js';
import { openXlsx } from '../../documents/xlsx-rows.js';

export type ImportRow = { rowNo: number; cells: RowCells };

const EMPTY: PlainCell = { kind: 'empty' };

/** A row's cells by column key, over the reader's cells by column number (no map per row). */
class RowView implements RowCells {
  constructor(
    private readonly columnOf: Map<string, number>,
    private readonly cells: (PlainCell | undefined)[],
  ) {}

  get(key: string): PlainCell | undefined {
    const i = this.columnOf.get(key);
    return i === undefined ? undefined : (this.cells[i] ?? EMPTY);
  }
}

export type WorkbookEvent =
  { type: 'sheet'; def: SheetDef; present: Set<string> } | { type: 'rows'; def: SheetDef; rows: ImportRow[] } | { type: 'meta'; version: string | null };

const SHEET_BY_NAME = new Map(SHEETS.map((s) => [headerKey(s.name), s]));
const IGNORED_SHEETS = new Set([headerKey(CODE_LIST_SHEET), headerKey('Hướng dẫn')]);

/** Maps the header row to the sheet's columns; missing required or unknown headers are file-level errors. */
function matchHeaders(def: SheetDef, values: (PlainCell | undefined)[], issues: IssueSink): Map<number, SheetColumn> | null {
  const byHeader = new Map(def.columns.map((c) => [headerKey(c.header), c]));
  const map = new Map<number, SheetColumn>();
  let ok = true;
  for (let i = 1; i < values.length; i++) {
    const cell = values[i];
    if (!cell || cell.kind === 'empty') continue;
    const text = cellText(cell) ?? '';
    const col = byHeader.get(headerKey(text));
    if (!col) {
      issues.add({ sheet: def.name, rowNo: 1, column: text, value: text, reason: 'Tiêu đề cột không có trong mẫu (có thể đã bị đổi tên)' });
      ok = false;
    } else if ([...map.values()].includes(col)) {
      issues.add({ sheet: def.name, rowNo: 1, column: text, value: text, reason: 'Cột bị lặp lại' });
      ok = false;
    } else map.set(i, col);
  }
  const present = new Set([...map.values()].map((c) => c.key));
  for (const c of def.columns) {
    if (c.required && !present.has(c.key)) {
      issues.add({ sheet: def.name, rowNo: 1, column: c.header, value: null, reason: `Thiếu cột bắt buộc "${c.header}"` });
      ok = false;
    }
  }
  return ok ? map : null;
}

/**
 * Streams an .xlsx sheet by sheet, a batch of rows at a time (memory does not grow with the file): matches
 * headers, reports merged cells and unknown sheets, and yields the non-empty data rows by column key.
 */
export async function* readImportWorkbook(content: Buffer, inspection: XlsxInspection, issues: IssueSink): AsyncGenerator<WorkbookEvent> {
  const book = await openXlsx(content, inspection);
  const seen = new Set<string>();
  for (const { name, path } of book.sheets) {
    const key = headerKey(name);
    if (name === META_SHEET) {
      let version: string | null = null;
      for await (const batch of book.rows(path)) {
        for (const row of batch) if (row.cells[1] && cellText(row.cells[1]) === 'version') version = cellText(row.cells[2] ?? EMPTY) ?? '';
      }
      yield { type: 'meta', version };
      continue;
    }
    const def = SHEET_BY_NAME.get(key);
    if (!def) {
      if (!IGNORED_SHEETS.has(key))
        issues.add({ sheet: name, rowNo: null, column: null, value: null, reason: 'Trang tính không thuộc mẫu nên được bỏ qua', severity: 'warning' });
      continue;
    }
    if (seen.has(def.kind)) {
      issues.add({ sheet: name, rowNo: null, column: null, value: null, reason: 'Trang tính bị lặp lại' });
      continue;
    }
    seen.add(def.kind);
    for (const range of inspection.merges[name] ?? []) {
      issues.add({
        sheet: name,
        rowNo: Number(/\d+/.exec(range)?.[0] ?? 0) || null,
        column: range,
        value: null,
        reason: `Có ô gộp (${range}). Vui lòng bỏ gộp ô (Unmerge) và điền giá trị vào từng ô`,
      });
    }
    let columns: Map<string, number> | null | undefined;
    let numbers: number[] = [];
    for await (const batch of book.rows(path)) {
      const rows: ImportRow[] = [];
      for (const row of batch) {
        if (columns === undefined) {
          const map = matchHeaders(def, row.cells, issues);
          columns = map && new Map([...map].map(([i, c]) => [c.key, i]));
          numbers = map ? [...map.keys()] : [];
          if (map) yield { type: 'sheet', def, present: new Set([...map.values()].map((c) => c.key)) };
          continue;
        }
        if (columns === null) break; // header errors: the rows cannot be read reliably
        if (numbers.some((i) => row.cells[i] !== undefined)) rows.push({ rowNo: row.rowNo, cells: new RowView(columns, row.cells) });
      }
      if (rows.length) yield { type: 'rows', def, rows };
      if (columns === null) break;
    }
    if (columns === undefined) {
      issues.add({ sheet: name, rowNo: 1, column: null, value: null, reason: 'Trang tính không có dòng tiêu đề' });
    }
  }
}
