import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { decideInput, versionedReason } from '../../../common/schemas/secondment.js';
import { GRASSROOTS_KINDS } from '../../../common/enums.js';
import { partyOpinionBar } from '../../../common/secondment.js';
import { currentPost, findUnit, insertDecisionItem } from '../../db/repositories/secondment.repository.js';
import { AppError, forbidden, invalid, type Issue } from '../errors.js';
import { planInForce } from '../plans/plan-in-force.js';
import { checkDuration } from '../rules/secondment-term.js';
import { endDateOf } from '../../../common/dates.js';
import { viDate } from '../../../common/dates.js';
import { applyStep, loadForStep } from './step.js';
import { issueDecision } from './decision-numbers.js';
import { latestPartyOpinions } from '../../db/repositories/secondment-steps.repository.js';

/**
 * The authority decides to send one or many appraised cadres in one decision (Plan 131 I.4, S8; S5): the decision
 * is numbered in its year, each cadre gets a host commune, a start date and a duration of at least the plan's
 * minimum (shorter only as a recorded special case), and — when the plan requires it — after the Party committee
 * agreed and found the person meets the political standards. The home post is reserved as it stands today. All or none:
 * one stale or out-of-order record refuses the whole decision.
 */
export async function decideSecondments(ctx: UseCaseContext, input: z.infer<typeof decideInput>) {
  const ids = input.items.map((i) => i.secondmentId);
  if (new Set(ids).size !== ids.length) throw invalid([{ path: 'items', message: 'Một cán bộ xuất hiện hai lần trong quyết định' }]);
  const issues: Issue[] = [];
  const loaded = [];
  const opinions = await latestPartyOpinions(ctx.tx, ids);
  for (const [n, item] of input.items.entries()) {
    const s = await loadForStep(ctx, item.secondmentId, 'decide', item.version);
    if (s.proposedBy === ctx.actor.userId || s.appraisedBy === ctx.actor.userId) {
      throw forbidden('Người lập hoặc thẩm định đề xuất không được tự quyết định đề xuất đó.');
    }
    const plan = await planInForce(ctx.tx, item.startDate);
    issues.push(...checkDuration(item.durationMonths, item.shortDurationReason, plan.params, plan.ref.code, `items.${n}.shortDurationReason`));
    // Plan 131 II.1, Decree 170/2025 Art. 46: the Party committee's opinion comes before the decision
    const bar = plan.params.partyOpinionRequired ? partyOpinionBar(s.fullName, opinions.get(s.id), plan.ref.code) : null;
    if (bar) issues.push({ path: `items.${n}.secondmentId`, message: bar });
    const host = await findUnit(ctx.tx, item.hostUnitId);
    if (!host || !GRASSROOTS_KINDS.includes(host.kind)) issues.push({ path: `items.${n}.hostUnitId`, message: 'Nơi đến phải là một xã, phường' });
    if (item.startDate < input.decidedOn) issues.push({ path: `items.${n}.startDate`, message: 'Ngày bắt đầu không được trước ngày ký quyết định' });
    loaded.push({ s, item, host });
  }
  if (issues.length) throw invalid(issues);

  const decision = await issueDecision(ctx, 'send', input);
  for (const { s, item, host } of loaded) {
    const endDate = endDateOf(item.startDate, item.durationMonths);
    await insertDecisionItem(ctx.tx, {
      decisionId: decision.id,
      secondmentId: s.id,
      hostUnitId: item.hostUnitId,
      startDate: item.startDate,
      endDate,
      durationMonths: item.durationMonths,
      reason: item.shortDurationReason ?? null,
    });
    await applyStep(ctx, s, {
      action: 'decide',
      to: 'decided',
      note: `Quyết định số ${decision.number} ngày ${viDate(input.decidedOn)}: cử đến ${host!.name}`,
      set: {
        decisionId: decision.id,
        decisionNo: decision.number,
        hostUnitId: item.hostUnitId,
        startDate: item.startDate,
        endDate,
        durationMonths: item.durationMonths,
        shortDurationReason: item.shortDurationReason ?? null,
        reservedPost: await currentPost(ctx.tx, s.personId),
      },
      data: { decisionId: decision.id },
    });
  }
  return { decisionId: decision.id, number: decision.number, secondmentIds: ids };
}

/** The authority decides not to send an appraised cadre, with its reasons; the proposal is closed. */
export async function rejectProposal(ctx: UseCaseContext, id: string, input: z.infer<typeof versionedReason>) {
  const s = await loadForStep(ctx, id, 'reject', input.version);
  if (s.proposedBy === ctx.actor.userId) throw new AppError('forbidden', 'Người lập đề xuất không được tự quyết định đề xuất đó.');
  return applyStep(ctx, s, { action: 'reject', to: 'rejected', note: input.reason });
}
