import type { UseCaseContext } from '../context.js';
import { findFeedbackItem, findFeedbackReplies } from '../../db/repositories/feedback.repository.js';
import { notFound } from '../errors.js';
import { allowedFeedbackActions } from './feedback.policy.js';
import { feedbackScope } from '../../db/scope.js';

/** One item with its thread and what the actor may do on it; out of scope is not found. */
export async function getFeedback(ctx: UseCaseContext, id: string) {
  const item = await findFeedbackItem(ctx.tx, id, feedbackScope(ctx.actor));
  if (!item) throw notFound('Kiến nghị');
  const replies = await findFeedbackReplies(ctx.tx, id);
  const { unitPath: _p, authorUserId: _a, ...rest } = item;
  return { ...rest, replies, allowedActions: allowedFeedbackActions(ctx.actor, item) };
}
