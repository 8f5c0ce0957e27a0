import type { UseCaseContext } from '../context.js';
import { findRound } from '../../db/repositories/demand.repository.js';
import {
  findAcceptedPeople,
  findCandidateExtras,
  findMatchingRun,
  findPeopleInScope,
  findRoundNeeds,
  findSeatsTaken,
  lockMatchingRun,
  markRunAccepted,
} from '../../db/repositories/matching.repository.js';
import { findQuotaUnits } from '../../db/repositories/quota.repository.js';
import { openSecondmentsOf } from '../../db/repositories/secondment.repository.js';
import { peopleScope, personIn, unitsScope } from '../../db/scope.js';
import { SECONDMENT_OPEN_STATUSES } from '../../../common/secondment.js';
import { VERDICT_LABELS, type Verdict } from '../../../common/eligibility.js';
import { screenFew } from '../eligibility/screen-people.js';
import { buildRuleContext } from '../eligibility/rule-context.js';
import { planInForce } from '../plans/plan-in-force.js';
import { computeQuotas } from '../plans/get-quotas.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound, type Issue } from '../errors.js';
import { fileProposal } from '../secondment/propose-secondment.js';
import { snapshotOf } from '../secondment/recheck.js';
import { destinationOfNeed, pairBlocksFor } from './pair-checks.js';
import { needLabel } from './explain-matching.js';
import type { MatchingResult } from './solve-matching.js';
import type { MatchingInput, MatchingNeed } from './model.js';
import { viDate } from '../../../common/dates.js';

export interface AcceptMatchingBody {
  /** The pairs to accept, each one of the run's; all the run's pairs not yet accepted when omitted. */
  pairs?: { personId: string; needId: string }[];
}

/**
 * Sở Nội vụ accepts pairs of a matching run (PRODUCT S7): each becomes a proposal in the secondment path
 * (secondment/propose-secondment.ts), its destination the need's commune, carrying the run's id; the sending unit
 * then sees it in its list and Sở Nội vụ appraises it as any other. Everything the run relied on is checked again
 * today, per pair: the person is still eligible and free, the pair checks (non-local, post standards) and the
 * disruption guard still pass, the need is still approved and unchanged with a seat left, the unit's quota still
 * holds them all. All or nothing: one failing pair refuses the acceptance with the reason of each, and nothing is
 * written. Two officers accepting the same run: an advisory lock on the run makes the second wait, then find the pairs
 * the first accepted (the unique index on run and person is the last guard).
 */
