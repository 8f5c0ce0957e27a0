import type { UseCaseContext } from '../context.js';
import type { CourseKind, CourseLocation, CourseSource, FundingSource } from '../../../common/training.js';
import { insertCourse } from '../../db/repositories/training.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid, type Issue } from '../errors.js';
import { planParamsOn } from '../plans/plan-in-force.js';

export interface CourseInput {
  title: string;
  provider: string;
  location: CourseLocation;
  source: CourseSource;
  kind: CourseKind;
  fields: string[];
  startDate: string;
  endDate: string;
  hours: number;
  capacity: number;
  costPerParticipantVnd: number;
  fundingSource: FundingSource;
  requiresPlanning?: boolean;
}

/** The checks of a course as written (new or edited): it cannot end before it starts; its fields are the plan's priority fields. */
export async function courseIssues(ctx: UseCaseContext, input: CourseInput): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (input.endDate < input.startDate) issues.push({ path: 'endDate', message: 'Ngày kết thúc khóa học không được trước ngày bắt đầu' });
  const params = await planParamsOn(ctx.tx, input.startDate, ctx.today);
  const unknown = input.fields.filter((f) => !params.priorityFields.includes(f));
  if (unknown.length) issues.push({ path: 'fields', message: `Lĩnh vực không có trong danh mục lĩnh vực ưu tiên của kế hoạch: ${unknown.join(', ')}` });
  return issues;
}

/** Sở Nội vụ adds a course to the catalogue. Its fields are the plan's priority fields; it cannot end before it starts. */
export async function createCourse(ctx: UseCaseContext, input: CourseInput) {
  const issues = await courseIssues(ctx, input);
  if (issues.length) throw invalid(issues);
  const id = await insertCourse(ctx.tx, {
    ...input,
    requiresPlanning: input.requiresPlanning ?? false,
    costPerParticipantVnd: BigInt(input.costPerParticipantVnd),
    createdBy: ctx.actor.userId,
  });
  await recordAudit(ctx.tx, ctx, { action: 'create', entityType: 'training_course', entityId: id, after: input });
  return { id };
}
