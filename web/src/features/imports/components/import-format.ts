import { SHEETS, type SheetColumn } from '../../../../../common/import-columns';
import type { ImportChange, ImportView } from '../../../api/types';
import { formatCoefficient, formatDate, formatNumber } from '../../../shared/format';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../hooks/use-imports';
import type { ReferenceLists } from '../../../shared/hooks/use-reference';

/** The columns of each sheet of the template, by sheet name (the API names sheets as the file does). */
const COLUMNS_BY_SHEET = new Map(SHEETS.map((s) => [s.name, new Map(s.columns.map((c) => [c.key, c]))]));
const STAFFING_SHEET = SHEETS.find((s) => s.kind === 'staffing')!.name;
const CADRE_SHEET = SHEETS.find((s) => s.kind === 'cadres')!.name;

export interface ValueLookups {
  reference?: ReferenceLists;
  unitName(id: string): string | undefined;
}

export const EMPTY_VALUE = '(trống)';

/** The column of a sheet a change or issue refers to (by its key), if the template has it. */
export const columnOf = (sheet: string, key: string): SheetColumn | undefined => COLUMNS_BY_SHEET.get(sheet)?.get(key);

/**
 * The name of a column whose value is shown by name rather than by code: "Mã đơn vị" → "Đơn vị" (the preview
 * shows the unit's name, not its code).
 */
export function valueLabel(col: SheetColumn): string {
  if (col.type !== 'ref' || !/^Mã /.test(col.header)) return col.header;
  const rest = col.header.slice(3);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** A stored value of an import column as the user reads it: labels for codes, dd/mm/yyyy dates, names for units and code lists. */
export function formatImportValue(col: SheetColumn | undefined, v: unknown, l: ValueLookups): string {
  if (v === null || v === undefined || v === '') return EMPTY_VALUE;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (!col) return /^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDate(s) : s;
  switch (col.type) {
    case 'date':
      return formatDate(s);
    case 'decimal':
      return formatCoefficient(s);
    case 'enum':
      return col.labels?.[s] ?? s;
    case 'ref':
      switch (col.ref) {
        case 'unit':
          return l.unitName(s) ?? s;
        case 'ethnic':
          return l.reference?.ethnicGroups.find((g) => g.code === s)?.name ?? s;
        case 'rank': {
          const name = l.reference?.ranks.find((r) => r.code === s)?.name;
          return name ? `${s} - ${name}` : s;
        }
        case 'ratingLevel':
          return l.reference?.ratingName(s) ?? s;
        case 'disciplineForm':
          return l.reference?.disciplineForms.find((f) => f.code === s)?.name ?? s;
        default:
          return s;
      }
    default:
      return s;
  }
}

export interface FieldChangeView {
  key: string;
  label: string;
  before: string;
  after: string;
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * One row of the preview as the user reads it: whose record (code, and name when the file gives it), and each
 * field with its header, old and new value, in the order of the template's columns.
 */
export function describeChange(c: ImportChange, l: ValueLookups) {
  const before = asRecord(c.fields.before);
  const after = asRecord(c.fields.after);
  const columns = COLUMNS_BY_SHEET.get(c.sheet);
  const order = columns ? [...columns.keys()] : [];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : Number.MAX_SAFE_INTEGER);
  const keys = [...new Set(c.fields.changed)].filter((k) => k !== '').sort((a, b) => rank(a) - rank(b));
  const fields: FieldChangeView[] = keys
    .map((k) => {
      const col = columns?.get(k);
      return { key: k, label: col ? valueLabel(col) : k, before: formatImportValue(col, before[k], l), after: formatImportValue(col, after[k], l) };
    })
    // a new record lists what it will hold, not its empty columns
    .filter((f) => c.action === 'update' || f.after !== EMPTY_VALUE);
  return { who: whoOf(c, l), name: typeof after.fullName === 'string' && c.sheet === CADRE_SHEET ? after.fullName : null, fields };
}

/** The record a change is about: the cadre code (with the row's natural key), or the unit and year for staffing. */
function whoOf(c: ImportChange, l: ValueLookups): string {
  if (c.sheet === STAFFING_SHEET) {
    const [unitId, year] = c.key.split(' ');
    return `${l.unitName(unitId) ?? unitId}${year ? ` — năm ${year}` : ''}`;
  }
  return c.key;
}

/** "Sheet › Column › Reason" → count, from the import's issue statistics, biggest first. */
export function issueGroups(view: Pick<ImportView, 'issueStats'>) {
  const entries = Object.entries(view.issueStats?.byColumnReason ?? {});
  return entries
    .map(([k, count]) => {
      const [sheet = '', column = '', ...reason] = k.split(' › ');
      return { key: k, sheet, column: column === '—' ? '' : column, reason: reason.join(' › '), count };
    })
    .sort((a, b) => b.count - a.count);
}

export interface PreviewCounts {
  create: number;
  update: number;
  unchanged: number;
}

/** New, changed and unchanged rows: over every sheet, and for the cadre sheet alone. */
export function previewCounts(view: Pick<ImportView, 'summary'>) {
  const sheets = Object.entries(view.summary?.sheets ?? {});
  const total: PreviewCounts = { create: 0, update: 0, unchanged: 0 };
  for (const [, s] of sheets) {
    total.create += s.create;
    total.update += s.update;
    total.unchanged += s.unchanged;
  }
  const cadres = view.summary?.sheets.cadres;
  return {
    total,
    cadres: cadres ? { create: cadres.create, update: cadres.update, unchanged: cadres.unchanged } : null,
    /** Every sheet that had rows, in the order of the template. */
    sheets: SHEETS.flatMap((d) => {
      const s = view.summary?.sheets[d.kind];
      return s && s.rows > 0 ? [{ kind: d.kind, ...s }] : [];
    }),
  };
}

/** "3 mới, 1 thay đổi, 10 không đổi" */
export const countsText = (c: PreviewCounts) => `${formatNumber(c.create)} mới, ${formatNumber(c.update)} thay đổi, ${formatNumber(c.unchanged)} không đổi`;

/** A file size in the units people use: 512 KB, 3,4 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(Math.round((bytes / 1048576) * 10) / 10)} MB`;
}

/** Column headers of a sheet's changed fields, for the summary ("Điện thoại: 12 dòng"). */
export function changedFieldsText(sheet: string, fields: Record<string, number>): string {
  return Object.entries(fields)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => {
      const col = columnOf(sheet, k);
      return `${col ? valueLabel(col) : k}: ${formatNumber(n)}`;
    })
    .join('; ');
}

/** Why a chosen file is refused before it is sent (null: it may be sent). */
export function refuseFile(file: { name: string; size: number }): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls') || name.endsWith('.xlsb') || name.endsWith('.xlsm')) {
    return `Tệp "${file.name}" không phải định dạng .xlsx. Vui lòng mở tệp trong Excel, chọn Lưu thành (Save As) "Excel Workbook (*.xlsx)" rồi tải lên lại.`;
  }
  if (!name.endsWith('.xlsx')) return `Tệp "${file.name}" không phải tệp Excel (.xlsx). Chỉ nhận tệp theo mẫu nhập liệu của hệ thống.`;
  if (file.size > MAX_UPLOAD_BYTES) {
    return `Tệp "${file.name}" có dung lượng ${formatFileSize(file.size)}, vượt quá giới hạn ${MAX_UPLOAD_MB} MB. Vui lòng chia dữ liệu thành nhiều tệp nhỏ hơn.`;
  }
  if (file.size === 0) return `Tệp "${file.name}" rỗng.`;
  return null;
}
