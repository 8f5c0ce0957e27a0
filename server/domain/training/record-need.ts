import type { UseCaseContext } from '../context.js';
import type { CourseKind, NeedPeriod } from '../../../common/training.js';
import { peopleScope, unitsScope } from '../../db/scope.js';
import { findTrainee, insertNeed } from '../../db/repositories/training.repository.js';
import { findBudgetUnit } from '../../db/repositories/training-budget.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { standardsGap } from '../rules/training/standards-gap.js';
import { trainingPolicy } from './training.policy.js';
import { planParamsOn } from '../plans/plan-in-force.js';

export interface NeedInput {
  unitId: string;
  personId?: string | null;
  period: NeedPeriod;
  kind: CourseKind;
  fields: string[];
  description: string;
  headcount?: number;
}

/**
 * Records a training need of a unit, or of one person tied to the gap between them and their job post's
 * standards (computed now and kept with the need), tagged with the plan's priority fields.
 */
export async function recordNeed(ctx: UseCaseContext, input: NeedInput) {
  const unit = await findBudgetUnit(ctx.tx, input.unitId, unitsScope(ctx.actor));
  if (!unit) throw notFound('Đơn vị');
  if (!trainingPolicy.holds(ctx.actor, 'recordNeed', { unit: [unit.path] })) throw forbidden('Chỉ đơn vị hoặc Sở Nội vụ được ghi nhận nhu cầu đào tạo.');
  const params = await planParamsOn(ctx.tx, ctx.today, ctx.today);
  const unknown = input.fields.filter((f) => !params.priorityFields.includes(f));
  if (unknown.length) throw invalid([{ path: 'fields', message: `Lĩnh vực không có trong danh mục lĩnh vực ưu tiên của kế hoạch: ${unknown.join(', ')}` }]);
  let gap: string[] = [];
  let jobPostId: string | null = null;
  if (input.personId) {
    const p = await findTrainee(ctx.tx, input.personId, peopleScope(ctx));
    if (!p) throw notFound('Cán bộ');
    if (!p.unitPath.includes(unit.id)) throw invalid([{ path: 'personId', message: 'Cán bộ không thuộc đơn vị đã chọn' }]);
    gap = standardsGap(p, p);
    jobPostId = p.jobPostId;
  }
  const headcount = input.personId ? 1 : (input.headcount ?? 1);
  const id = await insertNeed(ctx.tx, {
    unitId: unit.id,
    personId: input.personId ?? null,
    jobPostId,
    period: input.period,
    kind: input.kind,
    fields: input.fields,
    description: input.description,
    standardsGap: gap,
    headcount,
    createdBy: ctx.actor.userId,
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'training_need',
    entityId: id,
    personId: input.personId ?? null,
    after: { ...input, standardsGap: gap },
  });
  return { id, standardsGap: gap };
}
