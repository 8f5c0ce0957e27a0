import { z } from 'zod';
import { isoDate, shortText, uuid } from './fields.js';

/**
 * The report of Sở Nội vụ to the People's Committee on the plan's results (Decree 30/2020 type BC; PRODUCT S12), or a
 * sending unit's report to Sở Nội vụ: the figures of section II, the documents of section I, the narrative of III–V.
 */

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
export const reportDocument = z.object({ kind: z.enum(['plan', 'plan_version', 'decision']), number: z.string(), date: z.string(), title: z.string() });
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

/** The figures of one period and scope, as computed (and as frozen at the issue). */
export const periodFigures = z.object({
  from: z.string(),
  to: z.string(),
  figures: z.array(reportFigure),
  documents: z.array(reportDocument),
  units: z.array(reportUnitRow),
});
export type PeriodFigures = z.infer<typeof periodFigures>;

/** What an issued report freezes: its period's figures and the previous period's. */
export const figuresSnapshot = z.object({ current: periodFigures, previous: periodFigures });
export type FiguresSnapshot = z.infer<typeof figuresSnapshot>;

export const REPORT_ACTIONS = ['edit', 'issue'] as const;

export const reportSummary = z.object({
  id: z.string(),
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
  figures: z.array(reportFigure.extend({ previous: z.number(), change: z.number() })),
  documents: z.array(reportDocument),
  units: z.array(reportUnitRow),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const reportList = z.object({ items: z.array(reportSummary) });

export const createReportInput = z
  .strictObject({ from: isoDate, to: isoDate, unitId: uuid.nullable().optional() })
  .refine((x) => x.to >= x.from, { path: ['to'], message: 'Ngày cuối kỳ không được trước ngày đầu kỳ' });

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
