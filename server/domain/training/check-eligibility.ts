import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findCourse, findTrainee, findTrainingFacts, type CourseRow } from '../../db/repositories/training.repository.js';
import { notFound } from '../errors.js';
import { judgeTraining } from '../rules/training/judge-training.js';
import type { TrainingEligibility } from '../rules/training/types.js';
import { trainingRuleContext } from './training-context.js';
import { recordAudit } from '../audit/record-audit.js';

/** The verdict of the training rules for a person and a course, judged on the course's start date under their category's rule set. */
export async function judgePersonForCourse(
  { tx, today }: Pick<UseCaseContext, 'tx' | 'today'>,
  personId: string,
  course: CourseRow,
  excludeEnrolmentId: string | null = null,
): Promise<TrainingEligibility> {
  const facts = await findTrainingFacts(tx, personId, course.startDate, excludeEnrolmentId);
  if (!facts) throw notFound('Cán bộ');
  const rules = await trainingRuleContext(tx, course.startDate, today, facts.category);
  return judgeTraining(facts, course, rules);
}

/** May this person be sent to this course? Each criterion with its reason and clause (before nominating). */
export async function checkTrainingEligibility(ctx: UseCaseContext, personId: string, courseId: string) {
  const person = await findTrainee(ctx.tx, personId, peopleScope(ctx));
  if (!person) throw notFound('Cán bộ');
  const course = await findCourse(ctx.tx, courseId);
  if (!course) throw notFound('Khóa học');
  const verdict = await judgePersonForCourse(ctx, personId, course);
  // the verdict shows discipline and ratings: reading it is logged like the screening's explanation
  await recordAudit(ctx.tx, ctx, { action: 'read_sensitive', entityType: 'training_eligibility', entityId: courseId, personId, meta: { verdict: verdict.verdict } });
  return verdict;
}
