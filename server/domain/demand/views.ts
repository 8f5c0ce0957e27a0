import { allOf } from '../../db/sql-helpers.js';
import { findNeedAssignments } from '../../db/repositories/matching.repository.js';
import { secondmentsScope } from '../../db/scope.js';
import { SECONDMENT_DECIDED_STATUSES, SECONDMENT_OPEN_STATUSES, SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../common/secondment.js';
import type { Writable } from 'node:stream';
import type { UseCaseContext } from '../context.js';
import { yearOf } from '../../../common/dates.js';
import { DEMAND_FIELD_LABELS, type DemandField } from '../../../common/demand.js';
import {
  findCommune,
  findCommunePosts,
  findNeedsOfUnit,
  findShortages,
  findSurplus,
  type ShortageFilters,
  type ShortageSort,
} from '../../db/repositories/demand.repository.js';
import { demandScope } from '../../db/scope.js';
import { writeListXlsx, type ListColumn, type ListValue } from '../../documents/xlsx-list.js';
import { recordAudit } from '../audit/record-audit.js';
import { notFound } from '../errors.js';
import { buildRuleContext } from '../eligibility/rule-context.js';
import { planInForce } from '../plans/plan-in-force.js';
import { nonLocalRule } from '../rules/non-local.rule.js';
import type { PersonFacts } from '../rules/types.js';
import { communeGrants, demandPolicy } from './demand.policy.js';
import { presentNeed } from './needs.js';

export interface ShortageQuery {
  field?: DemandField;
  disadvantaged?: 'true' | 'false';
  sort: ShortageSort;
  dir: 'asc' | 'desc';
}

const filtersOf = (q: ShortageQuery): ShortageFilters => ({
  field: q.field,
  disadvantaged: q.disadvantaged === undefined ? undefined : q.disadvantaged === 'true',
  sort: q.sort,
  dir: q.dir,
});

/** The province table of shortages by commune (S7), sorted and filtered, a page at a time, with the totals. */
export async function listShortages(ctx: UseCaseContext, q: ShortageQuery & { page: number; pageSize: number }) {
  const r = await findShortages(ctx.tx, filtersOf(q), demandScope(ctx.actor), ctx.today, { page: q.page, pageSize: q.pageSize });
  return { ...r, page: q.page, pageSize: q.pageSize };
}

export const SHORTAGE_EXPORT_COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, type: 'number' },
  { header: 'Mã xã, phường', width: 12, type: 'text' },
  { header: 'Xã, phường', width: 30, type: 'text' },
  { header: 'ĐBKK', width: 8, type: 'text' },
  { header: 'Số vị trí việc làm', width: 12, type: 'number' },
  { header: 'Tổng định mức', width: 12, type: 'number' },
  { header: 'Số người đang đảm nhiệm', width: 14, type: 'number' },
  { header: 'Số còn thiếu', width: 12, type: 'number' },
  { header: 'Nhu cầu chờ xem xét (người)', width: 14, type: 'number' },
  { header: 'Nhu cầu đã chấp thuận (người)', width: 14, type: 'number' },
  { header: 'Nhu cầu theo lĩnh vực', width: 60, type: 'text' },
];

/** The same table, every row matching the filters, as an .xlsx (streamed). Audited as an export. */
export async function exportShortagesXlsx(ctx: UseCaseContext, q: ShortageQuery) {
  const r = await findShortages(ctx.tx, filtersOf(q), demandScope(ctx.actor), ctx.today);
  await recordAudit(ctx.tx, ctx, { action: 'export', entityType: 'commune_need', meta: { view: 'shortages', filters: q, rows: r.items.length } });
  const rows: ListValue[][] = r.items.map((x, i) => [
    i + 1,
    x.code,
    x.name,
    x.isEspeciallyDisadvantaged ? 'Có' : '',
    x.posts,
    x.norm,
    x.holders,
    x.vacancies,
    x.submitted,
    x.approved,
    x.byField.map((f) => `${DEMAND_FIELD_LABELS[f.field] ?? f.field}: ${f.submitted} chờ, ${f.approved} chấp thuận`).join('; '),
  ]);
  const t = r.totals;
  rows.push([null, null, 'Tổng cộng', null, t.posts, t.norm, t.holders, t.vacancies, t.submitted, t.approved, null]);
  return {
    fileName: 'nhu-cau-tang-cuong-theo-xa.xlsx',
    rows: r.items.length,
    write: (out: Writable) => writeListXlsx(out, [{ name: 'Thiếu hụt theo xã, phường', columns: SHORTAGE_EXPORT_COLUMNS, rows }]),
  };
}

