import { pgTable, text, date, integer, bigint, boolean, numeric, primaryKey, uuid, jsonb, timestamp, index } from 'drizzle-orm/pg-core';

/** Base salary (lương cơ sở) by effective date. */
export const baseSalaries = pgTable('base_salaries', {
  effectiveFrom: date('effective_from').primaryKey(),
  amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
  instrument: text('instrument').notNull(),
});

/** Annual rating levels (xếp loại chất lượng); `rank` 1 is the best. */
export const ratingLevels = pgTable('rating_levels', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  rank: integer('rank').notNull(),
  effectiveFrom: date('effective_from').notNull(),
  effectiveTo: date('effective_to'),
  instrument: text('instrument').notNull(),
});

/**
 * The instrument an annual rating is made under, by category and date (Law 80/2025 Art. 26; Decree 90/2020 as amended
 * by 48/2023; Decree 335/2025 for công chức from 01/01/2026; Decree 233/2026 for viên chức from 01/07/2026). A year's
 * rating is made at its end, so year Y is rated under the row in force on 31/12/Y. `has_points`: scored 0–100.
 */
export const ratingInstruments = pgTable(
  'rating_instruments',
  {
    category: text('category').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    hasPoints: boolean('has_points').notNull(),
    instrument: text('instrument').notNull(),
  },
  (t) => [primaryKey({ columns: [t.category, t.effectiveFrom] })],
);

/** Discipline forms with the period during which the person is barred, by effective date. */
export const disciplineForms = pgTable(
  'discipline_forms',
  {
    code: text('code').notNull(),
    name: text('name').notNull(),
    // which categories the form applies to: can_bo, cong_chuc, vien_chuc
    appliesTo: text('applies_to').array().notNull(),
    barMonths: integer('bar_months').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    instrument: text('instrument').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.effectiveFrom] })],
);

export const ethnicGroups = pgTable('ethnic_groups', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  isMinority: boolean('is_minority').notNull(),
  aliases: text('aliases').array().notNull(),
});

/** Civil-service ranks (ngạch) with the salary coefficient of each step. */
export const ranks = pgTable('ranks', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  grade: text('grade').notNull(),
  coefficients: numeric('coefficients', { precision: 4, scale: 2 }).array().notNull(),
});

/** Statutory retirement age by gender and the calendar year in which it is reached (Decree 135/2020/NĐ-CP). */
export const retirementAges = pgTable(
  'retirement_ages',
  {
    gender: text('gender').notNull(),
    fromYear: integer('from_year').notNull(),
    ageMonths: integer('age_months').notNull(),
    instrument: text('instrument').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gender, t.fromYear] })],
);

/**
 * Key leadership posts that a local person may not hold (the non-local rule), by level and date: after 01/07/2025 a
 * commune's Bí thư, Phó Bí thư, Chủ tịch HĐND, Chủ tịch UBND, Chủ tịch UBMTTQ, Chủ nhiệm UBKT (Chỉ thị 45-CT/TW,
 * Kết luận 201-KL/TW). Dated rows: a change of the list is a new row set, the old one kept with its end date.
 */
export const keyPosts = pgTable(
  'key_posts',
  {
    title: text('title').notNull(),
    // commune (the level the post belongs to)
    level: text('level').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    instrument: text('instrument').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.title, t.level, t.effectiveFrom] })],
);

/**
 * The one-off allowance multiplier (× the base salary in force on the start date) of Decree 178/2024 Art. 12 cl. 1
 * b, by effective date: a later instrument is a new row, not a code change.
 */
export const allowanceMultipliers = pgTable('allowance_multipliers', {
  effectiveFrom: date('effective_from').primaryKey(),
  multiplier: numeric('multiplier', { precision: 6, scale: 2 }).notNull(),
  instrument: text('instrument').notNull(),
});

/**
 * Every change of a dated reference table made through the product (base salary, allowance multipliers, discipline
 * bars, key posts, training rules): the row before and after, the instrument and the reason, who and when.
 */
export const referenceChanges = pgTable(
  'reference_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tableName: text('table_name').notNull(),
    action: text('action').notNull(),
    rowKey: jsonb('row_key').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    instrument: text('instrument').notNull(),
    reason: text('reason').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reference_changes_table_idx').on(t.tableName, t.createdAt)],
);
