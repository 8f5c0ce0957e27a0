import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { followUpInput } from '../../../common/schemas/secondment.js';
import { FOLLOW_UP_PLANNING_LABELS } from '../../../common/secondment.js';
import { currentPost } from '../../db/repositories/secondment.repository.js';
import { findReturnRecords } from '../../db/repositories/secondment-steps.repository.js';
import { insertRecord } from '../../db/repositories/person-records.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { recordNeed } from '../training/record-need.js';
import { AppError, invalid, type Issue } from '../errors.js';
import { applyStep, loadForStep } from './step.js';

/**
 * Plan 131 II.2: the sending unit feeds the secondment's result back — to the planning review (kept in planning,
 * or approved into planning for a title, recorded as a planning entry of the person like any other) and to the
 * person's training needs (recorded through the training area's own use case) — and the secondment keeps what was
 * done. Once recorded, the item leaves the unit's inbox.
 */
export async function recordFollowUp(ctx: UseCaseContext, id: string, input: z.infer<typeof followUpInput>) {
  const s = await loadForStep(ctx, id, 'record_follow_up');
  const r = await findReturnRecords(ctx.tx, s.id);
  if (!r?.outcomeRating) throw new AppError('conflict', 'Hồ sơ chưa có kết quả đánh giá khi kết thúc tăng cường.');
  if (r.followUp) throw new AppError('conflict', 'Đã ghi nhận việc sử dụng kết quả đánh giá của đợt tăng cường này.');
  const issues: Issue[] = [];
  const entry = input.planning === 'add_title' ? input.planningEntry : null;
  if (input.planning === 'add_title' && !entry) issues.push({ path: 'planningEntry', message: 'Ghi chức danh, nhiệm kỳ và ngày phê duyệt quy hoạch' });
  if (input.planning !== 'add_title' && input.planningEntry) issues.push({ path: 'planningEntry', message: 'Chỉ ghi chức danh quy hoạch khi bổ sung quy hoạch' });
  if (entry && entry.approvedOn > ctx.today) issues.push({ path: 'planningEntry.approvedOn', message: 'Ngày phê duyệt quy hoạch không được sau ngày hôm nay' });
  if (issues.length) throw invalid(issues);

  let planningEntryId: string | null = null;
  if (entry) {
    const values = { title: entry.title, term: entry.term, decisionNo: entry.decisionNo ?? null, approvedOn: entry.approvedOn, removedOn: null };
    const row = await insertRecord(ctx.tx, 'planning', s.personId, values);
    planningEntryId = String(row.id);
    await recordAudit(ctx.tx, ctx, {
      action: 'create',
      entityType: 'planning_entry',
      entityId: planningEntryId,
      personId: s.personId,
      after: values,
      meta: { source: 'secondment.follow_up', secondmentId: s.id },
    });
  }
  let trainingNeedId: string | null = null;
  if (input.trainingNeed) {
    // the need belongs to the unit the cadre works in now (their post on return)
    const post = await currentPost(ctx.tx, s.personId);
    trainingNeedId = (await recordNeed(ctx, { unitId: post.unitId, personId: s.personId, ...input.trainingNeed })).id;
  }
  const followUp = {
    planning: input.planning,
    title: entry?.title ?? null,
    planningEntryId,
    trainingNeedId,
    note: input.note ?? null,
    byName: ctx.actor.displayName,
    on: ctx.today,
  };
  const note =
    `${FOLLOW_UP_PLANNING_LABELS[input.planning]}${entry ? `: ${entry.title} (${entry.term})` : ''}` +
    (trainingNeedId ? '; đã ghi nhận nhu cầu đào tạo, bồi dưỡng' : '') +
    (input.note ? `. ${input.note}` : '');
  return applyStep(ctx, s, { action: 'follow_up', set: { followUp }, note });
}
