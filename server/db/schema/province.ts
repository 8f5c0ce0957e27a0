import { pgTable, boolean, text, uuid, timestamp, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * The one province this deployment serves, chosen at first setup from the national list
 * (server/db/reference/vietnam-communes-2025.json). One row: the names every document header and signature
 * block use come from here, never from code.
 */
export const provinceSettings = pgTable(
  'province_settings',
  {
    // a single row: the key can only be true
    singleton: boolean('singleton').primaryKey().default(true),
    // GSO code of the province after 01/07/2025 ('92' Cần Thơ, '01' Hà Nội)
    code: text('code').notNull(),
    // 'Thành phố Cần Thơ', 'Tỉnh An Giang'
    name: text('name').notNull(),
    // the level word used in running text: 'thành phố' or 'tỉnh'
    levelWord: text('level_word').notNull(),
    // 'Cần Thơ': the place in "Cần Thơ, ngày … tháng … năm …"
    placeName: text('place_name').notNull(),
    // 'Ủy ban nhân dân thành phố Cần Thơ': the issuing body of the province's decisions
    peoplesCommitteeName: text('peoples_committee_name').notNull(),
    setUpBy: uuid('set_up_by'),
    setUpAt: timestamp('set_up_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('province_settings_singleton_ck', sql`${t.singleton}`)],
);
