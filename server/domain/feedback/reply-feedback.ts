import type { UseCaseContext } from '../context.js';
import { findFeedbackItem, insertFeedbackReply, updateFeedbackStatus } from '../../db/repositories/feedback.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { alreadyClosed, answersFor, checkFeedbackText, feedbackPolicy, staleVersion, statusAfterReply } from './feedback.policy.js';
import { feedbackScope } from '../../db/scope.js';

/**
 * Adds a reply to the thread. Sở Nội vụ's reply answers the item; the raising unit's reply (more details, or
 * disagreement with the answer) puts it back among those waiting for an answer. A closed item takes no reply.
 */
export async function replyFeedback(ctx: UseCaseContext, id: string, input: { version: number; body: string }) {
  const item = await findFeedbackItem(ctx.tx, id, feedbackScope(ctx.actor), true);
  if (!item) throw notFound('Kiến nghị');
  const fromHomeAffairs = answersFor(ctx.actor, item.unitPath);
  if (!feedbackPolicy.mayAct(ctx.actor, 'reply', item)) throw forbidden(feedbackPolicy.actions.reply.refused);
  if (input.version !== item.version) throw staleVersion();
  if (item.status === 'closed') throw alreadyClosed();
  const issues = checkFeedbackText({ body: input.body });
  if (issues.length) throw invalid(issues);
  const status = statusAfterReply(fromHomeAffairs);
  const version = await updateFeedbackStatus(ctx.tx, id, status, item.version);
  if (version === null) throw staleVersion();
  const body = input.body.normalize('NFC').trim();
  const replyId = await insertFeedbackReply(ctx.tx, { itemId: id, body, authorUserId: ctx.actor.userId, authorName: ctx.actor.displayName, fromHomeAffairs });
  await recordAudit(ctx.tx, ctx, {
    action: 'reply',
    entityType: 'feedback_item',
    entityId: id,
    before: { status: item.status, version: item.version },
    after: { status, version, replyId, body, fromHomeAffairs },
  });
  return { version, status };
}
