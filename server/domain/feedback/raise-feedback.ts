import type { UseCaseContext } from '../context.js';
import type { FeedbackKind } from '../../../common/secondment.js';
import { findFeedbackUnit, findLinkableSecondment, insertFeedbackItem } from '../../db/repositories/feedback.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { forbidden, invalid, type Issue } from '../errors.js';
import { authorGrants, checkFeedbackText } from './feedback.policy.js';

export interface RaiseFeedbackInput {
  kind: FeedbackKind;
  subject: string;
  body: string;
  /** The unit raising it; by default the unit the actor acts for. */
  unitId?: string | null;
  secondmentId?: string | null;
}

/**
 * A sending unit or a host commune raises a difficulty or proposes a change to the plan (S17), optionally about
 * one of its secondments. It waits for Sở Nội vụ's answer.
 */
export async function raiseFeedback(ctx: UseCaseContext, input: RaiseFeedbackInput) {
  const grants = authorGrants(ctx.actor);
  if (grants.length === 0) throw forbidden('Chỉ đơn vị cử cán bộ hoặc đơn vị tiếp nhận được gửi kiến nghị, đề xuất.');
  const issues: Issue[] = checkFeedbackText(input);
  let unitId = grants[0].unitId!;
  if (input.unitId) {
    const unit = await findFeedbackUnit(ctx.tx, input.unitId);
    if (!unit || !grants.some((g) => unit.path.includes(g.unitId!))) {
      issues.push({ path: 'unitId', message: 'Đơn vị gửi không thuộc phạm vi của bạn' });
    } else unitId = unit.id;
  }
  if (input.secondmentId && !(await findLinkableSecondment(ctx.tx, input.secondmentId, [unitId]))) {
    issues.push({ path: 'secondmentId', message: 'Không tìm thấy đợt tăng cường này trong phạm vi đơn vị gửi kiến nghị' });
  }
  if (issues.length) throw invalid(issues);
  const v = {
    unitId,
    kind: input.kind,
    subject: input.subject.normalize('NFC').trim(),
    body: input.body.normalize('NFC').trim(),
    secondmentId: input.secondmentId ?? null,
    authorUserId: ctx.actor.userId,
    authorName: ctx.actor.displayName,
  };
  const created = await insertFeedbackItem(ctx.tx, v);
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'feedback_item',
    entityId: created.id,
    after: { unitId, kind: v.kind, subject: v.subject, body: v.body, secondmentId: v.secondmentId, status: 'open' },
  });
  return created;
}
