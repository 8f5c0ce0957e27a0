import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { commendationInput } from '../../../common/schemas/secondment.js';
import { findReturnRecords } from '../../db/repositories/secondment-steps.repository.js';
import { isCompletedWell } from '../rules/pay/salary-steps.js';
import { ENTITLEMENT_CLAUSES } from '../rules/entitlements.js';
import { AppError, invalid } from '../errors.js';
import { viDate } from '../../../common/dates.js';
import { applyStep, loadForStep } from './step.js';

/**
 * The sending unit records its commendation proposal for a cadre who completed the secondment well (Decree
 * 178/2024 Art. 12 as amended: ministries and provinces consider a commendation under the Law on Emulation and
 * Commendation) — the proposal's number, date and the form proposed — or that it does not propose one, with its
 * reasons. Saving again replaces the record; the audit keeps the earlier one.
 */
export async function recordCommendation(ctx: UseCaseContext, id: string, input: z.infer<typeof commendationInput>) {
  const s = await loadForStep(ctx, id, 'record_commendation');
  const r = await findReturnRecords(ctx.tx, s.id);
  if (!isCompletedWell(r?.outcomeRating)) {
    throw new AppError(
      'conflict',
      `Chỉ xét khen thưởng khi cán bộ được đánh giá hoàn thành tốt nhiệm vụ trở lên khi kết thúc tăng cường (${ENTITLEMENT_CLAUSES.commendation}).`,
    );
  }
  const by = { byName: ctx.actor.displayName, on: ctx.today };
  let commendation;
  let note;
  if (input.declined) {
    commendation = { declined: true, reason: input.reason, ...by };
    note = `Không đề nghị khen thưởng: ${input.reason}`;
  } else {
    if (input.proposedOn > ctx.today) throw invalid([{ path: 'proposedOn', message: 'Ngày văn bản đề nghị không được sau ngày hôm nay' }]);
    commendation = { declined: false, documentNo: input.documentNo, proposedOn: input.proposedOn, form: input.form, note: input.note ?? null, ...by };
    note = `Đề nghị khen thưởng (${input.form}) theo văn bản số ${input.documentNo} ngày ${viDate(input.proposedOn)}`;
  }
  return applyStep(ctx, s, { action: 'commendation', set: { commendation }, note, data: { before: r?.commendation ?? null } });
}
