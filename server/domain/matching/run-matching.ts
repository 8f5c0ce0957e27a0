import type { UseCaseContext } from '../context.js';
import { findRound } from '../../db/repositories/demand.repository.js';
import {
  findAcceptedPeople,
  findCandidateExtras,
  findMatchingRun,
  findPeopleInScope,
  findRoundNeeds,
  findSeatsTaken,
  insertMatchingRun,
} from '../../db/repositories/matching.repository.js';
import { SECONDMENT_OPEN_STATUSES } from '../../../common/secondment.js';
import { matchingPolicy } from './matching.policy.js';
import { findQuotaUnits } from '../../db/repositories/quota.repository.js';
import { peopleScope, personIn, unitsScope } from '../../db/scope.js';
import { screenAll, screenFew } from '../eligibility/screen-people.js';
import { buildRuleContext } from '../eligibility/rule-context.js';
import { planInForce } from '../plans/plan-in-force.js';
import { computeQuotas } from '../plans/get-quotas.js';
import { priorityScore } from '../rules/priority.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, notFound } from '../errors.js';
import { demandFieldOf, DEMAND_FIELDS, type DemandField } from '../../../common/demand.js';
import { destinationOfNeed, pairBlocksFor } from './pair-checks.js';
import type { MatchingResult } from './solve-matching.js';
import { solveMatchingOffThread } from './solve-in-worker.js';
import { explainNotChosen, needLabel } from './explain-matching.js';
import { mergeLocked, NO_CHOICES, residualOf, verifyWithChoices, type OfficerChoices } from './officer-choices.js';
import type { MatchingCandidate, MatchingInput, MatchingNeed } from './model.js';

const isField = (f: string | null): f is DemandField => !!f && (DEMAND_FIELDS as readonly string[]).includes(f);

/**
 * Sở Nội vụ runs a matching for an approved demand round (Plan 131 I.2, I.4; PRODUCT S7) on today's date: the
 * round's approved needs (their approved counts), the eligible cadres of the city-level units (the screening), each
 * unit's quota left this year (rules/quota.ts) and the disruption guard; the pair checks by the non-local and
 * destination-post rules. The result is solved exactly, checked by the independent verifier, stored with its
 * inputs (reproducible) and audited. Nothing else is written: no proposal comes from a run.
 */
export interface RunMatchingBody {
  roundId: string;
  locked?: { personId: string; needId: string }[];
  excludedPersonIds?: string[];
  excludedNeedIds?: string[];
}

/** What a run stores as its inputs: the model's input and the officer's choices. */
type StoredInputs = MatchingInput & { choices?: OfficerChoices };
const split = (stored: unknown): { input: MatchingInput; choices: OfficerChoices } => {
  const { choices, ...input } = stored as StoredInputs;
  return { input, choices: choices ?? NO_CHOICES };
};

