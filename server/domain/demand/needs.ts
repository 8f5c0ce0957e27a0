import type { UseCaseContext } from '../context.js';
import {
  bumpRound,
  findNeed,
  findNeedUnit,
  findNeedsPage,
  findPost,
  insertNeed,
  updateNeedContent,
  updateNeedStatus,
  type NeedFilters,
  type NeedRow,
} from '../../db/repositories/demand.repository.js';
import { demandScope } from '../../db/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { allowedNeedActions, communeGrants, demandPolicy, frozenNeed, staleNeed, type NeedAction, type NeedPlace } from './demand.policy.js';
import { checkNeedUnit, resolveNeed, type NeedInput } from './need-input.js';

const placeOf = (n: NeedRow): NeedPlace => ({ status: n.status, unitPath: n.unitPath, frozen: n.roundStatus === 'approved' || n.roundStatus === 'closed' });

/** A need as the API returns it: with whether it is frozen and what the actor may do on it. */
export function presentNeed(ctx: UseCaseContext, n: NeedRow) {
  const { unitPath: _p, ...rest } = n;
  const place = placeOf(n);
  return { ...rest, frozen: place.frozen, allowedActions: allowedNeedActions(ctx.actor, place) };
}

export async function listNeeds(ctx: UseCaseContext, q: Omit<NeedFilters, 'unassigned'> & { unassigned?: 'true' | 'false'; page: number; pageSize: number }) {
  const r = await findNeedsPage(ctx.tx, { ...q, unassigned: q.unassigned === 'true' }, demandScope(ctx.actor));
  return { items: r.items.map((n) => presentNeed(ctx, n)), total: r.total, page: q.page, pageSize: q.pageSize };
}

export async function getNeed(ctx: UseCaseContext, id: string) {
  const n = await findNeed(ctx.tx, id, demandScope(ctx.actor));
  if (!n) throw notFound('Nhu cầu tăng cường');
  return presentNeed(ctx, n);
}

/** Loads a need for a step (locked), checks role, side, freeze, state and version. */
async function loadFor(ctx: UseCaseContext, id: string, action: NeedAction, version: number): Promise<NeedRow> {
  const n = await findNeed(ctx.tx, id, demandScope(ctx.actor), true);
  if (!n) throw notFound('Nhu cầu tăng cường');
  const place = placeOf(n);
  // the role and side first (403), then a stale version (409), the freeze, and the state
  if (!demandPolicy.mayAct(ctx.actor, action, place)) demandPolicy.assertCan(ctx.actor, action, place);
  if (version !== n.version) throw staleNeed();
  if (place.frozen) throw frozenNeed();
  demandPolicy.assertCan(ctx.actor, action, place);
  return n;
}

/**
 * A host commune declares a need for itself (one of its own posts or a field; how many; how urgent; for when; the
 * standards, by default those of the post; why). Saved as a draft, or submitted at once.
 */
export async function declareNeed(ctx: UseCaseContext, input: NeedInput & { unitId?: string | null; submit?: boolean }) {
  const grants = communeGrants(ctx.actor);
  if (grants.length === 0) throw forbidden('Chỉ xã, phường được khai báo nhu cầu tăng cường.');
  const unitId = input.unitId ?? grants[0].unitId!;
  const unit = await findNeedUnit(ctx.tx, { id: unitId });
  const unitIssues = checkNeedUnit(unit);
  if (unitIssues.length) throw invalid(unitIssues);
  if (!grants.some((g) => unit!.path.includes(g.unitId!))) throw invalid([{ path: 'unitId', message: 'Xã, phường không thuộc phạm vi của bạn' }]);
  const post = input.jobPostId ? await findPost(ctx.tx, input.jobPostId) : null;
  const { values, issues } = resolveNeed(input, unit!, post);
  if (issues.length) throw invalid(issues);
  const status = input.submit ? 'submitted' : 'draft';
  const created = await insertNeed(ctx.tx, { ...values, status, createdBy: ctx.actor.userId });
  await recordAudit(ctx.tx, ctx, { action: 'create', entityType: 'commune_need', entityId: created.id, after: { ...values, status } });
  return created;
}

/** The commune edits a need not yet reviewed (its content; the status stays). */
export async function editNeed(ctx: UseCaseContext, id: string, input: NeedInput & { version: number }) {
  const n = await loadFor(ctx, id, 'edit', input.version);
  const unit = (await findNeedUnit(ctx.tx, { id: n.unitId }))!;
  const post = input.jobPostId ? await findPost(ctx.tx, input.jobPostId) : null;
  const { values, issues } = resolveNeed(input, unit, post);
  if (issues.length) throw invalid(issues);
  const { unitId: _u, ...content } = values;
  const version = await updateNeedContent(ctx.tx, id, content, n.version);
  if (version === null) throw staleNeed();
  const before = Object.fromEntries(Object.keys(content).map((k) => [k, n[k as keyof NeedRow]]));
  await recordAudit(ctx.tx, ctx, {
    action: 'update',
    entityType: 'commune_need',
    entityId: id,
    before: { ...before, version: n.version },
    after: { ...content, version },
  });
}

async function move(ctx: UseCaseContext, n: NeedRow, action: NeedAction, v: Parameters<typeof updateNeedStatus>[2], meta: object = {}) {
  const version = await updateNeedStatus(ctx.tx, n.id, v, n.version);
  if (version === null) throw staleNeed();
  // leaving a round changes the round: its version moves too
  if (v.roundId === null && n.roundId) await bumpRound(ctx.tx, n.roundId);
  await recordAudit(ctx.tx, ctx, {
    action,
    entityType: 'commune_need',
    entityId: n.id,
    before: { status: n.status, approvedCount: n.approvedCount, roundId: n.roundId, version: n.version },
    after: { ...v, version, ...meta },
  });
}

export async function submitNeed(ctx: UseCaseContext, id: string, input: { version: number }) {
  const n = await loadFor(ctx, id, 'submit', input.version);
  await move(ctx, n, 'submit', { status: 'submitted' });
}

/** The commune withdraws a need (also an approved one, while its round is not approved: it leaves the round). */
export async function withdrawNeed(ctx: UseCaseContext, id: string, input: { version: number; reason?: string | null }) {
  const n = await loadFor(ctx, id, 'withdraw', input.version);
  await move(ctx, n, 'withdraw', { status: 'withdrawn', roundId: null }, { reason: input.reason?.trim() || null });
}

/** Sở Nội vụ approves a submitted need for at most the count asked. */
export async function approveNeed(ctx: UseCaseContext, id: string, input: { version: number; approvedCount: number; note?: string | null }) {
  const n = await loadFor(ctx, id, 'approve', input.version);
  if (input.approvedCount < 1 || input.approvedCount > n.count) {
    throw invalid([{ path: 'approvedCount', message: `Số lượng chấp thuận phải từ 1 đến ${n.count} (số xã, phường đề nghị)` }]);
  }
  await move(ctx, n, 'approve', { status: 'approved', approvedCount: input.approvedCount, reviewNote: input.note?.trim() || null });
}

/** Sở Nội vụ rejects a need with a note (an approved one too, while its round is not approved: it leaves the round). */
export async function rejectNeed(ctx: UseCaseContext, id: string, input: { version: number; reason: string }) {
  const n = await loadFor(ctx, id, 'reject', input.version);
  const note = input.reason.normalize('NFC').trim();
  if (!note) throw invalid([{ path: 'reason', message: 'Nêu lý do không chấp thuận' }]);
  await move(ctx, n, 'reject', { status: 'rejected', approvedCount: null, reviewNote: note, roundId: null });
}
