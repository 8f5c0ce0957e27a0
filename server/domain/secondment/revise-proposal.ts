import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { resubmitInput, versionedReason } from '../../../common/schemas/secondment.js';
import { GRASSROOTS_KINDS } from '../../../common/enums.js';
import { findUnit } from '../../db/repositories/secondment.repository.js';
import { invalid } from '../errors.js';
import { applyStep, loadForStep } from './step.js';
import { screenForSecondment } from './recheck.js';

/** The sending unit revises a proposal Sở Nội vụ sent back and submits it again; the screening is run again. */
export async function resubmitProposal(ctx: UseCaseContext, id: string, input: z.infer<typeof resubmitInput>) {
  const s = await loadForStep(ctx, id, 'resubmit', input.version);
  const screened = await screenForSecondment(ctx, s.personId, s.id);
  const snapshot = screened?.snapshot ?? null;
  const issues = [];
  if (snapshot && snapshot.verdict !== 'eligible' && !input.justification) {
    issues.push({ path: 'justification', message: 'Cán bộ chưa đủ điều kiện theo kết quả sàng lọc hôm nay: phải ghi rõ lý do đề xuất.' });
  }
  if (input.suggestedHostUnitId) {
    const host = await findUnit(ctx.tx, input.suggestedHostUnitId);
    if (!host || !GRASSROOTS_KINDS.includes(host.kind)) issues.push({ path: 'suggestedHostUnitId', message: 'Nơi đến phải là một xã, phường' });
  }
  if (issues.length) throw invalid(issues);
  return applyStep(ctx, s, {
    action: 'resubmit',
    to: 'proposed',
    note: input.note ?? null,
    set: {
      targetGroup: input.targetGroup,
      remarks: input.remarks,
      hostUnitId: input.suggestedHostUnitId ?? null,
      suggestedRole: input.suggestedRole,
      justification: input.justification,
      eligibleAtProposal: snapshot?.verdict === 'eligible',
      proposalVerdict: snapshot,
      proposedAt: new Date(),
      proposedBy: ctx.actor.userId,
    },
  });
}

/** The sending unit withdraws its proposal before the decision; it no longer counts against the quota. */
export async function withdrawProposal(ctx: UseCaseContext, id: string, input: z.infer<typeof versionedReason>) {
  const s = await loadForStep(ctx, id, 'withdraw', input.version);
  return applyStep(ctx, s, { action: 'withdraw', to: 'withdrawn', note: input.reason });
}
