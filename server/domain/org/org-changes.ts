import crypto from 'node:crypto';
import type { UseCaseContext } from '../context.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, forbidden, invalid, notFound } from '../errors.js';
import { orgPolicy } from './org.policy.js';
import {
  findRootUnit,
  insertOrgEvent,
  insertUnit,
  isUnitCodeTaken,
  lockOrgStructure,
  lockUnits,
  moveSubtree,
  syncRestructuredOn,
  updateUnitAttributes,
  type OrgEventInput,
  type OrgUnitRow,
} from '../../db/repositories/org-structure.repository.js';

/**
 * The primitive changes of the organisation, each written with its dated event (org_unit_events) and its audit
 * row in the caller's transaction. The use cases of restructure-units.ts and the org sheet of the import both go
 * through these, so a unit changed by hand and by file leaves the same history.
 */

export interface Dated {
  effectiveOn: string;
  decisionNo?: string | null;
  note?: string | null;
}

export const GRASSROOTS = new Set(['commune', 'ward']);

/** Sở Nội vụ with a province-wide grant, or one covering every unit touched. */
export function assertManagesOrg(actor: Actor, paths: readonly (readonly string[])[]): void {
  const ok = orgPolicy.mayAnywhere(actor, 'manage') && paths.every((p) => orgPolicy.holds(actor, 'manage', { province: [p] }));
  if (!ok) throw forbidden('Chỉ Sở Nội vụ được thay đổi tổ chức bộ máy.');
}

/** Loads and locks a unit, or answers 404. */
export async function getUnitForChange(ctx: UseCaseContext, id: string): Promise<OrgUnitRow> {
  const [u] = await lockUnits(ctx.tx, [id]);
  if (!u) throw notFound('Đơn vị');
  return u;
}

/** The root of the tree (the People's Committee); the org cannot be built before the province is set up. */
export async function getRoot(ctx: UseCaseContext): Promise<OrgUnitRow> {
  await lockOrgStructure(ctx.tx);
  const root = await findRootUnit(ctx.tx);
  if (!root) throw new AppError('conflict', 'Chưa thiết lập tỉnh, thành phố: chưa có Ủy ban nhân dân (gốc của cơ cấu tổ chức).');
  return root;
}

export function assertDate(ctx: UseCaseContext, d: Dated, path = 'effectiveOn'): void {
  if (d.effectiveOn > ctx.today) throw invalid([{ path, message: 'Ngày hiệu lực không thể sau ngày hôm nay' }]);
}

export function assertOpen(u: OrgUnitRow, path = 'unitId'): void {
  if (u.closedOn) throw invalid([{ path, message: `${u.name} đã giải thể, sáp nhập từ ngày ${u.closedOn.split('-').reverse().join('/')}` }]);
}

async function event(ctx: UseCaseContext, e: Omit<OrgEventInput, 'createdBy'>, audit: { action: string; before?: unknown; after?: unknown }): Promise<string> {
  const id = await insertOrgEvent(ctx.tx, { ...e, createdBy: ctx.actor.userId });
  await recordAudit(ctx.tx, ctx, {
    action: audit.action,
    entityType: 'org_unit',
    entityId: e.unitId,
    before: audit.before ?? e.before ?? null,
    after: audit.after ?? e.after ?? null,
    meta: { eventId: id, kind: e.kind, effectiveOn: e.effectiveOn, decisionNo: e.decisionNo ?? null, sourceUnitIds: e.sourceUnitIds ?? [] },
  });
  return id;
}

export interface NewUnit {
  code: string;
  name: string;
  shortName?: string | null;
  kind: string;
  isEspeciallyDisadvantaged?: boolean;
}

/** Creates a unit under `parent`; `formed` records a 'formed' event (a merger or split records its own instead). */
export async function createUnit(
  ctx: UseCaseContext,
  parent: OrgUnitRow,
  u: NewUnit,
  d: Dated & { formed: boolean },
  id: string = crypto.randomUUID(),
): Promise<{ id: string; path: string[]; eventId: string | null }> {
  if (await isUnitCodeTaken(ctx.tx, u.code)) throw invalid([{ path: 'code', message: `Mã đơn vị "${u.code}" đã được dùng` }]);
  if (parent.closedOn) throw invalid([{ path: 'parentId', message: `Đơn vị cấp trên ${parent.name} đã giải thể` }]);
  if (GRASSROOTS.has(parent.kind)) throw invalid([{ path: 'parentId', message: 'Không tạo đơn vị trực thuộc xã, phường' }]);
  await insertUnit(ctx.tx, {
    id,
    parent,
    kind: u.kind,
    code: u.code,
    name: u.name,
    shortName: u.shortName ?? null,
    isEspeciallyDisadvantaged: u.isEspeciallyDisadvantaged,
  });
  const after = { code: u.code, name: u.name, shortName: u.shortName ?? null, kind: u.kind, parentId: parent.id, parentCode: parent.code };
  let eventId: string | null = null;
  if (d.formed)
    eventId = await event(ctx, { kind: 'formed', effectiveOn: d.effectiveOn, unitId: id, after, decisionNo: d.decisionNo, note: d.note }, { action: 'create' });
  else await recordAudit(ctx.tx, ctx, { action: 'create', entityType: 'org_unit', entityId: id, after });
  return { id, path: [...parent.path, id], eventId };
}

