import { z } from 'zod';
import {
  COURSE_KINDS,
  COURSE_LOCATIONS,
  COURSE_SOURCES,
  ENROLMENT_STATUSES,
  FUNDING_SOURCES,
  NEED_PERIODS,
  REPAYMENT_REASONS,
  REPAYMENT_STATUSES,
} from '../training.js';
import { isoDate, requiredText, shortText, uuid } from './fields.js';

/** Integer đồng: never negative, never a fraction, within exact JSON integers. */
export const vndAmount = z
  .number({ error: 'Số tiền phải là số' })
  .int('Số tiền phải là số nguyên đồng')
  .min(0, 'Số tiền không được âm')
  .max(Number.MAX_SAFE_INTEGER, 'Số tiền quá lớn');
const positiveVnd = vndAmount.refine((v) => v > 0, 'Số tiền phải lớn hơn 0');
const year = z.coerce.number().int().min(2000).max(2100);

export const courseInput = z.object({
  title: requiredText(300),
  provider: requiredText(200),
  location: z.enum(COURSE_LOCATIONS),
  source: z.enum(COURSE_SOURCES),
  kind: z.enum(COURSE_KINDS),
  fields: z.array(z.string()).min(1, 'Chọn ít nhất một lĩnh vực'),
  startDate: isoDate,
  endDate: isoDate,
  hours: z.number().int().min(1, 'Số tiết (giờ) phải lớn hơn 0').max(20000),
  capacity: z.number().int().min(1, 'Số học viên tối đa phải lớn hơn 0').max(10000),
  costPerParticipantVnd: vndAmount,
  fundingSource: z.enum(FUNDING_SOURCES),
  requiresPlanning: z.boolean().optional(),
});

export const course = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  location: z.enum(COURSE_LOCATIONS),
  source: z.enum(COURSE_SOURCES),
  kind: z.enum(COURSE_KINDS),
  fields: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  capacity: z.number(),
  costPerParticipantVnd: z.number(),
  fundingSource: z.enum(FUNDING_SOURCES),
  requiresPlanning: z.boolean(),
  seatsTaken: z.number(),
  seatsLeft: z.number(),
  nominated: z.number(),
  /** Closed to nominations by Sở Nội vụ. */
  nominationsClosed: z.boolean(),
});
export const courseCloseInput = z.object({ reason: requiredText(1000) });

export const needInput = z.object({
  unitId: uuid,
  personId: uuid.nullable().optional(),
  period: z.enum(NEED_PERIODS),
  kind: z.enum(COURSE_KINDS),
  fields: z.array(z.string()).min(1, 'Chọn ít nhất một lĩnh vực'),
  description: requiredText(1000),
  headcount: z.number().int().min(1).max(10000).optional(),
});

export const need = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  jobPostId: z.string().nullable(),
  jobPostTitle: z.string().nullable(),
  period: z.enum(NEED_PERIODS),
  kind: z.enum(COURSE_KINDS),
  fields: z.array(z.string()),
  description: z.string(),
  standardsGap: z.array(z.string()),
  headcount: z.number(),
  status: z.string(),
  createdAt: z.string(),
});

export type TrainingNeed = z.infer<typeof need>;

export const trainingVerdict = z.object({
  criterion: z.string(),
  result: z.enum(['pass', 'fail', 'unknown', 'na']),
  reason: z.string(),
  clause: z.string(),
  facts: z.record(z.string(), z.unknown()),
});
export const trainingEligibility = z.object({
  verdict: z.enum(['eligible', 'not_eligible', 'needs_info']),
  criteria: z.array(trainingVerdict),
  referenceDate: z.string(),
  instrument: z.string(),
});

export const nominationInput = z.object({ courseId: uuid, personId: uuid, needId: uuid.nullable().optional(), note: shortText(1000).nullable().optional() });
export const approveInput = z.object({ overrideReason: shortText(1000).nullable().optional() });
export const refuseInput = z.object({ reason: requiredText(1000) });
export const enrolInput = z.object({ enrolledOn: isoDate });
export const paymentInput = z.object({
  amountVnd: positiveVnd,
  paidOn: isoDate,
  note: shortText(500).nullable().optional(),
  overrideReason: shortText(1000).nullable().optional(),
});
export const completeInput = z.object({ completedOn: isoDate, result: requiredText(200), certificateNo: requiredText(100) });
export const endInput = z.object({ outcome: z.enum(['withdrawn', 'failed']), endedOn: isoDate, reason: requiredText(1000) });
export const repaymentInput = z.object({
  leftOn: isoDate,
  reason: z.enum(REPAYMENT_REASONS),
  /** The end of probation: service before the sending counts from it (Decree 171/2025 Art. 8); unknown, no reduction. */
  probationEndedOn: isoDate.nullable().optional(),
});
/** Decree 171/2025 Art. 9–13: the council that determines the repayment. */
export const repaymentCouncilInput = z.object({
  decisionNo: requiredText(100),
  formedOn: isoDate,
  members: z
    .array(z.object({ name: requiredText(200), role: requiredText(200) }))
    .min(1, 'Hội đồng phải có ít nhất một thành viên')
    .max(30),
});
export const repaymentDecisionInput = z.object({ decisionNo: requiredText(100), decidedOn: isoDate });
export const repaymentPaymentInput = z.object({ amountVnd: positiveVnd, paidOn: isoDate });
export const repaymentStepResponse = z.object({
  id: z.string(),
  status: z.enum(REPAYMENT_STATUSES),
  dueOn: z.string().nullable(),
  paidVnd: z.number().nullable(),
  amountVnd: z.number(),
});

