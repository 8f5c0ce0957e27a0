import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { inspectXlsx } from './inspect-xlsx.js';
import { plainCell, type PlainCell } from './xlsx-cells.js';
import { isDateFormat, openXlsx } from './xlsx-rows.js';

type Rows = { sheet: string; rowNo: number; cells: Record<number, PlainCell> }[];

/** The rows as exceljs's streaming reader gives them (the reader the import used before), cell by cell through plainCell. */
async function withExcelJs(buf: Buffer): Promise<Rows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  const out: Rows = [];
  for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>) {
    for await (const row of ws) {
      const cells: Record<number, PlainCell> = {};
      (row.values as unknown[]).forEach((v, i) => {
        const c = plainCell(v);
        if (c.kind !== 'empty') cells[i] = c;
      });
      if (Object.keys(cells).length) out.push({ sheet: ws.name, rowNo: row.number, cells });
    }
  }
  return out.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.rowNo - b.rowNo));
}

async function withReader(buf: Buffer, emptyRows = false): Promise<Rows> {
  const book = await openXlsx(buf, await inspectXlsx(buf));
  const out: Rows = [];
  for (const s of book.sheets) {
    for await (const batch of book.rows(s.path)) {
      for (const r of batch) {
        const cells: Record<number, PlainCell> = {};
        r.cells.forEach((c, i) => c && (cells[i] = c));
        if (emptyRows || Object.keys(cells).length) out.push({ sheet: s.name, rowNo: r.rowNo, cells });
      }
    }
  }
  return out.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.rowNo - b.rowNo));
}

const values: ExcelJS.CellValue[] = [
  'Nguyễn Văn An',
  '  Nguye\u0302\u0303n   Văn\u00a0Đức\t',
  'a & b < c > d "e" \'f\'',
  '=1+2',
  "'=SUM(A1)",
  '',
  '   ',
  '0912345678',
  42,
  -3.25,
  2.34,
  1e-7,
  123456789012,
  true,
  false,
  new Date(Date.UTC(1985, 2, 15)),
  new Date(Date.UTC(2026, 0, 10, 13, 45)),
  { formula: 'A1+1', result: 2 },
  { formula: 'A1&"x"', result: 'abc' },
  { error: '#N/A' },
  { text: 'Trang chủ', hyperlink: 'https://example.org' },
  { richText: [{ text: 'Lê ' }, { text: 'Thị', font: { bold: true } }, { text: ' Hoa' }] },
  'Khmer',
  'Đắk Lắk – “ngoặc”',
  '𝒜 emoji 🙂',
];

