import { CIRCUMSTANCE_KIND_LABELS, PROCEEDING_KIND_LABELS } from '../../../../../common/exclusions';
import { EDUCATION_LABELS, GENDER_LABELS, HEALTH_LABELS, POLITICAL_THEORY_LABELS } from '../../../../../common/enums';
import { SECONDMENT_STATUS_LABELS } from '../../../../../common/secondment';
import { EMPTY, formatDate, formatNumber } from '../../../shared/format';

/** What each fact a rule used is called (the keys are those of server/domain/rules/*.rule.ts). */
export const FACT_LABELS: Record<string, string> = {
  planningActive: 'Đang trong quy hoạch',
  planningTitle: 'Chức danh quy hoạch',
  years: 'Các năm được xét',
  ratings: 'Xếp loại từng năm',
  minRatingCode: 'Mức tối thiểu',
  records: 'Quyết định kỷ luật',
  formCode: 'Hình thức',
  decidedOn: 'Ngày quyết định',
  effectiveFrom: 'Hiệu lực từ',
  effectiveTo: 'Hiệu lực đến',
  barMonths: 'Thời hạn (tháng)',
  barsUntil: 'Chưa được cử đến hết ngày',
  instrument: 'Căn cứ',
  healthStatus: 'Tình trạng sức khỏe',
  healthCheckedOn: 'Ngày khám sức khỏe',
  validityMonths: 'Thời hạn hiệu lực (tháng)',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  retirementAge: 'Tuổi nghỉ hưu',
  retiresOn: 'Ngày nghỉ hưu',
  monthsLeft: 'Số tháng công tác còn lại',
  monthsNeeded: 'Số tháng cần có',
  openSecondmentStatus: 'Đợt tăng cường đang thực hiện',
  assessment: 'Nhận xét, đánh giá của đơn vị',
  assessedOn: 'Ngày đánh giá',
  assessorName: 'Người đánh giá',
  politicalOk: 'Lập trường chính trị',
  capacityOk: 'Năng lực',
  prestigeOk: 'Uy tín',
  prospectsOk: 'Triển vọng phát triển',
  post: 'Vị trí nơi đến',
  unit: 'Đơn vị nơi đến',
  required: 'Tiêu chuẩn của vị trí',
  actual: 'Của cán bộ',
  education: 'Trình độ chuyên môn',
  rankGrade: 'Ngạch (loại)',
  politicalTheory: 'Lý luận chính trị',
  destinationUnitId: 'Xã, phường nơi đến',
  homeCommuneIds: 'Quê quán thuộc xã, phường (hiện nay)',
  proceedings: 'Vụ việc được ghi nhận',
  openProceedings: 'Vụ việc chưa kết thúc',
  circumstances: 'Hoàn cảnh được ghi nhận',
  kind: 'Loại',
  openedOn: 'Ngày bắt đầu',
  closedOn: 'Ngày kết thúc',
  documentNo: 'Số văn bản',
  fromDate: 'Từ ngày',
  toDate: 'Đến ngày',
  childBirthDate: 'Ngày sinh của con',
  consentOn: 'Đồng ý đi tăng cường (ngày)',
  state: 'Tình trạng',
};

const YES_NO: Record<string, string> = { yes: 'Đạt', no: 'Không đạt' };
const RATING_KEYS = new Set(['minRatingCode']);
const UNIT_KEYS = new Set(['destinationUnitId', 'homeCommuneIds']);
const ENUMS: Record<string, Record<string, string>> = {
  healthStatus: HEALTH_LABELS,
  gender: GENDER_LABELS,
  education: EDUCATION_LABELS,
  politicalTheory: POLITICAL_THEORY_LABELS,
  openSecondmentStatus: SECONDMENT_STATUS_LABELS,
  politicalOk: YES_NO,
  capacityOk: YES_NO,
  prestigeOk: YES_NO,
  prospectsOk: YES_NO,
  kind: { ...PROCEEDING_KIND_LABELS, ...CIRCUMSTANCE_KIND_LABELS },
  state: { bars: 'Chưa cử đi', consented: 'Đã đồng ý đi', unknown: 'Chưa xác định được', inactive: 'Không còn áp dụng' },
};
/** What an empty value means for some facts ("no assessment" rather than a dash). */
const EMPTY_TEXT: Record<string, string> = {
  assessment: 'Chưa có',
  openSecondmentStatus: 'Không có',
  records: 'Không có',
  planningTitle: 'Không có',
  homeCommuneIds: 'Chưa có thông tin',
  proceedings: 'Không có',
  openProceedings: 'Không có',
  circumstances: 'Không có',
};

export interface FactLookups {
  ratingName?(code: string): string | null;
  disciplineFormName?(code: string): string | null;
  unitName?(id: string): string | undefined;
}

export interface FactLine {
  key: string;
  label: string;
  value: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const labelOf = (key: string) => FACT_LABELS[key] ?? key;

/** One fact as the user reads it: dates dd/mm/yyyy, codes by name, yes/no as Đạt/Không đạt, lists and records compact. */
export function formatFact(key: string, v: unknown, l: FactLookups = {}): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return EMPTY_TEXT[key] ?? EMPTY;
  if (key === 'years' && Array.isArray(v)) return v.join(', ');
  if (key === 'ratings' && isRecord(v)) {
    return Object.entries(v)
      .map(([year, code]) => `${year}: ${code ? (l.ratingName?.(String(code)) ?? String(code)) : 'chưa có'}`)
      .join('; ');
  }
  if (RATING_KEYS.has(key)) return l.ratingName?.(String(v)) ?? String(v);
  if (key === 'formCode') return l.disciplineFormName?.(String(v)) ?? String(v);
  if (UNIT_KEYS.has(key)) {
    const ids = Array.isArray(v) ? v.map(String) : [String(v)];
    const names = ids.map((id) => l.unitName?.(id));
    if (names.every(Boolean)) return names.join(', ');
    return ids.length === 1 ? 'đơn vị ngoài phạm vi được xem' : `${formatNumber(ids.length)} xã, phường`;
  }
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') {
    if (ENUMS[key]?.[v]) return ENUMS[key][v];
    return ISO_DATE.test(v) ? formatDate(v) : v;
  }
  if (Array.isArray(v)) return v.map((x) => (isRecord(x) ? formatRecord(x, l) : formatFact(key, x, l))).join(' | ');
  if (isRecord(v)) return formatRecord(v, l);
  return String(v);
}

function formatRecord(r: Record<string, unknown>, l: FactLookups): string {
  const parts = Object.entries(r)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${labelOf(k)}: ${formatFact(k, v, l)}`);
  return parts.length ? parts.join('; ') : EMPTY;
}

/** The facts a criterion used, one line each, in the order the rule gave them. */
export function describeFacts(facts: Record<string, unknown> | undefined, l: FactLookups = {}): FactLine[] {
  if (!facts) return [];
  return Object.entries(facts).map(([key, v]) => ({ key, label: labelOf(key), value: formatFact(key, v, l) }));
}

/** Dates the server writes into reasons as YYYY-MM-DD ("đơn vị đã sắp xếp từ 2025-03-01"), shown as dd/mm/yyyy. */
export const viDates = (text: string) => text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
