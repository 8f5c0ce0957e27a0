import { addDays, addMonths, monthsBetween, viDate } from '../../../../common/dates.js';
import { retirementDate } from '../retirement.js';
import { noRegulation, notApplicable, regulationClause, type CourseFacts, type TrainingRule } from './types.js';
import type { TrainingRegulation } from '../../../../common/training.js';

/** Whether a course is foreign short-course training (bồi dưỡng ở nước ngoài). */
export const isForeignShortCourse = (c: CourseFacts) => c.location === 'foreign' && c.kind === 'short_course';

/** The tier of the regulation that covers a course's length (the first whose length bound it fits in). */
export function foreignTier(c: CourseFacts, regulation: TrainingRegulation) {
  const dayAfter = addDays(c.endDate, 1);
  return (
    [...regulation.foreignServiceLeft].sort((a, b) => a.maxCourseMonths - b.maxCourseMonths).find((t) => dayAfter <= addMonths(c.startDate, t.maxCourseMonths)) ??
    null
  );
}

/**
 * Decree 171/2025 Art. 28 (foreign short courses): service left before retirement of at least 18 months for a course under
 * one month, 24 months for one of 1–12 months, counted from the start date.
 */
export const foreignServiceLeftRule: TrainingRule = (p, c, ctx) => {
  const clause = `${regulationClause(ctx, 'foreign', 'điều kiện cử đi bồi dưỡng ở nước ngoài (thời gian công tác còn lại)')}; Nghị định 135/2020/NĐ-CP`;
  if (!isForeignShortCourse(c)) return notApplicable('foreign_service_left', clause, 'Chỉ áp dụng với bồi dưỡng ở nước ngoài');
  if (!ctx.regulation) return noRegulation('foreign_service_left', ctx, clause);
  const tier = foreignTier(c, ctx.regulation);
  if (!tier)
    return {
      criterion: 'foreign_service_left',
      result: 'unknown',
      clause,
      reason: 'Khóa bồi dưỡng dài hơn mức quy định có điều kiện về thời gian công tác còn lại',
      facts: { startDate: c.startDate, endDate: c.endDate },
    };
  const r = retirementDate(p.gender, p.birthDate, ctx.retirementAges);
  if (!r) return { criterion: 'foreign_service_left', result: 'unknown', clause, reason: 'Không xác định được tuổi nghỉ hưu', facts: {} };
  const ok = r.retiresOn >= addMonths(c.startDate, tier.minServiceLeftMonths);
  const left = monthsBetween(c.startDate, r.retiresOn);
  return {
    criterion: 'foreign_service_left',
    result: ok ? 'pass' : 'fail',
    clause,
    reason: `Khóa học đến ${tier.maxCourseMonths} tháng cần còn ít nhất ${tier.minServiceLeftMonths} tháng công tác; nghỉ hưu từ ${viDate(r.retiresOn)}, còn ${left} tháng kể từ ngày khai giảng`,
    facts: { retiresOn: r.retiresOn, monthsLeft: left, monthsNeeded: tier.minServiceLeftMonths },
  };
};
