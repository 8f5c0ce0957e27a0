import type { UseCaseContext } from '../context.js';
import {
  approveRoundRow,
  findNeedsByIds,
  findNeedsPage,
  findRound,
  findRounds,
  insertRound,
  setNeedsRound,
  touchRound,
  type RoundRow,
} from '../../db/repositories/demand.repository.js';
import { demandScope } from '../../db/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, notFound, type Issue } from '../errors.js';
import { demandRoundPolicy, staleRound } from './demand.policy.js';
import { presentNeed } from './needs.js';

const present = (ctx: UseCaseContext, r: RoundRow) => ({ ...r, allowedActions: demandRoundPolicy.allowedActions(ctx.actor, r) });

export async function listRounds(ctx: UseCaseContext) {
  return { items: (await findRounds(ctx.tx)).map((r) => present(ctx, r)) };
}

/** A round with its needs (up to 2,000: a province's round, not a register). */
export async function getRound(ctx: UseCaseContext, id: string) {
  const r = await findRound(ctx.tx, id);
  if (!r) throw notFound('Đợt tổng hợp nhu cầu');
  const needs = await findNeedsPage(ctx.tx, { roundId: id, page: 1, pageSize: 2000 }, demandScope(ctx.actor));
  return { ...present(ctx, r), items: needs.items.map((n) => presentNeed(ctx, n)) };
}

/** Sở Nội vụ opens a demand round (draft) to group approved needs in. */
export async function createRound(ctx: UseCaseContext, input: { name: string; note?: string | null }) {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw invalid([{ path: 'name', message: 'Nhập tên đợt tổng hợp' }]);
  const note = input.note?.normalize('NFC').trim() || null;
  const id = await insertRound(ctx.tx, { name, note, createdBy: ctx.actor.userId });
  await recordAudit(ctx.tx, ctx, { action: 'create', entityType: 'demand_round', entityId: id, after: { name, note, status: 'draft' } });
  return id;
}

async function loadRound(ctx: UseCaseContext, id: string, action: 'arrange' | 'approve', version: number) {
  const r = await findRound(ctx.tx, id, true);
  if (!r) throw notFound('Đợt tổng hợp nhu cầu');
  if (!demandRoundPolicy.mayAct(ctx.actor, action, r)) demandRoundPolicy.assertCan(ctx.actor, action, r);
  if (version !== r.version) throw staleRound();
  demandRoundPolicy.assertCan(ctx.actor, action, r);
  return r;
}

/**
 * Puts approved needs into a draft round and takes needs out of it. A need added must be approved and in no other
 * round; a need removed must be in this one. All or nothing.
 */
export async function arrangeRound(ctx: UseCaseContext, id: string, input: { version: number; add: string[]; remove: string[] }) {
  const r = await loadRound(ctx, id, 'arrange', input.version);
  const add = [...new Set(input.add)];
  const remove = [...new Set(input.remove)];
  if (!add.length && !remove.length) throw invalid([{ path: 'add', message: 'Chọn nhu cầu để đưa vào hoặc bỏ ra khỏi đợt' }]);
  const both = add.filter((x) => remove.includes(x));
  if (both.length) throw invalid([{ path: 'remove', message: 'Một nhu cầu không thể vừa đưa vào vừa bỏ ra' }]);
  const scope = demandScope(ctx.actor);
  const [toAdd, toRemove] = [await findNeedsByIds(ctx.tx, add, scope), await findNeedsByIds(ctx.tx, remove, scope)];
  const issues: Issue[] = [];
  add.forEach((nid, i) => {
    const n = toAdd.find((x) => x.id === nid);
    if (!n) issues.push({ path: `add.${i}`, message: 'Không tìm thấy nhu cầu' });
    else if (n.status !== 'approved') issues.push({ path: `add.${i}`, message: `Nhu cầu của ${n.unitName} chưa được chấp thuận` });
    else if (n.roundId && n.roundId !== id) issues.push({ path: `add.${i}`, message: `Nhu cầu của ${n.unitName} đã thuộc đợt "${n.roundName}"` });
  });
  remove.forEach((nid, i) => {
    const n = toRemove.find((x) => x.id === nid);
    if (!n || n.roundId !== id) issues.push({ path: `remove.${i}`, message: 'Nhu cầu không thuộc đợt này' });
  });
  if (issues.length) throw invalid(issues);
  const adding = toAdd.filter((n) => n.roundId !== id).map((n) => n.id);
  await setNeedsRound(ctx.tx, adding, id);
  await setNeedsRound(ctx.tx, remove, null);
  const version = await touchRound(ctx.tx, id, r.version);
  if (version === null) throw staleRound();
  await recordAudit(ctx.tx, ctx, {
    action: 'arrange',
    entityType: 'demand_round',
    entityId: id,
    before: { version: r.version },
    after: { version, added: adding, removed: remove },
  });
}

/** Sở Nội vụ approves a round by a decision: from then its needs are frozen. A round without needs is not approved. */
export async function approveRound(ctx: UseCaseContext, id: string, input: { version: number; decisionNo: string; approvedOn: string }) {
  const r = await loadRound(ctx, id, 'approve', input.version);
  if (r.needs === 0) throw new AppError('conflict', 'Đợt chưa có nhu cầu nào: đưa các nhu cầu đã chấp thuận vào đợt trước khi phê duyệt.');
  const decisionNo = input.decisionNo.normalize('NFC').trim();
  if (!decisionNo) throw invalid([{ path: 'decisionNo', message: 'Nhập số quyết định' }]);
  if (input.approvedOn > ctx.today) throw invalid([{ path: 'approvedOn', message: 'Ngày phê duyệt không được sau ngày hôm nay' }]);
  const version = await approveRoundRow(ctx.tx, id, { decisionNo, approvedOn: input.approvedOn, approvedBy: ctx.actor.userId }, r.version);
  if (version === null) throw staleRound();
  await recordAudit(ctx.tx, ctx, {
    action: 'approve',
    entityType: 'demand_round',
    entityId: id,
    before: { status: r.status, version: r.version },
    after: { status: 'approved', decisionNo, approvedOn: input.approvedOn, version, needs: r.needs, people: r.people },
  });
}
