import { addDays, viDate } from '../../../common/dates.js';
import { CATEGORY_LABELS, type Category } from '../../../common/enums.js';
import { trainingRegulationSchema } from '../../../common/training.js';
import type { ReferenceAction, ReferenceDraft, ReferenceTable } from '../../../common/schemas/reference.js';
import type { Issue } from '../errors.js';
import { multiplierText } from '../rules/pay/allowance-multiplier.js';
import { vndText } from '../rules/pay/money.js';

/**
 * The dated reference tables as rows with camelCase fields (what the repository reads and writes), and the pure
 * checks of a draft row: a row in force before today is what past verdicts and decisions were made on, so it may
 * only be given an end date; a new row or a change starts today or later. Pure.
 */
export type ReferenceRowValues = Record<string, unknown> & { effectiveFrom: string; effectiveTo?: string | null; instrument: string };

interface TableSpec {
  /** The primary key's fields. */
  key: string[];
  /** Whether the table has an end date (the others run until the next row). */
  hasEnd: boolean;
  /** The value fields (besides the dates and the instrument). */
  fields: string[];
}

export const TABLE_SPECS: Record<ReferenceTable, TableSpec> = {
  base_salaries: { key: ['effectiveFrom'], hasEnd: false, fields: ['amountVnd'] },
  allowance_multipliers: { key: ['effectiveFrom'], hasEnd: false, fields: ['multiplier'] },
  discipline_forms: { key: ['code', 'effectiveFrom'], hasEnd: true, fields: ['name', 'appliesTo', 'barMonths'] },
  key_posts: { key: ['title', 'level', 'effectiveFrom'], hasEnd: true, fields: ['sortOrder'] },
  training_regulations: { key: ['category', 'effectiveFrom'], hasEnd: false, fields: ['params'] },
  rating_instruments: { key: ['category', 'effectiveFrom'], hasEnd: false, fields: ['hasPoints'] },
};

/** The series a row belongs to in a table without end dates: a row runs until the next row of its series. */
export const seriesOf = (table: ReferenceTable, r: Record<string, unknown>) => (TABLE_SPECS[table].key.includes('category') ? String(r.category) : '');

const REQUIRED_MESSAGES: Record<string, string> = {
  amountVnd: 'Nhập mức lương cơ sở (đồng/tháng)',
  multiplier: 'Nhập số tháng lương cơ sở của trợ cấp một lần',
  name: 'Nhập tên hình thức kỷ luật',
  appliesTo: 'Chọn đối tượng áp dụng',
  barMonths: 'Nhập thời hạn (tháng)',
  params: 'Nhập các chỉ số của quy định đào tạo, bồi dưỡng',
  hasPoints: 'Chọn có chấm điểm hay không',
};

/** The key of a row as text, field → value. */
export function rowKeyOf(table: ReferenceTable, row: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(TABLE_SPECS[table].key.map((k) => [k, String(row[k])]));
}

/** JSON with sorted keys: two rows compare equal whatever the order their objects were built in. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** The value of a row in words, as the list and the history show it. */
export function rowSummary(table: ReferenceTable, r: Record<string, unknown>): string {
  switch (table) {
    case 'base_salaries':
      return `${vndText(Number(r.amountVnd))}/tháng`;
    case 'allowance_multipliers':
      return `${multiplierText(Number(r.multiplier))} tháng lương cơ sở`;
    case 'discipline_forms':
      return `${String(r.code)} — ${String(r.name ?? '')}: ${String(r.barMonths)} tháng (${((r.appliesTo as Category[]) ?? []).map((c) => CATEGORY_LABELS[c] ?? c).join(', ')})`;
    case 'key_posts':
      return String(r.title);
    case 'training_regulations': {
      const p = (r.params ?? {}) as Record<string, unknown>;
      return `${CATEGORY_LABELS[r.category as Category] ?? String(r.category)}: ${String(p.instrument ?? r.instrument)}`;
    }
    case 'rating_instruments':
      return `${CATEGORY_LABELS[r.category as Category] ?? String(r.category)}: ${r.hasPoints ? 'chấm điểm 0–100, mức xếp loại theo điểm' : 'xếp mức, không chấm điểm'}`;
  }
}

/** A row in words with its dates and instrument, as the preview and its workbook show it. */
export function rowText(table: ReferenceTable, r: ReferenceRowValues): string {
  const dates = `hiệu lực từ ${viDate(r.effectiveFrom)}${TABLE_SPECS[table].hasEnd ? (r.effectiveTo ? ` đến hết ${viDate(r.effectiveTo)}` : ', không thời hạn') : ''}`;
  return `${rowSummary(table, r)} — ${dates} (${r.instrument})`;
}

export interface MergedDraft {
  row: ReferenceRowValues;
  existing: ReferenceRowValues | null;
  action: ReferenceAction;
  issues: Issue[];
}

/**
 * The row the draft would leave in the table: the existing row of the same key with the fields the draft gives, or
 * a new row; and whether that change is allowed today. `instrument` is the instrument of the change (a new or
 * changed row records it; closing a row keeps the row's own). `defaults` fills what a new row may leave out
 * (a discipline form's name from its latest row, a key post's order).
 */
