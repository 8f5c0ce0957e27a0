import { pgTable, uuid, text, date, integer, jsonb, timestamp, unique, customType } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A provincial plan (e.g. Plan 131/KH-UBND of Cần Thơ). Its numbers live in versioned parameter sets. */
export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  issuedBy: text('issued_by').notNull(),
  issuedOn: date('issued_on').notNull(),
  // the plan's text as issued (a PDF or .docx attached by Sở Nội vụ)
  documentName: text('document_name'),
  documentType: text('document_type'),
  document: bytea('document'),
  // the template the parameters were started from ('plan-131'), if any
  template: text('template'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One version of a plan's parameters (validated by common/plan-params.ts); the newest effective one applies. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    params: jsonb('params').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('plan_versions_plan_version_uq').on(t.planId, t.version)],
);
