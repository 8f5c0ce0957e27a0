import { StringDecoder } from 'node:string_decoder';
import { DEFAULT_LIMITS, inflateChunks, xlsxEntries, type Entry, type XlsxInspection } from './inspect-xlsx.js';
import { cleanText, unneutralise, type PlainCell } from './xlsx-cells.js';

/**
 * Reads the rows of an .xlsx that inspectXlsx accepted, straight from its XML, as PlainCells. It gives the same
 * cells as exceljs's streaming reader (shared and inline strings, rich text, numbers, dates by number format,
 * booleans, errors, formulas) at a fraction of the cost: no object per XML node, no cell or row objects, and each
 * shared string is cleaned once however many cells use it. Memory holds the shared strings and one chunk of a
 * sheet, never the sheet. xlsx-rows.test.ts compares it with exceljs on files of every kind.
 */

export interface XlsxRow {
  /** 1-based, as Excel numbers rows */
  rowNo: number;
  /** cells by 1-based column number (column A = 1); holes are empty cells */
  cells: (PlainCell | undefined)[];
}

export interface XlsxWorkbook {
  /** Sheets in workbook order */
  sheets: { name: string; path: string }[];
  /** The rows of one sheet, in batches of the rows found in each inflated chunk. */
  rows(path: string): AsyncGenerator<XlsxRow[]>;
}

const EMPTY: PlainCell = Object.freeze({ kind: 'empty' }) as PlainCell;
const CHUNK = 256 * 1024;

// ---- XML text ----

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** The character data of an element's content (entities decoded, CDATA sections kept as they are). */
function textContent(raw: string): string {
  if (raw.indexOf('<') < 0) return decodeEntities(raw);
  let out = '';
  let i = 0;
  for (;;) {
    const c = raw.indexOf('<![CDATA[', i);
    if (c < 0) break;
    out += decodeEntities(raw.slice(i, c));
    const e = raw.indexOf(']]>', c + 9);
    if (e < 0) return out + raw.slice(c + 9);
    out += raw.slice(c + 9, e);
    i = e + 3;
  }
  return out + decodeEntities(raw.slice(i));
}

/** True when the character after a tag name ends the name (space, `>`, `/`). */
function endsName(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** Index of `<name` as a whole tag name in s from `from`, or -1. */
function findTag(s: string, open: string, from: number): number {
  for (let i = s.indexOf(open, from); i >= 0; i = s.indexOf(open, i + 1)) {
    if (endsName(s, i + open.length)) return i;
  }
  return -1;
}

/**
 * The value of attribute `name` in a tag's attribute text, or null. Walks the attributes one by one, so a
 * name is never found inside another attribute's name or value.
 */
function attribute(attrs: string, name: string): string | null {
  let i = 0;
  const end = attrs.length;
  while (i < end) {
    let c = attrs.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      i++;
      continue;
    }
    const eq = attrs.indexOf('=', i);
    if (eq < 0) return null;
    let q = eq + 1;
    while ((c = attrs.charCodeAt(q)) === 32 || c === 9 || c === 10 || c === 13) q++;
    const quote = attrs[q];
    if (quote !== '"' && quote !== "'") return null;
    const close = attrs.indexOf(quote, q + 1);
    if (close < 0) return null;
    if (attrs.slice(i, eq).trim() === name) return decodeEntities(attrs.slice(q + 1, close));
    i = close + 1;
  }
  return null;
}

/** Text of the `<t>` elements of a string item or inline string, leaving out phonetic runs (`<rPh>`). */
function runsText(s: string): string {
  if (s.indexOf('<rPh') >= 0) s = s.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  let i = 0;
  for (;;) {
    const t = findTag(s, '<t', i);
    if (t < 0) return out;
    const gt = s.indexOf('>', t);
    if (gt < 0) return out;
    if (s.charCodeAt(gt - 1) === 47) {
      i = gt + 1; // <t/>
      continue;
    }
    const close = s.indexOf('</t>', gt);
    out += textContent(s.slice(gt + 1, close < 0 ? s.length : close));
    if (close < 0) return out;
    i = close + 4;
  }
}

/** The content of the first `<name>` child of s, '' when it is self-closing, null when absent. */
function childContent(s: string, name: string): string | null {
  const open = '<' + name;
  const i = findTag(s, open, 0);
  if (i < 0) return null;
  const gt = s.indexOf('>', i);
  if (gt < 0 || s.charCodeAt(gt - 1) === 47) return '';
  const close = s.indexOf('</' + name + '>', gt);
  return s.slice(gt + 1, close < 0 ? s.length : close);
}

/** Column number of a cell reference such as "AB12" (the letters before the digits). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

type Element = { attrs: string; content: string | null };

/**
 * Yields, one inflated chunk at a time, the complete `<tag …>…</tag>` elements of an entry (content null when
 * self-closing), until `stop` is met. Only the unfinished end of the text is kept between chunks. The rest of
 * the entry is still inflated after `stop`, so its bytes count against the limits.
 */
