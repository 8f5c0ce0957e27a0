import type { UseCaseContext } from '../context.js';
import { demandFieldOf } from '../../../common/demand.js';
import { SHEET_BY_KIND } from '../../../common/import-columns.js';
import {
  findNeedUnit,
  findOpenNeedFor,
  findPostsOfUnit,
  insertNeed,
  updateNeedContent,
  type NeedPost,
  type NeedRow,
  type NeedUnit,
  type NeedValues,
} from '../../db/repositories/demand.repository.js';
import { labelKey } from '../../documents/xlsx-cells.js';
import { recordAudit } from '../audit/record-audit.js';
import type { IssueSink } from '../imports/import-issues.js';
import type { OrgChangePreview, OrgRow } from '../org/import-org-sheets.js';
import { staleNeed } from './demand.policy.js';
import { checkNeedUnit, resolveNeed } from './need-input.js';

const SHEET = SHEET_BY_KIND.needs;
const header = (key: string) => SHEET.columns.find((c) => c.key === key)!.header;
/** The column of the sheet a problem of `resolveNeed` belongs to. */
const COLUMN_OF: Record<string, string> = {
  unitId: 'code',
  jobPostId: 'postOrField',
  field: 'postOrField',
  count: 'count',
  urgency: 'urgency',
  wantedUntil: 'wantedUntil',
  reason: 'reason',
};
const COMPARED = ['count', 'urgency', 'wantedFrom', 'wantedUntil', 'reason'] as const;

export interface NeedsPlan {
  changes: OrgChangePreview[];
  counts: { create: number; update: number; unchanged: number; fields: Record<string, number> };
  apply(): Promise<void>;
}

/**
 * The "Nhu cầu tăng cường" sheet: Sở Nội vụ enters the needs the communes sent (commune code, one of its posts by
 * title or a field, count, urgency, from, until, reason). Each row is checked as the commune's own form is
 * (`resolveNeed`): a post of that commune or a field, a count within limits, until after from, a commune that is one.
 * A row updates the commune's open need for the same post (or field), otherwise it declares a new one, submitted.
 * Planned with the rest of the file; applied only when the whole file has no error.
 */
export async function planNeedsSheet(ctx: UseCaseContext, rows: OrgRow[], issues: IssueSink, fileName: string): Promise<NeedsPlan> {
  const counts = { create: 0, update: 0, unchanged: 0, fields: {} as Record<string, number> };
  const changes: OrgChangePreview[] = [];
  const plan: { rowNo: number; values: NeedValues; existing: NeedRow | null; changed: string[] }[] = [];
  const units = new Map<string, NeedUnit | null>();
  const posts = new Map<string, NeedPost[]>();
  for (const r of rows) {
    const code = String(r.values.code);
    const problem = (key: string, reason: string) =>
      issues.add({
        sheet: SHEET.name,
        rowNo: r.rowNo,
        column: header(key),
        value: r.values[key] === null || r.values[key] === undefined ? null : String(r.values[key]),
        reason,
      });
    if (!units.has(code)) units.set(code, await findNeedUnit(ctx.tx, { code }));
    const unit = units.get(code)!;
    const unitIssues = checkNeedUnit(unit, 'code');
    if (unitIssues.length) {
      problem('code', unit ? unitIssues[0].message : 'Mã xã, phường không có trong danh mục');
      continue;
    }
    if (!posts.has(unit!.id)) posts.set(unit!.id, await findPostsOfUnit(ctx.tx, unit!.id));
    const text = String(r.values.postOrField);
    const post = posts.get(unit!.id)!.find((p) => labelKey(p.title) === labelKey(text)) ?? null;
    const field = post ? null : demandFieldOf(text);
    if (!post && !field) {
      problem('postOrField', `Không có vị trí việc làm "${text}" của ${unit!.name}, cũng không phải lĩnh vực trong danh mục`);
      continue;
    }
    const { values, issues: found } = resolveNeed(
      {
        jobPostId: post?.id ?? null,
        field: field ?? post?.field ?? null,
        count: Number(r.values.count),
        urgency: (r.values.urgency as string | null) ?? 'normal',
        wantedFrom: (r.values.wantedFrom as string | null) ?? null,
        wantedUntil: (r.values.wantedUntil as string | null) ?? null,
        reason: String(r.values.reason ?? ''),
      },
      unit!,
      post,
    );
    if (found.length) {
      for (const i of found) problem(COLUMN_OF[i.path] ?? 'postOrField', i.message);
      continue;
    }
    const existing = await findOpenNeedFor(ctx.tx, unit!.id, values.jobPostId, values.field);
    const changed = existing ? COMPARED.filter((k) => String(existing[k] ?? '') !== String(values[k] ?? '')) : [...COMPARED];
    const action = !existing ? 'create' : changed.length ? 'update' : 'unchanged';
    counts[action]++;
    for (const f of changed) if (existing) counts.fields[f] = (counts.fields[f] ?? 0) + 1;
    if (action === 'unchanged') continue;
    plan.push({ rowNo: r.rowNo, values, existing, changed });
    changes.push({
      sheet: SHEET.name,
      rowNo: r.rowNo,
      key: `${unit!.code} · ${post?.title ?? text}`,
      action,
      fields: {
        changed,
        before: existing ? Object.fromEntries(COMPARED.map((k) => [k, existing[k]])) : null,
        after: Object.fromEntries(COMPARED.map((k) => [k, values[k]])),
      },
    });
  }
  return {
    changes,
    counts,
    async apply() {
      for (const p of plan) {
        if (!p.existing) {
          const created = await insertNeed(ctx.tx, { ...p.values, status: 'submitted', createdBy: ctx.actor.userId });
          await recordAudit(ctx.tx, ctx, {
            action: 'create',
            entityType: 'commune_need',
            entityId: created.id,
            after: { ...p.values, status: 'submitted' },
            meta: { import: fileName, rowNo: p.rowNo },
          });
        } else {
          const { unitId: _u, ...content } = p.values;
          const version = await updateNeedContent(ctx.tx, p.existing.id, content, p.existing.version);
          if (version === null) throw staleNeed();
          await recordAudit(ctx.tx, ctx, {
            action: 'update',
            entityType: 'commune_need',
            entityId: p.existing.id,
            before: { ...Object.fromEntries(p.changed.map((k) => [k, p.existing![k as keyof NeedRow]])), version: p.existing.version },
            after: { ...Object.fromEntries(p.changed.map((k) => [k, p.values[k as keyof NeedValues]])), version },
            meta: { import: fileName, rowNo: p.rowNo },
          });
        }
      }
    },
  };
}
