import type { UseCaseContext } from '../context.js';
import { closeCourseNominations, COURSE_CLOSE_ACTION, findCourse } from '../../db/repositories/training.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, notFound } from '../errors.js';

/**
 * Sở Nội vụ closes a course to nominations (dừng nhận đề cử), with the reason. Units can no longer nominate; the
 * nominations already made are still approved or refused.
 */
export async function closeCourse(ctx: UseCaseContext, id: string, input: { reason: string }) {
  const course = await findCourse(ctx.tx, id, true);
  if (!course) throw notFound('Khóa học');
  if (course.nominationsClosed) throw new AppError('conflict', `Khóa học "${course.title}" đã dừng nhận đề cử.`);
  const reason = input.reason.trim();
  await closeCourseNominations(ctx.tx, id, { reason, by: ctx.actor.userId });
  await recordAudit(ctx.tx, ctx, {
    action: COURSE_CLOSE_ACTION,
    entityType: 'training_course',
    entityId: id,
    before: { nominationsClosed: false },
    after: { nominationsClosed: true, reason },
  });
  return { id, status: 'closed' as const };
}
