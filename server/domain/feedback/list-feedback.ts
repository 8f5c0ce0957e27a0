import type { UseCaseContext } from '../context.js';
import { findFeedbackPage, type FeedbackFilters } from '../../db/repositories/feedback.repository.js';
import { feedbackScope } from '../../db/scope.js';

export interface FeedbackListQuery extends FeedbackFilters {
  page: number;
  pageSize: number;
}

/**
 * The items in the actor's scope matching the filters, newest first, a page at a time, with the counts per
 * status and how many wait for Sở Nội vụ's answer.
 */
export async function listFeedback(ctx: UseCaseContext, q: FeedbackListQuery) {
  const r = await findFeedbackPage(ctx.tx, q, feedbackScope(ctx.actor));
  return {
    items: r.items,
    total: r.total,
    page: q.page,
    pageSize: q.pageSize,
    byStatus: { open: r.byStatus.open ?? 0, answered: r.byStatus.answered ?? 0, closed: r.byStatus.closed ?? 0 },
    waiting: r.waiting,
  };
}
