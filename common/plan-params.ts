import { z } from 'zod';

/**
 * III.2.d: which headcount the basic salary fund of the supplementary training budget counts: the staff actually
 * paid (their own salary coefficients), or the assigned staffing (biên chế được giao) at the paid staff's average
 * coefficient.
 */
export const TRAINING_HEADCOUNT_BASES = ['paid_staff', 'assigned_staffing'] as const;
export type TrainingHeadcountBasis = (typeof TRAINING_HEADCOUNT_BASES)[number];
export const TRAINING_HEADCOUNT_BASIS_LABELS: Record<TrainingHeadcountBasis, string> = {
  paid_staff: 'Số người thực tế đang hưởng lương',
  assigned_staffing: 'Biên chế được giao (theo hệ số lương bình quân)',
};

/**
 * The parameters of a plan. Every number the plan's rules use lives here, with the clause it comes from,
 * so another province's plan (4 %, 24 months) is configuration, not code.
 */
export const planParamsSchema = z.object({
  /** III.1.c; Decree 178/2024 Art. 3 cl. 8: about 5 % of assigned staffing. */
  quotaRate: z.number().min(0).max(1),
  /** How "about 5 %" becomes a head count: round half up, down, or up. */
  quotaRounding: z.enum(['nearest', 'floor', 'ceil']),
  /** III.1.c: at least 36 months. */
  minSecondmentMonths: z.number().int().min(1).max(120),
  /** I.3: years of annual ratings considered, and the lowest level accepted. */
  ratingYearsConsidered: z.number().int().min(1).max(10),
  minRatingCode: z.string(),
  /** Health certificate validity (Decree 170/2025 on rotation: issued within 6 months). */
  healthCertificateMonths: z.number().int().min(1).max(60),
  /** Months of service that must remain before retirement at the start of the secondment. */
  minServiceLeftMonths: z.number().int().min(0).max(240),
  /** I.3: "young" cadres are prioritised; age at or under this counts as young. */
  youngAgeThreshold: z.number().int().min(18).max(60),
  /** IV.2: cadres report every N months. */
  reportPeriodMonths: z.number().int().min(1).max(12),
  /** III.2.d: supplementary training budget as a share of the basic salary fund, first year after restructuring. */
  trainingBudgetRate: z.number().min(0).max(1),
  /** III.2.d: the headcount of the basic salary fund; plan versions saved before it existed count the staff paid. */
  trainingBudgetHeadcount: z.enum(TRAINING_HEADCOUNT_BASES).default('paid_staff'),
  /** III.2.c priority fields of training. */
  priorityFields: z.array(z.string()).min(1),
  /**
   * I.2: posts the plan adds to the key posts a local person may not hold. The commune key posts themselves are the
   * dated table key_posts (Chỉ thị 45-CT/TW, Kết luận 201-KL/TW from 01/07/2025), not a plan parameter.
   */
  nonLocalKeyPosts: z.array(z.string()),
  /** III.1.b: how long the sending unit's assessment of capacity, prestige and prospects stays valid. */
  assessmentValidityMonths: z.number().int().min(1).max(60).default(12),
  /** Months a discipline bars a person, by form code, where the plan sets its own (otherwise the law's table applies). */
  disciplineBarMonths: z.record(z.string(), z.number().int().min(0).max(120)).default({}),
  /**
   * II.1 (Decree 170/2025 Art. 46): the Party committee's opinion and its conclusion on political standards are
   * recorded before the authority decides; a decision is refused without them. Plan versions saved before it
   * existed did not require it.
   */
  partyOpinionRequired: z.boolean().default(false),
  /**
   * Decree 178/2024 Art. 12 cl. 1 b: whether a special case sent for less than the plan's minimum term (recorded
   * with its reason) still gets the one-off allowance. Art. 12 gives the entitlements to cadres sent "for 3 years";
   * a shorter special case is outside its words, so the allowance is not paid unless the plan says so.
   */
  oneOffAllowanceBelowMinimum: z.boolean().default(false),
  /** I.3 priority weights for ranking eligible candidates. */
  priorityWeights: z.object({
    young: z.number(),
    female: z.number(),
    ethnicMinority: z.number(),
    outstandingRating: z.number(),
  }),
  /**
   * Plan 131 I.2, I.4 (matching cadres to the communes' needs): points of a proposed pair besides the I.3 priority
   * weights — each seat filled, a cadre whose field is the need's field, and the need's urgency.
   */
  matchingWeights: z
    .object({
      seat: z.number().min(0).max(1000),
      fieldFit: z.number().min(0).max(1000),
      urgencyHigh: z.number().min(0).max(1000),
      urgencyNormal: z.number().min(0).max(1000),
      urgencyLow: z.number().min(0).max(1000),
    })
    .default({ seat: 10, fieldFit: 2, urgencyHigh: 3, urgencyNormal: 1, urgencyLow: 0 }),
  /**
   * IV.1, IV.3 (the reports on the plan's results): each sending unit reports to Sở Nội vụ every N months (calendar
   * periods: 6 = each half year), by `unitReportDueDays` after the period's end; Sở Nội vụ reports to the People's
   * Committee every N months, by `provinceReportDueDays` after. Plan 131 IV.3 has Sở Nội vụ report "khi có yêu cầu"
   * and sets no period or day: the defaults are the customary half-yearly and yearly reports. Versions saved before
   * these existed take the defaults.
   */
  unitReportPeriodMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]).default(6),
  unitReportDueDays: z.number().int().min(1).max(60).default(10),
  provinceReportPeriodMonths: z.union([z.literal(3), z.literal(6), z.literal(12)]).default(12),
  provinceReportDueDays: z.number().int().min(1).max(90).default(20),
});
export type PlanParams = z.infer<typeof planParamsSchema>;

