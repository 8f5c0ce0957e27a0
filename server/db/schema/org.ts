import { pgTable, uuid, text, date, integer, boolean, index, primaryKey, timestamp, jsonb, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Org units as a tree. `path` holds the ids from the root down to this unit (inclusive) for subtree scoping. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    path: uuid('path').array().notNull(),
    depth: integer('depth').notNull().default(0),
    // peoples_committee | department | sub_unit | public_service_unit | commune | ward
    kind: text('kind').notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    // date the unit finished restructuring (sắp xếp tổ chức bộ máy), if it was restructured
    restructuredOn: date('restructured_on'),
    // host communes in especially disadvantaged areas (ĐBKK) get the Decree 76/2019 package
    isEspeciallyDisadvantaged: boolean('is_especially_disadvantaged').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    // the day the unit ceased to exist (merged into another, split, dissolved); its history is kept
    closedOn: date('closed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_units_parent_idx').on(t.parentId), index('org_units_path_gin').using('gin', t.path)],
);

/** Assigned staffing (biên chế được giao) per unit and year. */
export const orgUnitStaffing = pgTable(
  'org_unit_staffing',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    assignedStaffing: integer('assigned_staffing').notNull(),
    decisionNo: text('decision_no'),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/** Pre-2025 communes and the post-01/07/2025 commune(s) each became part of. */
export const legacyCommunes = pgTable(
  'legacy_communes',
  {
    oldCode: text('old_code').notNull(),
    oldName: text('old_name').notNull(),
    newUnitId: uuid('new_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    // full: the whole old commune went into the new one; partial: part of it did
    match: text('match').notNull(),
  },
  (t) => [primaryKey({ columns: [t.oldCode, t.newUnitId] }), index('legacy_communes_new_idx').on(t.newUnitId)],
);

/** Job posts (vị trí việc làm) with their standards. */
export const jobPosts = pgTable(
  'job_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    isLeadership: boolean('is_leadership').notNull().default(false),
    isKeyPost: boolean('is_key_post').notNull().default(false),
    minEducation: text('min_education'),
    requiredRankGrade: text('required_rank_grade'),
    requiredPoliticalTheory: text('required_political_theory'),
    standards: text('standards'),
    // how many people the post is staffed for (định mức, from the job-post scheme); null: not set
    norm: integer('norm'),
    // the field of work (common/demand.ts DEMAND_FIELDS); null: not set
    field: text('field'),
  },
  (t) => [index('job_posts_unit_idx').on(t.unitId), check('job_posts_norm_ck', sql`${t.norm} IS NULL OR ${t.norm} >= 0`)],
);

/**
 * Restructuring as dated events (sắp xếp tổ chức bộ máy): a unit formed, merged from others, split, renamed,
 * moved under another parent or closed, on a date, by a decision. Kept forever: "restructured unit" and "the
 * first year after restructuring" are facts the rules read, and `org_units.restructured_on` is the date of the
 * latest merger or split event of the unit, written in the same transaction as the event.
 */
export const orgUnitEvents = pgTable(
  'org_unit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // formed | merged | split | renamed | moved | closed
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on').notNull(),
    // the unit the event is about: the result of a merger or split, the renamed, moved or closed unit
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    // the units a merger or split took staff and tasks from
    sourceUnitIds: uuid('source_unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    // what changed, as it was before and after ({ name }, { parentId }…)
    before: jsonb('before'),
    after: jsonb('after'),
    decisionNo: text('decision_no'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_unit_events_unit_idx').on(t.unitId, t.effectiveOn)],
);
