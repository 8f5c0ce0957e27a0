import { resolveRating, type RatingInstrumentRow } from '../../../common/ratings.js';
import { CONSENT_CIRCUMSTANCES, type CircumstanceKind } from '../../../common/exclusions.js';
import { exampleOf, type SheetColumn, type SheetDef, type TemplateExamples } from '../../../common/import-columns.js';
import { cellText, displayValue, labelKey, parseDateCell, type PlainCell } from '../../documents/xlsx-cells.js';
import { checkPersonConsistency } from '../personnel/update-cadre.js';
import type { IssueSink } from './import-issues.js';

/** The code lists and the actor's reach, loaded once per import, against which every row is checked. */
export interface ImportRefs {
  today: string;
  currentYear: number;
  /** labelKey of a code, name or alias → code */
  ethnic: Map<string, string>;
  ranks: Map<string, string>;
  ratingLevels: Map<string, string>;
  /** The dated rating instruments (rating_instruments): which years score points. */
  ratingInstruments: readonly RatingInstrumentRow[];
  disciplineForms: Map<string, string>;
  /** unit code → id, and whether the actor may put people in it */
  units: Map<string, { id: string; editable: boolean; closed?: true }>;
  /** pre-2025 commune code → its name; labelKey(name) → codes (several when the name is ambiguous) */
  homeTownByCode: Map<string, string>;
  homeTownByName: Map<string, string[]>;
  /** Assigned staffing is granted by the province: only Sở Nội vụ imports it. */
  canSetStaffing: boolean;
  /** The organisation sheets are Sở Nội vụ's (the org policy's `manage`). */
  canManageOrg: boolean;
  /** The template's place-name examples for this province, to recognise an example row left in the file. */
  examples: TemplateExamples;
}

export type RowValues = Record<string, string | number | boolean | null>;

/** A row's cells by column key (a Map, or a lighter view over the reader's cells); undefined = column absent. */
export interface RowCells {
  get(key: string): PlainCell | undefined;
}

const REF_LABEL: Record<string, string> = {
  ethnic: 'Dân tộc không có trong danh mục 54 dân tộc',
  rank: 'Mã ngạch không có trong danh mục',
  ratingLevel: 'Mức xếp loại không có trong danh mục',
  disciplineForm: 'Hình thức kỷ luật không có trong danh mục',
};

/** "01.003 - Chuyên viên" → "01.003": the code part of a drop-down entry. */
const codePart = (t: string) => /^(\S+)\s+-\s+/.exec(t)?.[1] ?? t;

function resolveRef(col: SheetColumn, text: string, refs: ImportRefs): { value: string; extra?: Record<string, string> } | { error: string; warning?: boolean } {
  switch (col.ref) {
    case 'unit': {
      const u = refs.units.get(codePart(text)) ?? refs.units.get(codePart(text).toUpperCase());
      if (!u) return { error: 'Mã đơn vị không có trong danh mục hoặc ngoài phạm vi quản lý của bạn' };
      if (!u.editable) return { error: 'Đơn vị ngoài phạm vi quản lý của bạn' };
      if (u.closed) return { error: 'Đơn vị đã giải thể hoặc hợp nhất: vui lòng ghi mã đơn vị hiện nay' };
      return { value: u.id };
    }
    case 'homeTown': {
      const code = /^(\d{5})\b/.exec(text)?.[1];
      if (code) return refs.homeTownByCode.has(code) ? { value: code } : { error: 'Mã xã (trước 01/07/2025) không có trong danh mục' };
      const key = labelKey(text);
      let codes = refs.homeTownByName.get(key);
      if (!codes) codes = refs.homeTownByName.get(key.replace(/^(xã|phường|thịtrấn)/, ''));
      if (!codes || codes.length === 0) return { error: 'Không tìm thấy xã, phường (trước 01/07/2025) có tên này' };
      if (codes.length > 1) {
        const list = codes
          .slice(0, 4)
          .map((c) => `${c} - ${refs.homeTownByCode.get(c)}`)
          .join('; ');
        return { error: `Tên xã, phường không rõ ràng, có thể là: ${list}. Vui lòng ghi kèm mã xã` };
      }
      return { value: codes[0] };
    }
    default: {
      const map = col.ref === 'ethnic' ? refs.ethnic : col.ref === 'rank' ? refs.ranks : col.ref === 'ratingLevel' ? refs.ratingLevels : refs.disciplineForms;
      const v = map.get(labelKey(codePart(text))) ?? map.get(labelKey(text));
      return v ? { value: v } : { error: REF_LABEL[col.ref!] };
    }
  }
}

