import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findCourse, findEnrolmentForUpdate, findRepaymentPerson, updateEnrolment } from '../../db/repositories/training.repository.js';
import { assertEnrolmentState } from './training.policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid, notFound, refuseFutureDate } from '../errors.js';
import { serviceCommitment } from '../rules/training/commitment.js';
import { regulationOn } from './training-context.js';

/**
 * The approved person starts the course. For postgraduate training the service commitment (≥ 3 × the training
 * time, Decree 171/2025 Art. 5 cl. 3) is recorded now, from the day after the course ends, under the regulation of
 * the person's category (none in the catalogue: none recorded, never 171's multiplier borrowed).
 */
export async function enrol(ctx: UseCaseContext, id: string, input: { enrolledOn: string }) {
  const e = await findEnrolmentForUpdate(ctx.tx, id, peopleScope(ctx));
  if (!e) throw notFound('Hồ sơ cử đi đào tạo');
  assertEnrolmentState('enrol', e);
  // the person has started: a planned start is the course's, not the enrolment's
  refuseFutureDate(ctx.today, 'enrolledOn', input.enrolledOn, 'Ngày nhập học');
  const course = (await findCourse(ctx.tx, e.courseId))!;
  if (input.enrolledOn > course.endDate) throw invalid([{ path: 'enrolledOn', message: 'Ngày nhập học sau ngày kết thúc khóa học' }]);
  const person = (await findRepaymentPerson(ctx.tx, e.personId))!;
  const c = serviceCommitment(course, await regulationOn(ctx.tx, person.category, course.startDate));
  await updateEnrolment(ctx.tx, e.id, {
    status: 'enrolled',
    enrolledOn: input.enrolledOn,
    commitmentMonths: c?.months ?? null,
    commitmentFrom: c?.from ?? null,
    commitmentTo: c?.to ?? null,
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'enrol',
    entityType: 'training_enrolment',
    entityId: e.id,
    personId: e.personId,
    before: { status: e.status },
    after: { status: 'enrolled', enrolledOn: input.enrolledOn, commitment: c },
  });
  return { id: e.id, status: 'enrolled' as const, commitment: c };
}
