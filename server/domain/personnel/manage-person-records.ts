import { viDate, yearOf } from '../../../common/dates.js';
import { resolveRating } from '../../../common/ratings.js';
import { CONSENT_CIRCUMSTANCES, type CircumstanceKind } from '../../../common/exclusions.js';
import type { UseCaseContext } from '../context.js';
import { peopleScope } from '../../db/scope.js';
import { findPersonInScope } from '../../db/repositories/personnel.repository.js';
import * as repo from '../../db/repositories/person-records.repository.js';
import * as ref from '../../db/repositories/reference.repository.js';
import { canCadre } from './personnel.policy.js';
import { forbidden, invalid, notFound, refuseFutureDate, type Issue } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import type { RecordKind } from '../../db/repositories/person-records.repository.js';
import { findRatingInstruments } from '../../db/repositories/eligibility.repository.js';

const ENTITY: Record<RecordKind | 'rating', string> = {
  discipline: 'discipline_record',
  planning: 'planning_entry',
  workHistory: 'work_history',
  trainingHistory: 'training_history',
  proceedings: 'person_proceeding',
  circumstances: 'person_circumstance',
  rating: 'annual_rating',
};

/** Records shown and changed only by those who may read the sensitive part of a profile (Law 91/2025/QH15). */
const SENSITIVE_KINDS: readonly RecordKind[] = ['discipline', 'proceedings', 'circumstances'];

/** Date and reference checks of one child record, in Vietnamese. */
async function checkRecord(ctx: UseCaseContext, kind: RecordKind, v: Record<string, unknown>, category: string): Promise<Issue[]> {
  const issues: Issue[] = [];
  const before = (a: string, b: string, path: string, message: string) => {
    if (v[a] && v[b] && String(v[b]) < String(v[a])) issues.push({ path, message });
  };
  if (kind === 'discipline') {
    before('effectiveFrom', 'effectiveTo', 'effectiveTo', 'Ngày hết hiệu lực không thể trước ngày có hiệu lực');
    before('decidedOn', 'effectiveFrom', 'effectiveFrom', 'Ngày có hiệu lực không thể trước ngày quyết định');
    if (String(v.decidedOn) > ctx.today) issues.push({ path: 'decidedOn', message: 'Ngày quyết định không thể ở tương lai' });
    if (v.partyDecidedOn && String(v.partyDecidedOn) > ctx.today) {
      issues.push({ path: 'partyDecidedOn', message: 'Ngày quyết định kỷ luật của Đảng không thể ở tương lai' });
    }
    const form = await ref.disciplineFormOn(ctx.tx, String(v.formCode), String(v.decidedOn), category);
    if (!form) issues.push({ path: 'formCode', message: 'Hình thức kỷ luật không áp dụng cho đối tượng này vào ngày quyết định' });
  }
  if (kind === 'planning') {
    // both are decisions already taken: the approval into the planning and the removal from it
    refuseFutureDate(ctx.today, 'approvedOn', v.approvedOn as string | null, 'Ngày phê duyệt quy hoạch');
    refuseFutureDate(ctx.today, 'removedOn', v.removedOn as string | null, 'Ngày đưa ra khỏi quy hoạch');
    before('approvedOn', 'removedOn', 'removedOn', 'Ngày đưa ra khỏi quy hoạch không thể trước ngày phê duyệt');
  }
  if (kind === 'workHistory' || kind === 'trainingHistory') {
    before('fromDate', 'toDate', 'toDate', 'Ngày kết thúc không thể trước ngày bắt đầu');
    if (String(v.fromDate) > ctx.today && kind === 'workHistory') issues.push({ path: 'fromDate', message: 'Quá trình công tác không thể bắt đầu ở tương lai' });
  }
  if (kind === 'proceedings') {
    if (String(v.openedOn) > ctx.today) issues.push({ path: 'openedOn', message: 'Ngày bắt đầu vụ việc không thể ở tương lai' });
    before('openedOn', 'closedOn', 'closedOn', 'Ngày kết thúc không thể trước ngày bắt đầu vụ việc');
    if (v.closedOn && String(v.closedOn) > ctx.today) issues.push({ path: 'closedOn', message: 'Ngày kết thúc không thể ở tương lai' });
    if (v.closedOn && !v.outcome) issues.push({ path: 'outcome', message: 'Ghi kết quả khi kết thúc vụ việc' });
    if (!v.closedOn && v.outcome) issues.push({ path: 'closedOn', message: 'Ghi ngày kết thúc khi đã có kết quả' });
  }
  if (kind === 'circumstances') {
    before('fromDate', 'toDate', 'toDate', 'Ngày kết thúc không thể trước ngày bắt đầu');
    if (String(v.fromDate) > ctx.today) issues.push({ path: 'fromDate', message: 'Ngày bắt đầu không thể ở tương lai' });
    const kindValue = v.kind as CircumstanceKind;
    if (v.childBirthDate && kindValue !== 'child_under_36_months') {
      issues.push({ path: 'childBirthDate', message: 'Ngày sinh của con chỉ ghi với trường hợp nuôi con dưới 36 tháng tuổi' });
    }
    if (v.childBirthDate && String(v.childBirthDate) > ctx.today) issues.push({ path: 'childBirthDate', message: 'Ngày sinh của con không thể ở tương lai' });
    if ((v.consentOn || v.consentDocumentNo) && !CONSENT_CIRCUMSTANCES.includes(kindValue)) {
      issues.push({ path: 'consentOn', message: 'Chỉ ghi sự đồng ý với trường hợp mang thai, nghỉ thai sản, nuôi con dưới 36 tháng tuổi' });
    }
    if (v.consentOn && String(v.consentOn) > ctx.today) issues.push({ path: 'consentOn', message: 'Ngày đồng ý không thể ở tương lai' });
  }
  return issues;
}