const ENUM_KEYS = new WeakMap<SheetColumn, Map<string, string>>();
/** labelKey of each label and code of an enum column → its code (built once per column). */
function enumKeys(col: SheetColumn): Map<string, string> {
  let m = ENUM_KEYS.get(col);
  if (!m) {
    m = new Map();
    for (const [code, label] of Object.entries(col.labels ?? {})) {
      m.set(labelKey(code), code);
      m.set(labelKey(label), code);
    }
    for (const [alias, code] of Object.entries(col.aliases ?? {})) m.set(labelKey(alias), code);
    ENUM_KEYS.set(col, m);
  }
  return m;
}

type Parsed = { value: string | number | boolean | null } | { error: string };

// Columns whose text values repeat from row to row (codes, labels, dates): each distinct text is parsed once
// per import (results depend on the refs, so the cache is per refs object) and the cache is bounded.
const CACHED_TYPES = new Set(['date', 'bool', 'enum', 'ref', 'decimal', 'int']);
const CACHE_LIMIT = 20_000;
const parseCaches = new WeakMap<ImportRefs, Map<SheetColumn, Map<string, Parsed>>>();

function parseCellCached(col: SheetColumn, c: PlainCell, refs: ImportRefs, byCol: Map<SheetColumn, Map<string, Parsed>>): Parsed {
  if (c.kind !== 'text' || !CACHED_TYPES.has(col.type)) return parseCell(col, c, refs);
  let cache = byCol.get(col);
  if (!cache) byCol.set(col, (cache = new Map()));
  let r = cache.get(c.text);
  if (r === undefined) {
    r = parseCell(col, c, refs);
    if (cache.size < CACHE_LIMIT) cache.set(c.text, r);
  }
  return r;
}

function parseCell(col: SheetColumn, c: PlainCell, refs: ImportRefs): Parsed {
  if (c.kind === 'empty') return col.required ? { error: 'Không được để trống' } : { value: col.emptyValue ?? null };
  if (c.kind === 'formula') return { error: 'Ô chứa công thức. Vui lòng dán giá trị (Paste Values) thay cho công thức' };
  if (c.kind === 'error') return { error: 'Ô chứa lỗi của Excel' };
  switch (col.type) {
    case 'date': {
      const d = parseDateCell(c);
      return 'iso' in d ? { value: d.iso } : d;
    }
    case 'int': {
      const n = c.kind === 'number' ? c.value : c.kind === 'text' && /^-?\d+$/.test(c.text) ? Number(c.text) : NaN;
      if (!Number.isInteger(n)) return { error: 'Phải là số nguyên' };
      if ((col.min !== undefined && n < col.min) || (col.max !== undefined && n > col.max)) return { error: `Phải từ ${col.min} đến ${col.max}` };
      return { value: n };
    }
    case 'decimal': {
      const t = c.kind === 'number' ? String(c.value) : c.kind === 'text' ? c.text.replace(',', '.') : '';
      if (!/^\d{1,3}(\.\d+)?$/.test(t)) return { error: col.patternMessage ?? 'Hệ số dạng 2,34 (tối đa 2 chữ số thập phân)' };
      const n = Number(t);
      if (Math.abs(Math.round(n * 100) - n * 100) > 1e-6) return { error: 'Tối đa 2 chữ số thập phân' };
      if ((col.min !== undefined && n < col.min) || (col.max !== undefined && n > col.max)) return { error: `Phải từ ${col.min} đến ${col.max}` };
      return { value: n.toFixed(2) };
    }
    case 'bool': {
      if (c.kind === 'bool') return { value: c.value };
      const k = labelKey(cellText(c) ?? '');
      if (['có', 'x', '1', 'true', 'co'].includes(k)) return { value: true };
      if (['không', '0', 'false', 'khong'].includes(k)) return { value: false };
      return { error: 'Chỉ nhận "Có" hoặc "Không"' };
    }
    case 'enum': {
      const code = enumKeys(col).get(labelKey(cellText(c) ?? ''));
      if (code) return { value: code };
      return { error: `Chỉ nhận một trong các giá trị: ${Object.values(col.labels ?? {}).join(', ')}` };
    }
    case 'ref': {
      const r = resolveRef(col, cellText(c) ?? '', refs);
      return 'value' in r ? { value: r.value } : r;
    }
    default: {
      const t = cellText(c) ?? '';
      if (col.max && t.length > col.max) return { error: `Tối đa ${col.max} ký tự` };
      if (col.pattern && !col.pattern.test(t)) return { error: col.patternMessage ?? 'Không đúng định dạng' };
      return { value: t };
    }
  }
}

