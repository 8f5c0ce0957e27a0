import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, integer, boolean, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';
import { people } from './personnel.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    personId: uuid('person_id').references(() => people.id),
    /** The account's own address (reminders); stored trimmed and lower-cased, one account per address. */
    email: text('email'),
    isActive: boolean('is_active').notNull().default(true),
    /** A password someone else chose (a new account, a reset): changed at the next login before anything else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_uq')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.email} IS NOT NULL`),
    // a cadre's record is linked to one account only
    uniqueIndex('users_person_uq')
      .on(t.personId)
      .where(sql`${t.personId} IS NOT NULL`),
  ],
);

/** A role held by a user, scoped to an org-unit subtree (null scope = the whole province). */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(), // admin | home_affairs | authority | unit_manager | unit_hr | host | cadre
    unitId: uuid('unit_id').references(() => orgUnits.id),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    // active | proposed (an administrator's grant that opens personal data, until Sở Nội vụ confirms it) | revoked
    status: text('status').notNull().default('active'),
    proposedBy: uuid('proposed_by'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_grants_user_idx').on(t.userId)],
);

/** Time-boxed access of a host unit to given people (e.g. cadres seconded to a commune). */
export const personAccessGrants = pgTable(
  'person_access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    reason: text('reason').notNull(),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
  },
  (t) => [index('person_access_unit_idx').on(t.unitId, t.personId)],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha-256 of the cookie token: a leaked table does not give working sessions
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed login attempts per key (username, client address) within a window, for throttling. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
