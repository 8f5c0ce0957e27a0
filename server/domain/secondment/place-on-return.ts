import { allOf } from '../../db/sql-helpers.js';
import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { placeInput, PostSnapshot } from '../../../common/schemas/secondment.js';
import { unitsScope } from '../../db/scope.js';
import { findUnit, findRank, insertDecisionItem, ratingLevel, closeHostAccess, currentPost } from '../../db/repositories/secondment.repository.js';
import { updatePersonFields } from '../../db/repositories/personnel.repository.js';
import { AppError, invalid, type Issue } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { addDays, viDate } from '../../../common/dates.js';
import { placementClause, placementLowerReasons } from '../rules/placement-not-lower.js';
import { planCodeOn } from '../plans/plan-in-force.js';
import { extraStepOnReturn, isCompletedWell } from '../rules/pay/salary-steps.js';
import { applyStep, loadForStep } from './step.js';
import { issueDecision, unitIssuer } from './decision-numbers.js';

/**
 * The sending unit takes the cadre back and places them (Plan 131 II.2, IV.1.b; S9, S16): in a post not lower
 * than the one reserved at the decision (checked, with the clause), with the outcome evaluation, and one extra
 * salary step when they completed the term well unless already at the last step. The person's record takes the
 * new post; the host's access ends; a numbered decision records it.
 */