/** The city-level units over the staffing assigned for this year (after the mergers), with the excess. */
export async function listSurplus(ctx: UseCaseContext) {
  const year = yearOf(ctx.today);
  return { year, items: await findSurplus(ctx.tx, year, demandScope(ctx.actor)) };
}

/**
 * One commune's page: its posts with the norm, who holds each today (own staff or seconded in) and the vacancy; its
 * needs; and its key-leader team with, for each holder, whether they are local — the non-local rule itself
 * (`rules/non-local.rule.ts`: the person's pre-2025 home commune through the 2025 merger map) on the post they hold.
 */
/** A proposal still standing, or the secondment it became (not withdrawn, not refused). */
const ASSIGNED_STATUSES = [...new Set([...SECONDMENT_OPEN_STATUSES, ...SECONDMENT_DECIDED_STATUSES])];

export async function getCommuneDemand(ctx: UseCaseContext, unitId: string) {
  const unit = await findCommune(ctx.tx, unitId, demandScope(ctx.actor));
  if (!unit) throw notFound('Xã, phường');
  const [{ posts, unplaced }, needs] = await allOf(ctx.tx, [() => findCommunePosts(ctx.tx, unit.id, ctx.today), () => findNeedsOfUnit(ctx.tx, unit.id)]);
  const keyPosts = posts.filter((p) => p.isKeyPost);
  const keyLeaders = [];
  if (keyPosts.length) {
    const plan = await planInForce(ctx.tx, ctx.today);
    const rules = await buildRuleContext(ctx.tx, ctx.today, plan.params);
    for (const p of keyPosts) {
      const destination = {
        id: p.id,
        title: p.title,
        unitId: unit.id,
        unitName: unit.name,
        unitKind: unit.kind,
        isKeyPost: true,
        minEducation: null,
        requiredRankGrade: null,
        requiredPoliticalTheory: null,
      };
      if (p.holders.length === 0) {
        keyLeaders.push({
          postId: p.id,
          postTitle: p.title,
          personId: null,
          fullName: null,
          secondedIn: false,
          local: 'vacant' as const,
          reason: 'Chưa có người đảm nhiệm',
          clause: null,
        });
      }
      for (const h of p.holders) {
        const v = nonLocalRule({ homeCommuneIds: h.homeCommuneIds } as PersonFacts, { ...rules, destination });
        const local = v.result === 'fail' ? ('local' as const) : v.result === 'pass' ? ('not_local' as const) : ('unknown' as const);
        keyLeaders.push({
          postId: p.id,
          postTitle: p.title,
          personId: h.personId,
          fullName: h.fullName,
          secondedIn: h.secondedIn,
          local,
          reason: v.reason,
          clause: v.clause,
        });
      }
    }
  }
  const holderOut = ({ homeCommuneIds: _h, ...h }: (typeof unplaced)[number]) => h;
  const postsOut = posts.map((p) => ({
    ...p,
    holders: p.holders.map(holderOut),
    vacancy: p.norm === null ? null : Math.max(p.norm - p.holders.length, 0),
  }));
  const totals = {
    posts: posts.length,
    norm: posts.reduce((s, p) => s + (p.norm ?? 0), 0),
    holders: posts.reduce((s, p) => s + p.holders.length, 0) + unplaced.length,
    vacancies: postsOut.reduce((s, p) => s + (p.vacancy ?? 0), 0),
  };
  const mayDeclare = communeGrants(ctx.actor).some((g) => unit.path.includes(g.unitId!)) && demandPolicy.mayAnywhere(ctx.actor, 'declare');
  const { path: _p, ...unitOut } = unit;
  // who the accepted matching pairs send for each need, as the reader's secondment scope shows them (a host: decided on)
  const assigned = await findNeedAssignments(ctx.tx, unit.id, secondmentsScope(ctx.actor), ASSIGNED_STATUSES);
  const needsOut = needs.map((n) => ({
    ...presentNeed(ctx, n),
    assigned: assigned
      .filter((a) => a.needId === n.id)
      .map(({ needId: _n, ...a }) => ({ ...a, statusLabel: SECONDMENT_STATUS_LABELS[a.status as SecondmentStatus] ?? a.status })),
  }));
  return { unit: unitOut, posts: postsOut, unplaced: unplaced.map(holderOut), totals, keyLeaders, needs: needsOut, mayDeclare };
}