/** Renames a unit ('renamed' event with the names before and after); nothing when the names are the same. */
export async function renameUnit(ctx: UseCaseContext, u: OrgUnitRow, to: { name: string; shortName?: string | null }, d: Dated): Promise<string | null> {
  const shortName = to.shortName === undefined ? u.shortName : to.shortName;
  if (to.name === u.name && shortName === u.shortName) return null;
  await updateUnitAttributes(ctx.tx, u.id, { name: to.name, shortName });
  return event(
    ctx,
    {
      kind: 'renamed',
      effectiveOn: d.effectiveOn,
      unitId: u.id,
      before: { name: u.name, shortName: u.shortName },
      after: { name: to.name, shortName },
      decisionNo: d.decisionNo,
      note: d.note,
    },
    { action: 'update' },
  );
}

/**
 * Moves a unit and its whole subtree under another parent ('moved' event). A unit cannot go under itself or one
 * of its own sub-units, nor under a closed unit or a commune.
 */
export async function moveUnit(ctx: UseCaseContext, u: OrgUnitRow, parent: OrgUnitRow, d: Dated): Promise<string | null> {
  if (u.parentId === parent.id) return null;
  if (u.parentId === null) throw invalid([{ path: 'unitId', message: 'Không chuyển được Ủy ban nhân dân (gốc của cơ cấu tổ chức)' }]);
  if (parent.path.includes(u.id)) throw invalid([{ path: 'parentId', message: `Không thể chuyển ${u.name} vào chính nó hoặc đơn vị trực thuộc của nó` }]);
  if (parent.closedOn) throw invalid([{ path: 'parentId', message: `Đơn vị cấp trên ${parent.name} đã giải thể` }]);
  if (GRASSROOTS.has(parent.kind) || GRASSROOTS.has(u.kind))
    throw invalid([{ path: 'parentId', message: 'Xã, phường không chuyển và không nhận đơn vị trực thuộc' }]);
  const [from] = await lockUnits(ctx.tx, [u.parentId]);
  const moved = await moveSubtree(ctx.tx, u, parent);
  return event(
    ctx,
    {
      kind: 'moved',
      effectiveOn: d.effectiveOn,
      unitId: u.id,
      before: { parentId: u.parentId, parentCode: from?.code ?? null, parentName: from?.name ?? null },
      after: { parentId: parent.id, parentCode: parent.code, parentName: parent.name, subtreeUnits: moved },
      decisionNo: d.decisionNo,
      note: d.note,
    },
    { action: 'update' },
  );
}

/** Closes a unit on a date ('closed' event); its history and records are kept. */
export async function closeUnit(
  ctx: UseCaseContext,
  u: OrgUnitRow,
  d: Dated,
  why: { mergedInto?: { id: string; code: string; name: string } } = {},
): Promise<string> {
  await updateUnitAttributes(ctx.tx, u.id, { closedOn: d.effectiveOn });
  return event(
    ctx,
    {
      kind: 'closed',
      effectiveOn: d.effectiveOn,
      unitId: u.id,
      before: { closedOn: null },
      after: { closedOn: d.effectiveOn, ...why },
      decisionNo: d.decisionNo,
      note: d.note,
    },
    { action: 'update' },
  );
}

/** Records a merger or split into `unitId` from the sources and brings `restructured_on` up to date. */
export async function recordRestructuring(ctx: UseCaseContext, kind: 'merged' | 'split', unitId: string, sourceUnitIds: string[], d: Dated): Promise<string> {
  const before = (await lockUnits(ctx.tx, [unitId]))[0]?.restructuredOn ?? null;
  const id = await insertOrgEvent(ctx.tx, {
    kind,
    effectiveOn: d.effectiveOn,
    unitId,
    sourceUnitIds,
    decisionNo: d.decisionNo,
    note: d.note,
    createdBy: ctx.actor.userId,
  });
  const after = (await syncRestructuredOn(ctx.tx, [unitId])).get(unitId) ?? null;
  await recordAudit(ctx.tx, ctx, {
    action: 'update',
    entityType: 'org_unit',
    entityId: unitId,
    before: { restructuredOn: before },
    after: { restructuredOn: after },
    meta: { eventId: id, kind, effectiveOn: d.effectiveOn, decisionNo: d.decisionNo ?? null, sourceUnitIds },
  });
  return id;
}
