import { z } from 'zod';
import { isoDate, shortText, uuid } from './fields.js';
import { FEEDBACK_KIND_LABELS, FEEDBACK_KINDS, FEEDBACK_STATUS_LABELS, FEEDBACK_STATUSES } from '../secondment.js';

/**
 * The report of Sở Nội vụ to the People's Committee on the plan's results (Decree 30/2020 type BC; PRODUCT S12), or a
 * sending unit's report to Sở Nội vụ: the figures of section II, the documents of section I, the narrative of III–V.
 */

/**
 * plan131: the report on Plan 131's results (to the People's Committee, or a unit's to Sở Nội vụ); training_annual:
 * the annual report on the training and development of cadres, civil servants and public employees (Decree 171/2025
 * Art. 39), for a calendar year, to the Ministry of Home Affairs (a unit's to Sở Nội vụ) before 31 January.
 */
export const REPORT_KINDS = ['plan131', 'training_annual'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  plan131: 'Báo cáo kết quả thực hiện kế hoạch tăng cường cán bộ',
  training_annual: 'Báo cáo kết quả đào tạo, bồi dưỡng hằng năm',
};

export const REPORT_STATUSES = ['draft', 'issued'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { draft: 'Dự thảo', issued: 'Đã ban hành' };

/** The groups of figures, each an annex table, in the order of the report. */
export const FIGURE_GROUPS = [
  'documents',
  'sent',
  'target_group',
  'sex',
  'ethnicity',
  'age',
  'education',
  'theory',
  'hosts',
  'returns',
  'evaluations',
  'cadre_reports',
  'training',
  'entitlements',
  'feedback',
  // the annual training report
  'training_courses',
  'training_participants',
  'training_category',
  'training_people',
  'training_results',
  'training_budget',
  'training_repayments',
  'inspections',
  // the sending units' reports to Sở Nội vụ on the plan's schedule
  'unit_reports',
] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];
export const FIGURE_GROUP_LABELS: Record<FigureGroup, string> = {
  documents: 'Văn bản chỉ đạo, triển khai đã ban hành',
  sent: 'Kết quả cử cán bộ tăng cường so với chỉ tiêu',
  target_group: 'Cán bộ được cử theo nhóm đối tượng',
  sex: 'Cán bộ được cử theo giới tính',
  ethnicity: 'Cán bộ được cử theo dân tộc',
  age: 'Cán bộ được cử theo độ tuổi',
  education: 'Cán bộ được cử theo trình độ chuyên môn',
  theory: 'Cán bộ được cử theo trình độ lý luận chính trị',
  hosts: 'Xã, phường tiếp nhận',
  returns: 'Kết thúc tăng cường, trở về và bố trí công tác',
  evaluations: 'Nhận xét, đánh giá cán bộ tăng cường',
  cadre_reports: 'Chế độ báo cáo của cán bộ tăng cường',
  training: 'Đào tạo, bồi dưỡng',
  entitlements: 'Chế độ, chính sách đã chi trả cho cán bộ tăng cường',
  feedback: 'Kiến nghị, đề xuất của các đơn vị',
  training_courses: 'Khóa đào tạo, bồi dưỡng khai giảng trong năm',
  training_participants: 'Lượt người được cử đi đào tạo, bồi dưỡng theo loại hình',
  training_category: 'Lượt người được cử đi đào tạo, bồi dưỡng theo đối tượng',
  training_people: 'Lượt người được cử đi đào tạo, bồi dưỡng theo giới tính, dân tộc',
  training_results: 'Kết quả đào tạo, bồi dưỡng',
  training_budget: 'Kinh phí đào tạo, bồi dưỡng theo nguồn kinh phí',
  training_repayments: 'Bồi hoàn chi phí đào tạo',
  inspections: 'Kiểm tra, đôn đốc việc thực hiện',
  unit_reports: 'Chế độ báo cáo của các cơ quan, đơn vị gửi Sở Nội vụ',
};

/** The sections III–V, as Sở Nội vụ (or the unit) writes them. */
export const NARRATIVE_KEYS = ['strengths', 'limits', 'causes', 'tasks', 'proposals'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export const NARRATIVE_LABELS: Record<NarrativeKey, string> = {
  strengths: 'Ưu điểm',
  limits: 'Hạn chế, khó khăn',
  causes: 'Nguyên nhân',
  tasks: 'Phương hướng, nhiệm vụ thời gian tới',
  proposals: 'Đề xuất, kiến nghị',
};
export const narrative = z.strictObject(
  Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, shortText(20_000).optional()])) as Record<NarrativeKey, z.ZodOptional<z.ZodString>>,
);
export type Narrative = Partial<Record<NarrativeKey, string>>;

/** One figure of the period: a key that never changes, its Vietnamese label, its group and its value. */
export const reportFigure = z.object({ key: z.string(), group: z.enum(FIGURE_GROUPS), label: z.string(), unit: z.string(), value: z.number() });
export type ReportFigure = z.infer<typeof reportFigure>;

