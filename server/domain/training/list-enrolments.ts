import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findEnrolments } from '../../db/repositories/training.repository.js';
import { enrolmentActions, enrolmentPolicy } from './training.policy.js';
import { vndNumber } from './present.js';
import type { z } from 'zod';
import type { enrolment } from '../../../common/schemas/training.js';

export type EnrolmentItem = z.infer<typeof enrolment>;

/** The step of the repayment procedure each status waits for (repayment-procedure.ts). */
const REPAYMENT_NEXT_STEP: Record<string, 'council' | 'decide' | 'pay'> = { assessed: 'council', council_formed: 'decide', decided: 'pay' };

/** Nominations and trainings of the people in scope (a cadre: their own), with the actions allowed on each. */
export async function listEnrolments(
  ctx: UseCaseContext,
  f: { courseId?: string; status?: string; unitId?: string; personId?: string; year?: number },
): Promise<EnrolmentItem[]> {
  const rows = (await findEnrolments(ctx.tx, peopleScope(ctx), f)) as Record<string, unknown>[];
  return rows.map(({ unitPath, repayment, ...r }) => {
    const rep = repayment as { amountVnd: string; paidVnd: string | null; status: string } | null;
    const path = unitPath as string[];
    // the next step of the repayment procedure, offered to those who record repayments
    const step = rep && enrolmentPolicy.holds(ctx.actor, 'repay', { unit: [path] }) ? REPAYMENT_NEXT_STEP[rep.status] : undefined;
    return {
      ...r,
      estimatedCostVnd: vndNumber(r.estimatedCostVnd as string),
      committedVnd: vndNumber(r.committedVnd as string),
      spentVnd: vndNumber(r.spentVnd as string),
      repayment: rep
        ? { ...rep, amountVnd: vndNumber(rep.amountVnd), paidVnd: rep.paidVnd === null ? null : vndNumber(rep.paidVnd), allowedSteps: step ? [step] : [] }
        : null,
      // a repayment is computed once: then its procedure's steps are offered instead
      allowedActions: enrolmentActions(ctx.actor, { status: r.status as string, unitPath: path }).filter((a) => !(rep && a === 'repay')),
    } as EnrolmentItem;
  });
}