async function buildWorkbook(opts: { streaming: boolean; sharedStrings: boolean; date1904?: boolean }): Promise<Buffer> {
  const fill = (ws: ExcelJS.Worksheet, offset: number) => {
    ws.addRow(['Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Giá trị']).commit?.();
    for (let i = 0; i < values.length * 3; i++) {
      const row = ws.addRow([`CB${i}`, values[(i + offset) % values.length], values[(i * 7) % values.length], values[(i * 5 + 3) % values.length]]);
      if (i % 4 === 0) row.getCell(30).value = values[i % values.length]; // a far column (AD)
      if (i % 5 === 0) {
        row.getCell(3).numFmt = 'dd/mm/yyyy';
        row.getCell(4).numFmt = '0.00';
      }
      row.commit?.();
    }
    ws.getRow(values.length * 3 + 5).getCell(2).value = 'sau các dòng trống';
  };
  if (opts.streaming) {
    const chunks: Buffer[] = [];
    const stream = new (await import('node:stream')).PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: opts.sharedStrings, useStyles: true });
    if (opts.date1904) wb.properties = { ...wb.properties, date1904: true };
    fill(wb.addWorksheet('Cán bộ'), 0);
    fill(wb.addWorksheet('Khác'), 3);
    await wb.commit();
    return Buffer.concat(chunks);
  }
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  fill(wb.addWorksheet('Cán bộ'), 0);
  const other = wb.addWorksheet('Khác');
  fill(other, 3);
  other.mergeCells('B2:C2');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('xlsx rows', () => {
  it.each([
    { streaming: false, sharedStrings: true },
    { streaming: false, sharedStrings: true, date1904: true },
    { streaming: true, sharedStrings: true },
    { streaming: true, sharedStrings: false },
  ])('gives the same cells as exceljs: %o', async (opts) => {
    const buf = await buildWorkbook(opts);
    const expected = await withExcelJs(buf);
    expect(expected.length).toBeGreaterThan(values.length * 6);
    if (!opts.sharedStrings) {
      // exceljs keeps only the last run of an inline rich-text string; the reader keeps them all, as Excel shows it
      for (const r of expected) for (const c of Object.values(r.cells)) if (c.kind === 'text' && c.text === 'Hoa') c.text = 'Lê Thị Hoa';
    }
    expect(await withReader(buf)).toEqual(expected);
  });

  it('reads the shapes other spreadsheet programs write', async () => {
    const zip = await JSZip.loadAsync(await buildWorkbook({ streaming: false, sharedStrings: true }));
    const sheetPath = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(sheetPath)!.async('string');
    const rows = [
      // inline rich string; no r attributes (positions follow on); single quotes; entities and character references
      `<row r="2"><c t="inlineStr"><is><r><t xml:space="preserve">Lê </t></r><r><rPr><b/></rPr><t>Thị &amp; &#7913;&#x1EE9;</t></r></is></c><c t='str'><v>a &lt; b</v></c><c s="0"><v>7</v></c></row>`,
      // an ISO date cell, a boolean, an error, a CDATA text, an empty <v/>, a shared formula's dependent cell
      `<row><c r="A3" t="d"><v>2024-02-29T00:00:00</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" t="inlineStr"><is><t><![CDATA[x < y & z]]></t></is></c><c r="E3"><v/></c><c r="F3"><f t="shared" si="0"/><v>3</v></c></row>`,
      // a self-closing row and cell, a phonetic run left out
      `<row r="4"/><row r="5"><c r="A5" s="0"/><c r="B5" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c></row>`,
    ].join('');
    zip.file(sheetPath, xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`));
    const buf = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const got = (await withReader(buf, true)).filter((r) => r.sheet === 'Cán bộ');
    expect(got).toEqual([
      { sheet: 'Cán bộ', rowNo: 2, cells: { 1: { kind: 'text', text: 'Lê Thị & ứứ' }, 2: { kind: 'text', text: 'a < b' }, 3: { kind: 'number', value: 7 } } },
      {
        sheet: 'Cán bộ',
        rowNo: 3,
        cells: {
          1: { kind: 'date', iso: '2024-02-29' },
          2: { kind: 'bool', value: true },
          3: { kind: 'error', text: '#DIV/0!' },
          4: { kind: 'text', text: 'x < y & z' },
          5: { kind: 'error', text: 'NaN' },
          6: { kind: 'formula', text: '=' },
        },
      },
      { sheet: 'Cán bộ', rowNo: 4, cells: {} },
      { sheet: 'Cán bộ', rowNo: 5, cells: { 2: { kind: 'text', text: '漢字' } } },
    ]);
  });

  it('tells date formats from number formats as exceljs does', () => {
    for (const f of ['dd/mm/yyyy', 'mm-dd-yy', 'd-mmm-yy', 'h:mm', '[$-42A]dd/mm/yyyy', 'yyyy"年"m"月"']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0.00', '#,##0', '0.00%', '"ngày"0', '[Red]0.00', '@', undefined]) expect(isDateFormat(f), String(f)).toBe(false);
  });

  it('refuses to inflate more than the limits allow, like the inspection', async () => {
    const zip = await JSZip.loadAsync(await buildWorkbook({ streaming: false, sharedStrings: true }));
    const buf = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const inspection = await inspectXlsx(buf);
    // the same file with a sheet that lies about its size: the reader stops at what the entry declares
    const sheet = 'xl/worksheets/sheet1.xml';
    const big = (await zip.file(sheet)!.async('string')).replace('</sheetData>', `${'<row/>'.repeat(200_000)}</sheetData>`);
    zip.file(sheet, big);
    const bomb = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    // shrink the declared size in the central directory so only the byte counter can catch it
    const cd = bomb.lastIndexOf(Buffer.from(sheet));
    bomb.writeUInt32LE(1000, cd - 46 + 24);
    const book = await openXlsx(bomb, inspection);
    await expect(
      (async () => {
        for await (const batch of book.rows(sheet)) void batch;
      })(),
    ).rejects.toThrow(/bất thường/);
  });
});
