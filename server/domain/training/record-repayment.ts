import type { UseCaseContext } from '../context.js';
import type { RepaymentReason } from '../../../common/training.js';
import { peopleScope } from '../../db/scope.js';
import { findCourse, findEnrolmentForUpdate, findRepaymentPerson, insertRepayment } from '../../db/repositories/training.repository.js';
import { assertEnrolmentState, enrolmentPolicy } from './training.policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, notFound } from '../errors.js';
import { computeRepayment } from '../rules/training/repayment.js';
import { serviceCommitment } from '../rules/training/commitment.js';
import { regulationOn } from './training-context.js';

/**
 * Computes and records what a person who left before the end of their service commitment repays, with the
 * formula and figures. Refused for someone still in service, or who served the whole commitment.
 */
export async function recordRepayment(ctx: UseCaseContext, id: string, input: { leftOn: string; reason: RepaymentReason }) {
  const e = await findEnrolmentForUpdate(ctx.tx, id, peopleScope(ctx));
  if (!e) throw notFound('Hồ sơ cử đi đào tạo');
  assertEnrolmentState('repay', e);
  // withdrawn before starting: nothing was spent on the person
  if (e.status === 'withdrawn' && !e.enrolledOn) throw new AppError('conflict', enrolmentPolicy.actions.repay.outOfState!);
  const person = (await findRepaymentPerson(ctx.tx, e.personId))!;
  if (person.status !== 'left') throw new AppError('conflict', 'Cán bộ vẫn đang công tác (chưa thôi việc): không tính bồi hoàn.');
  const course = (await findCourse(ctx.tx, e.courseId))!;
  const regulation = await regulationOn(ctx.tx, course.startDate);
  const commitment = serviceCommitment(course, regulation);
  const r = computeRepayment({
    costVnd: BigInt(e.spentVnd),
    commitment,
    completed: e.status === 'completed',
    courseStart: course.startDate,
    courseEnd: course.endDate,
    leftOn: input.leftOn,
    reason: input.reason,
    gender: person.gender,
    isMinority: person.isMinority,
    recruitedOn: person.recruitedOn,
    regulation,
  });
  if (!r.due) throw new AppError('conflict', r.reason);
  const explanation = {
    lines: r.lines,
    clause: r.clause,
    t1: r.t1,
    t2: r.t2,
    priorServiceYears: r.priorServiceYears,
    reductionBp: r.reductionBp,
    fullCost: r.fullCost,
    waived: r.waived,
  };
  const repaymentId = await insertRepayment(ctx.tx, {
    enrolmentId: e.id,
    leftOn: input.leftOn,
    reason: input.reason,
    amountVnd: r.amountVnd,
    explanation,
    createdBy: ctx.actor.userId,
  });
  if (!repaymentId) throw new AppError('conflict', 'Đã tính bồi hoàn cho hồ sơ này.');
  await recordAudit(ctx.tx, ctx, {
    action: 'repayment',
    entityType: 'training_enrolment',
    entityId: e.id,
    personId: e.personId,
    after: { ...input, amountVnd: r.amountVnd.toString() },
  });
  return { id: repaymentId, amountVnd: Number(r.amountVnd), ...explanation };
}