/** Plan 131/KH-UBND of Cần Thơ (03/06/2025), as written. */
export const PLAN_131_PARAMS: PlanParams = {
  quotaRate: 0.05,
  quotaRounding: 'nearest',
  minSecondmentMonths: 36,
  ratingYearsConsidered: 2,
  minRatingCode: 'HTT',
  healthCertificateMonths: 6,
  minServiceLeftMonths: 36,
  youngAgeThreshold: 40,
  reportPeriodMonths: 6,
  trainingBudgetRate: 0.05,
  trainingBudgetHeadcount: 'paid_staff',
  priorityFields: [
    'Kinh tế',
    'Luật',
    'Khoa học và công nghệ',
    'Công nghiệp công nghệ cao, công nghệ thông tin',
    'Công nghiệp chế biến',
    'Nông nghiệp công nghệ cao',
    'Y tế chuyên sâu',
    'Logistics',
  ],
  // the commune key posts are the dated table key_posts; the district-era titles ('Trưởng phòng Tài chính', …) ended
  // with the districts on 01/07/2025, and the plan adds none of its own
  nonLocalKeyPosts: [],
  assessmentValidityMonths: 12,
  disciplineBarMonths: {},
  // II.1: "có ý kiến của cấp ủy" before the decision
  partyOpinionRequired: true,
  // Plan 131 repeats Decree 178's "thời gian ít nhất 36 tháng" and provides no allowance for shorter cases
  oneOffAllowanceBelowMinimum: false,
  priorityWeights: { young: 2, female: 1, ethnicMinority: 1, outstandingRating: 2 },
  // the plan gives no figures for the matching: filling a seat counts most, then the I.3 priorities, fit and urgency
  matchingWeights: { seat: 10, fieldFit: 2, urgencyHigh: 3, urgencyNormal: 1, urgencyLow: 0 },
  // IV.3 sets no period ("báo cáo cấp thẩm quyền khi có yêu cầu"): units half-yearly, by the 10th day after the
  // period; Sở Nội vụ yearly, by the 20th day after the year (once the units' reports are in)
  unitReportPeriodMonths: 6,
  unitReportDueDays: 10,
  provinceReportPeriodMonths: 12,
  provinceReportDueDays: 20,
};

/** Vietnamese labels of the parameters, for the plan page and the what-if form. */
export const PLAN_PARAM_LABELS: Record<keyof PlanParams, string> = {
  quotaRate: 'Tỷ lệ cử tăng cường (trên biên chế được giao)',
  quotaRounding: 'Cách làm tròn chỉ tiêu',
  minSecondmentMonths: 'Thời gian tăng cường tối thiểu (tháng)',
  ratingYearsConsidered: 'Số năm xếp loại được xét',
  minRatingCode: 'Mức xếp loại thấp nhất được chấp nhận',
  healthCertificateMonths: 'Thời hạn giấy chứng nhận sức khỏe (tháng)',
  minServiceLeftMonths: 'Thời gian công tác còn lại tối thiểu trước khi nghỉ hưu (tháng)',
  youngAgeThreshold: 'Tuổi tối đa được tính là cán bộ trẻ',
  reportPeriodMonths: 'Chu kỳ báo cáo của cán bộ (tháng)',
  trainingBudgetRate: 'Tỷ lệ kinh phí đào tạo bổ sung (trên tổng quỹ lương cơ bản)',
  trainingBudgetHeadcount: 'Số người tính quỹ lương cơ bản (kinh phí đào tạo bổ sung)',
  priorityFields: 'Lĩnh vực ưu tiên đào tạo',
  nonLocalKeyPosts: 'Chức danh bổ sung không bố trí người địa phương (ngoài danh mục chức danh chủ chốt cấp xã)',
  assessmentValidityMonths: 'Thời hạn hiệu lực của nhận xét, đánh giá của đơn vị (tháng)',
  disciplineBarMonths: 'Thời gian chưa được cử đối với từng hình thức kỷ luật (tháng)',
  partyOpinionRequired: 'Bắt buộc có ý kiến của cấp ủy và kết luận tiêu chuẩn chính trị trước khi quyết định cử',
  oneOffAllowanceBelowMinimum:
    'Trường hợp đặc biệt cử dưới thời gian tối thiểu vẫn được trợ cấp một lần (điểm b khoản 1 Điều 12 Nghị định 178/2024/NĐ-CP áp dụng cho người được cử 3 năm; không áp dụng nếu kế hoạch không quy định)',
  priorityWeights: 'Trọng số ưu tiên (trẻ, nữ, dân tộc thiểu số, xếp loại xuất sắc)',
  matchingWeights: 'Trọng số ghép cán bộ với nhu cầu (mỗi vị trí được bố trí, đúng lĩnh vực, mức độ cấp bách)',
  unitReportPeriodMonths: 'Kỳ báo cáo của đơn vị gửi Sở Nội vụ (tháng)',
  unitReportDueDays: 'Hạn gửi báo cáo của đơn vị (số ngày sau khi hết kỳ)',
  provinceReportPeriodMonths: 'Kỳ báo cáo của Sở Nội vụ gửi Ủy ban nhân dân (tháng)',
  provinceReportDueDays: 'Hạn gửi báo cáo của Sở Nội vụ (số ngày sau khi hết kỳ)',
};
