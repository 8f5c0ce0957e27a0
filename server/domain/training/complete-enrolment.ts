import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../access/scope.js';
import { findCourse, findEnrolmentForUpdate, setNeedStatus, updateEnrolment } from '../../db/repositories/training.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound } from '../errors.js';

/** The person finished the course: the result and the certificate (văn bằng, chứng chỉ) are recorded; the need is met. */
export async function completeEnrolment(ctx: UseCaseContext, id: string, input: { completedOn: string; result: string; certificateNo: string }) {
  const e = await findEnrolmentForUpdate(ctx.tx, id, peopleScope(ctx.actor));
  if (!e) throw notFound('Hồ sơ cử đi đào tạo');
  if (e.status !== 'enrolled') throw new AppError('conflict', 'Chỉ ghi nhận kết quả cho cán bộ đang học.');
  const course = (await findCourse(ctx.tx, e.courseId))!;
  if (input.completedOn < course.startDate) throw invalid([{ path: 'completedOn', message: 'Ngày hoàn thành trước ngày khai giảng' }]);
  await updateEnrolment(ctx.tx, e.id, { status: 'completed', completedOn: input.completedOn, result: input.result.trim(), certificateNo: input.certificateNo.trim() });
  if (e.needId) await setNeedStatus(ctx.tx, e.needId, 'met');
  await recordAudit(ctx.tx, ctx, { action: 'complete', entityType: 'training_enrolment', entityId: e.id, personId: e.personId, before: { status: e.status }, after: { status: 'completed', ...input } });
  return { id: e.id, status: 'completed' as const };
}
