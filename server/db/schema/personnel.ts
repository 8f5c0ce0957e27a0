import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, integer, boolean, numeric, timestamp, index, uniqueIndex, primaryKey, customType } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
import { orgUnits, jobPosts } from './org.js';

/** A cadre, civil servant or public employee (CBCCVC), with the fields of the résumé form (Mẫu 2C). */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    fullName: text('full_name').notNull(),
    // the last word of the name (tên): Vietnamese lists sort by it first
    givenName: text('given_name').notNull(),
    // the words of the name without accents, for prefix search ("dang" finds Đặng) through a GIN index
    searchTsv: tsvector('search_tsv').generatedAlwaysAs(sql`to_tsvector('simple', f_unaccent(lower(full_name)))`),
    gender: text('gender').notNull(), // male | female
    birthDate: date('birth_date').notNull(),
    ethnicCode: text('ethnic_code'),
    religion: text('religion'),
    idNumber: text('id_number'),
    phone: text('phone'),
    email: text('email'),
    // home town (quê quán): a pre-2025 commune code, resolved to today's commune through legacy_communes
    homeTownCode: text('home_town_code'),
    homeTownText: text('home_town_text'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    jobPostId: uuid('job_post_id').references(() => jobPosts.id),
    positionTitle: text('position_title'),
    isLeader: boolean('is_leader').notNull().default(false),
    category: text('category').notNull(), // can_bo | cong_chuc | vien_chuc
    rankCode: text('rank_code'),
    salaryStep: integer('salary_step'),
    salaryCoefficient: numeric('salary_coefficient', { precision: 4, scale: 2 }),
    leadershipAllowanceCoef: numeric('leadership_allowance_coef', { precision: 4, scale: 2 }),
    seniorityAllowancePct: integer('seniority_allowance_pct'),
    recruitedOn: date('recruited_on'),
    generalEducation: text('general_education'),
    educationLevel: text('education_level'), // trung_cap | cao_dang | dai_hoc | thac_si | tien_si
    major: text('major'),
    politicalTheory: text('political_theory'), // so_cap | trung_cap | cao_cap | cu_nhan
    stateManagement: text('state_management'),
    partyJoinedOn: date('party_joined_on'),
    partyOfficialOn: date('party_official_on'),
    healthStatus: text('health_status'), // good | fair | poor
    healthCheckedOn: date('health_checked_on'),
    status: text('status').notNull().default('active'), // active | retired | left
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('people_unit_idx').on(t.unitId), index('people_birth_idx').on(t.birthDate), index('people_ethnic_idx').on(t.ethnicCode)],
);

/** Annual rating (xếp loại chất lượng), one per person and year. */
export const annualRatings = pgTable(
  'annual_ratings',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    levelCode: text('level_code').notNull(),
    // công chức from 2026 (Decree 335/2025): the points 0–100 the level is derived from, when given
    points: numeric('points', { precision: 5, scale: 2 }),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.year] })],
);

export const disciplineRecords = pgTable(
  'discipline_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    formCode: text('form_code').notNull(),
    decisionNo: text('decision_no'),
    decidedOn: date('decided_on').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    // explicit end when the decision states one; otherwise the form's bar period applies
    effectiveTo: date('effective_to'),
    // a discipline also decided by the Party: the bar runs from the Party decision's date (Decree 172/2025 Art. 2 cl. 9)
    partyDecidedOn: date('party_decided_on'),
    reason: text('reason'),
  },
  (t) => [index('discipline_person_idx').on(t.personId)],
);

/** Planning (quy hoạch) entries: a person approved into the pool for a title and term. */
export const planningEntries = pgTable(
  'planning_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    term: text('term').notNull(),
    decisionNo: text('decision_no'),
    approvedOn: date('approved_on').notNull(),
    removedOn: date('removed_on'),
  },
  (t) => [index('planning_person_idx').on(t.personId)],
);

export const workHistory = pgTable(
  'work_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    organisation: text('organisation').notNull(),
    position: text('position'),
    // worked at commune level (cơ sở)
    isGrassroots: boolean('is_grassroots').notNull().default(false),
  },
  (t) => [index('work_history_person_idx').on(t.personId)],
);

export const trainingHistory = pgTable(
  'training_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    institution: text('institution').notNull(),
    field: text('field').notNull(),
    kind: text('kind').notNull(), // degree | political | state_management | short_course | foreign
    certificate: text('certificate'),
    // the training enrolment whose completion wrote this row (training_enrolments.id), if it came from one
    enrolmentId: uuid('enrolment_id'),
  },
  (t) => [index('training_history_person_idx').on(t.personId), uniqueIndex('training_history_enrolment_uq').on(t.enrolmentId)],
);

/**
 * Proceedings involving a person, open from `opened_on` until `closed_on` (Law 80/2025/QH15 Art. 38 cl. 2; Decree
 * 170/2025 Art. 25 cl. 5): a discipline case being considered, an investigation, a prosecution, a trial or an
 * inspection. While one is open the person may not be seconded or sent for training. Sensitive: shown only to roles
 * that see sensitive fields, and every read is audited.
 */
export const personProceedings = pgTable(
  'person_proceedings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    // discipline_case | investigation | prosecution | trial | inspection
    kind: text('kind').notNull(),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    // how it ended: disciplined | not_disciplined | dropped | acquitted | convicted | other
    outcome: text('outcome'),
    documentNo: text('document_no'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_proceedings_person_idx').on(t.personId)],
);

/**
 * Personal circumstances that keep a person from being sent (Decree 170/2025 Art. 25 cl. 5, via Art. 26 cl. 7), from
 * `from_date` to `to_date` (open-ended when null): treating a serious illness, long-term study, pregnancy, maternity
 * leave, raising a child under 36 months (`child_birth_date`), particular family hardship. `consent_on` records the
 * person's written agreement to be sent nonetheless, where the decree allows it. Sensitive, as above.
 */
export const personCircumstances = pgTable(
  'person_circumstances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    // serious_illness | long_term_study | pregnancy | maternity_leave | child_under_36_months | family_hardship
    kind: text('kind').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    childBirthDate: date('child_birth_date'),
    consentOn: date('consent_on'),
    consentDocumentNo: text('consent_document_no'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_circumstances_person_idx').on(t.personId)],
);
