import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, integer, boolean, timestamp, index, uniqueIndex, unique, primaryKey, jsonb } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';
import { people } from './personnel.js';
import { planVersions } from './plans.js';

/**
 * A secondment (tăng cường) of one person from a city-level sending unit to a commune, from the proposal to
 * the return (common/secondment.ts holds the path). Proposals count against the sending unit's quota. The
 * person's home post is reserved: `people` is not overwritten while they serve; `reserved_post` keeps what
 * they held, and the return placement is checked against it.
 */
export const secondments = pgTable(
  'secondments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    // the city-level unit whose quota the secondment counts against
    sendingUnitId: uuid('sending_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    // the commune or ward: suggested by the proposal, fixed by the decision
    hostUnitId: uuid('host_unit_id').references(() => orgUnits.id),
    status: text('status').notNull(),
    targetGroup: integer('target_group'),
    // proposal
    suggestedRole: text('suggested_role'),
    remarks: text('remarks'), // nhận xét, đánh giá of the sending unit
    eligibleAtProposal: boolean('eligible_at_proposal'),
    justification: text('justification'), // required when proposing a person the screening found not eligible
    proposalVerdict: jsonb('proposal_verdict'),
    proposedBy: uuid('proposed_by'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    // appraisal
    appraisalVerdict: jsonb('appraisal_verdict'),
    appraisalNote: text('appraisal_note'),
    appraisedBy: uuid('appraised_by'),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    // decision
    decisionId: uuid('decision_id'),
    decisionNo: text('decision_no'),
    durationMonths: integer('duration_months'),
    shortDurationReason: text('short_duration_reason'), // the recorded special case below the plan's minimum
    startDate: date('start_date'),
    endDate: date('end_date'),
    // reception
    receivedOn: date('received_on'),
    assignedWork: text('assigned_work'),
    hostRole: text('host_role'),
    receivedBy: uuid('received_by'),
    // the home post as it stood at the decision: reserved, never overwritten
    reservedPost: jsonb('reserved_post'),
    // end and return
    actualEndDate: date('actual_end_date'),
    endReason: text('end_reason'),
    placement: jsonb('placement'),
    outcomeRating: text('outcome_rating'),
    outcomeRemarks: text('outcome_remarks'),
    extraStepGranted: boolean('extra_step_granted'),
    returnedOn: date('returned_on'),
    // Decree 178/2024 Art. 12 (as amended): the sending unit's commendation proposal on completing the term well
    // ({ documentNo, proposedOn, form, byName } or { declined: true, reason })
    commendation: jsonb('commendation'),
    // Plan 131 II.2: what the sending unit did with the result in planning and training needs
    // ({ planning: 'keep'|'propose_title'|'no_change', title, trainingNeedId, note, byName, on })
    followUp: jsonb('follow_up'),
    // the matching run whose accepted pair made this proposal (issue 13); null for a proposal made by hand
    matchingRunId: uuid('matching_run_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('secondments_person_idx').on(t.personId),
    index('secondments_sending_idx').on(t.sendingUnitId, t.status),
    index('secondments_host_idx').on(t.hostUnitId, t.status),
    index('secondments_status_end_idx').on(t.status, t.endDate),
    // a run's pair becomes one proposal, whoever accepts it and however often
    uniqueIndex('secondments_matching_pair_uq')
      .on(t.matchingRunId, t.personId)
      .where(sql`matching_run_id IS NOT NULL`),
  ],
);

/** Every step of a secondment, dated and commented: the timeline shown on its page. */
export const secondmentEvents = pgTable(
  'secondment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    secondmentId: uuid('secondment_id')
      .notNull()
      .references(() => secondments.id, { onDelete: 'cascade' }),
    action: text('action').notNull(), // propose | one of SECONDMENT_ACTIONS | report | evaluation | contact | ...
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('secondment_events_sec_idx').on(t.secondmentId, t.at)],
);

/**
 * A decision along the path (send, extend, end early by the authority; return by the sending unit), numbered
 * from 01 each calendar year by its issuer (Decree 30/2020/NĐ-CP): the number is unique within its issuer and year.
 */
export const secondmentDecisions = pgTable(
  'secondment_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    // who issues and numbers it: null = the People's Committee (send, extend, end early); the sending unit for
    // its own decision taking the cadre back (return); each issuer numbers from 01 each year
    issuerUnitId: uuid('issuer_unit_id').references(() => orgUnits.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    decidedOn: date('decided_on').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('secondment_decisions_issuer_year_seq').on(t.issuerUnitId, t.year, t.seq).nullsNotDistinct()],
);

/** The secondments a decision covers, with what it decided for each. */
export const secondmentDecisionItems = pgTable(
  'secondment_decision_items',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => secondmentDecisions.id),
    secondmentId: uuid('secondment_id')
      .notNull()
      .references(() => secondments.id),
    hostUnitId: uuid('host_unit_id'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    durationMonths: integer('duration_months'),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.secondmentId] }), index('secondment_decision_items_sec_idx').on(t.secondmentId)],
);

