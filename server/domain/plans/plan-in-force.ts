import type { Tx } from '../../db/client.js';
import { findPlanCodes, findPlanVersionOn } from '../../db/repositories/plans.repository.js';
import { planParamsSchema, type PlanParams } from '../../../common/plan-params.js';
import { AppError, invalid, notFound } from '../errors.js';

export interface PlanVersionRef {
  id: string;
  code: string;
  version: number;
  effectiveFrom: string;
}

export type PlanVersionRow = NonNullable<Awaited<ReturnType<typeof findPlanVersionOn>>>;

export interface PlanInForce {
  ref: PlanVersionRef;
  params: PlanParams;
  issuedOn: string;
  /** The plan and version rows as stored (title, issuer, note …), for the plan page. */
  row: PlanVersionRow;
}

/** The date is before the first version of the plan took effect. */
export class BeforePlanError extends AppError {
  constructor(code: string) {
    super('validation', invalid([]).message, [{ path: 'referenceDate', message: `Ngày xét trước ngày kế hoạch ${code} có hiệu lực` }]);
  }
}

/**
 * The plan in force on a date — the newest issued plan, with the parameters of its version effective on that
 * date, validated. The one home of "which plan, which parameters" for every rule of every area.
 *
 * Error policy (the same for every caller): no plan at all → not found (404); a date before the plan's first
 * version took effect → `BeforePlanError` (422 on `referenceDate`); a stored version that no longer validates →
 * the zod error (500: the data is broken, not the request). Nothing is swallowed here; the one sanctioned
 * fallback is `planParamsOn` below.
 */
export async function planInForce(tx: Tx, on: string): Promise<PlanInForce> {
  const [code] = await findPlanCodes(tx);
  if (!code) throw notFound('Kế hoạch');
  const v = await findPlanVersionOn(tx, code, on);
  if (!v) throw new BeforePlanError(code);
  return {
    ref: { id: v.versionId, code: v.code, version: v.version, effectiveFrom: v.effectiveFrom },
    params: planParamsSchema.parse(v.params),
    issuedOn: v.issuedOn,
    row: v,
  };
}

/**
 * The plan's parameters on a date that may lie before the plan (a course, a need or a budget year dated earlier):
 * then those in force `today`. Only the before-the-plan case falls back; every other error propagates.
 */
export async function planParamsOn(tx: Tx, on: string, today: string): Promise<PlanParams> {
  try {
    return (await planInForce(tx, on)).params;
  } catch (err) {
    if (err instanceof BeforePlanError) return (await planInForce(tx, today)).params;
    throw err;
  }
}