export async function runMatching(ctx: UseCaseContext, body: RunMatchingBody) {
  const round = await findRound(ctx.tx, body.roundId);
  if (!round) throw notFound('Đợt tổng hợp nhu cầu');
  if (round.status !== 'approved')
    throw new AppError('conflict', 'Chỉ ghép được cho đợt tổng hợp nhu cầu đã được phê duyệt.', [{ path: 'roundId', message: 'Đợt chưa phê duyệt' }]);
  const approved = await findRoundNeeds(ctx.tx, round.id);
  if (approved.length === 0) throw new AppError('conflict', 'Đợt này không có nhu cầu nào đã được chấp thuận để ghép.');
  // seats already filled by pairs accepted from earlier runs of the round (their proposals still open) are not offered again
  const taken = await findSeatsTaken(ctx.tx, round.id, SECONDMENT_OPEN_STATUSES);
  const rows = approved.map((n) => ({ ...n, seats: n.seats - (taken.get(n.id) ?? 0) })).filter((n) => n.seats > 0);
  if (rows.length === 0) throw new AppError('conflict', 'Mọi nhu cầu của đợt đã có người từ các lần ghép đã được chấp nhận.');

  const referenceDate = ctx.today;
  const plan = await planInForce(ctx.tx, referenceDate);
  const rules = await buildRuleContext(ctx.tx, referenceDate, plan.params);
  const [screened] = await screenAll(ctx, peopleScope(ctx), [rules]);
  const eligibleIds = screened.filter((o) => o.verdict === 'eligible').map((o) => o.personId);
  const few = eligibleIds.length ? await screenFew(ctx, personIn(eligibleIds), rules) : [];
  const extras = await findCandidateExtras(
    ctx.tx,
    few.map((x) => x.facts.personId),
  );

  const candidates: { candidate: MatchingCandidate; facts: (typeof few)[number]['facts'] }[] = [];
  for (const { facts, screening } of few) {
    if (screening.verdict !== 'eligible' || !facts.sendingUnitId) continue;
    const x = extras.get(facts.personId);
    const fields = new Set<string>();
    if (isField(x?.postField ?? null)) fields.add(x!.postField!);
    for (const t of x?.trainingFields ?? []) {
      const f = demandFieldOf(t);
      if (f) fields.add(f);
    }
    // a leader, or one in the planning pool, fits a leadership need (our reading of "đúng người, đúng việc")
    if (facts.isLeader || facts.planningActive) fields.add('lanh_dao');
    candidates.push({
      candidate: {
        id: facts.personId,
        name: facts.fullName,
        sendingUnitId: facts.sendingUnitId,
        fields: [...fields].sort(),
        priorityParts: priorityScore(facts, rules).parts,
        soleKeyPostHolder: x?.soleKeyPost ?? null,
      },
      facts,
    });
  }

  const needs = rows.map((n) => {
    const need: MatchingNeed = {
      id: n.id,
      communeId: n.unitId,
      communeName: n.unitName,
      postTitle: n.postTitle,
      isKeyPost: n.isKeyPost,
      field: n.field,
      count: n.seats,
      urgency: n.urgency,
    };
    const post = {
      ...destinationOfNeed(need, {
        id: n.jobPostId ?? n.id,
        minEducation: n.minEducation,
        requiredRankGrade: n.requiredRankGrade,
        requiredPoliticalTheory: n.requiredPoliticalTheory,
      }),
      unitKind: n.unitKind,
    };
    return { need, post };
  });

  const year = Number(referenceDate.slice(0, 4));
  const quotas = computeQuotas(await findQuotaUnits(ctx.tx, unitsScope(ctx.actor), year), plan.params, plan.issuedOn);
  const input: MatchingInput = {
    candidates: candidates.map((c) => c.candidate),
    needs: needs.map((n) => n.need),
    units: quotas.items.map((u) => ({ id: u.unitId, name: u.unitName, remainingQuota: u.gap ?? 0 })),
    pairBlocks: pairBlocksFor(candidates, needs, rules),
    weights: plan.params.matchingWeights,
  };
  const choices: OfficerChoices = {
    locked: (body.locked ?? []).map((l) => ({ candidateId: l.personId, needId: l.needId })),
    excludedCandidateIds: body.excludedPersonIds ?? [],
    excludedNeedIds: body.excludedNeedIds ?? [],
  };
  const { residual, locked } = residualOf(input, choices);
  const result = mergeLocked(locked, await solveMatchingOffThread(residual));
  const check = verifyWithChoices(input, choices, result.pairs, result.certificate);
  if (!check.ok) throw new Error(`matching certificate rejected: ${check.issues.join('; ')}`);

  const run = await insertMatchingRun(ctx.tx, {
    roundId: round.id,
    planVersionId: plan.ref.id,
    referenceDate,
    inputs: { ...input, choices } satisfies StoredInputs,
    result,
    objective: result.objective,
    createdBy: ctx.actor.userId,
  });
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'matching_run',
    entityId: run.id,
    after: {
      roundId: round.id,
      planVersionId: plan.ref.id,
      referenceDate,
      objective: result.objective,
      pairs: result.pairs.length,
      unfilled: result.unfilled.length,
    },
  });
  return present({
    id: run.id,
    roundId: round.id,
    roundName: round.name,
    referenceDate,
    createdAt: run.createdAt,
    acceptedAt: null,
    accepted: new Set(),
    input,
    result,
    verified: check.ok,
  });
}

/** A stored run, checked again from its stored inputs (a run is reproducible: the verifier needs nothing else). */
export async function getMatchingRun(ctx: UseCaseContext, id: string) {
  const row = await findMatchingRun(ctx.tx, id);
  if (!row) throw notFound('Lần ghép');
  const { input, choices } = split(row.inputs);
  const result = row.result as MatchingResult;
  const check = verifyWithChoices(input, choices, result.pairs, result.certificate);
  const whole = present({
    id: row.id,
    roundId: row.roundId,
    roundName: row.roundName,
    referenceDate: row.referenceDate,
    createdAt: row.createdAt,
    acceptedAt: row.acceptedAt,
    accepted: await findAcceptedPeople(ctx.tx, row.id),
    input,
    result,
    verified: check.ok,
  });
  if (matchingPolicy.mayAnywhere(ctx.actor, 'review')) return whole;
  // a sending unit: only the pairs of its own people, and nothing of the needs left short; none of them → not found
  const own = await findPeopleInScope(
    ctx.tx,
    peopleScope(ctx),
    result.pairs.map((p) => p.candidateId),
  );
  const pairs = whole.pairs.filter((p) => own.has(p.personId));
  if (pairs.length === 0) throw notFound('Lần ghép');
  return { ...whole, pairs, unfilled: [] };
}

