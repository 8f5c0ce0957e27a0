import type { UseCaseContext } from '../context.js';
import {
  findInspectableUnits,
  findInspectedUnit,
  findInspection,
  findInspectionsPage,
  findRecommendation,
  findRecommendations,
  insertInspection,
  replaceRecommendations,
  updateInspection,
  updateRecommendation,
  type InspectionFilters,
  type InspectionRow,
  type RecommendationChange,
  type RecommendationRow,
} from '../../db/repositories/inspections.repository.js';
import { inspectionsScope } from '../../db/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { forbidden, invalid, notFound, refuseFutureDate, type Issue } from '../errors.js';
import { viDate } from '../../../common/dates.js';
import type { InspectionInput } from '../../../common/schemas/inspections.js';
import {
  inspectionPolicy,
  recommendationPolicy,
  staleInspection,
  staleRecommendation,
  type InspectionPlace,
  type RecommendationPlace,
} from './inspections.policy.js';

const inspectionPlace = (i: Pick<InspectionRow, 'status' | 'unitPath'>): InspectionPlace => ({ status: i.status, unitPath: i.unitPath });
const recommendationPlace = (r: RecommendationRow): RecommendationPlace => ({ status: r.status, inspectionStatus: r.inspectionStatus, unitPath: r.unitPath });

export function presentRecommendation(ctx: UseCaseContext, r: RecommendationRow) {
  const { unitPath: _p, inspectionStatus: _s, ...rest } = r;
  return { ...rest, allowedActions: recommendationPolicy.allowedActions(ctx.actor, recommendationPlace(r)) };
}

function presentInspection(ctx: UseCaseContext, i: InspectionRow) {
  const { unitPath: _p, findings: _f, ...rest } = i;
  return { ...rest, allowedActions: inspectionPolicy.allowedActions(ctx.actor, inspectionPlace(i)) };
}

const mayRecord = (ctx: UseCaseContext) => inspectionPolicy.mayAnywhere(ctx.actor, 'record');

export async function listInspections(ctx: UseCaseContext, q: InspectionFilters & { page: number; pageSize: number }) {
  const r = await findInspectionsPage(ctx.tx, q, inspectionsScope(ctx.actor), ctx.today);
  return { items: r.items.map((i) => presentInspection(ctx, i)), total: r.total, page: q.page, pageSize: q.pageSize, mayRecord: mayRecord(ctx) };
}

export async function getInspection(ctx: UseCaseContext, id: string) {
  const i = await findInspection(ctx.tx, id, inspectionsScope(ctx.actor), ctx.today);
  if (!i) throw notFound('Cuộc kiểm tra');
  const items = await findRecommendations(ctx.tx, id, ctx.today);
  return { ...presentInspection(ctx, i), findings: i.findings, items: items.map((r) => presentRecommendation(ctx, r)), mayRecord: mayRecord(ctx) };
}

/** The units Sở Nội vụ may inspect (those in its scope), for the form. */
export async function listInspectableUnits(ctx: UseCaseContext) {
  return { items: await findInspectableUnits(ctx.tx, inspectionsScope(ctx.actor)) };
}

type Content = Omit<InspectionInput, 'conclusionNo' | 'concludedOn'>;

/**
 * Checks an inspection's content: the unit exists, is open and in the actor's scope; the dates are in order and not
 * after today; each recommendation's deadline is not before the inspection's end.
 */
