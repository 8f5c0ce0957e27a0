import { z } from 'zod';
import { isoDate, pageQuery, requiredText, shortText, uuid } from './fields.js';
import {
  CONTACT_CHANNELS,
  FOLLOW_UP_PLANNING,
  PARTY_OPINION_OUTCOMES,
  POLITICAL_CONCLUSIONS,
  SECONDMENT_ACTIONS,
  SECONDMENT_STATUSES,
  TERM_REVIEW_KINDS,
} from '../secondment.js';
import { COURSE_KINDS, NEED_PERIODS } from '../training.js';

const version = z.number().int().min(1);
const reason = requiredText(2000);
const optionalText = (max = 2000) =>
  shortText(max)
    .optional()
    .nullable()
    .transform((s) => (s ? s : null));

/** The signer and date of a decision; the number is the next of the year unless given (Decree 30/2020). */
export const decisionHeader = z.object({
  seq: z.number().int().min(1, 'Số quyết định phải từ 01 trở lên').max(99999).optional().nullable(),
  decidedOn: isoDate,
  signerName: requiredText(120),
  signerTitle: requiredText(120),
});

export const proposeInput = z.object({
  personId: uuid,
  targetGroup: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  remarks: requiredText(4000),
  suggestedHostUnitId: uuid.optional().nullable(),
  suggestedRole: optionalText(200),
  /** Required when the screening finds the person not eligible (or missing information): Sở Nội vụ reads it. */
  justification: optionalText(4000),
});

export const resubmitInput = proposeInput.omit({ personId: true }).extend({ version, note: optionalText() });
export const versionedReason = z.object({ version, reason });
export const forwardInput = z.object({
  version,
  note: optionalText(),
  /** Needed to forward a person who is not (or no longer) eligible, or beyond the unit's quota. */
  overrideReason: optionalText(),
});

export const decideInput = decisionHeader.extend({
  items: z
    .array(
      z.object({
        secondmentId: uuid,
        version,
        hostUnitId: uuid,
        startDate: isoDate,
        durationMonths: z.number().int().min(1).max(120),
        /** The recorded special case of a duration below the plan's minimum. */
        shortDurationReason: optionalText(),
      }),
    )
    .min(1, 'Chọn ít nhất một cán bộ')
    .max(500),
});

export const receiveInput = z.object({
  version,
  receivedOn: isoDate,
  startDate: isoDate,
  assignedWork: requiredText(2000),
  hostRole: requiredText(200),
});

export const extendInput = decisionHeader.extend({ version, newEndDate: isoDate, reason });
export const endEarlyInput = decisionHeader.extend({ version, endDate: isoDate, reason });
export const completeInput = z.object({ version, note: optionalText() });

export const postInput = z.object({
  unitId: uuid,
  jobPostId: uuid.optional().nullable(),
  positionTitle: requiredText(200),
  isLeader: z.boolean(),
  leadershipAllowanceCoef: z.number().min(0).max(2).optional().nullable(),
  /** The rank (ngạch) of the placement; absent keeps the person's current rank. */
  rankCode: shortText(20).optional().nullable(),
  /** The salary step in that rank; absent keeps the current step (required when the rank changes). */
  salaryStep: z.number().int().min(1).max(20).optional().nullable(),
});

export const placeInput = decisionHeader.extend({
  version,
  returnedOn: isoDate,
  placement: postInput,
  /**
   * Why the authority places the cadre lower than the reserved post (Decree 178/2024 Art. 12 cl. 1 d): without it a
   * lower placement is refused; with it the placement stands and the reason is recorded with the decision.
   */
  lowerReason: optionalText(2000),
  outcomeRating: z.string().min(1, 'Chọn kết quả đánh giá'),
  outcomeRemarks: requiredText(4000),
});

export const submitReportInput = z.object({
  version,
  results: requiredText(8000),
  difficulties: optionalText(4000),
  proposals: optionalText(4000),
});
export const requestReportInput = z.object({ dueOn: isoDate, note: requiredText(2000) });
export const evaluationInput = z.object({
  year: z.number().int().min(2000).max(2100),
  evaluatedOn: isoDate,
  proposedRating: z.string().min(1, 'Chọn mức xếp loại đề xuất'),
  strengths: optionalText(4000),
  weaknesses: optionalText(4000),
  usageProposal: optionalText(4000),
});
export const contactInput = z.object({
  contactedOn: isoDate,
  channel: z.enum(CONTACT_CHANNELS),
  summary: requiredText(4000),
  followUp: optionalText(2000),
});

/** The Party committee's opinion before the decision (Plan 131 II.1; Decree 170/2025 Art. 46). */
export const partyOpinionInput = z.object({
  committeeName: requiredText(200),
  givenOn: isoDate,
  documentNo: requiredText(60),
  outcome: z.enum(PARTY_OPINION_OUTCOMES, { message: 'Chọn ý kiến của cấp ủy' }),
  politicalConclusion: z.enum(POLITICAL_CONCLUSIONS, { message: 'Chọn kết luận về tiêu chuẩn chính trị' }),
  note: optionalText(2000),
});

