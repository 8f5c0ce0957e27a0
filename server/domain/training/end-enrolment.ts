import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findEnrolmentForUpdate, setNeedStatus, updateEnrolment } from '../../db/repositories/training.repository.js';
import { assertEnrolmentState } from './training.policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { notFound, refuseFutureDate } from '../errors.js';
import { releaseFromBudget } from './budget-movements.js';

/**
 * The enrolment ends without a degree: withdrawn (the commitment not yet spent is given back to the budget) or
 * failed. Either way, a person who then leaves repays 100 % (Decree 171/2025).
 */
export async function endEnrolment(ctx: UseCaseContext, id: string, input: { outcome: 'withdrawn' | 'failed'; endedOn: string; reason: string }) {
  const e = await findEnrolmentForUpdate(ctx.tx, id, peopleScope(ctx));
  if (!e) throw notFound('Hồ sơ cử đi đào tạo');
  assertEnrolmentState(input.outcome === 'failed' ? 'fail' : 'withdraw', e);
  // the enrolment has ended: a withdrawal gives the budget back on this date
  refuseFutureDate(ctx.today, 'endedOn', input.endedOn, input.outcome === 'failed' ? 'Ngày kết thúc' : 'Ngày rút');
  const unspent = BigInt(e.committedVnd) - BigInt(e.spentVnd);
  if (input.outcome === 'withdrawn' && e.budgetId && unspent > 0n) {
    await releaseFromBudget(ctx, { budgetId: e.budgetId, amount: unspent, enrolmentId: e.id, entryDate: input.endedOn });
    await updateEnrolment(ctx.tx, e.id, { committedVnd: BigInt(e.spentVnd) });
  }
  await updateEnrolment(ctx.tx, e.id, { status: input.outcome, endedOn: input.endedOn, endReason: input.reason.trim() });
  if (e.needId) await setNeedStatus(ctx.tx, e.needId, 'open');
  await recordAudit(ctx.tx, ctx, {
    action: input.outcome === 'failed' ? 'fail' : 'withdraw',
    entityType: 'training_enrolment',
    entityId: e.id,
    personId: e.personId,
    before: { status: e.status },
    after: { ...input, releasedVnd: input.outcome === 'withdrawn' ? unspent.toString() : '0' },
  });
  return { id: e.id, status: input.outcome };
}
