import type { UseCaseContext } from '../context.js';
import { findSecondment, loadSecondmentDetail } from '../../db/repositories/secondment.repository.js';
import { notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { allowedActions, readsProposal } from './secondment.policy.js';
import { secondmentsScope } from '../../db/scope.js';

/**
 * One secondment's whole record for its page, with the steps the actor may take now. The proposal's inside
 * (screening verdicts, remarks, justification) is withheld from the host commune; reading it is logged, since
 * the verdicts' reasons speak of health and discipline.
 */
export async function getSecondment(ctx: UseCaseContext, id: string) {
  const s = await findSecondment(ctx.tx, id, secondmentsScope(ctx.actor));
  if (!s) throw notFound('Hồ sơ tăng cường');
  const today = ctx.today;
  const detail = await loadSecondmentDetail(ctx.tx, id, today);
  const actions = allowedActions(ctx.actor, s, today);
  if (!readsProposal(ctx.actor, s)) {
    return {
      ...detail,
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
