import type { UseCaseContext } from '../context.js';
import { SHEET_BY_KIND, type OrgSheetKind } from '../../../common/import-columns.js';
import type { IssueSink } from '../imports/import-issues.js';
import type { RowValues } from '../imports/validate-row.js';
import { recordAudit } from '../audit/record-audit.js';
import {
  findAllUnits,
  findJobPostsOf,
  findRestructuringDates,
  findStaffingOf,
  insertJobPost,
  lockUnits,
  updateJobPost,
  updateUnitAttributes,
  upsertStaffing,
  type JobPostValues,
  type OrgUnitRow,
} from '../../db/repositories/org-structure.repository.js';
import { createUnit, GRASSROOTS, moveUnit, recordRestructuring, renameUnit } from './org-changes.js';

/**
 * The organisation sheets of an import ("Tổ chức bộ máy", "Vị trí việc làm"): checked against the tree as it is
 * and as the file makes it (rows in any order: a parent may come after its sub-units; unknown parents and
 * cycles are row errors), then applied unit by unit through the same changes as the org page, so every new
 * unit, rename, move and restructuring date leaves its dated event. A row whose code exists updates that unit.
 */

export interface OrgRow {
  rowNo: number;
  values: RowValues;
}
export type OrgRows = Record<OrgSheetKind, OrgRow[]>;

export interface OrgChangePreview {
  sheet: string;
  rowNo: number;
  key: string;
  action: 'create' | 'update';
  fields: { changed: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> };
}

export interface OrgPlan {
  changes: OrgChangePreview[];
  counts: Record<OrgSheetKind, { create: number; update: number; unchanged: number; fields: Record<string, number> }>;
  /** Writes the plan (call only when the whole file has no error). */
  apply(): Promise<void>;
}

const UNITS = SHEET_BY_KIND.orgUnits;
const POSTS = SHEET_BY_KIND.jobPosts;
const header = (kind: OrgSheetKind, key: string) => SHEET_BY_KIND[kind].columns.find((c) => c.key === key)!.header;
const upper = (v: unknown) => String(v).toUpperCase();
const str = (v: unknown) => (v === undefined || v === null ? null : String(v));

