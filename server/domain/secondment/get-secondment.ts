import { allOf } from '../../db/sql-helpers.js';
import type { UseCaseContext } from '../context.js';
import { findSecondment, loadSecondmentDetail } from '../../db/repositories/secondment.repository.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { allowedActions, readsProposal } from './secondment.policy.js';
import { secondmentsScope } from '../../db/scope.js';
import { listPartyOpinions, listTermReviews, findReturnRecords } from '../../db/repositories/secondment-steps.repository.js';
import { planInForce } from '../plans/plan-in-force.js';
import { AppError } from '../errors.js';

/** Whether the plan in force on the day requires the Party committee's opinion; false when no plan governs it. */
async function partyOpinionRequiredOn(ctx: UseCaseContext, on: string) {
  try {
    return (await planInForce(ctx.tx, on)).params.partyOpinionRequired;
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}

/**
 * One secondment's whole record for its page, with the steps the actor may take now. The proposal's inside
 * (screening verdicts, remarks, justification) is withheld from the host commune; reading it is logged, since
 * the verdicts' reasons speak of health and discipline.
 */
export async function getSecondment(ctx: UseCaseContext, id: string) {
  const s = await findSecondment(ctx.tx, id, secondmentsScope(ctx.actor));
  if (!s) throw notFound('Hồ sơ tăng cường');
  const today = ctx.today;
  const [base, opinions, termReviews, records, partyOpinionRequired] = await allOf(ctx.tx, [
    () => loadSecondmentDetail(ctx.tx, id, today),
    () => listPartyOpinions(ctx.tx, id),
    () => listTermReviews(ctx.tx, id),
    () => findReturnRecords(ctx.tx, id),
    () => partyOpinionRequiredOn(ctx, today),
  ]);
  const detail = {
    ...base,
    partyOpinions: opinions.map(({ secondmentId: _, ...o }) => o),
    partyOpinionRequired,
    termReviews,
    commendation: records?.commendation ?? null,
    followUp: records?.followUp ?? null,
  };
  const actions = allowedActions(ctx.actor, s, today);
  if (!readsProposal(ctx.actor, s)) {
    return {
      ...detail,
      // the Party committee's opinion is part of how the person was chosen
      partyOpinions: [],
      proposalVerdict: null,
      appraisalVerdict: null,
      remarks: null,
      justification: null,
      appraisalNote: null,
      allowedActions: actions,
      proposalWithheld: true,
    };
  }
  if (detail.proposalVerdict || detail.appraisalVerdict) {
    await recordAudit(ctx.tx, ctx, {
      action: 'read_sensitive',
      entityType: 'secondment',
      entityId: id,
      personId: s.personId,
      meta: { sections: ['screening_verdict'] },
    });
  }
  return { ...detail, allowedActions: actions, proposalWithheld: false };
}
