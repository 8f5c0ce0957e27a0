import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { addUnitBody, closeUnitBody, mergeUnitsBody, moveUnitBody, OrgChange, renameUnitBody, splitUnitBody } from '../../../common/schemas/org.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid } from '../errors.js';
import { countActivePeople, findOpenChildren, findUnitEvents, lockUnits, movePeople, type OrgUnitRow } from '../../db/repositories/org-structure.repository.js';
import { isUnitInScope } from '../../db/repositories/org.repository.js';
import { unitsScope } from '../../db/scope.js';
import { notFound } from '../errors.js';
import {
  assertDate,
  assertManagesOrg,
  assertOpen,
  closeUnit,
  createUnit,
  getRoot,
  getUnitForChange,
  GRASSROOTS,
  moveUnit,
  recordRestructuring,
  renameUnit,
  type NewUnit,
} from './org-changes.js';

/** The parent named by id, or the root when none is given. */
async function parentOf(ctx: UseCaseContext, parentId: string | null | undefined): Promise<OrgUnitRow> {
  return parentId ? getUnitForChange(ctx, parentId) : getRoot(ctx);
}

/** Adds a unit (a department, a sub-unit or a public service unit) formed on a date. */
export async function addUnit(ctx: UseCaseContext, b: z.infer<typeof addUnitBody>): Promise<OrgChange> {
  assertDate(ctx, b);
  const parent = await parentOf(ctx, b.parentId);
  assertManagesOrg(ctx.actor, [parent.path]);
  const u = await createUnit(ctx, parent, { code: b.code, name: b.name, shortName: b.shortName, kind: b.kind }, { ...b, formed: true });
  return { unitIds: [u.id], eventIds: [u.eventId!], peopleMoved: 0 };
}

export async function renameOrgUnit(ctx: UseCaseContext, id: string, b: z.infer<typeof renameUnitBody>): Promise<OrgChange> {
  assertDate(ctx, b);
  const u = await getUnitForChange(ctx, id);
  assertManagesOrg(ctx.actor, [u.path]);
  assertOpen(u);
  const e = await renameUnit(ctx, u, b, b);
  if (!e) throw invalid([{ path: 'name', message: 'Tên mới trùng với tên hiện tại' }]);
  return { unitIds: [u.id], eventIds: [e], peopleMoved: 0 };
}

/** Moves a unit with its whole subtree under another parent (or directly under the People's Committee). */
export async function moveOrgUnit(ctx: UseCaseContext, id: string, b: z.infer<typeof moveUnitBody>): Promise<OrgChange> {
  assertDate(ctx, b);
  const u = await getUnitForChange(ctx, id);
  const parent = await parentOf(ctx, b.parentId);
  assertManagesOrg(ctx.actor, [u.path, parent.path]);
  assertOpen(u);
  const e = await moveUnit(ctx, u, parent, b);
  if (!e) throw invalid([{ path: 'parentId', message: `${u.name} đã trực thuộc ${parent.name}` }]);
  return { unitIds: [u.id], eventIds: [e], peopleMoved: 0 };
}

/** Closes (dissolves) a unit that no longer has active staff or open sub-units: they are moved first. */
export async function closeOrgUnit(ctx: UseCaseContext, id: string, b: z.infer<typeof closeUnitBody>): Promise<OrgChange> {
  assertDate(ctx, b);
  const u = await getUnitForChange(ctx, id);
  assertManagesOrg(ctx.actor, [u.path]);
  assertOpen(u);
  if (u.parentId === null || GRASSROOTS.has(u.kind)) throw invalid([{ path: 'unitId', message: 'Không giải thể Ủy ban nhân dân hoặc xã, phường tại đây' }]);
  const people = await countActivePeople(ctx.tx, u.id);
  const children = await findOpenChildren(ctx.tx, u.id);
  if (people > 0 || children.length > 0) {
    const what = [people > 0 ? `${people} người đang công tác` : '', children.length > 0 ? `${children.length} đơn vị trực thuộc` : ''].filter(Boolean).join(' và ');
    throw invalid([{ path: 'unitId', message: `${u.name} còn ${what}: vui lòng chuyển đi hoặc dùng "Hợp nhất" trước khi giải thể` }]);
  }
  return { unitIds: [u.id], eventIds: [await closeUnit(ctx, u, b)], peopleMoved: 0 };
}

/** The receiving unit of a merger or split: an existing open unit, or a new one created now. */
async function resultUnit(
  ctx: UseCaseContext,
  targetId: string | null | undefined,
  nu: (NewUnit & { parentId?: string | null }) | null | undefined,
  b: z.infer<typeof closeUnitBody>,
) {
  if (targetId) {
    const t = await getUnitForChange(ctx, targetId);
    assertManagesOrg(ctx.actor, [t.path]);
    assertOpen(t, 'targetId');
    if (GRASSROOTS.has(t.kind) || t.parentId === null) throw invalid([{ path: 'targetId', message: 'Đơn vị nhận phải là cơ quan, đơn vị cấp tỉnh' }]);
    return t;
  }
  const parent = await parentOf(ctx, nu!.parentId);
  assertManagesOrg(ctx.actor, [parent.path]);
  const c = await createUnit(ctx, parent, nu!, { ...b, formed: false });
  return (await lockUnits(ctx.tx, [c.id]))[0];
}