export async function placeOnReturn(ctx: UseCaseContext, id: string, input: z.infer<typeof placeInput>) {
  const s = await loadForStep(ctx, id, 'place', input.version);
  const reserved = s.reservedPost;
  if (!reserved) throw new AppError('conflict', 'Hồ sơ không có vị trí công tác được bảo lưu; không thể kiểm tra việc bố trí.');
  const issues: Issue[] = [];
  const unit = await findUnit(ctx.tx, input.placement.unitId, unitsScope(ctx.actor));
  if (!unit) issues.push({ path: 'placement.unitId', message: 'Đơn vị bố trí không tồn tại hoặc ngoài phạm vi quản lý của bạn' });
  // the placement's rank and step: the person's current ones unless the placement gives others
  const now = await currentPost(ctx.tx, s.personId);
  const rankCode = input.placement.rankCode ?? now.rankCode;
  const rankChanged = (rankCode ?? null) !== (now.rankCode ?? null);
  const salaryStep = input.placement.salaryStep ?? (rankChanged ? null : now.salaryStep);
  const [rank, reservedRank] = await allOf(ctx.tx, [
    async () => (rankCode ? findRank(ctx.tx, rankCode) : null),
    async () => (reserved.rankCode ? findRank(ctx.tx, reserved.rankCode) : null),
  ]);
  let salaryCoefficient = now.salaryCoefficient;
  if (rankCode && !rank) issues.push({ path: 'placement.rankCode', message: 'Ngạch của vị trí bố trí không có trong danh mục' });
  else if (rankChanged && salaryStep == null) issues.push({ path: 'placement.salaryStep', message: 'Chọn bậc lương của ngạch bố trí' });
  else if (rank && salaryStep != null && (rankChanged || input.placement.salaryStep != null)) {
    if (salaryStep > rank.coefficients.length) {
      issues.push({ path: 'placement.salaryStep', message: `Ngạch ${rank.name} có ${rank.coefficients.length} bậc lương` });
    } else salaryCoefficient = rank.coefficients[salaryStep - 1];
  }
  const lower = placementLowerReasons(
    { ...reserved, rankName: reservedRank?.name, rankGrade: reservedRank?.grade },
    { ...input.placement, rankCode, rankName: rank?.name, rankGrade: rank?.grade, salaryCoefficient },
  );
  if (lower.length && !input.lowerReason) {
    // the clause cites the plan in force today (plans/plan-in-force.ts)
    const planCode = await planCodeOn(ctx.tx, ctx.today);
    const clause = placementClause(planCode);
    for (const reason of lower) issues.push({ path: 'placement', message: `Vị trí bố trí thấp hơn vị trí được bảo lưu (${clause}): ${reason}` });
    issues.push({ path: 'lowerReason', message: 'Bố trí thấp hơn vị trí được bảo lưu chỉ khi cấp có thẩm quyền ghi rõ lý do' });
  }
  const rating = await ratingLevel(ctx.tx, input.outcomeRating);
  if (!rating) issues.push({ path: 'outcomeRating', message: 'Mức đánh giá không có trong danh mục' });
  const end = s.actualEndDate ?? s.endDate!;
  if (input.returnedOn < end) issues.push({ path: 'returnedOn', message: `Ngày trở về không được trước ngày kết thúc tăng cường (${viDate(end)})` });
  if (input.returnedOn > ctx.today) issues.push({ path: 'returnedOn', message: 'Ngày trở về không được sau ngày hôm nay' });
  if (issues.length) throw invalid(issues);

  const step = extraStepOnReturn({
    completedWell: s.status === 'completed' && isCompletedWell(input.outcomeRating),
    salaryStep,
    steps: rank?.coefficients ?? null,
  });
  const placement: PostSnapshot = {
    unitId: unit!.id,
    unitName: unit!.name,
    jobPostId: input.placement.jobPostId ?? null,
    positionTitle: input.placement.positionTitle,
    isLeader: input.placement.isLeader,
    leadershipAllowanceCoef: input.placement.leadershipAllowanceCoef == null ? null : input.placement.leadershipAllowanceCoef.toFixed(2),
    rankCode,
    salaryStep: step.granted ? step.stepAfter : salaryStep,
    salaryCoefficient: step.granted ? step.coefficientAfter : salaryCoefficient,
    ...(lower.length ? { lowerThanReserved: lower, lowerReason: input.lowerReason } : {}),
  };
  const lowerNote = lower.length ? ` Bố trí thấp hơn vị trí được bảo lưu (${lower.join(' ')}); lý do: ${input.lowerReason}.` : '';
  // the sending unit takes its cadre back by its own decision, in its own numbering
  const decision = await issueDecision(ctx, 'return', input, await unitIssuer(ctx.tx, s.sendingUnitId));
  await insertDecisionItem(ctx.tx, {
    decisionId: decision.id,
    secondmentId: s.id,
    hostUnitId: s.hostUnitId,
    startDate: s.startDate,
    endDate: end,
    reason: input.outcomeRemarks,
  });
  const result = await applyStep(ctx, s, {
    action: 'place',
    to: 'returned',
    note: `Quyết định số ${decision.number}: bố trí ${placement.positionTitle}, ${placement.unitName}. ${step.reason}${lowerNote}`,
    set: {
      placement,
      outcomeRating: input.outcomeRating,
      outcomeRemarks: input.outcomeRemarks,
      extraStepGranted: step.granted,
      returnedOn: input.returnedOn,
    },
    data: { decisionId: decision.id, extraStep: step, ...(lower.length ? { lowerThanReserved: lower, lowerReason: input.lowerReason } : {}) },
  });

  const changes = {
    unitId: placement.unitId,
    jobPostId: placement.jobPostId,
    positionTitle: placement.positionTitle,
    isLeader: placement.isLeader,
    leadershipAllowanceCoef: placement.leadershipAllowanceCoef,
    ...(placement.rankCode !== now.rankCode || placement.salaryStep !== now.salaryStep || placement.salaryCoefficient !== now.salaryCoefficient
      ? { rankCode: placement.rankCode, salaryStep: placement.salaryStep, salaryCoefficient: placement.salaryCoefficient }
      : {}),
  };
  await updatePersonFields(ctx.tx, s.personId, changes);
  await recordAudit(ctx.tx, ctx, {
    action: 'update',
    entityType: 'person',
    entityId: s.personId,
    personId: s.personId,
    before: now,
    after: changes,
    meta: { source: 'secondment.place', secondmentId: s.id, ...(lower.length ? { lowerThanReserved: lower, lowerReason: input.lowerReason } : {}) },
  });
  // back at the unit from the return date: the host's access ends the day before at the latest
  await closeHostAccess(ctx.tx, s.id, addDays(input.returnedOn, -1));
  return { decisionId: decision.id, number: decision.number, secondmentIds: [result.id] };
}
