import type { UseCaseContext } from '../context.js';
import { CATEGORY_LABELS, type Category } from '../../../common/enums.js';
import { DECREE_171_2025, type RepaymentReason } from '../../../common/training.js';
import { peopleScope } from '../../db/scope.js';
import { findCourse, findEnrolmentForUpdate, findRepaymentPerson, insertRepayment } from '../../db/repositories/training.repository.js';
import { assertEnrolmentState, enrolmentPolicy } from './training.policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound, refuseFutureDate } from '../errors.js';
import { computeRepayment } from '../rules/training/repayment.js';
import { serviceCommitment } from '../rules/training/commitment.js';
import { regulationOn } from './training-context.js';

/**
 * Computes and records what a person who left before the end of their service commitment repays, with the
 * formula and figures (Decree 171/2025 Art. 6–8), under the regulation of their category; the repayment then goes
 * through the procedure of Art. 9–13 (repayment-procedure.ts): status `assessed`, or `waived` for a waiver and
 * `not_due` when the reductions take it to nothing. Refused for someone still in service, who served the whole
 * commitment, whose course carries none (not postgraduate), or whose category has no regulation in the catalogue.
 */
export async function recordRepayment(ctx: UseCaseContext, id: string, input: { leftOn: string; reason: RepaymentReason; probationEndedOn?: string | null }) {
  const e = await findEnrolmentForUpdate(ctx.tx, id, peopleScope(ctx));
  if (!e) throw notFound('Hồ sơ cử đi đào tạo');
  assertEnrolmentState('repay', e);
  // the person has left: the repayment is computed on the service they actually gave
  refuseFutureDate(ctx.today, 'leftOn', input.leftOn, 'Ngày cuối cùng công tác');
  // withdrawn before starting: nothing was spent on the person
  if (e.status === 'withdrawn' && !e.enrolledOn) throw new AppError('conflict', enrolmentPolicy.actions.repay.outOfState!);
  const person = (await findRepaymentPerson(ctx.tx, e.personId))!;
  if (person.status !== 'left') throw new AppError('conflict', 'Cán bộ vẫn đang công tác (chưa thôi việc): không tính bồi hoàn.');
  const probationEndedOn = input.probationEndedOn ?? null;
  if (probationEndedOn && probationEndedOn > input.leftOn)
    throw invalid([{ path: 'probationEndedOn', message: 'Ngày hết thời gian tập sự không được sau ngày cuối cùng công tác' }]);
  if (probationEndedOn && person.recruitedOn && probationEndedOn < person.recruitedOn)
    throw invalid([{ path: 'probationEndedOn', message: 'Ngày hết thời gian tập sự không được trước ngày tuyển dụng' }]);
  if (input.reason === 'illness_or_disaster' && e.status === 'completed')
    throw invalid([{ path: 'reason', message: 'Cán bộ đã hoàn thành khóa học: không thuộc trường hợp không được cấp văn bằng do ốm đau nặng, thiên tai' }]);
  const course = (await findCourse(ctx.tx, e.courseId))!;
  const regulation = await regulationOn(ctx.tx, person.category, course.startDate);
  if (!regulation) {
    const who = person.category ? CATEGORY_LABELS[person.category as Category]?.toLowerCase() : null;
    throw new AppError(
      'conflict',
      who
        ? `Chưa có văn bản quy định đền bù chi phí đào tạo đối với ${who} trong danh mục; không áp dụng ${DECREE_171_2025.instrument} (chỉ áp dụng với công chức).`
        : 'Chưa xác định cán bộ là cán bộ, công chức hay viên chức: chưa xác định được văn bản quy định đền bù chi phí đào tạo.',
    );
  }
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
    probationEndedOn,
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
  const status = r.waived ? 'waived' : r.amountVnd === 0n ? 'not_due' : 'assessed';
  const repaymentId = await insertRepayment(ctx.tx, {
    enrolmentId: e.id,
    leftOn: input.leftOn,
    reason: input.reason,
    amountVnd: r.amountVnd,
    explanation,
    probationEndedOn,
    status,
    createdBy: ctx.actor.userId,
  });
  if (!repaymentId) throw new AppError('conflict', 'Đã tính bồi hoàn cho hồ sơ này.');
  await recordAudit(ctx.tx, ctx, {
    action: 'repayment',
    entityType: 'training_enrolment',
    entityId: e.id,
    personId: e.personId,
    after: { ...input, probationEndedOn, status, amountVnd: r.amountVnd.toString() },
  });
  return { id: repaymentId, amountVnd: Number(r.amountVnd), status, ...explanation };
}