/** A document issued in the period (section I). */
export const reportDocument = z.object({ kind: z.enum(['plan', 'plan_version', 'decision', 'guidance']), number: z.string(), date: z.string(), title: z.string() });
export type ReportDocument = z.infer<typeof reportDocument>;

/** A sending unit's row of the quota table: its quota for the year, what it had decided in the period, what it still lacks. */
export const reportUnitRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  assignedStaffing: z.number().nullable(),
  target: z.number().nullable(),
  decided: z.number(),
  gap: z.number().nullable(),
});
export type ReportUnitRow = z.infer<typeof reportUnitRow>;

/** A feedback thread raised in the period by a unit of the scope: what section V offers the writer. */
export const reportFeedback = z.object({
  id: z.string(),
  raisedOn: z.string(),
  unitName: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  subject: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
});
export type ReportFeedback = z.infer<typeof reportFeedback>;

/** The figures of one period and scope, as computed (and as frozen at the issue; reports issued before feedback was kept have none). */
export const periodFigures = z.object({
  from: z.string(),
  to: z.string(),
  figures: z.array(reportFigure),
  documents: z.array(reportDocument),
  units: z.array(reportUnitRow),
  feedback: z.array(reportFeedback).default([]),
});
export type PeriodFigures = z.infer<typeof periodFigures>;

/** What an issued report freezes: its period's figures and the previous period's. */
export const figuresSnapshot = z.object({ current: periodFigures, previous: periodFigures });
export type FiguresSnapshot = z.infer<typeof figuresSnapshot>;

export const REPORT_ACTIONS = ['edit', 'issue'] as const;

export const reportSummary = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  periodFrom: z.string(),
  periodTo: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** The code the unit signs its documents with (its book: "01/BC-STC"); null for the province's report. */
  unitCode: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  /** The deadline of a report on a period of the plan's schedule; null for a report on another span. */
  dueOn: z.string().nullable(),
  /** Past its deadline and not issued, or issued after it. */
  late: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const reportDetail = reportSummary.extend({
  narrative,
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  /** The previous period of the same length, against which each figure is compared. */
  previousFrom: z.string(),
  previousTo: z.string(),
  /** Live for a draft; the snapshot taken at the issue for an issued report. */
  frozen: z.boolean(),
  /** Each figure against the previous period; `listed` when the rows it counts can be opened as a list. */
  figures: z.array(reportFigure.extend({ previous: z.number(), change: z.number(), listed: z.boolean() })),
  documents: z.array(reportDocument),
  units: z.array(reportUnitRow),
  /** Section V: the units' feedback raised in the period, each as the line the writer may insert. */
  proposalFacts: z.array(reportFeedback.extend({ text: z.string() })),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const reportList = z.object({ items: z.array(reportSummary) });

export const createReportInput = z
  .strictObject({
    kind: z.enum(REPORT_KINDS, 'Loại báo cáo không hợp lệ').default('plan131'),
    /** The period of a plan131 report. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** The calendar year of a training_annual report. */
    year: z.number('Năm phải là số').int('Năm phải là số nguyên').min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ').optional(),
    unitId: uuid.nullable().optional(),
  })
  .superRefine((x, c) => {
    if (x.kind === 'training_annual') {
      if (x.year === undefined) c.addIssue({ code: 'custom', path: ['year'], message: 'Chọn năm báo cáo' });
      return;
    }
    if (!x.from) c.addIssue({ code: 'custom', path: ['from'], message: 'Chọn ngày đầu kỳ' });
    if (!x.to) c.addIssue({ code: 'custom', path: ['to'], message: 'Chọn ngày cuối kỳ' });
    if (x.from && x.to && x.to < x.from) c.addIssue({ code: 'custom', path: ['to'], message: 'Ngày cuối kỳ không được trước ngày đầu kỳ' });
  });

export const updateReportInput = z.strictObject({ version: z.number().int().min(1), narrative });

export const issueReportInput = z.strictObject({
  version: z.number().int().min(1),
  /** The number in the book; the next free one when omitted. */
  seq: z.number().int().min(1).max(99_999).optional(),
  issuedOn: isoDate,
  signerName: shortText(120).min(1, 'Không được để trống'),
  signerTitle: shortText(120).min(1, 'Không được để trống'),
});

/** The list's filters: one unit's reports, the province's or the units' ones, a state (`late`: past the deadline, or issued after it). */
export const REPORT_LIST_STATUSES = ['draft', 'issued', 'late'] as const;
export const listReportsQuery = z.object({
  unitId: uuid.optional(),
  issuer: z.enum(['province', 'units']).optional(),
  status: z.enum(REPORT_LIST_STATUSES).optional(),
});

/** A feedback item as the line section V offers: "- Sở Tài chính (12/03/2026), khó khăn, vướng mắc: … (chờ trả lời)." */
export function proposalFactText(f: ReportFeedback): string {
  const [y, m, d] = f.raisedOn.split('-');
  return `- ${f.unitName} (${d}/${m}/${y}) ${FEEDBACK_KIND_LABELS[f.kind].toLowerCase()}: ${f.subject.replace(/[.\s]+$/, '')} (${FEEDBACK_STATUS_LABELS[f.status].toLowerCase()}).`;
}
