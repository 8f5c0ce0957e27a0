import { PLAN_PARAM_LABELS, TRAINING_HEADCOUNT_BASIS_LABELS, type PlanParams } from '../../../../../common/plan-params';
import { formatNumber, formatPercent } from '../../../shared/format';

export type ParamKey = keyof PlanParams;

/** The parameters in the order of their labels (common/plan-params.ts). */
export const PARAM_KEYS = Object.keys(PLAN_PARAM_LABELS) as ParamKey[];

/** The point of Plan 131 (or the law) each parameter comes from. */
export const PARAM_CLAUSES: Record<ParamKey, string> = {
  quotaRate: 'Mục III.1.c; Nghị định 178/2024/NĐ-CP, Điều 3 khoản 8',
  quotaRounding: 'Mục III.1.c (“khoảng 5 %”)',
  minSecondmentMonths: 'Mục III.1.c',
  ratingYearsConsidered: 'Mục I.3, III.1.b',
  minRatingCode: 'Mục III.1.b (“luôn hoàn thành tốt nhiệm vụ”)',
  healthCertificateMonths: 'Mục III.1.b; Nghị định 170/2025/NĐ-CP',
  minServiceLeftMonths: 'Mục III.1.c',
  youngAgeThreshold: 'Mục I.3 (ưu tiên cán bộ trẻ)',
  reportPeriodMonths: 'Mục IV.2',
  trainingBudgetRate: 'Mục III.2.d',
  trainingBudgetHeadcount: 'Mục III.2.d (“tổng quỹ lương cơ bản”)',
  priorityFields: 'Mục III.2.c',
  nonLocalKeyPosts: 'Mục I.2; Quy định 65-QĐ/TW',
  assessmentValidityMonths: 'Mục III.1.b, IV.1.b',
  disciplineBarMonths: 'Mục III.1.b; Nghị định 172/2025/NĐ-CP; Luật Viên chức 2010, Điều 56 (sửa đổi 2019)',
  partyOpinionRequired: 'Mục II.1; Nghị định 170/2025/NĐ-CP, Điều 46',
  oneOffAllowanceBelowMinimum: 'Mục III.1.c; Nghị định 178/2024/NĐ-CP, Điều 12 khoản 1 điểm b',
  priorityWeights: 'Mục I.3',
  matchingWeights: 'Mục I.2, I.4 (ghép cán bộ với nhu cầu của cơ sở)',
  unitReportPeriodMonths: 'Mục IV.1, IV.3 (kế hoạch không quy định kỳ: mặc định báo cáo 6 tháng)',
  unitReportDueDays: 'Mục IV.3 (kế hoạch không quy định hạn: mặc định 10 ngày sau khi hết kỳ)',
  provinceReportPeriodMonths: 'Mục IV.3 (“báo cáo cấp thẩm quyền khi có yêu cầu”; mặc định báo cáo năm)',
  provinceReportDueDays: 'Mục IV.3 (mặc định 20 ngày sau khi hết kỳ, sau khi nhận báo cáo của các đơn vị)',
};

export const ROUNDING_LABELS: Record<PlanParams['quotaRounding'], string> = {
  nearest: 'Làm tròn theo quy tắc thông thường',
  floor: 'Làm tròn xuống',
  ceil: 'Làm tròn lên',
};

export const WEIGHT_LABELS: Record<keyof PlanParams['priorityWeights'], string> = {
  young: 'Trẻ tuổi',
  female: 'Nữ',
  ethnicMinority: 'Dân tộc thiểu số',
  outstandingRating: 'Hoàn thành xuất sắc nhiệm vụ',
};

export const MATCHING_WEIGHT_LABELS: Record<keyof PlanParams['matchingWeights'], string> = {
  seat: 'Mỗi vị trí được bố trí',
  fieldFit: 'Đúng lĩnh vực',
  urgencyHigh: 'Nhu cầu cấp bách',
  urgencyNormal: 'Nhu cầu bình thường',
  urgencyLow: 'Nhu cầu không gấp',
};

export interface ParamLookups {
  ratingName?(code: string): string | null;
  disciplineFormName?(code: string): string | null;
}

const months = (n: number) => `${formatNumber(n)} tháng`;

/** One parameter as text: 5 %, 36 tháng, the rating level by name, lists joined with “; ”. */
export function formatParam(key: ParamKey, p: PlanParams, l: ParamLookups = {}): string {
  switch (key) {
    case 'quotaRate':
    case 'trainingBudgetRate':
      return formatPercent(p[key]);
    case 'quotaRounding':
      return ROUNDING_LABELS[p.quotaRounding] ?? p.quotaRounding;
    case 'trainingBudgetHeadcount':
      return TRAINING_HEADCOUNT_BASIS_LABELS[p.trainingBudgetHeadcount ?? 'paid_staff'] ?? p.trainingBudgetHeadcount;
    case 'minSecondmentMonths':
    case 'healthCertificateMonths':
    case 'minServiceLeftMonths':
    case 'reportPeriodMonths':
    case 'assessmentValidityMonths':
    case 'unitReportPeriodMonths':
    case 'provinceReportPeriodMonths':
      return months(p[key]);
    case 'unitReportDueDays':
    case 'provinceReportDueDays':
      return `${formatNumber(p[key])} ngày sau khi hết kỳ`;
    case 'ratingYearsConsidered':
      return `${formatNumber(p.ratingYearsConsidered)} năm gần nhất`;
    case 'minRatingCode':
      return l.ratingName?.(p.minRatingCode) ?? p.minRatingCode;
    case 'youngAgeThreshold':
      return `Từ ${formatNumber(p.youngAgeThreshold)} tuổi trở xuống`;
    case 'priorityFields':
    case 'nonLocalKeyPosts':
      return p[key].length ? p[key].join('; ') : '(không có)';
    case 'disciplineBarMonths': {
      const entries = Object.entries(p.disciplineBarMonths ?? {});
      if (!entries.length) return 'Theo thời hạn pháp luật quy định cho từng hình thức';
      return entries.map(([code, n]) => `${l.disciplineFormName?.(code) ?? code}: ${months(n)}`).join('; ');
    }
    case 'partyOpinionRequired':
      return p.partyOpinionRequired ? 'Bắt buộc' : 'Không bắt buộc';
    case 'oneOffAllowanceBelowMinimum':
      return p.oneOffAllowanceBelowMinimum ? 'Được hưởng' : 'Không được hưởng';
    case 'priorityWeights':
      return (Object.keys(WEIGHT_LABELS) as (keyof PlanParams['priorityWeights'])[])
        .map((k) => `${WEIGHT_LABELS[k]}: ${formatNumber(p.priorityWeights[k])}`)
        .join('; ');
    case 'matchingWeights':
      if (!p.matchingWeights) return '(mặc định)';
      return (Object.keys(MATCHING_WEIGHT_LABELS) as (keyof PlanParams['matchingWeights'])[])
        .map((k) => `${MATCHING_WEIGHT_LABELS[k]}: ${formatNumber(p.matchingWeights[k])}`)
        .join('; ');
  }
  return String((p as Record<string, unknown>)[key]);
}

/** The parameters that differ between two versions, old and new as text. */
export function paramChanges(before: PlanParams | null, after: PlanParams, l: ParamLookups = {}) {
  if (!before) return [];
  return PARAM_KEYS.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).map((k) => ({
    key: k,
    label: PLAN_PARAM_LABELS[k],
    before: formatParam(k, before, l),
    after: formatParam(k, after, l),
  }));
}
