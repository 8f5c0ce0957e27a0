/**
 * The dated facts on a profile that bar sending (Law 80/2025/QH15 Art. 38 cl. 2; Decree 170/2025 Art. 25 cl. 5,
 * applied to secondment by Art. 26 cl. 7): proceedings (discipline cases, investigation, prosecution, trial,
 * inspection) and personal circumstances. Shared by server and web.
 */

export const PROCEEDING_KINDS = ['discipline_case', 'investigation', 'prosecution', 'trial', 'inspection'] as const;
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number];
export const PROCEEDING_KIND_LABELS: Record<ProceedingKind, string> = {
  discipline_case: 'Đang xem xét kỷ luật',
  investigation: 'Đang bị điều tra',
  prosecution: 'Đang bị truy tố',
  trial: 'Đang bị xét xử',
  inspection: 'Đang thanh tra, kiểm tra',
};

export const CIRCUMSTANCE_KINDS = ['serious_illness', 'long_term_study', 'pregnancy', 'maternity_leave', 'child_under_36_months', 'family_hardship'] as const;
export type CircumstanceKind = (typeof CIRCUMSTANCE_KINDS)[number];
export const CIRCUMSTANCE_KIND_LABELS: Record<CircumstanceKind, string> = {
  serious_illness: 'Đang điều trị bệnh hiểm nghèo',
  long_term_study: 'Đang học tập dài hạn',
  pregnancy: 'Đang mang thai',
  maternity_leave: 'Đang nghỉ thai sản',
  child_under_36_months: 'Đang nuôi con dưới 36 tháng tuổi',
  family_hardship: 'Hoàn cảnh gia đình đặc biệt khó khăn',
};

/** The circumstances Decree 170/2025 Art. 25 cl. 5 lifts when the person agrees ("trừ trường hợp ... đồng ý"). */
export const CONSENT_CIRCUMSTANCES: readonly CircumstanceKind[] = ['pregnancy', 'maternity_leave', 'child_under_36_months'];

/** Months a child counts as "under 36 months": the circumstance ends the day before the third birthday. */
export const CHILD_MONTHS = 36;

export const PROCEEDINGS_CLAUSE = 'Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 2; Nghị định 170/2025/NĐ-CP, Điều 25 khoản 5';
export const CIRCUMSTANCES_CLAUSE = 'Nghị định 170/2025/NĐ-CP, Điều 25 khoản 5 (áp dụng theo Điều 26 khoản 7)';