/** One end-of-term review (Decree 170/2025 Art. 49); saving a kind again replaces it. */
export const termReviewInput = z.object({
  kind: z.enum(TERM_REVIEW_KINDS, { message: 'Chọn loại nhận xét, đánh giá' }),
  reviewedOn: isoDate,
  proposedRating: shortText(10).optional().nullable(),
  content: requiredText(8000),
  strengths: optionalText(4000),
  weaknesses: optionalText(4000),
});

/** The sending unit's commendation proposal on completing the term well, or its reasons for not proposing one. */
export const commendationInput = z.discriminatedUnion('declined', [
  z.object({ declined: z.literal(false), documentNo: requiredText(60), proposedOn: isoDate, form: requiredText(200), note: optionalText(2000) }),
  z.object({ declined: z.literal(true), reason }),
]);

/** Plan 131 II.2: the result fed back to the planning review and the person's training needs. */
export const followUpInput = z.object({
  planning: z.enum(FOLLOW_UP_PLANNING, { message: 'Chọn kết quả xem xét quy hoạch' }),
  /** The planning entry approved for a title (planning = add_title). */
  planningEntry: z
    .object({ title: requiredText(200), term: requiredText(40), decisionNo: optionalText(60), approvedOn: isoDate })
    .optional()
    .nullable(),
  /** A training need of the person recorded with it (server/domain/training/record-need.ts). */
  trainingNeed: z
    .object({
      period: z.enum(NEED_PERIODS),
      kind: z.enum(COURSE_KINDS),
      fields: z.array(z.string()).min(1, 'Chọn ít nhất một lĩnh vực'),
      description: requiredText(2000),
    })
    .optional()
    .nullable(),
  note: optionalText(2000),
});

export const secondmentListQuery = z.object({
  ...pageQuery,
  status: z
    .union([z.enum(SECONDMENT_STATUSES), z.array(z.enum(SECONDMENT_STATUSES))])
    .optional()
    .transform((s) => (s === undefined ? undefined : Array.isArray(s) ? s : [s])),
  unitId: uuid.optional(),
  hostUnitId: uuid.optional(),
  q: shortText(100).optional(),
  /** Only secondments ending (planned end date) on or before this date. */
  endsBy: isoDate.optional(),
});

/** What a step answers: the secondment's new state and version. */
export const stepResponse = z.object({ id: z.string(), status: z.string(), version: z.number() });
export const createdResponse = z.object({ id: z.string() });
/** The number the next decision of the year would take. */
export const nextDecisionNumberResponse = z.object({ year: z.number(), seq: z.number(), number: z.string() });
export const decisionIssuedResponse = z.object({ decisionId: z.string(), number: z.string(), secondmentIds: z.array(z.string()) });

const unitRef = z.object({ id: z.string(), name: z.string() });
const postSnapshot = z.object({
  unitId: z.string(),
  unitName: z.string(),
  jobPostId: z.string().nullable(),
  positionTitle: z.string().nullable(),
  isLeader: z.boolean(),
  leadershipAllowanceCoef: z.string().nullable(),
  rankCode: z.string().nullable(),
  salaryStep: z.number().nullable(),
  salaryCoefficient: z.string().nullable(),
  /** A placement below the reserved post: what is lower, and the authority's reason for placing so. */
  lowerThanReserved: z.array(z.string()).optional(),
  lowerReason: z.string().nullable().optional(),
});
export type PostSnapshot = z.infer<typeof postSnapshot>;

export const secondmentSummary = z.object({
  id: z.string(),
  status: z.enum(SECONDMENT_STATUSES),
  person: z.object({ id: z.string(), code: z.string(), fullName: z.string(), birthDate: z.string(), gender: z.string(), positionTitle: z.string().nullable() }),
  sendingUnit: unitRef,
  hostUnit: unitRef.nullable(),
  targetGroup: z.number().nullable(),
  eligibleAtProposal: z.boolean().nullable(),
  decisionNo: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
  /** Before the decision: the standing Party committee opinion (Plan 131 II.1), for the decision's check; null after. */
  partyOpinion: z
    .object({
      committeeName: z.string(),
      givenOn: z.string(),
      documentNo: z.string(),
      outcome: z.enum(PARTY_OPINION_OUTCOMES),
      politicalConclusion: z.enum(POLITICAL_CONCLUSIONS),
    })
    .nullable(),
});

export type SecondmentSummary = z.infer<typeof secondmentSummary>;

