import type { UseCaseContext } from '../context.js';
import { loadPayTables, type EntitlementFactsRow } from '../../db/repositories/entitlements.repository.js';
import { computeEntitlements, PAYERS, type Entitlement, type EntitlementsResult } from '../rules/entitlements.js';
import { planInForce } from '../plans/plan-in-force.js';
import { PAYABLE_CODES, type PayableCode, type PayerKey } from '../../../common/entitlement-payments.js';
import { entitlementInput } from './entitlement-facts.js';

/** The payer of a line as a key, from the words the rule gives it (PAYERS). */
export function payerKeyOf(payer: string | null): PayerKey | null {
  if (payer === PAYERS.sendingUnit) return 'sending_unit';
  if (payer === PAYERS.stateBudget) return 'state_budget';
  if (payer === PAYERS.decree76) return 'decree76';
  return null;
}

/**
 * A line that is due to be paid: the rule gives it (it applies, has a payer), the secondment is decided (not only
 * expected) and the line is not waiting on a later fact (pending) — salary kept, the one-off allowance or the Decree
 * 76/2019 package, the extra step once it is granted or due.
 */
export function isPayable(e: Entitlement): e is Entitlement & { code: PayableCode } {
  return (PAYABLE_CODES as readonly string[]).includes(e.code) && e.applies && payerKeyOf(e.payer) !== null && (e.state === 'entitled' || e.state === 'done');
}

/** The entitlements of each secondment by the rule (its one home), the dated tables and the plan's parameters read once. */
export async function entitlementsOf(ctx: UseCaseContext, rows: EntitlementFactsRow[]): Promise<EntitlementsResult[]> {
  if (!rows.length) return [];
  const tables = await loadPayTables(ctx.tx);
  const { minSecondmentMonths, oneOffAllowanceBelowMinimum } = (await planInForce(ctx.tx, ctx.today)).params;
  return rows.map((row) => computeEntitlements(entitlementInput(row, tables, ctx.today, minSecondmentMonths, oneOffAllowanceBelowMinimum)));
}