export const enrolment = z.object({
  id: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  courseId: z.string(),
  courseTitle: z.string(),
  courseKind: z.enum(COURSE_KINDS),
  courseLocation: z.enum(COURSE_LOCATIONS),
  provider: z.string(),
  courseFields: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  personId: z.string(),
  personName: z.string(),
  personCode: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  positionTitle: z.string().nullable(),
  personUnitName: z.string(),
  budgetUnitId: z.string(),
  budgetUnitName: z.string(),
  fundingSource: z.enum(FUNDING_SOURCES),
  estimatedCostVnd: z.number(),
  committedVnd: z.number(),
  spentVnd: z.number(),
  eligibility: trainingEligibility,
  nominationNote: z.string().nullable(),
  nominatedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
  overrideReason: z.string().nullable(),
  enrolledOn: z.string().nullable(),
  commitmentMonths: z.number().nullable(),
  commitmentFrom: z.string().nullable(),
  commitmentTo: z.string().nullable(),
  result: z.string().nullable(),
  certificateNo: z.string().nullable(),
  completedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  needId: z.string().nullable(),
  version: z.number(),
  repayment: z
    .object({
      id: z.string(),
      leftOn: z.string(),
      reason: z.enum(REPAYMENT_REASONS),
      amountVnd: z.number(),
      explanation: z.object({ lines: z.array(z.string()), clause: z.string() }).loose(),
      probationEndedOn: z.string().nullable(),
      status: z.enum(REPAYMENT_STATUSES),
      councilDecisionNo: z.string().nullable(),
      councilFormedOn: z.string().nullable(),
      councilMembers: z.array(z.object({ name: z.string(), role: z.string() })).nullable(),
      decisionNo: z.string().nullable(),
      decidedOn: z.string().nullable(),
      dueOn: z.string().nullable(),
      paidVnd: z.number().nullable(),
      paidOn: z.string().nullable(),
      /** The next step of the procedure the user may take (council, decide, pay). */
      allowedSteps: z.array(z.enum(['council', 'decide', 'pay'])),
    })
    .nullable(),
  allowedActions: z.array(z.string()),
});

export const enrolmentQuery = z.object({
  courseId: uuid.optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
  unitId: uuid.optional(),
  personId: uuid.optional(),
  year: year.optional(),
});

export const budgetItem = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  restructuredOn: z.string().nullable(),
  fundingSource: z.enum(FUNDING_SOURCES),
  amountVnd: z.number(),
  committedVnd: z.number(),
  spentVnd: z.number(),
  availableVnd: z.number(),
  overdraftVnd: z.number(),
  computedVnd: z.number().nullable(),
  computation: z
    .object({
      formula: z.string(),
      lines: z.array(z.string()),
      rate: z.number(),
      periodFrom: z.string(),
      periodTo: z.string(),
      fundVnd: z.string(),
      coefficientSum: z.string(),
      peopleCounted: z.number(),
    })
    .loose()
    .nullable(),
  overrideReason: z.string().nullable(),
  overrideByName: z.string().nullable(),
  overrideAt: z.string().nullable(),
});
export const budgetOverview = z.object({
  year: z.number(),
  items: z.array(budgetItem),
  totals: z.array(z.object({ fundingSource: z.enum(FUNDING_SOURCES), amountVnd: z.number(), committedVnd: z.number(), spentVnd: z.number() })),
  budgetVnd: z.number(),
  series: z.array(z.object({ month: z.number(), committedVnd: z.number(), spentVnd: z.number() })),
});
export const budgetQuery = z.object({ year, unitId: uuid.optional() });
export const regularBudgetInput = z.object({ unitId: uuid, year: z.number().int().min(2000).max(2100), amountVnd: vndAmount });
export const supplementaryInput = z.object({ unitId: uuid, year: z.number().int().min(2000).max(2100) });
export const budgetOverrideInput = z.object({ amountVnd: vndAmount, reason: requiredText(1000) });
export const decisionQuery = z.object({
  number: requiredText(50),
  date: isoDate,
  signerName: requiredText(100),
  signerTitle: shortText(200).optional(),
});
export const planExportQuery = z.object({ year, unitId: uuid.optional() });

/** What the training routes answer (lists, and the records they create or change). */
export const createdResponse = z.object({ id: z.string() }).loose();
export const statusChangedResponse = z.object({ id: z.string(), status: z.string() }).loose();
export const courseListResponse = z.object({ items: z.array(course) });
export const courseUpdatedResponse = z.object({ id: z.string(), repricedNominations: z.number() });
export const needListResponse = z.object({ items: z.array(need) });
export const needCreatedResponse = z.object({ id: z.string(), standardsGap: z.array(z.string()) });
export const enrolmentListResponse = z.object({ items: z.array(enrolment) });
export const nominationResponse = z.object({ id: z.string(), verdict: z.string(), verdictLabel: z.string() });
export const paymentResponse = z.object({ id: z.string(), spentVnd: z.number(), committedVnd: z.number() });
export const repaymentResponse = z.object({ id: z.string(), amountVnd: z.number(), lines: z.array(z.string()), clause: z.string() }).loose();
export const budgetAmountResponse = z.object({ id: z.string(), amountVnd: z.number() });
export const supplementaryBudgetResponse = z.object({ id: z.string(), amountVnd: z.number(), computedVnd: z.number(), overridden: z.boolean() }).loose();
