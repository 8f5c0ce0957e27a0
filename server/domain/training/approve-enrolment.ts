import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { assertEnrolmentState, enrolmentPolicy } from './training.policy.js';
import { findCourse, findEnrolmentForUpdate, updateEnrolment } from '../../db/repositories/training.repository.js';
import { findUnitNames } from '../../db/repositories/org.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, forbidden, invalid, notFound } from '../errors.js';
import { judgePersonForCourse } from './check-eligibility.js';
import { commitAgainstBudget } from './budget-movements.js';

/**
 * Sở Nội vụ approves a nomination: the course must have a seat left (its row is locked while seats are counted),
 * the person must still meet the rules, and the estimated cost is committed against the unit's budget of the
 * course's year and funding source. Beyond the budget only the authority may approve, with a reason.
 */
export async function approveEnrolment(ctx: UseCaseContext, id: string, input: { overrideReason?: string | null }) {
  const override = input.overrideReason?.trim() || null;
  if (override && !enrolmentPolicy.mayAnywhere(ctx.actor, 'overBudget')) throw forbidden('Chỉ cấp có thẩm quyền được quyết định vượt dự toán.');
  if (!override && !enrolmentPolicy.mayAnywhere(ctx.actor, 'withinBudget'))
    throw forbidden('Cấp có thẩm quyền chỉ phê duyệt khi quyết định vượt dự toán, có ghi rõ lý do.');
  const e = await findEnrolmentForUpdate(ctx.tx, id, peopleScope(ctx));
  if (!e) throw notFound('Hồ sơ cử đi đào tạo');
  assertEnrolmentState('approve', e);
  const course = (await findCourse(ctx.tx, e.courseId, true))!;
  if (course.seatsTaken >= course.capacity)
    throw new AppError('conflict', `Khóa học "${course.title}" đã đủ ${course.capacity} học viên; không thể phê duyệt thêm.`);
  const eligibility = await judgePersonForCourse(ctx, e.personId, course, e.id);
  if (eligibility.verdict === 'not_eligible') {
    throw invalid(
      eligibility.criteria.filter((c) => c.result === 'fail').map((c) => ({ path: `eligibility.${c.criterion}`, message: `${c.reason} (${c.clause})` })),
    );
  }
  const cost = BigInt(e.estimatedCostVnd);
  const year = Number(course.startDate.slice(0, 4));
  const unitName = (await findUnitNames(ctx.tx, [e.budgetUnitId])).get(e.budgetUnitId) ?? 'Đơn vị';
  const budgetId = await commitAgainstBudget(ctx, {
    unitId: e.budgetUnitId,
    unitName,
    year,
    source: e.fundingSource,
    amount: cost,
    enrolmentId: e.id,
    entryDate: ctx.today,
    overrideReason: override,
  });
  await updateEnrolment(ctx.tx, e.id, {
    status: 'approved',
    decidedBy: ctx.actor.userId,
    decidedByName: ctx.actor.displayName,
    decidedAt: 'now',
    budgetId,
    committedVnd: cost,
    overrideReason: override,
    eligibility,
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'approve',
    entityType: 'training_enrolment',
    entityId: e.id,
    personId: e.personId,
    before: { status: e.status },
    after: { status: 'approved', committedVnd: cost.toString(), budgetId, overrideReason: override },
  });
  return { id: e.id, status: 'approved' as const };
}
