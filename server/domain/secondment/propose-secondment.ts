import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { proposeInput } from '../../../common/schemas/secondment.js';
import { GRASSROOTS_KINDS } from '../../../common/enums.js';
import { SECONDMENT_OPEN_STATUSES, SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../common/secondment.js';
import { peopleScope } from '../../db/scope.js';
import { findPersonInScope } from '../../db/repositories/personnel.repository.js';
import { findUnit, insertEvent, insertSecondment, openSecondmentOf } from '../../db/repositories/secondment.repository.js';
import { AppError, forbidden, invalid, notFound, type Issue } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { pgErrorCode } from '../../db/sql-helpers.js';
import { quotaOfUnit, screenForSecondment, type VerdictSnapshot } from './recheck.js';
import { VERDICT_LABELS } from '../../../common/eligibility.js';

/**
 * The sending unit proposes one of its people (Plan 131 IV.1.b, S8): the screening is run again now and kept
 * with the proposal; a person who is not eligible may be proposed only with a written justification, which
 * Sở Nội vụ reads at the appraisal. The proposal counts against the unit's quota from now on.
 */
export async function proposeSecondment(ctx: UseCaseContext, input: z.infer<typeof proposeInput>) {
  const { tx, actor } = ctx;
  const person = await findPersonInScope(tx, input.personId, peopleScope(ctx), true);
  if (!person) throw notFound('Cán bộ');
  const unitRole = actor.grants.some((g) => (g.role === 'unit_hr' || g.role === 'unit_manager') && g.unitId && person.unitPath.includes(g.unitId));
  if (!unitRole) throw forbidden('Chỉ đơn vị quản lý cán bộ mới được đề xuất cử cán bộ đó đi tăng cường.');
  if (person.status !== 'active') throw new AppError('conflict', 'Cán bộ không còn đang công tác, không thể đề xuất.');

  const open = await openSecondmentOf(tx, person.id, SECONDMENT_OPEN_STATUSES);
  if (open) {
    throw new AppError(
      'conflict',
      `Cán bộ đã có một đợt tăng cường chưa kết thúc (${SECONDMENT_STATUS_LABELS[open.status as SecondmentStatus] ?? open.status}); mỗi người chỉ có một đợt tại một thời điểm.`,
    );
  }
  const screened = await screenForSecondment(ctx, person.id);
  if (!screened) throw notFound('Cán bộ');
  const { facts, snapshot } = screened;
  if (!facts.sendingUnitId)
    throw new AppError('conflict', 'Cán bộ không thuộc cơ quan, đơn vị cấp tỉnh nên không thuộc đối tượng cử tăng cường về cơ sở theo kế hoạch.');

  const issues: Issue[] = [];
  if (snapshot.verdict !== 'eligible' && !input.justification) {
    const failing = snapshot.criteria.filter((c) => c.result !== 'pass').map((c) => c.reason);
    issues.push({
      path: 'justification',
      message: `Kết quả sàng lọc hôm nay: ${VERDICT_LABELS[snapshot.verdict as keyof typeof VERDICT_LABELS] ?? snapshot.verdict} (${failing.join('; ')}). Muốn đề xuất, đơn vị phải ghi rõ lý do để Sở Nội vụ xem xét.`,
    });
  }
  if (input.suggestedHostUnitId) {
    const host = await findUnit(tx, input.suggestedHostUnitId);
    if (!host || !GRASSROOTS_KINDS.includes(host.kind)) issues.push({ path: 'suggestedHostUnitId', message: 'Nơi đến phải là một xã, phường' });
  }
  if (issues.length) throw invalid(issues);

  const quota = await quotaOfUnit(ctx, facts.sendingUnitId);
  return fileProposal(ctx, {
    personId: person.id,
    sendingUnitId: facts.sendingUnitId,
    hostUnitId: input.suggestedHostUnitId ?? null,
    targetGroup: input.targetGroup,
    suggestedRole: input.suggestedRole ?? null,
    remarks: input.remarks,
    justification: input.justification ?? null,
    snapshot: { ...snapshot, quota: quota ?? undefined },
    audit: { ...input, verdict: snapshot.verdict },
  });
}

/**
 * Writes a proposal with its screening (the one home of a proposal's rows, event and audit): by the sending unit
 * above, or by Sở Nội vụ accepting a matching run's pair (matching/accept-matching.ts), which carries the run's id.
 */
export async function fileProposal(
  ctx: UseCaseContext,
  p: {
    personId: string;
    sendingUnitId: string;
    hostUnitId: string | null;
    targetGroup: number;
    suggestedRole: string | null;
    remarks: string;
    justification: string | null;
    snapshot: VerdictSnapshot;
    matchingRunId?: string;
    audit: Record<string, unknown>;
  },
) {
  const { tx, actor } = ctx;
  const id = await insertSecondment(tx, {
    personId: p.personId,
    sendingUnitId: p.sendingUnitId,
    hostUnitId: p.hostUnitId,
    status: 'proposed',
    targetGroup: p.targetGroup,
    suggestedRole: p.suggestedRole,
    remarks: p.remarks,
    eligibleAtProposal: p.snapshot.verdict === 'eligible',
    justification: p.justification,
    proposalVerdict: p.snapshot,
    matchingRunId: p.matchingRunId ?? null,
    proposedBy: actor.userId,
    proposedAt: new Date(),
  }).catch((e: unknown) => {
    // two officers proposing the same person at once: the unique index lets one through
    if (pgErrorCode(e) === '23505') throw new AppError('conflict', 'Cán bộ vừa được đề xuất bởi người khác; mỗi người chỉ có một đợt tăng cường tại một thời điểm.');
    throw e;
  });
  await insertEvent(tx, { secondmentId: id, action: 'propose', toStatus: 'proposed', actorUserId: actor.userId, actorName: actor.displayName, note: p.remarks });
  await recordAudit(tx, ctx, { action: 'secondment.propose', entityType: 'secondment', entityId: id, personId: p.personId, after: p.audit });
  return { id };
}
