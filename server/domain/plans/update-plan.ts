import type { UseCaseContext } from '../context.js';
import { findPlanById, findPlanFirstEffective, updatePlanIdentity, lockPlans } from '../../db/repositories/plans.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound, refuseFutureDate } from '../errors.js';

type Identity = { code: string; title: string; issuedBy: string; issuedOn: string };

/** Corrects a plan's number, title, issuing body or date of issue (audited, before → after); parameters change by versions. */
export async function updatePlan(ctx: UseCaseContext, id: string, patch: Partial<Identity>) {
  refuseFutureDate(ctx.today, 'issuedOn', patch.issuedOn, 'Ngày ban hành');
  await lockPlans(ctx.tx);
  const plan = await findPlanById(ctx.tx, id);
  if (!plan) throw notFound('Kế hoạch');
  const before: Identity = { code: plan.code, title: plan.title, issuedBy: plan.issuedBy, issuedOn: plan.issuedOn };
  const after: Identity = { ...before, ...patch };
  const firstEffective = await findPlanFirstEffective(ctx.tx, id);
  if (firstEffective && after.issuedOn > firstEffective) {
    throw invalid([{ path: 'issuedOn', message: 'Ngày ban hành không được sau ngày kế hoạch bắt đầu có hiệu lực' }]);
  }
  const changed = (Object.keys(after) as (keyof Identity)[]).filter((k) => after[k] !== before[k]);
  if (!changed.length) return { id, changed: [] as string[] };
  if (!(await updatePlanIdentity(ctx.tx, id, after))) {
    throw new AppError('conflict', `Đã có kế hoạch số ${after.code}.`, [{ path: 'code', message: `Số, ký hiệu ${after.code} đã được dùng` }]);
  }
  await recordAudit(ctx.tx, ctx, {
    action: 'update',
    entityType: 'plan',
    entityId: id,
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  });
  return { id, changed: changed as string[] };
}