export async function acceptMatchingRun(ctx: UseCaseContext, runId: string, body: AcceptMatchingBody) {
  const { tx } = ctx;
  await lockMatchingRun(tx, runId);
  const row = await findMatchingRun(tx, runId);
  if (!row) throw notFound('Lần ghép');
  const round = await findRound(tx, row.roundId);
  if (!round || round.status !== 'approved')
    throw new AppError('conflict', 'Đợt tổng hợp nhu cầu của lần ghép không còn ở trạng thái đã phê duyệt; không thể chấp nhận.');
  const input = row.inputs as MatchingInput;
  const result = row.result as MatchingResult;
  const runPairs = new Map(result.pairs.map((p) => [`${p.candidateId}:${p.needId}`, p]));
  const already = await findAcceptedPeople(tx, runId);

  const issues: Issue[] = [];
  const wanted = body.pairs ?? result.pairs.filter((p) => !already.has(p.candidateId)).map((p) => ({ personId: p.candidateId, needId: p.needId }));
  if (result.pairs.length === 0) throw new AppError('conflict', 'Lần ghép này không đề xuất cặp nào: không có gì để chấp nhận.');
  if (wanted.length === 0) throw new AppError('conflict', 'Mọi cặp của lần ghép này đã được chấp nhận thành đề xuất.');
  const chosen = wanted.map((w, i) => ({ i, pair: runPairs.get(`${w.personId}:${w.needId}`) }));
  const seen = new Set<string>();
  for (const { i, pair } of chosen) {
    if (!pair) issues.push({ path: `pairs.${i}`, message: 'Cặp này không có trong phương án của lần ghép' });
    else if (seen.has(pair.candidateId)) issues.push({ path: `pairs.${i}`, message: `${pair.candidateName}: chọn hai lần trong danh sách` });
    else if (already.has(pair.candidateId)) issues.push({ path: `pairs.${i}`, message: `${pair.candidateName}: cặp này đã được chấp nhận thành đề xuất` });
    if (pair) seen.add(pair.candidateId);
  }
  if (issues.length) throw invalid(issues);
  const pairs = chosen.map((c) => ({ i: c.i, pair: c.pair! }));

  // today's facts, by the same rules and plan as the screening and the run
  const referenceDate = ctx.today;
  const plan = await planInForce(tx, referenceDate);
  const rules = await buildRuleContext(tx, referenceDate, plan.params);
  const personIds = pairs.map((p) => p.pair.candidateId);
  const inScope = await findPeopleInScope(tx, peopleScope(ctx), personIds);
  const screened = new Map((await screenFew(ctx, personIn(personIds), rules)).map((x) => [x.facts.personId, x]));
  const open = await openSecondmentsOf(tx, personIds, SECONDMENT_OPEN_STATUSES);
  const extras = await findCandidateExtras(tx, personIds);
  const storedNeeds = new Map(input.needs.map((n) => [n.id, n]));
  const currentNeeds = new Map((await findRoundNeeds(tx, round.id)).map((n) => [n.id, n]));
  const taken = await findSeatsTaken(tx, round.id, SECONDMENT_OPEN_STATUSES);
  const year = Number(referenceDate.slice(0, 4));
  const quotas = new Map(computeQuotas(await findQuotaUnits(tx, unitsScope(ctx.actor), year), plan.params, plan.issuedOn).items.map((u) => [u.unitId, u]));
  const seatsUsed = new Map<string, number>();
  const quotaUsed = new Map<string, number>();

  for (const { i, pair } of pairs) {
    const who = pair.candidateName;
    const path = `pairs.${i}`;
    const one = screened.get(pair.candidateId);
    const stored = storedNeeds.get(pair.needId)!;
    const need = currentNeeds.get(pair.needId);
    if (!inScope.has(pair.candidateId) || !one) {
      issues.push({ path, message: `${who}: không còn trong phạm vi quản lý` });
      continue;
    }
    if (open.has(pair.candidateId)) {
      issues.push({ path, message: `${who}: đã có một đợt tăng cường chưa kết thúc` });
      continue;
    }
    if (one.screening.verdict !== 'eligible') {
      const failing = [...new Set(one.screening.criteria.filter((c) => c.result === 'fail' || c.result === 'unknown').map((c) => c.reason))];
      const label = VERDICT_LABELS[one.screening.verdict as Verdict] ?? one.screening.verdict;
      issues.push({ path, message: `${who}: kết quả sàng lọc hôm nay là "${label}" (${failing.join('; ')})` });
      continue;
    }
    if (!need) {
      issues.push({ path, message: `${who}: ${needLabel(stored)} không còn được chấp thuận trong đợt` });
      continue;
    }
    if (changed(stored, need)) {
      issues.push({ path, message: `${who}: ${needLabel(stored)} đã thay đổi sau lần ghép; hãy ghép lại` });
      continue;
    }
    const guard = extras.get(pair.candidateId)?.soleKeyPost;
    if (guard) {
      issues.push({ path, message: `${who}: là người duy nhất giữ vị trí chủ chốt "${guard}" của đơn vị; cử đi sẽ làm xáo trộn đơn vị` });
      continue;
    }
    const standards = {
      id: need.jobPostId ?? need.id,
      minEducation: need.minEducation,
      requiredRankGrade: need.requiredRankGrade,
      requiredPoliticalTheory: need.requiredPoliticalTheory,
    };
    const post = { ...destinationOfNeed(stored, standards), unitKind: need.unitKind };
    const [block] = pairBlocksFor(
      [{ candidate: { id: pair.candidateId, name: who, sendingUnitId: pair.sendingUnitId, fields: [need.field], priorityParts: [] }, facts: one.facts }],
      [{ need: stored, post }],
      rules,
    );
    if (block) {
      issues.push({ path, message: `${who}: ${block.reason}` });
      continue;
    }
    const used = (seatsUsed.get(need.id) ?? 0) + 1;
    seatsUsed.set(need.id, used);
    if ((taken.get(need.id) ?? 0) + used > need.seats) {
      issues.push({ path, message: `${who}: ${needLabel(stored)} đã đủ ${need.seats} người` });
      continue;
    }
    const unitId = one.facts.sendingUnitId;
    const quota = unitId ? quotas.get(unitId) : undefined;
    const counted = (quotaUsed.get(unitId ?? '') ?? 0) + 1;
    quotaUsed.set(unitId ?? '', counted);
    if (!unitId || !quota || (quota.gap ?? 0) < counted) {
      issues.push({ path, message: `${who}: vượt chỉ tiêu còn lại của ${quota?.unitName ?? 'đơn vị cử'} năm ${year} (còn ${quota?.gap ?? 0})` });
    }
  }
  if (issues.length) throw invalid(issues);

  const ids: string[] = [];
  for (const { pair } of pairs) {
    const one = screened.get(pair.candidateId)!;
    const need = storedNeeds.get(pair.needId)!;
    const quota = quotas.get(one.facts.sendingUnitId!)!;
    const { id } = await fileProposal(ctx, {
      personId: pair.candidateId,
      sendingUnitId: one.facts.sendingUnitId!,
      hostUnitId: need.communeId,
      targetGroup: one.screening.targetGroup.group,
      suggestedRole: need.postTitle,
      remarks: `Theo phương án ghép của Sở Nội vụ ngày ${viDate(row.referenceDate)} (${round.name}): ${needLabel(need)}. ${pair.why}`,
      justification: null,
      snapshot: {
        ...snapshotOf(one.screening, referenceDate, plan.ref.id),
        quota: {
          unitId: quota.unitId,
          year,
          target: quota.target,
          explanation: quota.explanation,
          proposed: quota.proposed,
          decided: quota.decided,
          active: quota.active,
        },
      },
      matchingRunId: runId,
      audit: { matchingRunId: runId, needId: need.id, hostUnitId: need.communeId, verdict: one.screening.verdict },
    });
    ids.push(id);
  }
  await markRunAccepted(tx, runId, ctx.actor.userId);
  await recordAudit(tx, ctx, { action: 'matching.accept', entityType: 'matching_run', entityId: runId, after: { pairs: pairs.length, secondmentIds: ids } });
  return { runId, accepted: pairs.map(({ pair }, k) => ({ personId: pair.candidateId, needId: pair.needId, secondmentId: ids[k] })) };
}

/** What a run relied on in a need besides its seats (checked against today's count): its field, post and commune. */
const changed = (stored: MatchingNeed, now: { field: string; unitId: string; postTitle: string | null; isKeyPost: boolean }) =>
  stored.field !== now.field || stored.communeId !== now.unitId || stored.postTitle !== now.postTitle || stored.isKeyPost !== now.isKeyPost;
