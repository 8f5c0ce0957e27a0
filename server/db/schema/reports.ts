import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, integer, jsonb, timestamp, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';

/**
 * A report of Sở Nội vụ to the People's Committee on the plan's results (Decree 30/2020 type BC, PRODUCT S12), or a
 * sending unit's own report to Sở Nội vụ (`unit_id` set). A draft shows live figures; issuing numbers it in its book
 * (Sở Nội vụ's, or the unit's) from 01 each year and freezes the figures in `figures`: an issued report is never
 * recomputed.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // plan131: the report on Plan 131's results; training_annual: the annual training report to the Ministry of Home
    // Affairs (Decree 171/2025 Art. 39), for a calendar year
    kind: text('kind').notNull().default('plan131'),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    // null: the province's report of Sở Nội vụ; otherwise the sending unit whose subtree it covers
    unitId: uuid('unit_id').references(() => orgUnits.id),
    status: text('status').notNull().default('draft'), // draft | issued
    // sections III–V as edited: { strengths, limits, causes, tasks, proposals }
    narrative: jsonb('narrative')
      .notNull()
      .default(sql`'{}'::jsonb`),
    // the figures of the period and of the previous one as they stood at the issue; null while a draft
    figures: jsonb('figures'),
    year: integer('year'),
    seq: integer('seq'),
    number: text('number'),
    issuedOn: date('issued_on'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    // the deadline of a report of the plan's schedule (its period is one of the plan's report periods): the period's
    // end plus the plan's days; null for a report on another period (no deadline). Late: issued after it, or not yet by then.
    dueOn: date('due_on'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('reports_unit_idx').on(t.unitId, t.periodTo),
    index('reports_due_idx')
      .on(t.dueOn)
      .where(sql`${t.dueOn} IS NOT NULL`),
    // one book per issuer (Sở Nội vụ or the unit), numbered from 01 each year; drafts hold no number
    uniqueIndex('reports_book_year_seq_uq').on(sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.year, t.seq),
    check('reports_kind_ck', sql`${t.kind} IN ('plan131', 'training_annual')`),
    check('reports_status_ck', sql`${t.status} IN ('draft', 'issued')`),
    check('reports_period_ck', sql`${t.periodTo} >= ${t.periodFrom}`),
    check(
      'reports_issued_ck',
      sql`(${t.status} = 'draft' AND ${t.seq} IS NULL AND ${t.figures} IS NULL) OR (${t.status} = 'issued' AND ${t.seq} IS NOT NULL AND ${t.number} IS NOT NULL AND ${t.issuedOn} IS NOT NULL AND ${t.figures} IS NOT NULL)`,
    ),
  ],
);
