import { allOf } from '../../db/sql-helpers.js';
import type { UseCaseContext } from '../context.js';
import { findProvince } from '../../db/repositories/province.repository.js';
import { findAllPlanVersions, findPlanStarts, findPlans } from '../../db/repositories/plans.repository.js';
import { planGoverning } from './plan-in-force.js';

/**
 * Every plan of the province with its versions (newest first), which one is in force today, whether its text
 * is attached, and the issuing body a new plan gets by default (the province's People's Committee).
 */
export async function listPlans(ctx: UseCaseContext) {
  const [plans, versions, starts, province] = await allOf(ctx.tx, [
    () => findPlans(ctx.tx),
    () => findAllPlanVersions(ctx.tx),
    () => findPlanStarts(ctx.tx),
    () => findProvince(ctx.tx),
  ]);
  const inForce = starts.length ? planGoverning(starts, ctx.today) : null;
  const startOf = new Map(starts.map((s) => [s.id, s.startsOn]));
  return {
    defaultIssuedBy: province?.peoplesCommitteeName ?? null,
    items: plans.map((p) => ({
      id: p.id,
      code: p.code,
      title: p.title,
      issuedBy: p.issuedBy,
      issuedOn: p.issuedOn,
      template: p.template,
      document: p.documentName && p.documentType ? { name: p.documentName, type: p.documentType, size: p.documentSize ?? 0 } : null,
      effectiveFrom: startOf.get(p.id) ?? null,
      inForce: p.id === inForce?.id,
      versions: versions.filter((v) => v.planId === p.id).map(({ planId: _, createdAt, ...v }) => ({ ...v, createdAt: new Date(createdAt).toISOString() })),
    })),
  };
}
