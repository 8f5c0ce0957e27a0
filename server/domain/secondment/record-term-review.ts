import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { termReviewInput } from '../../../common/schemas/secondment.js';
import { TERM_REVIEW_KIND_LABELS, type TermReviewKind } from '../../../common/secondment.js';
import { insertEvent, ratingLevel } from '../../db/repositories/secondment.repository.js';
import { upsertTermReview } from '../../db/repositories/secondment-steps.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid, type Issue } from '../errors.js';
import { viDate } from '../../../common/dates.js';
import { loadForStep } from './step.js';
import type { SecondmentActivity } from './secondment.policy.js';

/** Who writes each kind: the cadre's self-review is the cadre's (or the sending unit's for them), the others the host's. */
const ACTIVITY_OF: Record<TermReviewKind, SecondmentActivity> = {
  self_review: 'review_self',
  host_collective: 'review_host',
  host_party_committee: 'review_host',
};

/**
 * Records an end-of-term review (Decree 170/2025 Art. 49): the cadre's self-review, the host collective's
 * evaluation or the host Party committee's, one of each per secondment — saving one again replaces it, the
 * replaced text kept in the audit log. Allowed from when the cadre serves until they are placed on return; the
 * sending unit reads them beside its outcome rating when it places the cadre.
 */
export async function recordTermReview(ctx: UseCaseContext, id: string, input: z.infer<typeof termReviewInput>) {
  const s = await loadForStep(ctx, id, ACTIVITY_OF[input.kind]);
  const issues: Issue[] = [];
  if (input.reviewedOn > ctx.today) issues.push({ path: 'reviewedOn', message: 'Ngày nhận xét, đánh giá không được sau ngày hôm nay' });
  if (s.startDate && input.reviewedOn < s.startDate)
    issues.push({ path: 'reviewedOn', message: `Ngày nhận xét, đánh giá không được trước ngày bắt đầu tăng cường (${viDate(s.startDate)})` });
  if (input.proposedRating && !(await ratingLevel(ctx.tx, input.proposedRating)))
    issues.push({ path: 'proposedRating', message: 'Mức xếp loại không có trong danh mục' });
  if (issues.length) throw invalid(issues);
  const values = {
    reviewedOn: input.reviewedOn,
    proposedRating: input.proposedRating ?? null,
    content: input.content,
    strengths: input.strengths ?? null,
    weaknesses: input.weaknesses ?? null,
  };
  const { id: reviewId, before } = await upsertTermReview(ctx.tx, {
    secondmentId: s.id,
    kind: input.kind,
    ...values,
    userId: ctx.actor.userId,
    userName: ctx.actor.displayName,
  });
  const label = TERM_REVIEW_KIND_LABELS[input.kind];
  await insertEvent(ctx.tx, {
    secondmentId: s.id,
    action: 'term_review',
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    note: `${before ? 'Cập nhật' : 'Ghi nhận'} ${label.charAt(0).toLowerCase()}${label.slice(1)} ngày ${viDate(input.reviewedOn)}`,
    data: { reviewId, kind: input.kind },
  });
  await recordAudit(ctx.tx, ctx, {
    action: before ? 'secondment.term_review.update' : 'secondment.term_review.create',
    entityType: 'secondment_term_review',
    entityId: reviewId,
    personId: s.personId,
    before,
    after: { kind: input.kind, ...values },
    meta: { secondmentId: s.id },
  });
  return { id: reviewId };
}
