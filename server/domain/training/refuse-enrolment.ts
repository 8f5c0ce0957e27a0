import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findEnrolmentForUpdate, updateEnrolment } from '../../db/repositories/training.repository.js';
import { assertEnrolmentState } from './training.policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { notFound } from '../errors.js';

/** Sở Nội vụ refuses a nomination with a written reason; nothing is committed. */
export async function refuseEnrolment(ctx: UseCaseContext, id: string, input: { reason: string }) {
  const e = await findEnrolmentForUpdate(ctx.tx, id, peopleScope(ctx));
  if (!e) throw notFound('Hồ sơ cử đi đào tạo');
  assertEnrolmentState('refuse', e);
  await updateEnrolment(ctx.tx, e.id, {
    status: 'refused',
    refusalReason: input.reason.trim(),
    decidedBy: ctx.actor.userId,
    decidedByName: ctx.actor.displayName,
    decidedAt: 'now',
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'refuse',
    entityType: 'training_enrolment',
    entityId: e.id,
    personId: e.personId,
    before: { status: e.status },
    after: { status: 'refused', reason: input.reason },
  });
  return { id: e.id, status: 'refused' as const };
}
