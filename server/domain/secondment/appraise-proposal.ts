import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { forwardInput, versionedReason } from '../../../common/schemas/secondment.js';
import { VERDICT_LABELS, type Verdict } from '../../../common/eligibility.js';
import { QUOTA_FORWARDED_STATUSES } from '../../../common/secondment.js';
import { forbidden, invalid, type Issue } from '../errors.js';
import { applyStep, loadForStep } from './step.js';
import { quotaOfUnit, screenForSecondment } from './recheck.js';
import { countByStatus } from '../../db/repositories/secondment.repository.js';

/**
 * Sở Nội vụ appraises a proposal (Plan 131 IV.3, S8): eligibility is checked again today and the unit's quota
 * too. It forwards an eligible proposal within the quota; forwarding anything else needs its own written reason.
 * Nobody appraises a proposal they made.
 */
export async function forwardProposal(ctx: UseCaseContext, id: string, input: z.infer<typeof forwardInput>) {
  const s = await loadForStep(ctx, id, 'forward', input.version);
  if (s.proposedBy === ctx.actor.userId) throw forbidden('Người lập đề xuất không được tự thẩm định đề xuất của mình.');
  const screened = await screenForSecondment(ctx, s.personId, s.id);
  const quota = await quotaOfUnit(ctx, s.sendingUnitId);
  const issues: Issue[] = [];
  const verdict = (screened?.snapshot.verdict ?? 'needs_info') as Verdict;
  if (verdict !== 'eligible' && !input.overrideReason) {
    const failing = (screened?.snapshot.criteria ?? []).filter((c) => c.result !== 'pass').map((c) => c.reason);
    issues.push({
      path: 'overrideReason',
      message: `Thẩm định lại hôm nay: ${VERDICT_LABELS[verdict]}${failing.length ? ` (${failing.join('; ')})` : ''}. Muốn trình quyết định, Sở Nội vụ phải ghi rõ lý do; nếu không, trả lại đề xuất.`,
    });
  }
  // the proposals already forwarded, decided or serving, plus this one, against the unit's target
  const forwarded = quota ? (await countByStatus(ctx.tx, s.sendingUnitId, QUOTA_FORWARDED_STATUSES)) + 1 : 0;
  if (quota && quota.target !== null && forwarded > quota.target && !input.overrideReason) {
    issues.push({
      path: 'overrideReason',
      message: `Vượt chỉ tiêu của đơn vị: chỉ tiêu ${quota.target} người (${quota.explanation}); nếu trình thêm hồ sơ này sẽ là ${forwarded} người. Phải ghi rõ lý do.`,
    });
  }
  if (issues.length) throw invalid(issues);
  return applyStep(ctx, s, {
    action: 'forward',
    to: 'appraised',
    note: input.overrideReason ? `${input.note ?? ''}${input.note ? ' — ' : ''}Lý do trình: ${input.overrideReason}` : input.note,
    set: {
      appraisalVerdict: screened ? { ...screened.snapshot, quota: quota ?? undefined } : null,
      appraisalNote: input.overrideReason ?? input.note ?? null,
      appraisedBy: ctx.actor.userId,
      appraisedAt: new Date(),
    },
    data: { verdict, overrideReason: input.overrideReason ?? null, quota },
  });
}

/** Sở Nội vụ (at the appraisal) or the authority (before deciding) sends a proposal back with its reasons. */
export async function sendBackProposal(ctx: UseCaseContext, id: string, input: z.infer<typeof versionedReason>) {
  const s = await loadForStep(ctx, id, 'send_back', input.version);
  return applyStep(ctx, s, { action: 'send_back', to: 'sent_back', note: input.reason });
}
