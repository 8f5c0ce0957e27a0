import { pgTable, uuid, jsonb, doublePrecision, timestamp, index, date } from 'drizzle-orm/pg-core';
import { demandRounds } from './demand.js';

/**
 * A matching run of Sở Nội vụ for a demand round (Plan 131 I.2, I.4): the model's inputs exactly as solved (so the run
 * is reproducible from them), the result with its optimality certificate, and the objective. Nothing else is written
 * by a run: accepting pairs into proposals is a separate step.
 */
export const matchingRuns = pgTable(
  'matching_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => demandRounds.id),
    planVersionId: uuid('plan_version_id').notNull(),
    referenceDate: date('reference_date').notNull(),
    inputs: jsonb('inputs').notNull(),
    result: jsonb('result').notNull(),
    objective: doublePrecision('objective').notNull(),
    createdBy: uuid('created_by').notNull(),
    // the last acceptance of pairs into proposals (several acceptances of one run add pairs; each pair once)
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('matching_runs_round_idx').on(t.roundId, t.createdAt)],
);
