import type { UseCaseContext } from '../context.js';
import type { CreatePlanInput } from '../../../common/schemas/plans.js';
import { viDate } from '../../../common/dates.js';
import { findProvince } from '../../db/repositories/province.repository.js';
import { findPlanByCode, findPlanStarts, insertPlan, insertPlanVersion, lockPlans } from '../../db/repositories/plans.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, refuseFutureDate, type Issue } from '../errors.js';
import { checkParams } from './save-plan-version.js';

const duplicate = (code: string) =>
  new AppError('conflict', `Đã có kế hoạch số ${code}. Mỗi kế hoạch có một số, ký hiệu riêng.`, [{ path: 'code', message: `Số, ký hiệu ${code} đã được dùng` }]);

/**
 * Enters a plan as issued (Sở Nội vụ): its number, title, issuing body (by default the province's People's
 * Committee), date of issue, and version 1 of its parameters from the date it takes effect — in one transaction,
 * audited. A template only pre-filled the form; it is kept as the plan's origin. A later plan takes over from the
 * one before on its effective date; the earlier plan's secondments keep their version.
 */
export async function createPlan(ctx: UseCaseContext, input: CreatePlanInput) {
  // a plan is entered once the People's Committee has issued it; it may take effect later
  refuseFutureDate(ctx.today, 'issuedOn', input.issuedOn, 'Ngày ban hành');
  await lockPlans(ctx.tx);
  const issues: Issue[] = await checkParams(ctx, input.params);
  if (input.effectiveFrom < input.issuedOn) issues.push({ path: 'effectiveFrom', message: 'Ngày có hiệu lực không được trước ngày ban hành' });
  const sameStart = (await findPlanStarts(ctx.tx)).find((p) => p.startsOn === input.effectiveFrom);
  if (sameStart) {
    issues.push({ path: 'effectiveFrom', message: `Kế hoạch ${sameStart.code} đã bắt đầu áp dụng từ ${viDate(input.effectiveFrom)}; chọn ngày khác` });
  }
  let issuedBy = input.issuedBy;
  if (!issuedBy) {
    issuedBy = (await findProvince(ctx.tx))?.peoplesCommitteeName;
    if (!issuedBy) issues.push({ path: 'issuedBy', message: 'Nhập cơ quan ban hành (tỉnh, thành phố chưa được cài đặt)' });
  }
  if (issues.length) throw invalid(issues);
  if (await findPlanByCode(ctx.tx, input.code)) throw duplicate(input.code);

  const identity = { code: input.code, title: input.title, issuedBy: issuedBy!, issuedOn: input.issuedOn, template: input.template ?? null };
  const planId = await insertPlan(ctx.tx, { ...identity, createdBy: ctx.actor.userId });
  if (!planId) throw duplicate(input.code);
  const note = input.note || `Theo Kế hoạch số ${input.code} ngày ${viDate(input.issuedOn)}`;
  const v = await insertPlanVersion(ctx.tx, { planId, effectiveFrom: input.effectiveFrom, params: input.params, note, createdBy: ctx.actor.userId });
  await recordAudit(ctx.tx, ctx, {
    action: 'create',
    entityType: 'plan',
    entityId: planId,
    after: { ...identity, version: v.version, versionId: v.id, effectiveFrom: input.effectiveFrom, params: input.params, note },
  });
  return { id: planId, code: input.code, versionId: v.id, version: v.version };
}