/**
 * Merges units into one (hợp nhất, sáp nhập) on a date: the receiving unit (existing or new) gets a 'merged'
 * event naming the sources and `restructured_on` = that date; the sources' open sub-units are moved under it
 * (with their subtrees), their active people become its staff (each person audited), and the sources are closed
 * on the date. Staff then count as "of a restructured unit" from that date.
 */
export async function mergeUnits(ctx: UseCaseContext, b: z.infer<typeof mergeUnitsBody>): Promise<OrgChange> {
  assertDate(ctx, b);
  const ids = [...new Set(b.sourceIds)];
  const sources = await lockUnits(ctx.tx, ids);
  if (sources.length !== ids.length) throw notFound('Đơn vị được hợp nhất');
  assertManagesOrg(
    ctx.actor,
    sources.map((s) => s.path),
  );
  for (const s of sources) {
    assertOpen(s, 'sourceIds');
    if (s.parentId === null || GRASSROOTS.has(s.kind)) throw invalid([{ path: 'sourceIds', message: `${s.name}: chỉ hợp nhất các cơ quan, đơn vị cấp tỉnh` }]);
  }
  const target = await resultUnit(ctx, b.targetId, b.newUnit, b);
  for (const s of sources) {
    if (s.id === target.id) throw invalid([{ path: 'targetId', message: 'Đơn vị nhận không thể là một đơn vị được hợp nhất' }]);
    if (target.path.includes(s.id)) throw invalid([{ path: 'targetId', message: `Đơn vị nhận đang trực thuộc ${s.name}, đơn vị được hợp nhất` }]);
  }
  const eventIds = [await recordRestructuring(ctx, 'merged', target.id, ids, b)];
  const touched = new Set([target.id, ...ids]);
  for (const s of sources) {
    for (const child of await findOpenChildren(ctx.tx, s.id)) {
      const [c] = await lockUnits(ctx.tx, [child.id]);
      const e = await moveUnit(ctx, c, target, { ...b, note: b.note ?? `Chuyển về ${target.name} khi hợp nhất ${s.name}` });
      if (e) eventIds.push(e);
      touched.add(c.id);
    }
  }
  const moved = await movePeople(ctx.tx, ids, target.id);
  for (const p of moved) {
    await recordAudit(ctx.tx, ctx, {
      action: 'update',
      entityType: 'person',
      entityId: p.id,
      personId: p.id,
      before: { unitId: p.fromUnitId },
      after: { unitId: target.id },
      meta: { reason: 'org_merger', eventId: eventIds[0] },
    });
  }
  for (const s of sources) eventIds.push(await closeUnit(ctx, s, b, { mergedInto: { id: target.id, code: target.code, name: target.name } }));
  return { unitIds: [...touched], eventIds, peopleMoved: moved.length };
}

/**
 * Splits a unit (chia tách) on a date: each resulting unit (new, or existing and taking part of its tasks) gets a
 * 'split' event naming the source and `restructured_on` = that date. The source stays open with its staff:
 * which people go where is the units' decision (moved by the cadre record or import), after which the source
 * may be closed.
 */
export async function splitUnit(ctx: UseCaseContext, b: z.infer<typeof splitUnitBody>): Promise<OrgChange> {
  assertDate(ctx, b);
  const source = await getUnitForChange(ctx, b.sourceId);
  assertManagesOrg(ctx.actor, [source.path]);
  assertOpen(source, 'sourceId');
  if (source.parentId === null || GRASSROOTS.has(source.kind)) throw invalid([{ path: 'sourceId', message: 'Chỉ chia tách các cơ quan, đơn vị cấp tỉnh' }]);
  const unitIds: string[] = [];
  const eventIds: string[] = [];
  for (const r of b.into) {
    const t = await resultUnit(ctx, r.targetId, r.newUnit, b);
    if (t.id === source.id || unitIds.includes(t.id))
      throw invalid([{ path: 'into', message: 'Các đơn vị được tách ra phải khác nhau và khác đơn vị bị chia tách' }]);
    unitIds.push(t.id);
    eventIds.push(await recordRestructuring(ctx, 'split', t.id, [source.id], b));
  }
  return { unitIds, eventIds, peopleMoved: 0 };
}

/** The restructuring history of a unit the actor may see: its own events and those that took from it. */
export async function listUnitEvents(ctx: UseCaseContext, id: string) {
  if (!(await isUnitInScope(ctx.tx, id, unitsScope(ctx.actor)))) throw notFound('Đơn vị');
  return findUnitEvents(ctx.tx, id);
}