/** "Why not this person for this need" on a stored run, from its stored inputs and certificate. */
export async function explainRunPair(ctx: UseCaseContext, id: string, q: { personId: string; needId: string }) {
  const row = await findMatchingRun(ctx.tx, id);
  if (!row) throw notFound('Lần ghép');
  const { input, choices } = split(row.inputs);
  const result = row.result as MatchingResult;
  const lock = choices.locked.find((l) => l.candidateId === q.personId);
  const lockedNeed = lock && input.needs.find((n) => n.id === lock.needId);
  if (lockedNeed)
    return { personId: q.personId, needId: q.needId, proposed: lock.needId === q.needId, why: `Cán bộ thẩm định đã khóa người này vào ${needLabel(lockedNeed)}.` };
  if (choices.excludedCandidateIds.includes(q.personId))
    return { personId: q.personId, needId: q.needId, proposed: false, why: 'Cán bộ thẩm định đã loại người này ra khỏi lần ghép.' };
  if (choices.excludedNeedIds.includes(q.needId))
    return { personId: q.personId, needId: q.needId, proposed: false, why: 'Cán bộ thẩm định đã loại nhu cầu này ra khỏi lần ghép.' };
  if (!input.candidates.some((c) => c.id === q.personId)) {
    return {
      personId: q.personId,
      needId: q.needId,
      proposed: false,
      why: 'Người này không có trong danh sách cán bộ đủ điều kiện của lần ghép (chưa đủ điều kiện vào ngày ghép hoặc không thuộc đơn vị cử).',
    };
  }
  const proposed = result.pairs.some((p) => p.candidateId === q.personId && p.needId === q.needId);
  return { personId: q.personId, needId: q.needId, proposed, why: explainNotChosen(residualOf(input, choices).residual, result, q.personId, q.needId) };
}

/**
 * How far a list of pairs (e.g. one drawn up by hand) is from the run's optimum: whether it keeps every constraint of
 * the stored inputs, its points, the proven optimum and the gap — by the verifier, from the stored certificate.
 */
export async function checkListAgainstRun(ctx: UseCaseContext, id: string, body: { pairs: { personId: string; needId: string }[] }) {
  const row = await findMatchingRun(ctx.tx, id);
  if (!row) throw notFound('Lần ghép');
  const { input, choices } = split(row.inputs);
  const result = row.result as MatchingResult;
  const v = verifyWithChoices(
    input,
    choices,
    body.pairs.map((p) => ({ candidateId: p.personId, needId: p.needId })),
    result.certificate,
  );
  const optimumProven = verifyWithChoices(input, choices, result.pairs, result.certificate).ok;
  return {
    feasible: v.feasible,
    value: v.value,
    optimum: v.bound,
    optimumProven,
    gap: v.feasible ? v.gap : null,
    issues: v.issues.filter((i) => !i.startsWith('Danh sách chưa tối ưu')),
  };
}

function present(r: {
  id: string;
  roundId: string;
  roundName: string;
  referenceDate: string;
  createdAt: string;
  acceptedAt: string | null;
  accepted: Set<string>;
  input: MatchingInput;
  result: MatchingResult;
  verified: boolean;
}) {
  const needs = new Map(r.input.needs.map((n) => [n.id, n]));
  const unitName = new Map(r.input.units.map((u) => [u.id, u.name]));
  return {
    id: r.id,
    roundId: r.roundId,
    roundName: r.roundName,
    referenceDate: r.referenceDate,
    createdAt: r.createdAt,
    acceptedAt: r.acceptedAt,
    objective: r.result.objective,
    proven: r.verified,
    bound: r.result.certificate.dualObjective / r.result.certificate.scale,
    stats: r.result.stats,
    pairs: r.result.pairs.map((p) => {
      const n = needs.get(p.needId)!;
      return {
        personId: p.candidateId,
        fullName: p.candidateName,
        sendingUnitName: unitName.get(p.sendingUnitId) ?? '',
        needId: p.needId,
        communeName: n.communeName,
        postTitle: n.postTitle,
        field: n.field,
        fit: p.fit,
        points: p.value,
        priorityParts: p.priorityParts.map((x) => ({ factor: x.factor, label: x.label, points: x.points })),
        why: p.why,
        accepted: r.accepted.has(p.candidateId),
      };
    }),
    unfilled: r.result.unfilled.map((u) => {
      const n = needs.get(u.needId)!;
      return {
        needId: u.needId,
        communeName: n.communeName,
        postTitle: n.postTitle,
        field: n.field,
        filled: u.filled,
        count: u.count,
        reason: u.reason,
        why: u.why,
      };
    }),
  };
}
