import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';
import { unitSubtree } from '../scope.js';
import { SECONDMENT_DECIDED_STATUSES } from '../../../common/secondment.js';
import type { PayableCode, PayerKey, PaymentKind } from '../../../common/entitlement-payments.js';
import { listEntitlementFactsByStatus, type EntitlementFactsRow } from './entitlements.repository.js';
import type { FigureScope } from './reports.repository.js';

/** Where a secondment sits, for the payment policy: its sending unit's path and its cadre's unit path. */
export type PaymentTarget = { id: string; personId: string; startDate: string | null; sendingUnitPath: string[]; personUnitPath: string[] };

export async function findPaymentTarget(tx: Tx, secondmentId: string, scope: SQL): Promise<PaymentTarget | null> {
  const r = await tx.execute<PaymentTarget>(sql`
    SELECT s.id, s.person_id AS "personId", s.start_date::text AS "startDate", su.path::text[] AS "sendingUnitPath", pu.path::text[] AS "personUnitPath"
    FROM secondments s JOIN org_units su ON su.id = s.sending_unit_id JOIN people p ON p.id = s.person_id JOIN org_units pu ON pu.id = p.unit_id
    WHERE s.id = ${secondmentId}::uuid AND ${scope}`);
  return r.rows[0] ?? null;
}

export type PaymentRow = {
  id: string;
  secondmentId: string;
  kind: PaymentKind;
  code: PayableCode;
  amountVnd: number;
  paidOn: string;
  voucherNo: string;
  payer: PayerKey;
  payerName: string;
  note: string | null;
  reversesId: string | null;
  reason: string | null;
  reversedById: string | null;
  recordedByName: string;
  createdAt: string;
  version: number;
};

const COLUMNS = sql`e.id, e.secondment_id AS "secondmentId", e.kind, e.code, e.amount_vnd::float8 AS "amountVnd", e.paid_on::text AS "paidOn",
  e.voucher_no AS "voucherNo", e.payer, e.payer_name AS "payerName", e.note, e.reverses_id AS "reversesId", e.reason,
  (SELECT x.id FROM entitlement_payments x WHERE x.reverses_id = e.id) AS "reversedById", e.recorded_by_name AS "recordedByName",
  to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", e.version`;

/** Every payment and reversal of a secondment, in the order they were recorded. */
export async function listPayments(tx: Tx, secondmentId: string): Promise<PaymentRow[]> {
  const r = await tx.execute<PaymentRow>(
    sql`SELECT ${COLUMNS} FROM entitlement_payments e WHERE e.secondment_id = ${secondmentId}::uuid ORDER BY e.paid_on, e.created_at, e.id`,
  );
  return r.rows;
}

/** One payment of a secondment, locked for its reversal. */
export async function findPaymentForUpdate(tx: Tx, secondmentId: string, id: string): Promise<PaymentRow | null> {
  await tx.execute(sql`SELECT 1 FROM entitlement_payments WHERE id = ${id}::uuid FOR UPDATE`);
  const r = await tx.execute<PaymentRow>(sql`SELECT ${COLUMNS} FROM entitlement_payments e WHERE e.id = ${id}::uuid AND e.secondment_id = ${secondmentId}::uuid`);
  return r.rows[0] ?? null;
}

export async function insertPayment(
  tx: Tx,
  x: {
    secondmentId: string;
    kind: PaymentKind;
    code: PayableCode;
    amountVnd: number;
    paidOn: string;
    voucherNo: string;
    payer: PayerKey;
    payerName: string;
    note: string | null;
    reversesId: string | null;
    reason: string | null;
    userId: string;
    userName: string;
  },
): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO entitlement_payments
      (secondment_id, kind, code, amount_vnd, paid_on, voucher_no, payer, payer_name, note, reverses_id, reason, recorded_by, recorded_by_name)
    VALUES (${x.secondmentId}::uuid, ${x.kind}, ${x.code}, ${x.amountVnd}::bigint, ${x.paidOn}::date, ${x.voucherNo}, ${x.payer}, ${x.payerName}, ${x.note},
      ${x.reversesId}::uuid, ${x.reason}, ${x.userId}::uuid, ${x.userName}) RETURNING id`);
  return r.rows[0].id;
}

/** Marks a payment reversed at the version read (its version moves on); false when stale. */
export async function bumpPaymentVersion(tx: Tx, id: string, version: number): Promise<boolean> {
  const r = await tx.execute(sql`UPDATE entitlement_payments SET version = version + 1 WHERE id = ${id}::uuid AND version = ${version} RETURNING id`);
  return r.rows.length > 0;
}

// ---------------------------------------------------------------- the report's lines due unpaid (section II, "entitlements")

/** A payment `e` that stands: a payment (not a reversal) that no reversal cancels (the paid figures: `payments` in reports.repository.ts). */
export const standingPayment = sql`e.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM entitlement_payments x WHERE x.reverses_id = e.id)`;
const fromScope = (unitId: string | null): SQL => (unitId ? sql`s.sending_unit_id IN ${unitSubtree(unitId)}` : sql`TRUE`);

/**
 * The secondments whose lines may be due by the period's end: decided onwards, started by then, sent from the
 * scope and seen by the actor (the rule says which of their lines are due).
 */
export async function entitlementFactsDueBy(tx: Tx, f: FigureScope, visible: SQL): Promise<EntitlementFactsRow[]> {
  return listEntitlementFactsByStatus(tx, SECONDMENT_DECIDED_STATUSES, sql`s.start_date <= ${f.to}::date AND ${fromScope(f.unitId)} AND ${visible}`);
}

/** The lines (`secondmentId:code`) of these secondments with a payment standing dated by `to`. */
export async function paidLinesBy(tx: Tx, secondmentIds: readonly string[], to: string): Promise<Set<string>> {
  if (!secondmentIds.length) return new Set();
  const r = await tx.execute<{ k: string }>(sql`
    SELECT DISTINCT e.secondment_id || ':' || e.code AS k FROM entitlement_payments e
    WHERE ${standingPayment} AND e.paid_on <= ${to}::date AND e.secondment_id = ANY(${pgArray(secondmentIds)}::uuid[])`);
  return new Set(r.rows.map((x) => x.k));
}