/** Checks between the fields of one row, named by the column that is wrong. */
function crossChecks(def: SheetDef, v: RowValues, refs: ImportRefs): { key: string; reason: string }[] {
  const out: { key: string; reason: string }[] = [];
  const before = (a: string, b: string, reason: string) => {
    if (v[a] && v[b] && String(v[b]) < String(v[a])) out.push({ key: b, reason });
  };
  switch (def.kind) {
    case 'cadres':
      for (const i of checkPersonConsistency(v, refs.today)) out.push({ key: i.path, reason: i.message });
      break;
    case 'staffing':
      if (!refs.canSetStaffing) out.push({ key: 'assignedStaffing', reason: 'Chỉ Sở Nội vụ được cập nhật biên chế được giao' });
      break;
    case 'ratings':
      if (Number(v.year) > refs.currentYear) out.push({ key: 'year', reason: 'Không thể xếp loại cho năm chưa đến' });
      else {
        // the category is checked against the person in the database (findStagingProblems)
        const r = resolveRating(
          refs.ratingInstruments,
          Number(v.year),
          null,
          v.levelCode as string | null | undefined,
          v.points === null || v.points === undefined ? null : Number(v.points),
        );
        if ('levelCode' in r) v.levelCode = r.levelCode;
        else out.push({ key: r.path, reason: r.message });
      }
      break;
    case 'discipline':
      before('effectiveFrom', 'effectiveTo', 'Ngày hết hiệu lực không thể trước ngày có hiệu lực');
      before('decidedOn', 'effectiveFrom', 'Ngày có hiệu lực không thể trước ngày quyết định');
      if (v.decidedOn && String(v.decidedOn) > refs.today) out.push({ key: 'decidedOn', reason: 'Ngày quyết định không thể ở tương lai' });
      if (v.partyDecidedOn && String(v.partyDecidedOn) > refs.today)
        out.push({ key: 'partyDecidedOn', reason: 'Ngày quyết định kỷ luật của Đảng không thể ở tương lai' });
      break;
    case 'planning':
      before('approvedOn', 'removedOn', 'Ngày đưa ra khỏi quy hoạch không thể trước ngày phê duyệt');
      break;
    case 'workHistory':
      before('fromDate', 'toDate', 'Ngày kết thúc không thể trước ngày bắt đầu');
      if (v.fromDate && String(v.fromDate) > refs.today) out.push({ key: 'fromDate', reason: 'Quá trình công tác không thể bắt đầu ở tương lai' });
      break;
    case 'trainingHistory':
      before('fromDate', 'toDate', 'Ngày kết thúc không thể trước ngày bắt đầu');
      break;
    // the same checks as a record entered on the profile (personnel/manage-person-records.ts)
    case 'proceedings':
      before('openedOn', 'closedOn', 'Ngày kết thúc không thể trước ngày bắt đầu vụ việc');
      if (v.openedOn && String(v.openedOn) > refs.today) out.push({ key: 'openedOn', reason: 'Ngày bắt đầu vụ việc không thể ở tương lai' });
      if (v.closedOn && String(v.closedOn) > refs.today) out.push({ key: 'closedOn', reason: 'Ngày kết thúc không thể ở tương lai' });
      if (v.closedOn && !v.outcome) out.push({ key: 'outcome', reason: 'Ghi kết quả khi kết thúc vụ việc' });
      if (!v.closedOn && v.outcome) out.push({ key: 'closedOn', reason: 'Ghi ngày kết thúc khi đã có kết quả' });
      break;
    case 'circumstances': {
      before('fromDate', 'toDate', 'Ngày kết thúc không thể trước ngày bắt đầu');
      const kind = v.kind as CircumstanceKind;
      if (v.fromDate && String(v.fromDate) > refs.today) out.push({ key: 'fromDate', reason: 'Ngày bắt đầu không thể ở tương lai' });
      if (v.childBirthDate && kind !== 'child_under_36_months') {
        out.push({ key: 'childBirthDate', reason: 'Ngày sinh của con chỉ ghi với trường hợp nuôi con dưới 36 tháng tuổi' });
      }
      if (v.childBirthDate && String(v.childBirthDate) > refs.today) out.push({ key: 'childBirthDate', reason: 'Ngày sinh của con không thể ở tương lai' });
      if ((v.consentOn || v.consentDocumentNo) && !CONSENT_CIRCUMSTANCES.includes(kind)) {
        out.push({ key: 'consentOn', reason: 'Chỉ ghi sự đồng ý với trường hợp mang thai, nghỉ thai sản, nuôi con dưới 36 tháng tuổi' });
      }
      if (v.consentOn && String(v.consentOn) > refs.today) out.push({ key: 'consentOn', reason: 'Ngày đồng ý không thể ở tương lai' });
      break;
    }
    case 'orgUnits':
    case 'jobPosts':
      if (!refs.canManageOrg) out.push({ key: 'code', reason: 'Chỉ Sở Nội vụ được cập nhật tổ chức bộ máy và vị trí việc làm' });
      else if (v.restructuredOn && String(v.restructuredOn) > refs.today) out.push({ key: 'restructuredOn', reason: 'Ngày sắp xếp không thể ở tương lai' });
      break;
    // the communes' needs, entered by Sở Nội vụ from what the communes sent (the post and commune are checked in demand/import-needs-sheet.ts)
    case 'needs':
      if (!refs.canManageOrg) out.push({ key: 'code', reason: 'Chỉ Sở Nội vụ được nhập nhu cầu tăng cường của xã, phường' });
      else if (v.wantedFrom && v.wantedUntil && String(v.wantedUntil) <= String(v.wantedFrom))
        out.push({ key: 'wantedUntil', reason: 'Thời gian cần đến phải sau thời gian cần từ' });
      break;
  }
  return out;
}

