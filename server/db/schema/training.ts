import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, integer, bigint, jsonb, timestamp, index, uniqueIndex, unique, check, primaryKey } from 'drizzle-orm/pg-core';
import { orgUnits, jobPosts } from './org.js';
import { people } from './personnel.js';

// Money is integer đồng in bigint columns; it is never a float.
const vnd = (name: string) => bigint(name, { mode: 'bigint' });

/** The numbers of the training rules by effective date (Decree 171/2025/NĐ-CP …), validated by common/training.ts. */
export const trainingRegulations = pgTable(
  'training_regulations',
  {
    // the category the rule set covers (Decree 171/2025 Art. 1 cl. 2: công chức only): can_bo, cong_chuc, vien_chuc
    category: text('category').notNull().default('cong_chuc'),
    effectiveFrom: date('effective_from').notNull(),
    params: jsonb('params').notNull(),
    instrument: text('instrument').notNull(),
  },
  (t) => [primaryKey({ columns: [t.category, t.effectiveFrom] })],
);

/**
 * A training need (nhu cầu đào tạo) of a unit or of one person, from the gap between the person and the standards
 * of their job post after restructuring (Circular 01/2025/TT-BNV Art. 7), tagged with the plan's priority fields.
 */
export const trainingNeeds = pgTable(
  'training_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    personId: uuid('person_id').references(() => people.id),
    jobPostId: uuid('job_post_id').references(() => jobPosts.id),
    period: text('period').notNull(), // 2025 | 2026-2030
    kind: text('kind').notNull(), // course kind needed
    fields: text('fields').array().notNull(),
    description: text('description').notNull(),
    // the gaps against the post's standards found on the day the need was recorded
    standardsGap: jsonb('standards_gap').notNull(),
    headcount: integer('headcount').notNull().default(1),
    status: text('status').notNull().default('open'), // open | planned | met
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_needs_unit_idx').on(t.unitId),
    index('training_needs_person_idx').on(t.personId),
    check('training_needs_headcount_ck', sql`${t.headcount} > 0`),
    check('training_needs_period_ck', sql`${t.period} IN ('2025', '2026-2030')`),
    check('training_needs_status_ck', sql`${t.status} IN ('open', 'planned', 'met')`),
  ],
);

/** A course of the catalogue: from a Government/ministry programme or the city's annual plan. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    provider: text('provider').notNull(),
    location: text('location').notNull(), // domestic | foreign
    source: text('source').notNull(), // central_programme | city_plan
    kind: text('kind').notNull(), // short_course | university | master | doctorate
    fields: text('fields').array().notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    hours: integer('hours').notNull(),
    capacity: integer('capacity').notNull(),
    costPerParticipantVnd: vnd('cost_per_participant_vnd').notNull(),
    fundingSource: text('funding_source').notNull(), // regular | supplementary
    // a course for leaders in planning: the nominee must be in planning (Plan 131 III.2.b, same standards)
    requiresPlanning: text('requires_planning').notNull().default('no'), // yes | no
    // closed to nominations by Sở Nội vụ (dừng nhận đề cử), with the reason; nominations already made go on
    nominationsClosedAt: timestamp('nominations_closed_at', { withTimezone: true }),
    nominationsClosedReason: text('nominations_closed_reason'),
    nominationsClosedBy: uuid('nominations_closed_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_courses_start_idx').on(t.startDate),
    check('training_courses_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
    check('training_courses_capacity_ck', sql`${t.capacity} > 0`),
    check('training_courses_hours_ck', sql`${t.hours} > 0`),
    check('training_courses_cost_ck', sql`${t.costPerParticipantVnd} >= 0`),
    check('training_courses_kind_ck', sql`${t.kind} IN ('short_course', 'university', 'master', 'doctorate')`),
    check('training_courses_location_ck', sql`${t.location} IN ('domestic', 'foreign')`),
    check('training_courses_funding_ck', sql`${t.fundingSource} IN ('regular', 'supplementary')`),
  ],
);

/**
 * A unit's training budget for a year and a funding source. `committed` includes what is spent; it may exceed
 * `amount` only by what the authority has allowed (`overdraft`), so the budget never goes negative unnoticed.
 * The supplementary budget keeps its computation (formula and inputs) and any override with its reason and author.
 */
export const trainingBudgets = pgTable(
  'training_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    fundingSource: text('funding_source').notNull(),
    amountVnd: vnd('amount_vnd').notNull(),
    committedVnd: vnd('committed_vnd')
      .notNull()
      .default(sql`0`),
    spentVnd: vnd('spent_vnd')
      .notNull()
      .default(sql`0`),
    overdraftVnd: vnd('overdraft_vnd')
      .notNull()
      .default(sql`0`),
    computedVnd: vnd('computed_vnd'),
    computation: jsonb('computation'),
    overrideReason: text('override_reason'),
    overrideBy: uuid('override_by'),
    overrideByName: text('override_by_name'),
    overrideAt: timestamp('override_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('training_budgets_unit_year_source_uq').on(t.unitId, t.year, t.fundingSource),
    check('training_budgets_amount_ck', sql`${t.amountVnd} >= 0`),
    check('training_budgets_committed_ck', sql`${t.committedVnd} >= 0 AND ${t.spentVnd} >= 0 AND ${t.overdraftVnd} >= 0`),
    check('training_budgets_spent_le_committed_ck', sql`${t.spentVnd} <= ${t.committedVnd}`),
    check('training_budgets_not_negative_ck', sql`${t.committedVnd} <= ${t.amountVnd} + ${t.overdraftVnd}`),
    check('training_budgets_funding_ck', sql`${t.fundingSource} IN ('regular', 'supplementary')`),
  ],
);