async function* elements(buf: Buffer, e: Entry, budget: { left: number }, tag: string, stop?: string): AsyncGenerator<Element[]> {
  const open = '<' + tag;
  const close = '</' + tag + '>';
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let done = false;
  for await (const chunk of inflateChunks(buf, e, budget, DEFAULT_LIMITS, CHUNK)) {
    if (done) continue;
    const s = pending + decoder.write(chunk);
    const stopAt = stop ? s.indexOf(stop) : -1;
    const limit = stopAt >= 0 ? stopAt : s.length;
    const out: Element[] = [];
    let pos = 0;
    for (;;) {
      const start = findTag(s, open, pos);
      if (start < 0 || start >= limit) {
        if (stopAt >= 0) done = true;
        else pos = Math.max(pos, s.length - open.length - (stop?.length ?? 0));
        break;
      }
      const gt = s.indexOf('>', start);
      if (gt < 0) {
        pos = start;
        break;
      }
      if (s.charCodeAt(gt - 1) === 47) {
        out.push({ attrs: s.slice(start + open.length, gt - 1), content: null });
        pos = gt + 1;
        continue;
      }
      const end = s.indexOf(close, gt);
      if (end < 0) {
        pos = start;
        break;
      }
      out.push({ attrs: s.slice(start + open.length, gt), content: s.slice(gt + 1, end) });
      pos = end + close.length;
    }
    pending = done ? '' : s.slice(pos);
    if (out.length) yield out;
  }
}