export function mergeDraft(
  draft: ReferenceDraft,
  existing: ReferenceRowValues | null,
  today: string,
  instrument: string,
  defaults: Record<string, unknown> = {},
): MergedDraft {
  const spec = TABLE_SPECS[draft.table];
  const issues: Issue[] = [];
  const given = Object.fromEntries(Object.entries(draft).filter(([k, v]) => k !== 'table' && v !== undefined));
  const base: Record<string, unknown> = existing ? { ...existing } : { ...defaults, ...(spec.hasEnd ? { effectiveTo: null } : {}) };
  const row = { ...base, ...given } as ReferenceRowValues;
  if (!existing)
    for (const f of spec.fields)
      if (row[f] === undefined || row[f] === null) issues.push({ path: `draft.${f}`, message: REQUIRED_MESSAGES[f] ?? 'Không được để trống' });

  if (draft.table === 'training_regulations' && draft.params) {
    // the regulation's numbers carry the instrument they come from: the change's, unless the draft names one
    const params = { ...draft.params };
    if (!params.instrument) params.instrument = instrument || (existing?.params as { instrument?: string } | undefined)?.instrument || 'Dự thảo';
    row.params = params;
    const parsed = trainingRegulationSchema.safeParse(params);
    if (!parsed.success) for (const i of parsed.error.issues) issues.push({ path: `draft.params.${i.path.join('.')}`, message: i.message });
  }
  const valueChanged = existing ? spec.fields.some((f) => stableJson(row[f]) !== stableJson(existing[f])) : true;
  const endChanged = existing ? spec.hasEnd && (row.effectiveTo ?? null) !== (existing.effectiveTo ?? null) : false;
  let action: ReferenceAction = existing ? (valueChanged ? 'update' : 'close') : 'insert';
  row.instrument = action === 'close' && existing ? existing.instrument : instrument || existing?.instrument || 'Dự thảo';

  if (spec.hasEnd && row.effectiveTo && row.effectiveTo < row.effectiveFrom) {
    issues.push({ path: 'draft.effectiveTo', message: `Ngày hết hiệu lực phải từ ngày có hiệu lực (${viDate(row.effectiveFrom)}) trở đi` });
  }

  const yesterday = addDays(today, -1);
  if (!existing) {
    if (row.effectiveFrom < today)
      issues.push({
        path: 'draft.effectiveFrom',
        message: `Dòng mới chỉ được có hiệu lực từ hôm nay (${viDate(today)}) trở đi: các kết quả sàng lọc, quyết định đã ban hành căn cứ vào các dòng đang có hiệu lực.`,
      });
  } else if (!valueChanged && !endChanged) {
    issues.push({ path: 'draft', message: 'Dự kiến thay đổi giống hệt dòng đang có: không có gì để lưu.' });
  } else if (existing.effectiveFrom < today) {
    if (valueChanged || !spec.hasEnd) {
      issues.push({
        path: 'draft',
        message:
          `Dòng có hiệu lực từ ${viDate(existing.effectiveFrom)} đã được áp dụng cho các kết quả sàng lọc, quyết định trước đây nên không được sửa` +
          (spec.hasEnd
            ? ': chỉ được kết thúc hiệu lực bằng ngày hết hiệu lực, rồi thêm dòng mới từ ngày áp dụng quy định mới.'
            : ': để thay đổi từ một ngày về sau, thêm dòng mới có hiệu lực từ ngày đó.'),
      });
      action = 'update';
    } else {
      const oldEnd = existing.effectiveTo ?? null;
      const newEnd = row.effectiveTo ?? null;
      if (oldEnd !== null && oldEnd < yesterday)
        issues.push({ path: 'draft.effectiveTo', message: `Dòng đã hết hiệu lực từ ${viDate(addDays(oldEnd, 1))}: không sửa lại thời gian đã áp dụng.` });
      else if (newEnd === null)
        issues.push({ path: 'draft.effectiveTo', message: 'Dòng đã có hiệu lực: không được bỏ ngày hết hiệu lực đã xác định, chỉ được kết thúc hiệu lực.' });
      else if (newEnd < yesterday)
        issues.push({
          path: 'draft.effectiveTo',
          message: `Ngày hết hiệu lực sớm nhất là ${viDate(yesterday)}: không kết thúc lùi về trước, vì các kết quả, quyết định trước đây đã căn cứ vào dòng này.`,
        });
    }
  }
  return { row, existing, action, issues };
}

/**
 * The dates the changed row governs: for a new or changed row, from its date to the day before the next row of the
 * same series (or its end date); for a closed row, from the day after the new end to the old end.
 */
export function changedPeriod(table: ReferenceTable, m: MergedDraft, rowsAfter: readonly ReferenceRowValues[]): { from: string; to: string | null } {
  if (m.action === 'close' && m.existing) return { from: addDays(m.row.effectiveTo!, 1), to: m.existing.effectiveTo ?? null };
  if (TABLE_SPECS[table].hasEnd) return { from: m.row.effectiveFrom, to: m.row.effectiveTo ?? null };
  const next = rowsAfter
    .filter((r) => seriesOf(table, r) === seriesOf(table, m.row) && r.effectiveFrom > m.row.effectiveFrom)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  return { from: m.row.effectiveFrom, to: next ? addDays(next.effectiveFrom, -1) : null };
}

/** Whether a row may be changed today: from today on, fully; in force before today, only closed (tables with an end date). */
export function editableOf(table: ReferenceTable, r: ReferenceRowValues, today: string): 'full' | 'close' | 'none' {
  if (r.effectiveFrom >= today) return 'full';
  if (!TABLE_SPECS[table].hasEnd) return 'none';
  return r.effectiveTo && r.effectiveTo < addDays(today, -1) ? 'none' : 'close';
}
