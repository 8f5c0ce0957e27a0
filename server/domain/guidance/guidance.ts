import type { UseCaseContext } from '../context.js';
import {
  existingUnitIds,
  findGuidance,
  findGuidancePage,
  insertGuidance,
  updateGuidance,
  type GuidanceFilters,
  type GuidanceRow,
  type GuidanceValues,
} from '../../db/repositories/inspections.repository.js';
import { guidanceScope } from '../../db/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { forbidden, invalid, notFound, refuseFutureDate } from '../errors.js';
import { guidancePolicy, staleGuidance } from './guidance.policy.js';
import type { GuidanceInput } from '../../../common/schemas/inspections.js';

/** The issuer named when the form leaves it empty. */
export const DEFAULT_ISSUER = 'Sở Nội vụ';

/** A guidance document as the API returns it: its addressed units and what the actor may do on it. */
export function presentGuidance(ctx: UseCaseContext, g: GuidanceRow) {
  const { unitIds: _u, ...rest } = g;
  return { ...rest, allowedActions: guidancePolicy.allowedActions(ctx.actor, {}) };
}

export async function listGuidance(ctx: UseCaseContext, q: GuidanceFilters & { page: number; pageSize: number }) {
  const r = await findGuidancePage(ctx.tx, q, guidanceScope(ctx.actor));
  return { items: r.items.map((g) => presentGuidance(ctx, g)), total: r.total, page: q.page, pageSize: q.pageSize };
}

export async function getGuidance(ctx: UseCaseContext, id: string) {
  const g = await findGuidance(ctx.tx, id, guidanceScope(ctx.actor));
  if (!g) throw notFound('Văn bản hướng dẫn');
  return presentGuidance(ctx, g);
}

/** Checks a guidance document (not dated after today; the addressed units exist) and normalises its text. */
async function resolveGuidance(ctx: UseCaseContext, input: GuidanceInput): Promise<GuidanceValues> {
  refuseFutureDate(ctx.today, 'issuedOn', input.issuedOn, 'Ngày ban hành văn bản');
  const unitIds = [...new Set(input.unitIds ?? [])];
  const found = await existingUnitIds(ctx.tx, unitIds);
  const missing = unitIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid([{ path: `unitIds.${missing}`, message: 'Đơn vị nhận văn bản không tồn tại' }]);
  const text = (s: string | null | undefined) => s?.normalize('NFC').trim() || null;
  return {
    number: input.number.normalize('NFC').trim(),
    issuedOn: input.issuedOn,
    title: input.title.normalize('NFC').trim(),
    summary: text(input.summary),
    unitIds,
    issuedBy: text(input.issuedBy) ?? DEFAULT_ISSUER,
    body: text(input.body),
  };
}

/** Sở Nội vụ records a guidance document it has issued to the units (or to all of them). */
export async function issueGuidance(ctx: UseCaseContext, input: GuidanceInput): Promise<string> {
  if (!guidancePolicy.holds(ctx.actor, 'issue', {})) throw forbidden('Chỉ Sở Nội vụ được ban hành văn bản hướng dẫn.');
  const values = await resolveGuidance(ctx, input);
  const id = await insertGuidance(ctx.tx, { ...values, createdBy: ctx.actor.userId });
  await recordAudit(ctx.tx, ctx, { action: 'create', entityType: 'guidance_document', entityId: id, after: values });
  return id;
}

/** Sở Nội vụ corrects a guidance document. */
export async function editGuidance(ctx: UseCaseContext, id: string, input: GuidanceInput & { version: number }) {
  const g = await findGuidance(ctx.tx, id, guidanceScope(ctx.actor), true);
  if (!g) throw notFound('Văn bản hướng dẫn');
  guidancePolicy.assertCan(ctx.actor, 'edit', {});
  if (g.version !== input.version) throw staleGuidance();
  const values = await resolveGuidance(ctx, input);
  const version = await updateGuidance(ctx.tx, id, values, g.version);
  if (version === null) throw staleGuidance();
  const { units: _u, createdAt: _c, ...before } = g;
  await recordAudit(ctx.tx, ctx, { action: 'update', entityType: 'guidance_document', entityId: id, before, after: { ...values, version } });
}