async function resolveContent(ctx: UseCaseContext, input: Content) {
  const issues: Issue[] = [];
  const unit = await findInspectedUnit(ctx.tx, input.unitId);
  if (!unit) issues.push({ path: 'unitId', message: 'Đơn vị được kiểm tra không tồn tại' });
  else if (unit.closedOn) issues.push({ path: 'unitId', message: `${unit.name} đã giải thể, sáp nhập từ ${viDate(unit.closedOn)}` });
  else if (!inspectionPolicy.holds(ctx.actor, 'record', { province: [unit.path] })) issues.push({ path: 'unitId', message: 'Đơn vị không thuộc phạm vi của bạn' });
  if (issues.length) throw invalid(issues);
  refuseFutureDate(ctx.today, 'fromOn', input.fromOn, 'Ngày bắt đầu kiểm tra');
  refuseFutureDate(ctx.today, 'toOn', input.toOn, 'Ngày kết thúc kiểm tra');
  if (input.toOn < input.fromOn) throw invalid([{ path: 'toOn', message: 'Ngày kết thúc kiểm tra không được trước ngày bắt đầu' }]);
  const recs = (input.recommendations ?? []).map((r) => ({ text: r.text.normalize('NFC').trim(), deadline: r.deadline }));
  recs.forEach((r, k) => {
    if (r.deadline < input.toOn)
      issues.push({ path: `recommendations.${k}.deadline`, message: `Hạn thực hiện kiến nghị không được trước ngày kiểm tra (${viDate(input.toOn)})` });
  });
  if (issues.length) throw invalid(issues);
  const members = (input.members ?? []).map((m) => m.normalize('NFC').trim()).filter(Boolean);
  return {
    values: {
      unitId: unit!.id,
      fromOn: input.fromOn,
      toOn: input.toOn,
      members,
      subject: input.subject.normalize('NFC').trim(),
      findings: input.findings.normalize('NFC').trim(),
    },
    recs,
  };
}

/** The conclusion's number and date: the date not before the inspection's end nor after today. */
function checkConclusion(ctx: UseCaseContext, toOn: string, c: { conclusionNo?: string | null; concludedOn?: string | null }) {
  const no = c.conclusionNo?.normalize('NFC').trim() || null;
  if (!no && !c.concludedOn) return null;
  const issues: Issue[] = [];
  if (!no) issues.push({ path: 'conclusionNo', message: 'Nhập số văn bản kết luận' });
  if (!c.concludedOn) issues.push({ path: 'concludedOn', message: 'Nhập ngày kết luận' });
  if (issues.length) throw invalid(issues);
  refuseFutureDate(ctx.today, 'concludedOn', c.concludedOn, 'Ngày kết luận kiểm tra');
  if (c.concludedOn! < toOn) throw invalid([{ path: 'concludedOn', message: `Ngày kết luận không được trước ngày kết thúc kiểm tra (${viDate(toOn)})` }]);
  return { conclusionNo: no!, concludedOn: c.concludedOn! };
}

/**
 * Sở Nội vụ records an inspection of a unit or commune, with its recommendations; concluded at once when the
 * conclusion's number and date are given, otherwise kept as a draft.
 */
export async function recordInspection(ctx: UseCaseContext, input: InspectionInput): Promise<string> {
  if (!mayRecord(ctx)) throw forbidden('Chỉ Sở Nội vụ được ghi nhận cuộc kiểm tra.');
  const { values, recs } = await resolveContent(ctx, input);
  const conclusion = checkConclusion(ctx, values.toOn, input);
  const status = conclusion ? ('concluded' as const) : ('draft' as const);
  const id = await insertInspection(ctx.tx, {
    ...values,
    status,
    conclusionNo: conclusion?.conclusionNo ?? null,
    concludedOn: conclusion?.concludedOn ?? null,
    createdBy: ctx.actor.userId,
  });
  await replaceRecommendations(ctx.tx, id, recs);
  await recordAudit(ctx.tx, ctx, { action: 'create', entityType: 'inspection', entityId: id, after: { ...values, status, ...conclusion, recommendations: recs } });
  return id;
}

async function loadInspectionFor(ctx: UseCaseContext, id: string, action: 'edit' | 'conclude', version: number) {
  const i = await findInspection(ctx.tx, id, inspectionsScope(ctx.actor), ctx.today, true);
  if (!i) throw notFound('Cuộc kiểm tra');
  const place = inspectionPlace(i);
  if (!inspectionPolicy.mayAct(ctx.actor, action, place)) inspectionPolicy.assertCan(ctx.actor, action, place);
  if (version !== i.version) throw staleInspection();
  inspectionPolicy.assertCan(ctx.actor, action, place);
  return i;
}

/** Sở Nội vụ edits an inspection not yet concluded (its recommendations are replaced: none has been put to the unit). */
export async function editInspection(ctx: UseCaseContext, id: string, input: Content & { version: number }) {
  const i = await loadInspectionFor(ctx, id, 'edit', input.version);
  const before = await findRecommendations(ctx.tx, id, ctx.today);
  const { values, recs } = await resolveContent(ctx, input);
  const version = await updateInspection(ctx.tx, id, values, i.version);
  if (version === null) throw staleInspection();
  await replaceRecommendations(ctx.tx, id, recs);
  await recordAudit(ctx.tx, ctx, {
    action: 'update',
    entityType: 'inspection',
    entityId: id,
    before: {
      unitId: i.unitId,
      fromOn: i.fromOn,
      toOn: i.toOn,
      members: i.members,
      subject: i.subject,
      findings: i.findings,
      recommendations: before.map((r) => ({ text: r.text, deadline: r.deadline })),
      version: i.version,
    },
    after: { ...values, recommendations: recs, version },
  });
}

