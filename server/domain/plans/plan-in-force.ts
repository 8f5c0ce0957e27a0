import type { Tx } from '../../db/client.js';
import { findPlanStarts, findPlanVersionOn, type PlanStart } from '../../db/repositories/plans.repository.js';
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

/** No plan has been entered yet (a province just set up): Sở Nội vụ creates it on the plan page. */
export class NoPlanError extends AppError {
  constructor() {
    super(
      'not_found',
      'Chưa có kế hoạch tăng cường cán bộ nào. Sở Nội vụ cần tạo kế hoạch (trang "Kế hoạch, tham số") trước khi sàng lọc, tính chỉ tiêu hay cử cán bộ.',
    );
  }
}

/**
 * Which plan governs a date: the one whose first version took effect last on or before it (a plan for 2027,
 * effective 01/01/2027, takes over from Plan 131 on that day; dates before stay with Plan 131). Null when the date
 * lies before every plan; `NoPlanError` when there is none at all.
 */
export function planGoverning(starts: PlanStart[], on: string): PlanStart | null {
  if (!starts.length) throw new NoPlanError();
  // starts come latest first
  return starts.find((p) => p.startsOn <= on) ?? null;
}

/** The plan in force today, or the one named by id (404 when there is no such plan). */
export async function choosePlan(tx: Tx, today: string, planId?: string): Promise<PlanStart> {
  const starts = await findPlanStarts(tx);
  if (planId) {
    const p = starts.find((x) => x.id === planId);
    if (!p) throw notFound('Kế hoạch');
    return p;
  }
  // before every plan (a plan entered ahead of its start): the first one
  return planGoverning(starts, today) ?? starts[starts.length - 1];
}

/**
 * The plan in force on a date — the plan governing that date (`planGoverning`), with the parameters of its
 * version effective on that date, validated. The one home of "which plan, which parameters" for every rule of
 * every area. A secondment keeps the version it was decided under (secondments.plan_version_id).
 *
 * Error policy (the same for every caller): no plan at all → `NoPlanError` (404, telling Sở Nội vụ to create one);
 * a date before the first plan took effect → `BeforePlanError` (422 on `referenceDate`); a stored version that no
 * longer validates → the zod error (500: the data is broken, not the request). Nothing is swallowed here; the one
 * sanctioned fallback is `planParamsOn` below.
 */
export async function planInForce(tx: Tx, on: string): Promise<PlanInForce> {
  const starts = await findPlanStarts(tx);
  const plan = planGoverning(starts, on);
  if (!plan) throw new BeforePlanError(starts[starts.length - 1].code);
  const v = await findPlanVersionOn(tx, plan.id, on);
  if (!v) throw new BeforePlanError(plan.code);
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

/**
 * The number of the plan governing a date ('131/KH-UBND'), which clauses, documents and the interface cite;
 * before every plan, the first one. `NoPlanError` when there is no plan yet; `orNone` makes that null instead.
 */
export async function planCodeOn(tx: Tx, on: string): Promise<string> {
  const starts = await findPlanStarts(tx);
  return (planGoverning(starts, on) ?? starts[starts.length - 1]).code;
}

/** `planCodeOn`, or null while the province has entered no plan (the interface then says so). */
export async function planCodeOrNone(tx: Tx, on: string): Promise<string | null> {
  try {
    return await planCodeOn(tx, on);
  } catch (err) {
    if (err instanceof NoPlanError) return null;
    throw err;
  }
}
