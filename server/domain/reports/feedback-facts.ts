import type { UseCaseContext } from '../context.js';
import { countFigures, type FigureScope } from '../../db/repositories/reports.repository.js';
import { feedbackRaisedIn } from '../../db/repositories/feedback.repository.js';
import { feedbackScope } from '../../db/scope.js';
import { figureSight } from './figure-scope.js';
import type { ReportFeedback, ReportFigure } from '../../../common/schemas/reports.js';

/**
 * Section V: the feedback the units raised in the period (for a unit's report, its subtree's), as the actor sees
 * it — offered to the writer as facts to take into the proposals — and its counts: raised, still waiting for an
 * answer (the `feedback` rows of `FIGURE_DEFS`, which also lists them; `n` when the report counted them already).
 */
export async function feedbackFacts(
  ctx: UseCaseContext,
  scope: FigureScope,
  n?: Record<string, number>,
): Promise<{ feedback: ReportFeedback[]; figures: ReportFigure[] }> {
  const feedback = await feedbackRaisedIn(ctx.tx, scope, feedbackScope(ctx.actor));
  const counts = n ?? (await countFigures(ctx.tx, scope, figureSight(ctx), ['feedback']));
  return {
    feedback,
    figures: [
      { key: 'feedback.raised', group: 'feedback', label: 'Kiến nghị, đề xuất các đơn vị gửi trong kỳ', unit: 'kiến nghị', value: counts['feedback.raised']! },
      {
        key: 'feedback.open',
        group: 'feedback',
        label: 'Trong đó: đang chờ Sở Nội vụ trả lời',
        unit: 'kiến nghị',
        value: counts['feedback.open']!,
      },
    ],
  };
}
