import ExcelJS from 'exceljs';
import {
  CODE_LIST_SHEET,
  META_SHEET,
  SHEETS,
  TEMPLATE_VERSION,
  exampleOf,
  type SheetColumn,
  type SheetDef,
  type TemplateExamples,
} from '../../common/import-columns.js';
import { setCell } from './xlsx-list.js';

// exceljs has a sheet's validations by range (one rule for a whole column) but does not declare them
declare module 'exceljs' {
  interface Worksheet {
    dataValidations: { add(range: string, validation: DataValidation): void };
  }
}

/** The code lists offered as drop-downs, each a column of the "Danh mục" sheet. */
export interface TemplateCodeLists {
  ethnic: string[];
  rank: string[];
  unit: string[];
  homeTown: string[];
  ratingLevel: string[];
  disciplineForm: string[];
}

const VALIDATION_ROWS = 5000;
const colLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

function listFor(col: SheetColumn, lists: TemplateCodeLists): { title: string; values: string[] } | null {
  if (col.labels) return { title: col.header, values: Object.values(col.labels) };
  if (col.ref) return { title: col.header, values: lists[col.ref] };
  return null;
}

/**
 * The import template: one sheet per kind of data with Vietnamese headers and a filled example row, drop-down
 * lists for coded columns (from the "Danh mục" sheet), and a hidden `_meta` sheet with the template version.
 */
export async function buildImportTemplate(lists: TemplateCodeLists, sheets: readonly SheetDef[] = SHEETS, examples: TemplateExamples = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tăng cường';
  wb.created = new Date();
  const codeSheet = wb.addWorksheet(CODE_LIST_SHEET);
  const listRanges = new Map<string, string>();
  let listCol = 0;
  const addList = (title: string, values: string[]) => {
    const key = title + '\u0000' + values.join('\u0001');
    if (listRanges.has(key)) return listRanges.get(key)!;
    listCol++;
    const letter = colLetter(listCol);
    codeSheet.getCell(`${letter}1`).value = title;
    codeSheet.getCell(`${letter}1`).font = { bold: true };
    codeSheet.getColumn(listCol).width = Math.min(40, Math.max(14, ...values.map((v) => v.length + 2)));
    values.forEach((v, i) => (codeSheet.getCell(`${letter}${i + 2}`).value = v));
    const range = `'${CODE_LIST_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, values.length + 1)}`;
    listRanges.set(key, range);
    return range;
  };

  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDCE6F1' } };
      if (c.required) cell.note = 'Bắt buộc';
      else if (c.type === 'info') cell.note = 'Chỉ để đối chiếu, không được nhập vào hệ thống';
    });
    const example = ws.getRow(2);
    sheet.columns.forEach((c, i) => {
      const cell = example.getCell(i + 1);
      const value = exampleOf(sheet.kind, c, examples);
      if (c.type === 'date' && typeof value === 'string') setCell(cell, 'date', value.split('/').reverse().join('-'));
      else if (typeof value === 'number') setCell(cell, 'number', value);
      else if (value !== null) setCell(cell, 'text', String(value));
      cell.font = { italic: true, color: { argb: 'FF808080' } };
    });
    example.getCell(1).note = 'Dòng ví dụ: ghi đè hoặc xóa dòng này. Nếu để nguyên, dòng này được bỏ qua khi nhập.';
    sheet.columns.forEach((c, i) => {
      const letter = colLetter(i + 1);
      const range = `${letter}2:${letter}${VALIDATION_ROWS}`;
      const list = listFor(c, lists);
      if (list && list.values.length) {
        ws.dataValidations.add(range, {
          type: 'list',
          allowBlank: !c.required,
          formulae: [addList(list.title, list.values)],
          showErrorMessage: false,
        });
      } else if (c.type === 'date') {
        ws.getColumn(i + 1).numFmt = 'dd/mm/yyyy';
      } else if (c.type === 'text') {
        // text columns stay text: an ID or phone number keeps its leading zero
        ws.getColumn(i + 1).numFmt = '@';
      }
    });
  }
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow(['version', TEMPLATE_VERSION]);
  // open on the cadre sheet, not on the code lists
  wb.views = [{ x: 0, y: 0, width: 20000, height: 15000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