/** Sở Nội vụ concludes an inspection (number and date of the conclusion): its recommendations go to the unit. */
export async function concludeInspection(ctx: UseCaseContext, id: string, input: { version: number; conclusionNo: string; concludedOn: string }) {
  const i = await loadInspectionFor(ctx, id, 'conclude', input.version);
  const conclusion = checkConclusion(ctx, i.toOn, input)!;
  const version = await updateInspection(ctx.tx, id, { status: 'concluded', ...conclusion }, i.version);
  if (version === null) throw staleInspection();
  await recordAudit(ctx.tx, ctx, {
    action: 'conclude',
    entityType: 'inspection',
    entityId: id,
    before: { status: i.status, version: i.version },
    after: { status: 'concluded', ...conclusion, version },
  });
}

async function loadRecommendationFor(ctx: UseCaseContext, id: string, action: 'answer' | 'accept' | 'return', version: number) {
  const r = await findRecommendation(ctx.tx, id, inspectionsScope(ctx.actor), ctx.today, true);
  if (!r) throw notFound('Kiến nghị');
  const place = recommendationPlace(r);
  if (!recommendationPolicy.mayAct(ctx.actor, action, place)) recommendationPolicy.assertCan(ctx.actor, action, place);
  if (version !== r.version) throw staleRecommendation();
  recommendationPolicy.assertCan(ctx.actor, action, place);
  return r;
}

async function move(ctx: UseCaseContext, r: RecommendationRow, action: string, v: RecommendationChange) {
  const version = await updateRecommendation(ctx.tx, r.id, v, r.version);
  if (version === null) throw staleRecommendation();
  await recordAudit(ctx.tx, ctx, {
    action,
    entityType: 'inspection_recommendation',
    entityId: r.id,
    before: { status: r.status, answer: r.answer, answeredOn: r.answeredOn, reviewNote: r.reviewNote, version: r.version },
    after: { ...v, version },
  });
}

/** The inspected unit answers a recommendation (what it has done), dated today; again after a return. */
export async function answerRecommendation(ctx: UseCaseContext, id: string, input: { version: number; answer: string }) {
  const r = await loadRecommendationFor(ctx, id, 'answer', input.version);
  const answer = input.answer.normalize('NFC').trim();
  if (!answer) throw invalid([{ path: 'answer', message: 'Nêu kết quả thực hiện kiến nghị' }]);
  await move(ctx, r, 'answer', { status: 'answered', answer, answeredOn: ctx.today, answeredBy: ctx.actor.userId });
}

/** Sở Nội vụ accepts the unit's answer: the recommendation is done. */
export async function acceptRecommendation(ctx: UseCaseContext, id: string, input: { version: number; note?: string | null }) {
  const r = await loadRecommendationFor(ctx, id, 'accept', input.version);
  await move(ctx, r, 'accept', { status: 'accepted', acceptedOn: ctx.today, reviewedBy: ctx.actor.userId, reviewNote: input.note?.normalize('NFC').trim() || null });
}

/** Sở Nội vụ returns the unit's answer with a reason: the unit answers again. */
export async function returnRecommendation(ctx: UseCaseContext, id: string, input: { version: number; reason: string }) {
  const r = await loadRecommendationFor(ctx, id, 'return', input.version);
  const reason = input.reason.normalize('NFC').trim();
  if (!reason) throw invalid([{ path: 'reason', message: 'Nêu lý do trả lại' }]);
  await move(ctx, r, 'return', { status: 'returned', reviewNote: reason, reviewedBy: ctx.actor.userId, acceptedOn: null });
}

export async function getRecommendation(ctx: UseCaseContext, id: string) {
  const r = await findRecommendation(ctx.tx, id, inspectionsScope(ctx.actor), ctx.today);
  if (!r) throw notFound('Kiến nghị');
  return presentRecommendation(ctx, r);
}
