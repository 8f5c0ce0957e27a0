import type { UseCaseContext } from '../context.js';
import { findFeedbackItem, updateFeedbackStatus } from '../../db/repositories/feedback.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { feedbackPolicy, staleVersion } from './feedback.policy.js';
import { feedbackScope } from '../../db/scope.js';

/** Sở Nội vụ closes an item: the matter is settled, the thread stays readable but takes no more replies. */
export async function closeFeedback(ctx: UseCaseContext, id: string, input: { version: number }) {
  const item = await findFeedbackItem(ctx.tx, id, feedbackScope(ctx.actor), true);
  if (!item) throw notFound('Kiến nghị');
  if (!feedbackPolicy.mayAct(ctx.actor, 'close', item)) throw forbidden(feedbackPolicy.actions.close.refused);
  if (input.version !== item.version) throw staleVersion();
  if (item.status === 'closed') throw new AppError('validation', 'Kiến nghị đã được đóng trước đó.', [{ path: 'status', message: 'Kiến nghị đã đóng' }]);
  const version = await updateFeedbackStatus(ctx.tx, id, 'closed', item.version);
  if (version === null) throw staleVersion();
  await recordAudit(ctx.tx, ctx, {
    action: 'close',
    entityType: 'feedback_item',
    entityId: id,
    before: { status: item.status, version: item.version },
    after: { status: 'closed', version },
  });
  return { version, status: 'closed' as const };
}
