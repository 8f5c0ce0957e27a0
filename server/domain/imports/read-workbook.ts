import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { CODE_LIST_SHEET, META_SHEET, SHEETS, headerKey, type SheetColumn, type SheetDef } from '../../../common/import-columns.js';
import { plainCell, type PlainCell } from '../../documents/xlsx-cells.js';
import type { IssueSink } from './import-issues.js';

export type WorkbookEvent =
  | { type: 'sheet'; def: SheetDef; present: Set<string> }
  | { type: 'row'; def: SheetDef; rowNo: number; cells: Map<string, PlainCell> }
  | { type: 'meta'; version: string | null };

const SHEET_BY_NAME = new Map(SHEETS.map((s) => [headerKey(s.name), s]));
const IGNORED_SHEETS = new Set([headerKey(CODE_LIST_SHEET), headerKey('Hướng dẫn')]);

/** Maps the header row to the sheet's columns; missing required or unknown headers are file-level errors. */
function matchHeaders(def: SheetDef, values: unknown[], issues: IssueSink): Map<number, SheetColumn> | null {
  const byHeader = new Map(def.columns.map((c) => [headerKey(c.header), c]));
  const map = new Map<number, SheetColumn>();
  let ok = true;
  for (let i = 1; i < values.length; i++) {
    const cell = plainCell(values[i]);
    if (cell.kind === 'empty') continue;
    const text = cell.kind === 'text' ? cell.text : String((cell as { text?: string; value?: unknown }).text ?? (cell as { value?: unknown }).value);
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
 * Streams an .xlsx sheet by sheet, row by row (exceljs WorkbookReader; memory does not grow with the file):
 * matches headers, reports merged cells and unknown sheets, and yields each non-empty data row by column key.
 */
export async function* readImportWorkbook(
  content: Buffer,
  merges: Record<string, string[]>,
  issues: IssueSink,
): AsyncGenerator<WorkbookEvent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const seen = new Set<string>();
  for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>) {
    const name = ws.name;
    const key = headerKey(name);
    if (name === META_SHEET) {
      let version: string | null = null;
      for await (const row of ws) {
        const v = row.values as unknown[];
        if (String(v[1] ?? '') === 'version') version = String(v[2] ?? '');
      }
      yield { type: 'meta', version };
      continue;
    }
    const def = SHEET_BY_NAME.get(key);
    if (!def) {
      if (!IGNORED_SHEETS.has(key)) issues.add({ sheet: name, rowNo: null, column: null, value: null, reason: 'Trang tính không thuộc mẫu nên được bỏ qua', severity: 'warning' });
      for await (const _row of ws) void _row; // drain
      continue;
    }
    if (seen.has(def.kind)) {
      issues.add({ sheet: name, rowNo: null, column: null, value: null, reason: 'Trang tính bị lặp lại' });
      for await (const _row of ws) void _row;
      continue;
    }
    seen.add(def.kind);
    for (const range of merges[name] ?? []) {
      issues.add({ sheet: name, rowNo: Number(/\d+/.exec(range)?.[0] ?? 0) || null, column: range, value: null, reason: `Có ô gộp (${range}). Vui lòng bỏ gộp ô (Unmerge) và điền giá trị vào từng ô` });
    }
    let columns: Map<number, SheetColumn> | null | undefined;
    for await (const row of ws) {
      const values = row.values as unknown[];
      if (columns === undefined) {
        columns = matchHeaders(def, values, issues);
        if (columns) yield { type: 'sheet', def, present: new Set([...columns.values()].map((c) => c.key)) };
        continue;
      }
      if (columns === null) continue; // header errors: the rows cannot be read reliably
      const cells = new Map<string, PlainCell>();
      let empty = true;
      for (const [i, col] of columns) {
        const c = plainCell(values[i]);
        if (c.kind !== 'empty') empty = false;
        cells.set(col.key, c);
      }
      if (!empty) yield { type: 'row', def, rowNo: row.number, cells };
    }
    if (columns === undefined) {
      issues.add({ sheet: name, rowNo: 1, column: null, value: null, reason: 'Trang tính không có dòng tiêu đề' });
    }
  }
}
