/** Cell values in and out of spreadsheets, the same way for the template, exports and imports. */

/** A text a spreadsheet would run as a formula (=, +, -, @, or a tab/CR first) is written with a leading apostrophe. */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
}

/** The inverse on import: an apostrophe that only protects a formula-like text is dropped. */
export function unneutralise(s: string): string {
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

/** A value as read from a cell, reduced to what the import needs. */
export type PlainCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'formula'; text: string }
  | { kind: 'error'; text: string };

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text as stored: NFC, no control characters, single spaces, trimmed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Converts an exceljs cell value (string, number, Date, rich text, formula, hyperlink, error) to a PlainCell. */
export function plainCell(v: unknown): PlainCell {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'string') {
    const t = cleanText(v);
    return t ? { kind: 'text', text: unneutralise(t) } : { kind: 'empty' };
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', text: String(v) };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { kind: 'error', text: 'Invalid Date' };
    return { kind: 'date', iso: v.toISOString().slice(0, 10) };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { kind: 'formula', text: '=' + String(o.formula ?? o.sharedFormula ?? '') };
    if ('error' in o) return { kind: 'error', text: String(o.error) };
    if (Array.isArray(o.richText)) return plainCell((o.richText as { text: string }[]).map((r) => r.text).join(''));
    if ('text' in o) return plainCell(o.text);
  }
  return { kind: 'text', text: cleanText(String(v)) };
}

/** What a cell shows, for the error report (at most 100 characters). */
export function displayValue(c: PlainCell): string {
  switch (c.kind) {
    case 'empty':
      return '';
    case 'number':
    case 'bool':
      return String(c.value);
    case 'date':
      return c.iso.split('-').reverse().join('/');
    case 'text':
    case 'formula':
    case 'error':
      return c.text.slice(0, 100);
  }
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel serial day (1900 system) → ISO date, or null when it is not a plausible date. */
export function excelSerialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 73050) return null; // up to 31/12/2099
  return new Date(EXCEL_EPOCH_MS + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

export function isoToExcelDate(iso: string): Date {
  return new Date(iso + 'T00:00:00Z');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** The ISO date of y-m-d, or null when there is no such day (years before 100 are refused, as Date.UTC would). */
function validIso(y: number, m: number, d: number): string | null {
  if (y < 100 || m < 1 || m > 12 || d < 1) return null;
  const leap = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  if (d > DAYS_IN_MONTH[m - 1] + (leap ? 1 : 0)) return null;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/**
 * A date as real files hold it: a date cell, an Excel serial, or text dd/mm/yyyy (also d/m/yyyy, with - or .)
 * or yyyy-mm-dd. Returns the ISO date or a Vietnamese reason.
 */
export function parseDateCell(c: PlainCell): { iso: string } | { error: string } {
  let iso: string | null = null;
  if (c.kind === 'date') iso = c.iso;
  else if (c.kind === 'number') iso = excelSerialToIso(c.value);
  else if (c.kind === 'text') {
    const t = c.text;
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (m) iso = validIso(+m[3], +m[2], +m[1]);
    else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) iso = validIso(+m[1], +m[2], +m[3]);
    else return { error: 'Ngày không đúng định dạng dd/mm/yyyy' };
    if (!iso) return { error: 'Ngày không tồn tại' };
  } else return { error: 'Ngày không đúng định dạng dd/mm/yyyy' };
  if (!iso) return { error: 'Ngày không hợp lệ' };
  if (iso < '1900-01-01' || iso > '2100-12-31') return { error: 'Ngày nằm ngoài khoảng cho phép' };
  return { iso };
}

/** A cell's text for a text column (numbers written without a thousands separator, e.g. phone or ID numbers). */
export function cellText(c: PlainCell): string | null {
  switch (c.kind) {
    case 'empty':
      return null;
    case 'text':
      return c.text;
    case 'number':
      return Number.isInteger(c.value) ? String(c.value) : String(c.value);
    case 'bool':
      return c.value ? 'Có' : 'Không';
    case 'date':
      return c.iso.split('-').reverse().join('/');
    default:
      return c.text;
  }
}

/** Comparison key for names and labels: NFC, lower case, no spaces, hyphens or apostrophes. */
export function labelKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-_'’.]+/g, '');
}

/** RFC 5987 Content-Disposition for a Vietnamese file name, with an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
