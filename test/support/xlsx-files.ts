import { watchPersonal } from './log-watch.js';
import ExcelJS from 'exceljs';
import { META_SHEET, SHEET_BY_KIND, TEMPLATE_VERSION, type SheetKind } from '../../common/import-columns.js';

type Cell = string | number | Date | boolean | null | { formula: string; result?: unknown };

export interface FileSpec {
  /** rows per sheet kind, as { header or column key: value } */
  sheets: Partial<Record<SheetKind, Record<string, Cell>[]>>;
  version?: string | null;
  /** replace a header text: { 'Ngày sinh': 'Ngay sinh' } */
  renameHeaders?: Record<string, string>;
  dropHeaders?: string[];
  merge?: { sheet: SheetKind; range: string };
}

/** A real .xlsx built with exceljs, in the template's layout (headers in row 1), for import tests. */
export async function buildXlsx(spec: FileSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [kind, rows] of Object.entries(spec.sheets) as [SheetKind, Record<string, Cell>[]][]) {
    const def = SHEET_BY_KIND[kind];
    const ws = wb.addWorksheet(def.name);
    const cols = def.columns.filter((c) => !spec.dropHeaders?.includes(c.header));
    ws.addRow(cols.map((c) => spec.renameHeaders?.[c.header] ?? c.header));
    for (const r of rows) ws.addRow(cols.map((c) => (r[c.key] ?? r[c.header] ?? null) as ExcelJS.CellValue));
    if (spec.merge?.sheet === kind) ws.mergeCells(spec.merge.range);
  }
  if (spec.version !== null) {
    const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    meta.addRow(['version', spec.version ?? TEMPLATE_VERSION]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cadre row with sensible defaults for the given unit code. */
export function cadreRow(code: string, unitCode: string, o: Record<string, Cell> = {}): Record<string, Cell> {
  const row: Record<string, Cell> = {
    code,
    fullName: `Nguyễn Văn ${code}`,
    gender: 'Nam',
    birthDate: '15/03/1985',
    unitCode,
    category: 'Công chức',
    ethnicCode: 'Kinh',
    ...o,
  };
  // the personal values an import carries are watched in the suite's log (log-watch.ts)
  for (const k of ['fullName', 'idNumber', 'phone', 'email']) if (typeof row[k] === 'string') watchPersonal(row[k]);
  return row;
}

/** Reads a workbook back: sheet name → rows of cell values (row 1 = headers). */
export async function readXlsx(buf: Buffer | ArrayBuffer): Promise<Map<string, { rows: unknown[][]; state: string; frozen: boolean }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  const out = new Map<string, { rows: unknown[][]; state: string; frozen: boolean }>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
    out.set(ws.name, { rows, state: ws.state, frozen: ws.views?.[0]?.state === 'frozen' });
  });
  return out;
}
