import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { META_SHEET, TEMPLATE_VERSION } from '../../common/import-columns.js';
import { isoToExcelDate, neutraliseFormula } from './xlsx-cells.js';

/** A column of an exported list. `date` values are ISO strings written as real dates (dd/mm/yyyy). */
export interface ListColumn {
  header: string;
  width: number;
  type: 'text' | 'date' | 'number';
}

export type ListValue = string | number | boolean | null | undefined;

export interface ListSheet {
  name: string;
  columns: ListColumn[];
  rows: AsyncIterable<ListValue[]> | Iterable<ListValue[]>;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/** Writes a value into a cell: dates as dates, text made safe from formula injection. */
export function setCell(cell: ExcelJS.Cell, type: ListColumn['type'], v: ListValue) {
  if (v === null || v === undefined || v === '') return;
  if (type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    cell.value = isoToExcelDate(v);
    cell.numFmt = 'dd/mm/yyyy';
  } else if (type === 'number' && typeof v === 'number') {
    cell.value = v;
  } else if (type === 'number' && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) {
    cell.value = Number(v);
  } else {
    cell.value = neutraliseFormula(String(v));
  }
}

/**
 * Streams sheets into an .xlsx (exceljs streaming writer: rows are committed as they come, so memory stays
 * flat): bold frozen header row, column widths, dates as dates. With `withMeta`, adds the hidden sheet
 * holding the template version so the file can be imported back.
 */
export async function writeListXlsx(out: Writable, sheets: ListSheet[], o: { withMeta?: boolean; onRow?: () => void } = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Tăng cường';
  wb.created = new Date();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => (cell.fill = HEADER_FILL));
    header.commit();
    let r = 2;
    for await (const values of s.rows) {
      const row = ws.getRow(r++);
      s.columns.forEach((c, i) => setCell(row.getCell(i + 1), c.type, values[i]));
      row.commit();
      o.onRow?.();
    }
    ws.commit();
  }
  if (o.withMeta) {
    const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    meta.addRow(['version', TEMPLATE_VERSION]).commit();
    meta.commit();
  }
  await wb.commit();
}