export const secondmentListResponse = z.object({
  items: z.array(secondmentSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  countsByStatus: z.record(z.string(), z.number()),
});

const criterion = z.object({ criterion: z.string(), result: z.string(), reason: z.string(), clause: z.string() });
const verdictSnapshot = z
  .object({ verdict: z.string(), referenceDate: z.string(), criteria: z.array(criterion), quota: z.record(z.string(), z.unknown()).optional() })
  .nullable();

export const secondmentDetail = secondmentSummary.extend({
  suggestedRole: z.string().nullable(),
  remarks: z.string().nullable(),
  justification: z.string().nullable(),
  proposalVerdict: verdictSnapshot,
  appraisalVerdict: verdictSnapshot,
  appraisalNote: z.string().nullable(),
  proposedAt: z.string().nullable(),
  appraisedAt: z.string().nullable(),
  durationMonths: z.number().nullable(),
  shortDurationReason: z.string().nullable(),
  receivedOn: z.string().nullable(),
  assignedWork: z.string().nullable(),
  hostRole: z.string().nullable(),
  reservedPost: postSnapshot.nullable(),
  actualEndDate: z.string().nullable(),
  endReason: z.string().nullable(),
  placement: postSnapshot.nullable(),
  outcomeRating: z.string().nullable(),
  outcomeRemarks: z.string().nullable(),
  extraStepGranted: z.boolean().nullable(),
  returnedOn: z.string().nullable(),
  allowedActions: z.array(
    z.enum([
      ...SECONDMENT_ACTIONS,
      'submit_report',
      'request_report',
      'evaluate',
      'log_contact',
      'record_party_opinion',
      'review_self',
      'review_host',
      'record_commendation',
      'record_follow_up',
    ]),
  ),
  /** The proposal's inside (verdicts, remarks, justification) is not shown to this reader (the host commune). */
  proposalWithheld: z.boolean(),
  events: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      actorName: z.string(),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  decisions: z.array(z.object({ id: z.string(), kind: z.string(), number: z.string(), decidedOn: z.string(), signerName: z.string(), signerTitle: z.string() })),
  reports: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      periodNo: z.number().nullable(),
      periodFrom: z.string().nullable(),
      periodTo: z.string().nullable(),
      dueOn: z.string(),
      requestNote: z.string().nullable(),
      submittedOn: z.string().nullable(),
      results: z.string().nullable(),
      difficulties: z.string().nullable(),
      proposals: z.string().nullable(),
      overdue: z.boolean(),
      cancelled: z.boolean(),
      version: z.number(),
    }),
  ),
  evaluations: z.array(
    z.object({
      id: z.string(),
      year: z.number(),
      evaluatedOn: z.string(),
      proposedRating: z.string(),
      strengths: z.string().nullable(),
      weaknesses: z.string().nullable(),
      usageProposal: z.string().nullable(),
      evaluatorName: z.string(),
    }),
  ),
  contacts: z.array(
    z.object({ id: z.string(), contactedOn: z.string(), channel: z.string(), summary: z.string(), followUp: z.string().nullable(), authorName: z.string() }),
  ),
  /** The Party committee's opinions, oldest first: the last one stands (Plan 131 II.1). */
  partyOpinions: z.array(
    z.object({
      id: z.string(),
      committeeName: z.string(),
      givenOn: z.string(),
      documentNo: z.string(),
      outcome: z.enum(PARTY_OPINION_OUTCOMES),
      politicalConclusion: z.enum(POLITICAL_CONCLUSIONS),
      note: z.string().nullable(),
      recordedByName: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** Whether the plan in force requires the opinion before the decision. */
  partyOpinionRequired: z.boolean(),
  /** The end-of-term reviews (Decree 170/2025 Art. 49), one per kind. */
  termReviews: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(TERM_REVIEW_KINDS),
      reviewedOn: z.string(),
      proposedRating: z.string().nullable(),
      content: z.string(),
      strengths: z.string().nullable(),
      weaknesses: z.string().nullable(),
      authorName: z.string(),
    }),
  ),
  commendation: z
    .object({
      declined: z.boolean(),
      documentNo: z.string().nullable().optional(),
      proposedOn: z.string().nullable().optional(),
      form: z.string().nullable().optional(),
      note: z.string().nullable().optional(),
      reason: z.string().nullable().optional(),
      byName: z.string(),
      on: z.string(),
    })
    .nullable(),
  followUp: z
    .object({
      planning: z.enum(FOLLOW_UP_PLANNING),
      title: z.string().nullable().optional(),
      planningEntryId: z.string().nullable().optional(),
      trainingNeedId: z.string().nullable().optional(),
      note: z.string().nullable().optional(),
      byName: z.string(),
      on: z.string(),
    })
    .nullable(),
});
export type SecondmentDetail = z.infer<typeof secondmentDetail>;
export type SecondmentListResponse = z.infer<typeof secondmentListResponse>;
