import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { partyOpinionInput } from '../../../common/schemas/secondment.js';
import { PARTY_OPINION_OUTCOME_LABELS, POLITICAL_CONCLUSION_LABELS } from '../../../common/secondment.js';
import { insertPartyOpinion } from '../../db/repositories/secondment-steps.repository.js';
import { invalid, type Issue } from '../errors.js';
import { viDate } from '../../../common/dates.js';
import { recordActivity, loadForStep } from './step.js';

/**
 * Sở Nội vụ records the Party committee's opinion on a proposal and its conclusion on the person's political
 * standards (Plan 131 II.1; Decree 170/2025 Art. 46), before the authority decides. A later opinion (say, after
 * a review) is added, never overwritten: the latest one stands and the earlier ones stay as the record's history.
 */
export async function recordPartyOpinion(ctx: UseCaseContext, id: string, input: z.infer<typeof partyOpinionInput>) {
  const s = await loadForStep(ctx, id, 'record_party_opinion');
  const issues: Issue[] = [];
  if (input.givenOn > ctx.today) issues.push({ path: 'givenOn', message: 'Ngày có ý kiến không được sau ngày hôm nay' });
  if (issues.length) throw invalid(issues);
  const opinionId = await insertPartyOpinion(ctx.tx, {
    secondmentId: s.id,
    committeeName: input.committeeName,
    givenOn: input.givenOn,
    documentNo: input.documentNo,
    outcome: input.outcome,
    politicalConclusion: input.politicalConclusion,
    note: input.note ?? null,
    userId: ctx.actor.userId,
    userName: ctx.actor.displayName,
  });
  await recordActivity(
    ctx,
    s,
    'party_opinion',
    `Ý kiến của ${input.committeeName} (văn bản số ${input.documentNo} ngày ${viDate(input.givenOn)}): ${PARTY_OPINION_OUTCOME_LABELS[input.outcome]}; ${POLITICAL_CONCLUSION_LABELS[input.politicalConclusion]}`,
    { opinionId, ...input },
  );
  return { id: opinionId };
}
