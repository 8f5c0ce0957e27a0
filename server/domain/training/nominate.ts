import type { UseCaseContext } from '../context.js';
import { VERDICT_LABELS } from '../../../common/eligibility.js';
import { peopleScope } from '../../db/scope.js';
import { findCourse, findNeedForPerson, findTrainee, insertEnrolment, setNeedStatus } from '../../db/repositories/training.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, forbidden, invalid, notFound } from '../errors.js';
import { coversAsUnit } from './training.policy.js';
import { judgePersonForCourse } from './check-eligibility.js';

export interface NominationInput {
  courseId: string;
  personId: string;
  needId?: string | null;
  note?: string | null;
}

/**
 * The unit nominates one of its staff for a course. Refused when the person fails a training rule (the reasons
 * and clauses are returned), when already nominated for that course, or when the course is full or has started.
 */
export async function nominate(ctx: UseCaseContext, input: NominationInput) {
  const person = await findTrainee(ctx.tx, input.personId, peopleScope(ctx));
  if (!person) throw notFound('Cán bộ');
  if (!coversAsUnit(ctx.actor, person.unitPath)) throw forbidden('Chỉ thủ trưởng hoặc cán bộ tổ chức của đơn vị được đề cử cán bộ đi đào tạo.');
  if (person.status !== 'active') throw invalid([{ path: 'personId', message: 'Cán bộ không còn đang công tác' }]);
  const course = await findCourse(ctx.tx, input.courseId);
  if (!course) throw notFound('Khóa học');
  if (course.nominationsClosed) throw invalid([{ path: 'courseId', message: `Khóa học "${course.title}" đã dừng nhận đề cử` }]);
  if (course.startDate <= ctx.today) throw invalid([{ path: 'courseId', message: 'Khóa học đã khai giảng, không thể đề cử thêm' }]);
  if (course.seatsTaken >= course.capacity) throw new AppError('conflict', `Khóa học "${course.title}" đã đủ ${course.capacity} học viên được duyệt.`);
  if (input.needId) {
    const need = await findNeedForPerson(ctx.tx, input.needId, person.id);
    if (!need) throw invalid([{ path: 'needId', message: 'Nhu cầu đào tạo không thuộc cán bộ hoặc vị trí việc làm của cán bộ' }]);
  }
  const eligibility = await judgePersonForCourse(ctx, person.id, course);
  if (eligibility.verdict === 'not_eligible') {
    const failing = eligibility.criteria.filter((c) => c.result === 'fail');
    throw invalid(failing.map((c) => ({ path: `eligibility.${c.criterion}`, message: `${c.reason} (${c.clause})` })));
  }
  const id = await insertEnrolment(ctx.tx, {
    courseId: course.id,
    personId: person.id,
    budgetUnitId: person.budgetUnitId,
    needId: input.needId ?? null,
    nominatedBy: ctx.actor.userId,
    note: input.note?.trim() || null,
    eligibility,
    fundingSource: course.fundingSource,
    estimatedCostVnd: BigInt(course.costPerParticipantVnd),
  });
  if (!id) throw new AppError('conflict', `${person.fullName} đã được đề cử khóa học "${course.title}" ; mỗi cán bộ chỉ được đề cử một lần cho một khóa học.`);
  if (input.needId) await setNeedStatus(ctx.tx, input.needId, 'planned');
  await recordAudit(ctx.tx, ctx, {
    action: 'nominate',
    entityType: 'training_enrolment',
    entityId: id,
    personId: person.id,
    after: { courseId: course.id, verdict: eligibility.verdict },
  });
  return { id, verdict: eligibility.verdict, verdictLabel: VERDICT_LABELS[eligibility.verdict] };
}
