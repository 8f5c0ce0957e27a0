import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, integer, timestamp, index, check } from 'drizzle-orm/pg-core';
import { orgUnits, jobPosts } from './org.js';

/**
 * A dated demand round (đợt tổng hợp nhu cầu): Sở Nội vụ groups the approved needs of the communes and approves
 * them by a decision; from then the round's needs are frozen (the matching works on them).
 */
export const demandRounds = pgTable(
  'demand_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft'), // draft | approved | closed
    approvedOn: date('approved_on'),
    decisionNo: text('decision_no'),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    approvedBy: uuid('approved_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('demand_rounds_status_ck', sql`${t.status} IN ('draft', 'approved', 'closed')`),
    check('demand_rounds_approved_ck', sql`${t.status} = 'draft' OR (${t.approvedOn} IS NOT NULL AND ${t.decisionNo} IS NOT NULL)`),
  ],
);

/**
 * A need declared by a host commune or ward (nhu cầu tăng cường): one of its own posts or a field of work, how many
 * people, how urgent, for when, the standards required and why. Reviewed by Sở Nội vụ (approved count ≤ count).
 */
export const communeNeeds = pgTable(
  'commune_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    jobPostId: uuid('job_post_id').references(() => jobPosts.id),
    field: text('field').notNull(),
    postTitle: text('post_title'),
    count: integer('count').notNull(),
    urgency: text('urgency').notNull().default('normal'), // high | normal | low
    wantedFrom: date('wanted_from'),
    wantedUntil: date('wanted_until'),
    minEducation: text('min_education'),
    requiredRankGrade: text('required_rank_grade'),
    requiredPoliticalTheory: text('required_political_theory'),
    standards: text('standards'),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('draft'), // draft | submitted | approved | rejected | withdrawn
    approvedCount: integer('approved_count'),
    reviewNote: text('review_note'),
    roundId: uuid('round_id').references(() => demandRounds.id),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('commune_needs_unit_idx').on(t.unitId, t.status),
    index('commune_needs_round_idx').on(t.roundId),
    check('commune_needs_count_ck', sql`${t.count} BETWEEN 1 AND 50`),
    check('commune_needs_approved_count_ck', sql`${t.approvedCount} IS NULL OR (${t.approvedCount} BETWEEN 1 AND ${t.count})`),
    check('commune_needs_urgency_ck', sql`${t.urgency} IN ('high', 'normal', 'low')`),
    check('commune_needs_status_ck', sql`${t.status} IN ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')`),
    check('commune_needs_dates_ck', sql`${t.wantedUntil} IS NULL OR ${t.wantedFrom} IS NULL OR ${t.wantedUntil} > ${t.wantedFrom}`),
  ],
);