/** Periodic reports on the plan's schedule and ad-hoc reports on request (Plan 131 IV.2). */
export const secondmentReports = pgTable(
  'secondment_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    secondmentId: uuid('secondment_id')
      .notNull()
      .references(() => secondments.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // periodic | adhoc
    periodNo: integer('period_no'),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    dueOn: date('due_on').notNull(),
    requestedBy: uuid('requested_by'),
    requestNote: text('request_note'),
    submittedOn: date('submitted_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    results: text('results'),
    difficulties: text('difficulties'),
    proposals: text('proposals'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('secondment_reports_sec_idx').on(t.secondmentId, t.dueOn),
    index('secondment_reports_due_idx').on(t.dueOn),
    // the inbox and the overdue lists read only the reports still expected
    index('secondment_reports_pending_idx')
      .on(t.dueOn)
      .where(sql`${t.submittedOn} IS NULL AND ${t.cancelledAt} IS NULL`),
  ],
);

/** The host's evaluations of the cadre, with the annual rating it proposes (Plan 131 IV.1.c). */
export const secondmentEvaluations = pgTable(
  'secondment_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    secondmentId: uuid('secondment_id')
      .notNull()
      .references(() => secondments.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    evaluatedOn: date('evaluated_on').notNull(),
    proposedRating: text('proposed_rating').notNull(),
    strengths: text('strengths'),
    weaknesses: text('weaknesses'),
    usageProposal: text('usage_proposal'), // how the host proposes the cadre be used afterwards
    evaluatorUserId: uuid('evaluator_user_id').notNull(),
    evaluatorName: text('evaluator_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('secondment_evaluations_year').on(t.secondmentId, t.year)],
);

/**
 * The Party committee's opinion and the conclusion on political standards before the authority decides (Plan 131
 * II.1; Decree 170/2025 Art. 46). The latest row of a secondment stands; earlier ones stay as its history.
 */
export const secondmentPartyOpinions = pgTable(
  'secondment_party_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    secondmentId: uuid('secondment_id')
      .notNull()
      .references(() => secondments.id, { onDelete: 'cascade' }),
    committeeName: text('committee_name').notNull(),
    givenOn: date('given_on').notNull(),
    documentNo: text('document_no').notNull(),
    // agree | disagree
    outcome: text('outcome').notNull(),
    // meets | not_meets: the conclusion on political standards
    politicalConclusion: text('political_conclusion').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('secondment_party_opinions_sec_idx').on(t.secondmentId, t.createdAt)],
);

/**
 * End of term (Decree 170/2025 Art. 49): the cadre's self-review and the evaluation by the host's collective (and
 * its Party committee), one of each kind per secondment, shown where the return placement is decided.
 */
export const secondmentTermReviews = pgTable(
  'secondment_term_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    secondmentId: uuid('secondment_id')
      .notNull()
      .references(() => secondments.id, { onDelete: 'cascade' }),
    // self_review | host_collective | host_party_committee
    kind: text('kind').notNull(),
    reviewedOn: date('reviewed_on').notNull(),
    proposedRating: text('proposed_rating'),
    content: text('content').notNull(),
    strengths: text('strengths'),
    weaknesses: text('weaknesses'),
    authorUserId: uuid('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('secondment_term_reviews_kind').on(t.secondmentId, t.kind)],
);

/** The sending unit's regular contacts with its cadre (Plan 131 IV.1.b). */
export const secondmentContacts = pgTable(
  'secondment_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    secondmentId: uuid('secondment_id')
      .notNull()
      .references(() => secondments.id, { onDelete: 'cascade' }),
    contactedOn: date('contacted_on').notNull(),
    channel: text('channel').notNull(),
    summary: text('summary').notNull(),
    followUp: text('follow_up'),
    authorUserId: uuid('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('secondment_contacts_sec_idx').on(t.secondmentId, t.contactedOn)],
);

/** Difficulties raised and proposals to amend the plan, answered by Sở Nội vụ (Plan 131, closing paragraph). */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    secondmentId: uuid('secondment_id').references(() => secondments.id),
    status: text('status').notNull().default('open'),
    authorUserId: uuid('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_items_unit_idx').on(t.unitId, t.createdAt), index('feedback_items_status_idx').on(t.status, t.createdAt)],
);

export const feedbackReplies = pgTable(
  'feedback_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => feedbackItems.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    fromHomeAffairs: boolean('from_home_affairs').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('feedback_replies_item_idx').on(t.itemId, t.createdAt)],
);

/** Reminders already sent by e-mail, so a reminder goes out once per user and occasion. */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    key: text('key').notNull(),
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull(), // email
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.userId, t.channel] })],
);

/**
 * The sending unit's assessment of a person's capacity, prestige and development prospects (Plan 131 I.3,
 * III.1.b): dated and signed by its author, never a free-floating flag.
 */
export const unitAssessments = pgTable(
  'unit_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    assessedOn: date('assessed_on').notNull(),
    assessedBy: uuid('assessed_by').notNull(),
    assessorName: text('assessor_name').notNull(),
    capacityOk: text('capacity_ok').notNull(), // yes | no
    prestigeOk: text('prestige_ok').notNull(),
    prospectsOk: text('prospects_ok').notNull(),
    politicalOk: text('political_ok').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_assessments_person_idx').on(t.personId, t.assessedOn)],
);

/** A screening run: who screened which scope on which date under which plan version, with its counts. */
export const screeningRuns = pgTable('screening_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  planVersionId: uuid('plan_version_id')
    .notNull()
    .references(() => planVersions.id),
  referenceDate: date('reference_date').notNull(),
  unitId: uuid('unit_id'),
  actorUserId: uuid('actor_user_id').notNull(),
  counts: jsonb('counts').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
