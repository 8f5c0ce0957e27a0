import type { UseCaseContext } from '../context.js';
import { findSecondment, insertEvent, updateSecondment, type SecondmentChanges, type SecondmentRow } from '../../db/repositories/secondment.repository.js';
import { assertCan, type SecondmentActivity } from './secondment.policy.js';
import { secondmentsScope } from '../../db/scope.js';
import { AppError, notFound } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';

export const staleVersion = () => new AppError('version_conflict', 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại để xem thay đổi trước khi thao tác tiếp.');

/**
 * Loads a secondment in the actor's scope (404 otherwise), locks it, checks that the actor may take this step
 * now (403 / 409) and that they acted on the version they saw (409).
 */
export async function loadForStep(ctx: UseCaseContext, id: string, what: SecondmentActivity, version?: number): Promise<SecondmentRow> {
  const s = await findSecondment(ctx.tx, id, secondmentsScope(ctx.actor), true);
  if (!s) throw notFound('Hồ sơ tăng cường');
  // acting on what one saw: a record changed meanwhile is reloaded first, whatever the change was
  if (version !== undefined && version !== s.version) throw staleVersion();
  assertCan(ctx.actor, what, s);
  return s;
}

/**
 * Writes a step: the columns (only if the version is unchanged), the timeline event and the audit row, all in the
 * caller's transaction.
 */
export async function applyStep(
  ctx: UseCaseContext,
  s: SecondmentRow,
  o: { action: string; to?: string | null; set?: SecondmentChanges; note?: string | null; data?: unknown },
): Promise<{ id: string; status: string; version: number }> {
  const status = o.to ?? s.status;
  const version = await updateSecondment(ctx.tx, s.id, s.version, { ...(o.set ?? {}), ...(o.to ? { status: o.to } : {}) });
  if (version === null) throw staleVersion();
  await insertEvent(ctx.tx, {
    secondmentId: s.id,
    action: o.action,
    fromStatus: s.status,
    toStatus: status,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    note: o.note ?? null,
    data: o.data,
  });
  await recordAudit(ctx.tx, ctx, {
    action: `secondment.${o.action}`,
    entityType: 'secondment',
    entityId: s.id,
    personId: s.personId,
    before: { status: s.status, version: s.version },
    after: { status, version, ...(o.set ?? {}) },
  });
  return { id: s.id, status, version };
}

/** Records an activity of the "during" step that does not change the secondment itself. */
export async function recordActivity(ctx: UseCaseContext, s: SecondmentRow, action: string, note: string | null, data: unknown) {
  await insertEvent(ctx.tx, { secondmentId: s.id, action, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, note, data });
  await recordAudit(ctx.tx, ctx, { action: `secondment.${action}`, entityType: 'secondment', entityId: s.id, personId: s.personId, after: data });
}
