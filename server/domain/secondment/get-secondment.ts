import type { UseCaseContext } from '../context.js';
import { findSecondment, loadSecondmentDetail } from '../../db/repositories/secondment.repository.js';
import { notFound } from '../errors.js';
import { todayInVietnam } from '../eligibility/rule-context.js';
import { allowedActions, secondmentsScope } from './secondment.policy.js';

/** One secondment's whole record for its page, with the steps the actor may take now. */
export async function getSecondment(ctx: UseCaseContext, id: string) {
  const s = await findSecondment(ctx.tx, id, secondmentsScope(ctx.actor));
  if (!s) throw notFound('Hồ sơ tăng cường');
  const today = todayInVietnam();
  const detail = await loadSecondmentDetail(ctx.tx, id, today);
  return { ...detail, allowedActions: allowedActions(ctx.actor, s, today) };
}