async function loadEditable(ctx: UseCaseContext, personId: string, sensitive: boolean) {
  const p = await findPersonInScope(ctx.tx, personId, peopleScope(ctx), true);
  if (!p) throw notFound('Cán bộ');
  if (!canCadre(ctx.actor, 'update', p)) throw forbidden('Bạn không có quyền sửa hồ sơ này.');
  if (sensitive && !canCadre(ctx.actor, 'readSensitive', p)) throw forbidden();
  return p;
}

/**
 * Adds, changes or removes a discipline record, planning entry, work-history or training-history row, a
 * proceeding or a circumstance (these last three only by those who may read the sensitive part).
 */
export async function saveRecord(ctx: UseCaseContext, kind: RecordKind, personId: string, recordId: string | null, values: Record<string, unknown>) {
  const p = await loadEditable(ctx, personId, SENSITIVE_KINDS.includes(kind));
  const issues = await checkRecord(ctx, kind, values, String(p.category));
  if (issues.length) throw invalid(issues);
  let before: Record<string, unknown> | null = null;
  if (recordId) {
    before = await repo.findRecord(ctx.tx, kind, p.id, recordId);
    if (!before) throw notFound('Bản ghi');
  }
  const after = recordId ? await repo.updateRecord(ctx.tx, kind, recordId, values) : await repo.insertRecord(ctx.tx, kind, p.id, values, ctx.actor.userId);
  await repo.bumpPersonVersion(ctx.tx, p.id);
  await recordAudit(ctx.tx, ctx, {
    action: recordId ? 'update' : 'create',
    entityType: ENTITY[kind],
    entityId: String(after.id),
    personId: p.id,
    before,
    after,
  });
  return after;
}

