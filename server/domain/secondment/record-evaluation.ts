import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { evaluationInput } from '../../../common/schemas/secondment.js';
import { insertEvaluation, ratingLevel } from '../../db/repositories/secondment.repository.js';
import { AppError, invalid, type Issue } from '../errors.js';
import { recordActivity, loadForStep } from './step.js';

/** The host evaluates the cadre and proposes the year's rating (Plan 131 IV.1.c, S10): one evaluation per year. */
export async function recordEvaluation(ctx: UseCaseContext, id: string, input: z.infer<typeof evaluationInput>) {
  const s = await loadForStep(ctx, id, 'evaluate');
  const issues: Issue[] = [];
  if (!(await ratingLevel(ctx.tx, input.proposedRating))) issues.push({ path: 'proposedRating', message: 'Mức xếp loại không có trong danh mục' });
  if (input.evaluatedOn > ctx.today) issues.push({ path: 'evaluatedOn', message: 'Ngày đánh giá không được sau ngày hôm nay' });
  if (s.startDate && input.year < Number(s.startDate.slice(0, 4))) issues.push({ path: 'year', message: 'Năm đánh giá phải từ năm bắt đầu tăng cường' });
  if (issues.length) throw invalid(issues);
  const evaluationId = await insertEvaluation(ctx.tx, {
    secondmentId: s.id,
    year: input.year,
    evaluatedOn: input.evaluatedOn,
    proposedRating: input.proposedRating,
    strengths: input.strengths ?? null,
    weaknesses: input.weaknesses ?? null,
    usageProposal: input.usageProposal ?? null,
    userId: ctx.actor.userId,
    userName: ctx.actor.displayName,
  });
  if (!evaluationId) throw new AppError('conflict', `Đã có nhận xét, đánh giá năm ${input.year} cho cán bộ này.`);
  await recordActivity(ctx, s, 'evaluate', `Nhận xét, đánh giá năm ${input.year}; đề xuất xếp loại ${input.proposedRating}`, { evaluationId, ...input });
  return { id: evaluationId };
}
