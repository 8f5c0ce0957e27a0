import type { UseCaseContext } from '../context.js';
import { findCourse, repriceWaitingNominations, updateCourse as writeCourse } from '../../db/repositories/training.repository.js';
import { COURSE_KIND_LABELS, COURSE_LOCATION_LABELS, FUNDING_SOURCE_LABELS } from '../../../common/training.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid, notFound, type Issue } from '../errors.js';
import { courseIssues, type CourseInput } from './create-course.js';
import { vndText } from '../rules/pay/money.js';

/**
 * Sở Nội vụ corrects a course of the catalogue. The course row is locked, so an approval counting its seats waits.
 * Once someone is approved, their cost is committed against a budget of the course's year and funding source, and
 * their eligibility was judged on its kind and place: those (cost, funding source, kind, place, year) no longer
 * change, and the capacity cannot fall below the seats taken. Nominations still waiting take the new cost.
 */
export async function updateCourse(ctx: UseCaseContext, id: string, input: CourseInput) {
  const before = await findCourse(ctx.tx, id, true);
  if (!before) throw notFound('Khóa học');
  const issues: Issue[] = await courseIssues(ctx, input);
  if (input.capacity < before.seatsTaken) {
    issues.push({
      path: 'capacity',
      message: `Khóa học đã có ${before.seatsTaken} học viên được phê duyệt; số học viên tối đa không được nhỏ hơn ${before.seatsTaken}`,
    });
  }
  if (before.seatsTaken > 0) {
    const why = `đã có ${before.seatsTaken} học viên được phê duyệt và cam kết kinh phí`;
    if (BigInt(input.costPerParticipantVnd) !== BigInt(before.costPerParticipantVnd)) {
      issues.push({ path: 'costPerParticipantVnd', message: `Không được thay đổi chi phí/người (${vndText(BigInt(before.costPerParticipantVnd))}) vì ${why}` });
    }
    if (input.fundingSource !== before.fundingSource) {
      issues.push({ path: 'fundingSource', message: `Không được thay đổi nguồn kinh phí (${FUNDING_SOURCE_LABELS[before.fundingSource]}) vì ${why}` });
    }
    if (input.startDate.slice(0, 4) !== before.startDate.slice(0, 4)) {
      issues.push({ path: 'startDate', message: `Không được chuyển khóa học sang năm khác năm ${before.startDate.slice(0, 4)} vì ${why} theo dự toán năm đó` });
    }
    if (input.kind !== before.kind) {
      issues.push({
        path: 'kind',
        message: `Không được thay đổi loại hình (${COURSE_KIND_LABELS[before.kind]}) vì ${why}; điều kiện cử đi học đã xét theo loại hình này`,
      });
    }
    if (input.location !== before.location) {
      issues.push({
        path: 'location',
        message: `Không được thay đổi địa điểm (${COURSE_LOCATION_LABELS[before.location].toLowerCase()}) vì ${why}; điều kiện cử đi học đã xét theo địa điểm này`,
      });
    }
  }
  if (issues.length) throw invalid(issues);
  const cost = BigInt(input.costPerParticipantVnd);
  const change = {
    title: input.title.trim(),
    provider: input.provider.trim(),
    location: input.location,
    source: input.source,
    kind: input.kind,
    fields: input.fields,
    startDate: input.startDate,
    endDate: input.endDate,
    hours: input.hours,
    capacity: input.capacity,
    costPerParticipantVnd: cost,
    fundingSource: input.fundingSource,
    requiresPlanning: input.requiresPlanning ?? before.requiresPlanning,
  };
  await writeCourse(ctx.tx, id, change);
  const repriced = await repriceWaitingNominations(ctx.tx, id, cost, input.fundingSource);
  const { seatsTaken: _s, nominated: _n, nominationsClosed: _c, ...beforeCols } = before;
  await recordAudit(ctx.tx, ctx, {
    action: 'update',
    entityType: 'training_course',
    entityId: id,
    before: beforeCols,
    after: { ...change, costPerParticipantVnd: cost.toString(), repricedNominations: repriced },
  });
  return { id, repricedNominations: repriced };
}