/** Plans the organisation sheets against the database; problems go to `issues` with their row and column. */
export async function planOrgSheets(ctx: UseCaseContext, rows: OrgRows, issues: IssueSink, fileName: string): Promise<OrgPlan> {
  const counts: OrgPlan['counts'] = {
    orgUnits: { create: 0, update: 0, unchanged: 0, fields: {} },
    jobPosts: { create: 0, update: 0, unchanged: 0, fields: {} },
    needs: { create: 0, update: 0, unchanged: 0, fields: {} }, // planned by demand/import-needs-sheet.ts
  };
  const changes: OrgChangePreview[] = [];
  const none: OrgPlan = { changes, counts, apply: async () => undefined };
  if (rows.orgUnits.length === 0 && rows.jobPosts.length === 0) return none;

  const units = await findAllUnits(ctx.tx);
  const byCode = new Map(units.map((u) => [upper(u.code), u]));
  const root = units.find((u) => u.parentId === null) ?? null;
  const inFile = new Map(rows.orgUnits.map((r) => [upper(r.values.code), r]));
  let errors = 0;
  const problem = (kind: OrgSheetKind, r: OrgRow, key: string, reason: string) => {
    errors++;
    issues.add({ sheet: SHEET_BY_KIND[kind].name, rowNo: r.rowNo, column: header(kind, key), value: str(r.values[key]), reason });
  };

  // each row's parent as the file leaves it: its own column when present, else the parent it has
  const parentOf = new Map<string, string | null>(); // code → parent code (null: the root)
  const rootCode = root ? upper(root.code) : null;
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const u of units) parentOf.set(upper(u.code), u.parentId ? upper(byId.get(u.parentId)?.code ?? '') : null);
  for (const r of rows.orgUnits) {
    const code = upper(r.values.code);
    const existing = byCode.get(code);
    const kind = String(r.values.kind);
    if (existing?.parentId === null) {
      problem('orgUnits', r, 'code', 'Không cập nhật Ủy ban nhân dân (gốc của cơ cấu tổ chức) qua tệp này');
      continue;
    }
    if (existing?.closedOn) {
      problem('orgUnits', r, 'code', `Đơn vị đã giải thể, sáp nhập từ ngày ${existing.closedOn.split('-').reverse().join('/')}`);
      continue;
    }
    if (GRASSROOTS.has(kind) !== (existing ? GRASSROOTS.has(existing.kind) : GRASSROOTS.has(kind))) {
      problem('orgUnits', r, 'kind', 'Loại không khớp với đơn vị đã có: xã, phường không đổi thành cơ quan, đơn vị và ngược lại');
      continue;
    }
    if (GRASSROOTS.has(kind)) {
      // communes and wards come from the national list at setup: here only their attributes
      if (!existing) problem('orgUnits', r, 'code', 'Xã, phường được tạo khi thiết lập tỉnh, thành phố; tệp chỉ cập nhật thông tin của xã, phường đã có');
      continue;
    }
    if (!root) {
      problem('orgUnits', r, 'parentCode', 'Chưa thiết lập tỉnh, thành phố: chưa có Ủy ban nhân dân (gốc của cơ cấu tổ chức)');
      continue;
    }
    if (r.values.isEspeciallyDisadvantaged === true) problem('orgUnits', r, 'isEspeciallyDisadvantaged', 'Chỉ xã, phường mới là xã đặc biệt khó khăn');
    if (!('parentCode' in r.values) && existing) continue; // column absent: the unit stays where it is
    const p = r.values.parentCode ? upper(r.values.parentCode) : rootCode;
    if (p === code) {
      problem('orgUnits', r, 'parentCode', 'Đơn vị không thể là cấp trên của chính nó');
      continue;
    }
    const parent = byCode.get(p!);
    const parentKind = parent?.kind ?? (inFile.get(p!) ? String(inFile.get(p!)!.values.kind) : null);
    if (!parentKind) {
      problem('orgUnits', r, 'parentCode', `Không có đơn vị mã "${String(r.values.parentCode)}" trong hệ thống hoặc trong tệp`);
      continue;
    }
    if (GRASSROOTS.has(parentKind)) {
      problem('orgUnits', r, 'parentCode', 'Không đặt đơn vị trực thuộc xã, phường');
      continue;
    }
    if (parent?.closedOn) {
      problem('orgUnits', r, 'parentCode', `Đơn vị cấp trên ${parent.name} đã giải thể`);
      continue;
    }
    parentOf.set(code, p === rootCode ? rootCode : p);
  }
  // the tree as the file leaves it must have no cycle
  const depthOf = new Map<string, number>();
  const depth = (code: string): number | null => {
    const seen: string[] = [];
    let c: string | null = code;
    while (c !== null && c !== undefined && !depthOf.has(c)) {
      if (seen.includes(c)) return null;
      seen.push(c);
      c = parentOf.get(c) ?? null;
    }
    let d = c === null || c === undefined ? -1 : depthOf.get(c)!;
    for (let i = seen.length - 1; i >= 0; i--) depthOf.set(seen[i], ++d);
    return depthOf.get(code)!;
  };
  for (const r of rows.orgUnits) {
    const code = upper(r.values.code);
    if (depth(code) === null) {
      const chain: string[] = [code];
      for (let c = parentOf.get(code); c && !chain.includes(c); c = parentOf.get(c)) chain.push(c);
      problem('orgUnits', r, 'parentCode', `Vòng lặp cấp trên: ${[...chain, chain.find((x) => x === parentOf.get(chain[chain.length - 1])) ?? code].join(' → ')}`);
    }
  }

  // what each unit row changes
  type UnitStep = {
    row: OrgRow;
    code: string;
    existing: OrgUnitRow | undefined;
    changed: string[];
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  };
  const years = [...new Set(rows.orgUnits.map((r) => r.values.year).filter((y): y is number => typeof y === 'number'))];
  const staffing = await findStaffingOf(ctx.tx, years);
  const restructured = await findRestructuringDates(ctx.tx);
  const steps: UnitStep[] = [];
  for (const r of rows.orgUnits) {
    const v = r.values;
    const code = upper(v.code);
    const existing = byCode.get(code);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const changed: string[] = [];
    const field = (key: string, was: unknown, now: unknown) => {
      if (now === undefined || was === now) return;
      changed.push(key);
      before[key] = was;
      after[key] = now;
    };
    const grass = existing && GRASSROOTS.has(existing.kind);
    if (!grass) {
      field('name', existing?.name, v.name);
      field('shortName', existing?.shortName ?? null, v.shortName);
      field('kind', existing?.kind, v.kind);
      const newParent = parentOf.get(code) ?? null;
      const oldParent = existing ? (byId.get(existing.parentId ?? '')?.code ?? null) : undefined;
      if (!existing || 'parentCode' in v) field('parentCode', oldParent ? upper(oldParent) : oldParent, newParent);
    }
    if (v.isEspeciallyDisadvantaged !== null && v.isEspeciallyDisadvantaged !== undefined)
      field('isEspeciallyDisadvantaged', existing?.isEspeciallyDisadvantaged, v.isEspeciallyDisadvantaged);
    if (v.restructuredOn && !(existing && restructured.get(existing.id)?.has(String(v.restructuredOn))) && existing?.restructuredOn !== v.restructuredOn)
      field('restructuredOn', existing?.restructuredOn ?? null, v.restructuredOn);
    const hasYear = typeof v.year === 'number';
    if (hasYear !== (typeof v.assignedStaffing === 'number'))
      problem('orgUnits', r, hasYear ? 'assignedStaffing' : 'year', 'Cần ghi cả năm biên chế và biên chế được giao');
    else if (v.decisionNo && !hasYear) problem('orgUnits', r, 'year', 'Số quyết định giao biên chế cần kèm năm biên chế');
    else if (hasYear) {
      const s = existing ? staffing.get(`${existing.id}|${v.year}`) : undefined;
      field('assignedStaffing', s?.assignedStaffing ?? null, v.assignedStaffing);
      if (v.decisionNo !== undefined) field('decisionNo', s?.decisionNo ?? null, v.decisionNo);
      if (changed.includes('assignedStaffing') || changed.includes('decisionNo')) after.year = v.year;
    }
    steps.push({ row: r, code, existing, changed, before, after });
  }

  // job posts: by unit (in the file or the system) and title
  type PostStep = { row: OrgRow; unitCode: string; id: string | null; values: JobPostValues; changed: string[]; before: Record<string, unknown> | null };
  const existingPosts = await findJobPostsOf(
    ctx.tx,
    rows.jobPosts.map((r) => byCode.get(upper(r.values.code))?.id).filter((x): x is string => !!x),
  );
  const postKey = (unitId: string, title: string) => `${unitId}\u0001${title.normalize('NFC').toLowerCase()}`;
  const postsByKey = new Map<string, (typeof existingPosts)[number]>();
  for (const p of existingPosts) if (!postsByKey.has(postKey(p.unitId, p.title))) postsByKey.set(postKey(p.unitId, p.title), p);
  const postSteps: PostStep[] = [];
  for (const r of rows.jobPosts) {
    const v = r.values;
    const unitCode = upper(v.code);
    const unit = byCode.get(unitCode);
    if (!unit && !inFile.has(unitCode)) {
      problem('jobPosts', r, 'code', 'Không có đơn vị mã này trong hệ thống hoặc trong trang "Tổ chức bộ máy" của tệp');
      continue;
    }
    if (unit?.closedOn) {
      problem('jobPosts', r, 'code', 'Đơn vị đã giải thể');
      continue;
    }
    const values: JobPostValues = {
      title: String(v.title),
      isLeadership: v.isLeadership === true,
      isKeyPost: v.isKeyPost === true,
      minEducation: str(v.minEducation),
      requiredRankGrade: str(v.requiredRankGrade),
      requiredPoliticalTheory: str(v.requiredPoliticalTheory),
      standards: str(v.standards),
    };
    const old = unit ? postsByKey.get(postKey(unit.id, values.title)) : undefined;
    // a column absent from the file keeps the post's value
    for (const k of Object.keys(values) as (keyof JobPostValues)[]) if (!(k in v) && old) (values as Record<string, unknown>)[k] = old[k];
    const changed = old ? (Object.keys(values) as (keyof JobPostValues)[]).filter((k) => old[k] !== values[k]) : Object.keys(values);
    postSteps.push({ row: r, unitCode, id: old?.id ?? null, values, changed, before: old ? { ...old } : null });
  }

  for (const s of steps) {
    const c = counts.orgUnits;
    if (!s.existing) c.create++;
    else if (s.changed.length) c.update++;
    else c.unchanged++;
    if (s.existing) for (const f of s.changed) c.fields[f] = (c.fields[f] ?? 0) + 1;
    if (!s.existing || s.changed.length)
      changes.push({
        sheet: UNITS.name,
        rowNo: s.row.rowNo,
        key: String(s.row.values.code),
        action: s.existing ? 'update' : 'create',
        fields: { changed: s.changed, before: s.existing ? s.before : null, after: s.after },
      });
  }
  for (const p of postSteps) {
    const c = counts.jobPosts;
    if (!p.id) c.create++;
    else if (p.changed.length) c.update++;
    else c.unchanged++;
    if (p.id) for (const f of p.changed) c.fields[f] = (c.fields[f] ?? 0) + 1;
    if (!p.id || p.changed.length)
      changes.push({
        sheet: POSTS.name,
        rowNo: p.row.rowNo,
        key: `${String(p.row.values.code)} · ${p.values.title}`,
        action: p.id ? 'update' : 'create',
        fields: { changed: p.changed, before: p.before, after: { ...p.values } },
      });
  }
  if (errors > 0) return { changes, counts, apply: () => Promise.reject(new Error('the org sheets have errors')) };

  return {
    changes,
    counts,
    async apply() {
      const dated = { effectiveOn: ctx.today, decisionNo: null, note: `Nhập từ tệp "${fileName}"` };
      const current = new Map(units.map((u) => [upper(u.code), u]));
      const reload = async (code: string) => {
        const [u] = await lockUnits(ctx.tx, [current.get(code)!.id]);
        current.set(code, u);
        return u;
      };
      // parents before their sub-units, as the file leaves the tree: each unit then moves under its final place
      const ordered = [...steps].sort((a, b) => (depthOf.get(a.code) ?? 0) - (depthOf.get(b.code) ?? 0) || a.row.rowNo - b.row.rowNo);
      for (const s of ordered) {
        const v = s.row.values;
        const parentCode = parentOf.get(s.code) ?? rootCode!;
        let unit: OrgUnitRow;
        if (!s.existing) {
          const parent = await reload(parentCode);
          const c = await createUnit(
            ctx,
            parent,
            {
              code: String(v.code),
              name: String(v.name),
              shortName: str(v.shortName),
              kind: String(v.kind),
              isEspeciallyDisadvantaged: v.isEspeciallyDisadvantaged === true,
            },
            { ...dated, formed: true },
          );
          current.set(s.code, { ...parent, id: c.id, code: String(v.code) });
          unit = await reload(s.code);
        } else {
          unit = await reload(s.code);
          if (s.changed.includes('name') || s.changed.includes('shortName'))
            await renameUnit(ctx, unit, { name: String(v.name), shortName: v.shortName === undefined ? undefined : str(v.shortName) }, dated);
          if (s.changed.includes('parentCode')) await moveUnit(ctx, unit, await reload(parentCode), dated);
          const set: { kind?: string; isEspeciallyDisadvantaged?: boolean } = {};
          if (s.changed.includes('kind')) set.kind = String(v.kind);
          if (s.changed.includes('isEspeciallyDisadvantaged')) set.isEspeciallyDisadvantaged = v.isEspeciallyDisadvantaged === true;
          if (Object.keys(set).length) {
            await updateUnitAttributes(ctx.tx, unit.id, set);
            const before = Object.fromEntries(Object.keys(set).map((k) => [k, s.before[k]]));
            await recordAudit(ctx.tx, ctx, { action: 'update', entityType: 'org_unit', entityId: unit.id, before, after: set, meta: { import: fileName } });
          }
        }
        if (s.changed.includes('restructuredOn'))
          await recordRestructuring(ctx, 'merged', unit.id, [], { effectiveOn: String(v.restructuredOn), note: `Ngày sắp xếp khai báo trong tệp "${fileName}"` });
        if (s.changed.includes('assignedStaffing') || s.changed.includes('decisionNo')) {
          const row = { unitId: unit.id, year: Number(v.year), assignedStaffing: Number(v.assignedStaffing), decisionNo: str(v.decisionNo) };
          if (v.decisionNo === undefined) row.decisionNo = (s.before.decisionNo as string | null | undefined) ?? null;
          await upsertStaffing(ctx.tx, row);
          await recordAudit(ctx.tx, ctx, {
            action: s.existing && s.before.assignedStaffing !== null ? 'update' : 'create',
            entityType: 'org_unit_staffing',
            entityId: unit.id,
            before: s.existing ? { assignedStaffing: s.before.assignedStaffing ?? null } : null,
            after: row,
            meta: { import: fileName },
          });
        }
      }
      for (const p of postSteps) {
        if (p.id && p.changed.length === 0) continue;
        const unitId = current.get(p.unitCode)!.id;
        const id = p.id ?? (await insertJobPost(ctx.tx, unitId, p.values));
        if (p.id) await updateJobPost(ctx.tx, p.id, p.values);
        await recordAudit(ctx.tx, ctx, {
          action: p.id ? 'update' : 'create',
          entityType: 'job_post',
          entityId: id,
          before: p.before,
          after: { unitId, ...p.values },
          meta: { import: fileName },
        });
      }
    },
  };
}