// the attributes of the cell being read (module state: no object per cell)
let attrCol = 0;
let attrStyle = 0;
let attrType: string | null = null;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Reads a `<c>` tag's r (as a column number), s and t from s[from, to), in one pass. */
function cellAttributes(s: string, from: number, to: number): void {
  attrCol = 0;
  attrStyle = 0;
  attrType = null;
  let i = from;
  while (i < to) {
    if (isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const eq = s.indexOf('=', i);
    if (eq < 0 || eq >= to) return;
    let nameEnd = eq;
    while (nameEnd > i && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (isSpace(s.charCodeAt(q))) q++;
    const quote = s.charCodeAt(q);
    if (quote !== 34 && quote !== 39) return;
    const close = s.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0 || close >= to) return;
    if (nameEnd - i === 1) {
      const name = s.charCodeAt(i);
      if (name === 114 /* r */) attrCol = columnOf(s.slice(q + 1, close));
      else if (name === 115 /* s */) attrStyle = digits(s, q + 1, close);
      else if (name === 116 /* t */) attrType = decodeEntities(s.slice(q + 1, close));
    }
    i = close + 1;
  }
}

/** The non-negative integer written in s[from, to), or -1. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  let any = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      any = true;
    } else if (!isSpace(c)) return -1;
  }
  return any ? n : -1;
}

// ---- shared parts ----

async function entryText(buf: Buffer, e: Entry | undefined, budget: { left: number }): Promise<string> {
  if (!e) return '';
  const parts: Buffer[] = [];
  for await (const c of inflateChunks(buf, e, budget, DEFAULT_LIMITS)) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

async function readSharedStrings(buf: Buffer, e: Entry | undefined, budget: { left: number }): Promise<string[]> {
  const out: string[] = [];
  if (!e) return out;
  for await (const items of elements(buf, e, budget, 'si')) for (const si of items) out.push(si.content === null ? '' : runsText(si.content));
  return out;
}

/** Excel's built-in number formats as exceljs knows them (the others are not dates). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** A number format shows a date when it has date or time letters outside quotes and brackets (as exceljs decides). */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style index (`s`), whether its number format is a date. */
function readDateStyles(xml: string): boolean[] {
  const section = (name: string) => {
    const i = findTag(xml, '<' + name, 0);
    if (i < 0) return '';
    const end = xml.indexOf('</' + name + '>', i);
    return xml.slice(i, end < 0 ? xml.length : end);
  };
  const custom = new Map<number, string>();
  const numFmts = section('numFmts');
  for (let i = findTag(numFmts, '<numFmt', 0); i >= 0; i = findTag(numFmts, '<numFmt', i + 7)) {
    const attrs = numFmts.slice(i + 7, numFmts.indexOf('>', i));
    const id = attribute(attrs, 'numFmtId');
    const code = attribute(attrs, 'formatCode');
    if (id !== null && code !== null) custom.set(Number(id), code);
  }
  const out: boolean[] = [];
  const xfs = section('cellXfs');
  for (let i = findTag(xfs, '<xf', 0); i >= 0; i = findTag(xfs, '<xf', i + 3)) {
    const id = Number(attribute(xfs.slice(i + 3, xfs.indexOf('>', i)), 'numFmtId') ?? 0);
    out.push(id ? isDateFormat(custom.get(id) ?? BUILTIN_FORMATS[id]) : false);
  }
  return out;
}

// ---- cells ----

function textCell(v: string): PlainCell {
  const t = cleanText(v);
  return t ? { kind: 'text', text: unneutralise(t) } : EMPTY;
}

function numberCell(v: string, isDate: boolean, date1904: boolean): PlainCell {
  const n = parseFloat(v);
  if (isDate) {
    const d = new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
    return Number.isNaN(d.getTime()) ? { kind: 'error', text: 'Invalid Date' } : { kind: 'date', iso: d.toISOString().slice(0, 10) };
  }
  return Number.isFinite(n) ? { kind: 'number', value: n } : { kind: 'error', text: String(n) };
}

/** Opens a workbook for reading its rows. */
export async function openXlsx(buf: Buffer, inspection: XlsxInspection): Promise<XlsxWorkbook> {
  const entries = xlsxEntries(buf);
  const budget = { left: DEFAULT_LIMITS.maxTotalUncompressed };
  const shared = await readSharedStrings(buf, entries.get('xl/sharedStrings.xml'), budget);
  const sharedCells: (PlainCell | undefined)[] = new Array(shared.length);
  const dateStyles = readDateStyles(await entryText(buf, entries.get('xl/styles.xml'), budget));
  const date1904 = inspection.date1904;

  const sharedCell = (index: number): PlainCell => {
    let c = sharedCells[index];
    if (c === undefined) {
      const s = shared[index];
      c = sharedCells[index] = s === undefined ? EMPTY : textCell(s);
    }
    return c;
  };

  /** A `<c>` element's value from its content (null when self-closing), its type (`t`) and style (`s`). */
  function cell(type: string | null, style: number, content: string | null): PlainCell {
    if (content === null) return EMPTY;
    const f = childContent(content, 'f');
    if (f !== null) return { kind: 'formula', text: '=' + textContent(f) };
    if (type === 'inlineStr') {
      const is = childContent(content, 'is');
      if (is !== null) return textCell(runsText(is));
    }
    const v = childContent(content, 'v');
    return v === null ? EMPTY : value(type, style, v);
  }

  /** A cell's value from the text of its `<v>`. */
  function value(type: string | null, style: number, v: string): PlainCell {
    switch (type) {
      case 's': {
        const i = parseInt(v, 10);
        return i >= 0 ? sharedCell(i) : EMPTY;
      }
      case 'str':
      case 'inlineStr':
        return textCell(textContent(v));
      case 'e':
        return { kind: 'error', text: textContent(v) };
      case 'b':
        return { kind: 'bool', value: parseInt(v, 10) !== 0 };
      case 'd': {
        const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(v);
        return m ? { kind: 'date', iso: m[1] } : { kind: 'error', text: v };
      }
      default:
        // style 0 is never read as a date (as exceljs)
        return numberCell(v, style > 0 && dateStyles[style] === true, date1904);
    }
  }

  /** The cells of a row's content, by column number. */
  function rowCells(s: string): (PlainCell | undefined)[] {
    const cells: (PlainCell | undefined)[] = [];
    let col = 0;
    for (let i = findTag(s, '<c', 0); i >= 0;) {
      const gt = s.indexOf('>', i);
      if (gt < 0) break;
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      cellAttributes(s, i + 2, selfClosing ? gt - 1 : gt);
      col = attrCol > 0 ? attrCol : col + 1;
      let c: PlainCell;
      let next: number;
      if (selfClosing) {
        c = EMPTY;
        next = gt + 1;
      } else if (s.startsWith('<v>', gt + 1)) {
        // the usual shape, <c …><v>…</v></c>, read without slicing the content
        const vEnd = s.indexOf('</v>', gt + 4);
        if (vEnd >= 0 && s.startsWith('</c>', vEnd + 4)) {
          if (attrType === 's') {
            const index = digits(s, gt + 4, vEnd);
            c = index >= 0 ? sharedCell(index) : EMPTY;
          } else c = value(attrType, attrStyle, s.slice(gt + 4, vEnd));
          next = vEnd + 8;
        } else {
          const close = s.indexOf('</c>', gt);
          c = cell(attrType, attrStyle, s.slice(gt + 1, close < 0 ? s.length : close));
          next = close < 0 ? s.length : close + 4;
        }
      } else {
        const close = s.indexOf('</c>', gt);
        c = cell(attrType, attrStyle, s.slice(gt + 1, close < 0 ? s.length : close));
        next = close < 0 ? s.length : close + 4;
      }
      if (c.kind !== 'empty' && col > 0) cells[col] = c;
      i = findTag(s, '<c', next);
    }
    return cells;
  }

  async function* rows(path: string): AsyncGenerator<XlsxRow[]> {
    const e = entries.get(path);
    if (!e) return;
    let lastRow = 0;
    for await (const found of elements(buf, e, budget, 'row', '</sheetData>')) {
      const batch: XlsxRow[] = [];
      for (const row of found) {
        const r = attribute(row.attrs, 'r');
        const rowNo = r !== null && /^\d+$/.test(r) ? Number(r) : lastRow + 1;
        lastRow = rowNo;
        batch.push({ rowNo, cells: row.content === null ? [] : rowCells(row.content) });
      }
      yield batch;
    }
  }

  return { sheets: inspection.sheets.map((s) => ({ name: s.name, path: s.path })), rows };
}