/** One person sent to one course: nomination → approval (commits the cost) → enrolment → result. */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    // the city-level unit whose budget pays (the person's department at nomination)
    budgetUnitId: uuid('budget_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    needId: uuid('need_id').references(() => trainingNeeds.id),
    status: text('status').notNull(),
    nominatedBy: uuid('nominated_by').notNull(),
    nominatedAt: timestamp('nominated_at', { withTimezone: true }).notNull().defaultNow(),
    nominationNote: text('nomination_note'),
    // the verdict of the training rules at nomination, with reasons and clauses
    eligibility: jsonb('eligibility').notNull(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    refusalReason: text('refusal_reason'),
    fundingSource: text('funding_source').notNull(),
    budgetId: uuid('budget_id').references(() => trainingBudgets.id),
    estimatedCostVnd: vnd('estimated_cost_vnd').notNull(),
    committedVnd: vnd('committed_vnd')
      .notNull()
      .default(sql`0`),
    spentVnd: vnd('spent_vnd')
      .notNull()
      .default(sql`0`),
    overrideReason: text('override_reason'),
    enrolledOn: date('enrolled_on'),
    commitmentMonths: integer('commitment_months'),
    commitmentFrom: date('commitment_from'),
    commitmentTo: date('commitment_to'),
    result: text('result'),
    certificateNo: text('certificate_no'),
    completedOn: date('completed_on'),
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_enrolments_course_idx').on(t.courseId, t.status),
    index('training_enrolments_person_idx').on(t.personId),
    index('training_enrolments_unit_idx').on(t.budgetUnitId),
    // a person is nominated at most once for a course (a refused or withdrawn nomination may be made again)
    uniqueIndex('training_enrolments_open_uq')
      .on(t.courseId, t.personId)
      .where(sql`${t.status} NOT IN ('refused', 'withdrawn')`),
    check('training_enrolments_status_ck', sql`${t.status} IN ('nominated', 'refused', 'approved', 'enrolled', 'completed', 'failed', 'withdrawn')`),
    check('training_enrolments_money_ck', sql`${t.estimatedCostVnd} >= 0 AND ${t.spentVnd} >= 0 AND ${t.spentVnd} <= ${t.committedVnd}`),
    check('training_enrolments_commitment_ck', sql`${t.commitmentTo} IS NULL OR ${t.commitmentTo} >= ${t.commitmentFrom}`),
  ],
);

/** Every movement of a budget: commitments, releases and payments, dated, for the chart over the year. */
export const trainingLedger = pgTable(
  'training_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => trainingBudgets.id),
    enrolmentId: uuid('enrolment_id').references(() => trainingEnrolments.id),
    kind: text('kind').notNull(), // commit | release | spend
    amountVnd: vnd('amount_vnd').notNull(),
    entryDate: date('entry_date').notNull(),
    overrideReason: text('override_reason'),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_ledger_budget_idx').on(t.budgetId, t.entryDate),
    check('training_ledger_amount_ck', sql`${t.amountVnd} > 0`),
    check('training_ledger_kind_ck', sql`${t.kind} IN ('commit', 'release', 'spend')`),
  ],
);

/** A repayment (bồi hoàn) computed for a person who left before the end of their service commitment. */
export const trainingRepayments = pgTable(
  'training_repayments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => trainingEnrolments.id),
    leftOn: date('left_on').notNull(),
    reason: text('reason').notNull(),
    amountVnd: vnd('amount_vnd').notNull(),
    explanation: jsonb('explanation').notNull(),
    // Decree 171/2025 Art. 8: probation does not count toward the reduction
    probationEndedOn: date('probation_ended_on'),
    // Art. 9–13: assessed → council formed → decided → paid (or waived)
    status: text('status').notNull().default('assessed'),
    councilDecisionNo: text('council_decision_no'),
    councilFormedOn: date('council_formed_on'),
    councilMembers: jsonb('council_members'),
    decisionNo: text('decision_no'),
    decidedOn: date('decided_on'),
    // payment within 120 days of the decision
    dueOn: date('due_on'),
    paidVnd: vnd('paid_vnd'),
    paidOn: date('paid_on'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('training_repayments_enrolment_uq').on(t.enrolmentId), check('training_repayments_amount_ck', sql`${t.amountVnd} >= 0`)],
);