/** True when the row is the template's untouched example row (it is skipped, with a warning). */
export function isExampleRow(def: SheetDef, cells: RowCells, examples: TemplateExamples = {}): boolean {
  return def.columns.every((c) => {
    const cell = cells.get(c.key);
    if (!cell) return true;
    const shown = displayValue(cell);
    const example = exampleOf(def.kind, c, examples);
    return example === null ? shown === '' : shown === String(example);
  });
}

/**
 * Checks one row and returns its values in storage form (codes, ISO dates, ids), or null when it has errors;
 * every problem goes to `issues` with its row, column, value and a Vietnamese reason. Pure: no database.
 */
export function validateRow(def: SheetDef, rowNo: number, cells: RowCells, refs: ImportRefs, issues: IssueSink): RowValues | null {
  const values: RowValues = {};
  let ok = true;
  let byCol = parseCaches.get(refs);
  if (!byCol) parseCaches.set(refs, (byCol = new Map()));
  for (const col of def.columns) {
    if (col.type === 'info') continue;
    const cell = cells.get(col.key);
    if (!cell) continue; // column absent from the file: the field is left as it is
    const r = parseCellCached(col, cell, refs, byCol);
    if ('error' in r) {
      ok = false;
      issues.add({ sheet: def.name, rowNo, column: col.header, value: displayValue(cell), reason: r.error });
    } else values[col.key] = r.value;
  }
  if (!ok) return null;
  for (const p of crossChecks(def, values, refs)) {
    ok = false;
    const col = def.columns.find((c) => c.key === p.key);
    const cell = cells.get(p.key);
    issues.add({ sheet: def.name, rowNo, column: col?.header ?? p.key, value: cell ? displayValue(cell) : null, reason: p.reason });
  }
  return ok ? values : null;
}