export async function removeRecord(ctx: UseCaseContext, kind: RecordKind, personId: string, recordId: string) {
  const p = await loadEditable(ctx, personId, SENSITIVE_KINDS.includes(kind));
  const before = await repo.findRecord(ctx.tx, kind, p.id, recordId);
  if (!before) throw notFound('Bản ghi');
  await repo.deleteRecord(ctx.tx, kind, recordId);
  await repo.bumpPersonVersion(ctx.tx, p.id);
  await recordAudit(ctx.tx, ctx, { action: 'delete', entityType: ENTITY[kind], entityId: recordId, personId: p.id, before });
}

/**
 * Closes an open proceeding on a date with its outcome (the decision or conclusion that ends it): from that day
 * it no longer bars sending or training. A closed one cannot be closed again; correcting it is an edit.
 */
export async function closeProceeding(
  ctx: UseCaseContext,
  personId: string,
  recordId: string,
  input: { closedOn: string; outcome: string; documentNo?: string | null },
) {
  const p = await loadEditable(ctx, personId, true);
  const before = await repo.findRecord(ctx.tx, 'proceedings', p.id, recordId);
  if (!before) throw notFound('Vụ việc');
  if (before.closedOn) throw invalid([{ path: 'closedOn', message: `Vụ việc đã kết thúc ngày ${viDate(String(before.closedOn))}` }]);
  const values = { ...before, closedOn: input.closedOn, outcome: input.outcome, documentNo: input.documentNo ?? before.documentNo ?? null };
  const issues = await checkRecord(ctx, 'proceedings', values, String(p.category));
  if (issues.length) throw invalid(issues);
  const after = await repo.updateRecord(ctx.tx, 'proceedings', recordId, values);
  await repo.bumpPersonVersion(ctx.tx, p.id);
  await recordAudit(ctx.tx, ctx, { action: 'close', entityType: ENTITY.proceedings, entityId: recordId, personId: p.id, before, after });
  return after;
}

/**
 * Records the annual rating of a year (one per year; a second save replaces it, audited). With Decree 335/2025
 * points the level is derived from them, and a level given that does not match is refused.
 */
export async function saveRating(
  ctx: UseCaseContext,
  personId: string,
  input: { year: number; levelCode?: string | null; points?: number | null; note?: string | null },
) {
  const p = await loadEditable(ctx, personId, false);
  const issues: Issue[] = [];
  const resolved = resolveRating(await findRatingInstruments(ctx.tx), input.year, String(p.category), input.levelCode, input.points);
  if (input.year > yearOf(ctx.today)) issues.push({ path: 'year', message: 'Không thể xếp loại cho năm chưa đến' });
  else if (!('levelCode' in resolved)) issues.push(resolved);
  else if (!(await ref.ratingLevelExists(ctx.tx, resolved.levelCode, input.year))) {
    issues.push({ path: 'levelCode', message: 'Mức xếp loại không có trong danh mục của năm này' });
  }
  if (issues.length || !('levelCode' in resolved)) throw invalid(issues);
  const points = input.points ?? null;
  const before = await repo.findRating(ctx.tx, p.id, input.year);
  await repo.upsertRating(ctx.tx, p.id, input.year, resolved.levelCode, points, input.note ?? null);
  await repo.bumpPersonVersion(ctx.tx, p.id);
  const after = { year: input.year, levelCode: resolved.levelCode, points, note: input.note ?? null };
  await recordAudit(ctx.tx, ctx, { action: before ? 'update' : 'create', entityType: ENTITY.rating, entityId: String(input.year), personId: p.id, before, after });
  return after;
}

export async function removeRating(ctx: UseCaseContext, personId: string, year: number) {
  const p = await loadEditable(ctx, personId, false);
  const before = await repo.findRating(ctx.tx, p.id, year);
  if (!before) throw notFound('Xếp loại');
  await repo.deleteRating(ctx.tx, p.id, year);
  await repo.bumpPersonVersion(ctx.tx, p.id);
  await recordAudit(ctx.tx, ctx, { action: 'delete', entityType: ENTITY.rating, entityId: String(year), personId: p.id, before });
}
