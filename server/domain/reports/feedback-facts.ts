import type { UseCaseContext } from '../context.js';
import type { FigureScope } from '../../db/repositories/reports.repository.js';
import { feedbackRaisedIn } from '../../db/repositories/feedback.repository.js';
import { feedbackScope } from '../../db/scope.js';
import type { ReportFeedback, ReportFigure } from '../../../common/schemas/reports.js';

/**
 * Section V: the feedback the units raised in the period (for a unit's report, its subtree's), as the actor sees
 * it — offered to the writer as facts to take into the proposals — and its counts: raised, still waiting for an answer.
 */
export async function feedbackFacts(ctx: UseCaseContext, scope: FigureScope): Promise<{ feedback: ReportFeedback[]; figures: ReportFigure[] }> {
  const feedback = await feedbackRaisedIn(ctx.tx, scope, feedbackScope(ctx.actor));
  return {
    feedback,
    figures: [
      { key: 'feedback.raised', group: 'feedback', label: 'Kiến nghị, đề xuất các đơn vị gửi trong kỳ', unit: 'kiến nghị', value: feedback.length },
      {
        key: 'feedback.open',
        group: 'feedback',
        label: 'Trong đó: đang chờ Sở Nội vụ trả lời',
        unit: 'kiến nghị',
        value: feedback.filter((x) => x.status === 'open').length,
      },
    ],
  };
}
