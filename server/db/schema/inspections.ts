import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, integer, timestamp, index, check } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';

/**
 * A guidance document (văn bản hướng dẫn) Sở Nội vụ issues to the units on the plan (Plan 131 IV.3): its number
 * and date, what it is about, to whom (some units, or every unit when `unit_ids` is empty) and by whom.
 */
export const guidanceDocuments = pgTable(
  'guidance_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    /** The units addressed; empty: every unit of the province. */
    unitIds: uuid('unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    issuedBy: text('issued_by').notNull(),
    body: text('body'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('guidance_documents_issued_idx').on(t.issuedOn)],
);

/**
 * An inspection (kiểm tra) by Sở Nội vụ of a sending unit or a host commune: when, by whom, what it found; once
 * concluded (conclusion number and date) its recommendations are put to the unit.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on').notNull(),
    members: text('members')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    subject: text('subject').notNull(),
    findings: text('findings').notNull(),
    status: text('status').notNull().default('draft'), // draft | concluded
    conclusionNo: text('conclusion_no'),
    concludedOn: date('concluded_on'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('inspections_unit_idx').on(t.unitId),
    check('inspections_status_ck', sql`${t.status} IN ('draft', 'concluded')`),
    check('inspections_dates_ck', sql`${t.toOn} >= ${t.fromOn}`),
    check('inspections_concluded_ck', sql`${t.status} = 'draft' OR (${t.conclusionNo} IS NOT NULL AND ${t.concludedOn} IS NOT NULL)`),
  ],
);

/**
 * A recommendation (kiến nghị) of an inspection, with its deadline: the unit answers it, Sở Nội vụ accepts the
 * answer or returns it with a reason (the unit answers again).
 */
export const inspectionRecommendations = pgTable(
  'inspection_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status').notNull().default('open'), // open | answered | accepted | returned
    answer: text('answer'),
    answeredOn: date('answered_on'),
    answeredBy: uuid('answered_by'),
    reviewNote: text('review_note'),
    acceptedOn: date('accepted_on'),
    reviewedBy: uuid('reviewed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('inspection_recommendations_inspection_idx').on(t.inspectionId, t.seq),
    index('inspection_recommendations_deadline_idx').on(t.deadline),
    check('inspection_recommendations_status_ck', sql`${t.status} IN ('open', 'answered', 'accepted', 'returned')`),
    check('inspection_recommendations_answer_ck', sql`${t.status} NOT IN ('answered', 'accepted') OR (${t.answer} IS NOT NULL AND ${t.answeredOn} IS NOT NULL)`),
    check('inspection_recommendations_accepted_ck', sql`${t.status} <> 'accepted' OR ${t.acceptedOn} IS NOT NULL`),
  ],
);
