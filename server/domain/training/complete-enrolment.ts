import type { UseCaseContext } from '../context.js';
import type { TrainingKind } from '../../../common/enums.js';
import { DEGREE_KINDS } from '../../../common/training.js';
import { peopleScope } from '../../db/scope.js';
import {
  findCourse,
  findEnrolmentForUpdate,
  linkTrainingHistory,
  setNeedStatus,
  updateEnrolment,
  type CourseRow,
} from '../../db/repositories/training.repository.js';
import { bumpPersonVersion, insertRecord } from '../../db/repositories/person-records.repository.js';
import { assertEnrolmentState } from './training.policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid, notFound, refuseFutureDate } from '../errors.js';

/** The résumé's (Mẫu 2C) kind of training for a course: degree training, a course abroad, or a short course. */
export function resumeTrainingKind(course: Pick<CourseRow, 'kind' | 'location'>): TrainingKind {
  if (DEGREE_KINDS.includes(course.kind)) return 'degree';
  return course.location === 'foreign' ? 'foreign' : 'short_course';
}

/**
 * The person finished the course: the result and the certificate (văn bằng, chứng chỉ) are recorded; the need is
 * met; and the training enters the person's record (training history of the Mẫu 2C résumé) in the same transaction.
 */
export async function completeEnrolment(ctx: UseCaseContext, id: string, input: { completedOn: string; result: string; certificateNo: string }) {
  const e = await findEnrolmentForUpdate(ctx.tx, id, peopleScope(ctx));
  if (!e) throw notFound('Hồ sơ cử đi đào tạo');
  assertEnrolmentState('complete', e);
  // the certificate enters the résumé: the person has finished
  refuseFutureDate(ctx.today, 'completedOn', input.completedOn, 'Ngày hoàn thành');
  const course = (await findCourse(ctx.tx, e.courseId))!;
  if (input.completedOn < course.startDate) throw invalid([{ path: 'completedOn', message: 'Ngày hoàn thành trước ngày khai giảng' }]);
  const result = input.result.trim();
  const certificateNo = input.certificateNo.trim();
  await updateEnrolment(ctx.tx, e.id, { status: 'completed', completedOn: input.completedOn, result, certificateNo });
  if (e.needId) await setNeedStatus(ctx.tx, e.needId, 'met');
  await recordAudit(ctx.tx, ctx, {
    action: 'complete',
    entityType: 'training_enrolment',
    entityId: e.id,
    personId: e.personId,
    before: { status: e.status },
    after: { status: 'completed', ...input },
  });
  const fromDate = e.enrolledOn && e.enrolledOn < input.completedOn ? e.enrolledOn : course.startDate;
  const history = await insertRecord(ctx.tx, 'trainingHistory', e.personId, {
    fromDate,
    toDate: input.completedOn,
    institution: course.provider,
    field: course.title,
    kind: resumeTrainingKind(course),
    certificate: `Số ${certificateNo}; kết quả: ${result}`,
  });
  await linkTrainingHistory(ctx.tx, String(history.id), e.id);
  await bumpPersonVersion(ctx.tx, e.personId);
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'training_history',
    entityId: String(history.id),
    personId: e.personId,
    after: { ...history, enrolmentId: e.id },
  });
  return { id: e.id, status: 'completed' as const, trainingHistoryId: String(history.id) };
}
