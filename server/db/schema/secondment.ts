import { pgTable, uuid, text, date, integer, timestamp, index, jsonb } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';
import { people } from './personnel.js';
import { planVersions } from './plans.js';

/**
 * A secondment (tăng cường) of one person from a city-level sending unit to a commune. Proposals count
 * against the sending unit's quota; the workflow columns grow with the secondment issue.
 */
export const secondments = pgTable(
  'secondments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id),
    // the city-level unit whose quota the secondment counts against
    sendingUnitId: uuid('sending_unit_id').notNull().references(() => orgUnits.id),
    hostUnitId: uuid('host_unit_id').references(() => orgUnits.id),
    status: text('status').notNull(), // proposed | appraised | returned | decided | active | completed | ended_early | withdrawn
    targetGroup: integer('target_group'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    decisionNo: text('decision_no'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('secondments_person_idx').on(t.personId), index('secondments_sending_idx').on(t.sendingUnitId, t.status)],
);

/**
 * The sending unit's assessment of a person's capacity, prestige and development prospects (Plan 131 I.3,
 * III.1.b): dated and signed by its author, never a free-floating flag.
 */
export const unitAssessments = pgTable(
  'unit_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
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
  planVersionId: uuid('plan_version_id').notNull().references(() => planVersions.id),
  referenceDate: date('reference_date').notNull(),
  unitId: uuid('unit_id'),
  actorUserId: uuid('actor_user_id').notNull(),
  counts: jsonb('counts').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
