import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, integer, bigint, timestamp, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { secondments } from './secondment.js';

/**
 * A payment of one entitlement line of a secondment (Decree 178/2024 Art. 12 cl. 1, the lines of
 * `server/domain/rules/entitlements.ts`), as the paying unit's finance staff recorded it from its voucher. A posted
 * payment is never edited: a correction is a reversing entry (`kind = 'reversal'`, the same amount, its own date and
 * reason) pointing at the payment it cancels, after which the right payment is recorded again — as a finance officer
 * corrects a posted voucher. Amounts are integer đồng, always positive; the kind gives the sign.
 */
export const entitlementPayments = pgTable(
  'entitlement_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    secondmentId: uuid('secondment_id')
      .notNull()
      .references(() => secondments.id),
    kind: text('kind').notNull().default('payment'), // payment | reversal
    // the entitlement line: keep_salary | one_off_allowance | disadvantaged_package | extra_step
    code: text('code').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'bigint' }).notNull(),
    paidOn: date('paid_on').notNull(),
    voucherNo: text('voucher_no').notNull(),
    // who paid, as the rule named it when the payment was recorded: sending_unit | state_budget | decree76, and its words
    payer: text('payer').notNull(),
    payerName: text('payer_name').notNull(),
    note: text('note'),
    // a reversal: the payment it cancels, and why
    reversesId: uuid('reverses_id'),
    reason: text('reason'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // bumped when the payment is reversed, so that two officers cannot reverse it on one reading
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('entitlement_payments_secondment_idx').on(t.secondmentId, t.code),
    index('entitlement_payments_paid_idx').on(t.paidOn),
    // a payment is reversed at most once
    uniqueIndex('entitlement_payments_reverses_uq')
      .on(t.reversesId)
      .where(sql`reverses_id IS NOT NULL`),
    check('entitlement_payments_kind_ck', sql`${t.kind} IN ('payment', 'reversal')`),
    check('entitlement_payments_code_ck', sql`${t.code} IN ('keep_salary', 'one_off_allowance', 'disadvantaged_package', 'extra_step')`),
    check('entitlement_payments_payer_ck', sql`${t.payer} IN ('sending_unit', 'state_budget', 'decree76')`),
    check('entitlement_payments_amount_ck', sql`${t.amountVnd} > 0`),
    check(
      'entitlement_payments_reversal_ck',
      sql`(${t.kind} = 'payment' AND ${t.reversesId} IS NULL) OR (${t.kind} = 'reversal' AND ${t.reversesId} IS NOT NULL AND ${t.reason} IS NOT NULL)`,
    ),
  ],
);
