import { z } from 'zod';

/**
 * Code lists of training and fostering after restructuring (Plan 131 III.2; Decree 171/2025/NĐ-CP), shared by
 * server and web. Labels are the Vietnamese terms shown to users.
 */

export const COURSE_KINDS = ['short_course', 'university', 'master', 'doctorate'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const COURSE_KIND_LABELS: Record<CourseKind, string> = {
  short_course: 'Bồi dưỡng ngắn hạn',
  university: 'Đào tạo đại học',
  master: 'Đào tạo thạc sĩ',
  doctorate: 'Đào tạo tiến sĩ',
};
/** Postgraduate training (sau đại học): the Decree 171/2025 conditions on service, ratings and age apply. */
export const POSTGRADUATE_KINDS: readonly CourseKind[] = ['master', 'doctorate'];
/** Degree training (đào tạo): the field must fit the job post. */
export const DEGREE_KINDS: readonly CourseKind[] = ['university', 'master', 'doctorate'];
/**
 * Training that carries a service commitment (Decree 171/2025 Art. 5 cl. 3: postgraduate training only; none is
 * sourced for a university degree or a short course).
 */
export const COMMITMENT_KINDS: readonly CourseKind[] = POSTGRADUATE_KINDS;

export const COURSE_LOCATIONS = ['domestic', 'foreign'] as const;
export type CourseLocation = (typeof COURSE_LOCATIONS)[number];
export const COURSE_LOCATION_LABELS: Record<CourseLocation, string> = { domestic: 'Trong nước', foreign: 'Nước ngoài' };

export const COURSE_SOURCES = ['central_programme', 'city_plan'] as const;
export type CourseSource = (typeof COURSE_SOURCES)[number];
export const COURSE_SOURCE_LABELS: Record<CourseSource, string> = {
  central_programme: 'Chương trình của Chính phủ, bộ, ngành Trung ương',
  city_plan: 'Kế hoạch đào tạo, bồi dưỡng hằng năm của tỉnh, thành phố',
};

export const FUNDING_SOURCES = ['regular', 'supplementary'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  regular: 'Kinh phí đào tạo, bồi dưỡng thường xuyên',
  supplementary: 'Kinh phí bổ sung năm đầu sau sắp xếp',
};

export const ENROLMENT_STATUSES = ['nominated', 'refused', 'approved', 'enrolled', 'completed', 'failed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  nominated: 'Đơn vị đã đề cử',
  refused: 'Không phê duyệt',
  approved: 'Đã phê duyệt',
  enrolled: 'Đang học',
  completed: 'Hoàn thành',
  failed: 'Không đạt',
  withdrawn: 'Đã rút',
};
/** Statuses that hold a seat of the course. */
export const SEAT_STATUSES: readonly EnrolmentStatus[] = ['approved', 'enrolled', 'completed', 'failed'];
/** Statuses in which the same person may not be nominated again for the same course. */
export const OPEN_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ['nominated', 'approved', 'enrolled', 'completed', 'failed'];

/** Circular 01/2025/TT-BNV Art. 7: training needs are planned for 2025 and for 2026–2030. */
export const NEED_PERIODS = ['2025', '2026-2030'] as const;
export type NeedPeriod = (typeof NEED_PERIODS)[number];
export const NEED_PERIOD_LABELS: Record<NeedPeriod, string> = { '2025': 'Năm 2025', '2026-2030': 'Giai đoạn 2026–2030' };

export const NEED_STATUSES = ['open', 'planned', 'met'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = { open: 'Chưa đáp ứng', planned: 'Đã đề cử', met: 'Đã đáp ứng' };

export const REPAYMENT_REASONS = ['quit', 'dismissed', 'transfer_in_system', 'illness_or_disaster', 'streamlining'] as const;
export type RepaymentReason = (typeof REPAYMENT_REASONS)[number];
export const REPAYMENT_REASON_LABELS: Record<RepaymentReason, string> = {
  quit: 'Tự ý bỏ việc, xin thôi việc trước thời hạn cam kết',
  dismissed: 'Bị xử lý kỷ luật buộc thôi việc',
  transfer_in_system: 'Chuyển công tác trong hệ thống chính trị (được miễn bồi hoàn)',
  illness_or_disaster: 'Không được cấp văn bằng do ốm đau nặng, thiên tai (được miễn bồi hoàn)',
  streamlining: 'Nghỉ theo Nghị định 178/2024, 67/2025 hoặc 154/2025 (được miễn bồi hoàn)',
};
/** The reasons that waive the repayment (Decree 171/2025 Art. 8 cl. 1 a, Art. 41 cl. 6; transfer within the system). */
export const WAIVED_REPAYMENT_REASONS: readonly RepaymentReason[] = ['transfer_in_system', 'illness_or_disaster', 'streamlining'];

/** The repayment procedure (Decree 171/2025 Art. 9–13): assessed → council formed → decided → paid, or waived / not due. */
export const REPAYMENT_STATUSES = ['assessed', 'council_formed', 'decided', 'paid', 'waived', 'not_due'] as const;
export type RepaymentStatus = (typeof REPAYMENT_STATUSES)[number];
export const REPAYMENT_STATUS_LABELS: Record<RepaymentStatus, string> = {
  assessed: 'Đã tính, chờ thành lập Hội đồng',
  council_formed: 'Đã thành lập Hội đồng xác định bồi hoàn',
  decided: 'Đã có quyết định bồi hoàn, chờ nộp',
  paid: 'Đã nộp đủ',
  waived: 'Được miễn bồi hoàn',
  not_due: 'Không phải bồi hoàn',
};

export const TRAINING_CRITERIA = [
  'service_years',
  'ratings',
  'first_postgraduate_age',
  'field_fit',
  'foreign_service_left',
  'discipline',
  'proceedings',
  'last_year_rating',
  'health',
  'political',
  'in_planning',
] as const;
export type TrainingCriterion = (typeof TRAINING_CRITERIA)[number];
export const TRAINING_CRITERION_LABELS: Record<TrainingCriterion, string> = {
  service_years: 'Thời gian công tác',
  ratings: 'Xếp loại các năm liền kề',
  first_postgraduate_age: 'Tuổi khi cử đi đào tạo sau đại học lần đầu',
  field_fit: 'Chuyên ngành phù hợp vị trí việc làm',
  foreign_service_left: 'Thời gian công tác còn lại (bồi dưỡng ở nước ngoài)',
  discipline: 'Không trong thời gian thi hành kỷ luật',
  proceedings: 'Không đang bị xem xét kỷ luật, điều tra, truy tố, xét xử',
  last_year_rating: 'Xếp loại năm trước liền kề',
  health: 'Sức khỏe (bồi dưỡng ở nước ngoài)',
  political: 'Phẩm chất chính trị (nhận xét của đơn vị)',
  in_planning: 'Trong quy hoạch',
};

/**
 * The numbers of the training rules with the date they take effect, by category (a row of `training_regulations`):
 * Decree 171/2025/NĐ-CP for công chức (Art. 1 cl. 2). Never literals in code: a later decree is a new row, and a
 * rule set for viên chức or cán bộ is a row of its category.
 */
export const trainingRegulationSchema = z.object({
  instrument: z.string(),
  /** Decree 171/2025 Art. 5: at least this many years of service before postgraduate training. */
  postgraduateMinServiceYears: z.number().int().min(0),
  /** Art. 5: the last N years rated at least `minRatingCode` (Art. 28: the year before, for foreign short courses). */
  postgraduateRatingYears: z.number().int().min(1),
  minRatingCode: z.string(),
  /** Art. 5: not over this age at the first postgraduate sending (age in whole years on the start date). */
  firstPostgraduateMaxAge: z.number().int().min(18).max(70),
  /** Art. 5 cl. 3: serve at least this many times the training time after postgraduate training. */
  commitmentMultiplier: z.number().int().min(1),
  /** Art. 8: repayment reduced by this share (basis points) per year of prior service. */
  repaymentReductionBpPerYearPriority: z.number().int().min(0),
  repaymentReductionBpPerYearOther: z.number().int().min(0),
  /** Art. 28: months of service left before retirement required for a foreign short course, by its length. */
  foreignServiceLeft: z.array(z.object({ maxCourseMonths: z.number().int().min(1), minServiceLeftMonths: z.number().int().min(0) })).min(1),
  /** Art. 13: days to pay from the repayment decision (rows stored before it existed: 120). */
  repaymentPayDays: z.number().int().min(1).max(3650).default(120),
});
export type TrainingRegulation = z.infer<typeof trainingRegulationSchema>;

/** Decree 171/2025/NĐ-CP (in force 01/07/2025), the row seeded into `training_regulations`. */
export const DECREE_171_2025: TrainingRegulation = {
  instrument: 'Nghị định 171/2025/NĐ-CP',
  postgraduateMinServiceYears: 3,
  postgraduateRatingYears: 2,
  minRatingCode: 'HTT',
  firstPostgraduateMaxAge: 45,
  commitmentMultiplier: 3,
  repaymentReductionBpPerYearPriority: 150,
  repaymentReductionBpPerYearOther: 100,
  foreignServiceLeft: [
    { maxCourseMonths: 1, minServiceLeftMonths: 18 },
    { maxCourseMonths: 12, minServiceLeftMonths: 24 },
  ],
  repaymentPayDays: 120,
};
export const DECREE_171_EFFECTIVE_FROM = '2025-07-01';
/** The category Decree 171/2025 covers (Art. 1 cl. 2). */
export const DECREE_171_CATEGORY = 'cong_chuc';

/** The parts of a training regulation a clause cites. */
export type TrainingArticle = 'postgraduate' | 'commitment' | 'dismissal' | 'repayment' | 'reduction' | 'illness' | 'procedure' | 'foreign' | 'streamlining';
/** The articles of the regulations whose numbering is known (by instrument); another instrument is cited whole. */
export const TRAINING_ARTICLES: Record<string, Record<TrainingArticle, string>> = {
  [DECREE_171_2025.instrument]: {
    postgraduate: 'Điều 5',
    commitment: 'Khoản 3 Điều 5',
    dismissal: 'Điều 6',
    repayment: 'Điều 7',
    reduction: 'Điều 8',
    illness: 'Điểm a khoản 1 Điều 8',
    procedure: 'Điều 9–13',
    foreign: 'Điều 28',
    streamlining: 'Khoản 6 Điều 41',
  },
};
/** "Khoản 3 Điều 5 Nghị định 171/2025/NĐ-CP", or the instrument alone when its articles are not known. */
export function trainingArticle(instrument: string, article: TrainingArticle): string {
  const a = TRAINING_ARTICLES[instrument]?.[article];
  return a ? `${a} ${instrument}` : instrument;
}

/** "12.345.678 đồng": money as integer đồng with Vietnamese separators. */
export function formatVnd(v: number | bigint | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const s = typeof v === 'string' ? v : v.toString();
  const neg = s.startsWith('-');
  const digits = (neg ? s.slice(1) : s).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${digits} đồng`;
}
