import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findEnrolments } from '../../db/repositories/training.repository.js';
import { enrolmentActions } from './training.policy.js';
import { vndNumber } from './present.js';
import type { z } from 'zod';
import type { enrolment } from '../../../common/schemas/training.js';

export type EnrolmentItem = z.infer<typeof enrolment>;

/** Nominations and trainings of the people in scope (a cadre: their own), with the actions allowed on each. */
export async function listEnrolments(
  ctx: UseCaseContext,
  f: { courseId?: string; status?: string; unitId?: string; personId?: string; year?: number },
): Promise<EnrolmentItem[]> {
  const rows = (await findEnrolments(ctx.tx, peopleScope(ctx), f)) as Record<string, unknown>[];
  return rows.map(({ unitPath, repayment, ...r }) => {
    const rep = repayment as { amountVnd: string } | null;
    return {
      ...r,
      estimatedCostVnd: vndNumber(r.estimatedCostVnd as string),
      committedVnd: vndNumber(r.committedVnd as string),
      spentVnd: vndNumber(r.spentVnd as string),
      repayment: rep ? { ...rep, amountVnd: vndNumber(rep.amountVnd) } : null,
      allowedActions: enrolmentActions(ctx.actor, { status: r.status as string, unitPath: unitPath as string[] }),
    } as EnrolmentItem;
  });
}
