import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { receiveInput } from '../../../common/schemas/secondment.js';
import { findDecision, grantHostAccess, insertReports } from '../../db/repositories/secondment.repository.js';
import { invalid, type Issue } from '../errors.js';
import { planInForce } from '../plans/plan-in-force.js';
import { reportSchedule } from '../rules/secondment-term.js';
import { endDateOf } from '../../../common/dates.js';
import { viDate } from '../../../common/dates.js';
import { applyStep, loadForStep } from './step.js';

/**
 * The host commune confirms it received the cadre, the work assigned and the start date (Plan 131 IV.1.c, S10).
 * From the start date the host sees the cadre's record until the end date; the periodic reports are scheduled.
 */
export async function receiveCadre(ctx: UseCaseContext, id: string, input: z.infer<typeof receiveInput>) {
  const s = await loadForStep(ctx, id, 'receive', input.version);
  const decision = s.decisionId ? await findDecision(ctx.tx, s.decisionId) : null;
  const issues: Issue[] = [];
  if (decision && input.startDate < decision.decidedOn) issues.push({ path: 'startDate', message: 'Ngày bắt đầu không được trước ngày của quyết định cử' });
  if (input.receivedOn > ctx.today) issues.push({ path: 'receivedOn', message: 'Ngày tiếp nhận không được sau ngày hôm nay' });
  if (input.receivedOn > input.startDate) {
    // a cadre starts work on the day they are received or later
    issues.push({ path: 'startDate', message: 'Ngày bắt đầu công tác không được trước ngày tiếp nhận' });
  }
  if (issues.length) throw invalid(issues);
  const months = s.durationMonths ?? (await planInForce(ctx.tx, input.startDate)).params.minSecondmentMonths;
  const endDate = endDateOf(input.startDate, months);
  const plan = await planInForce(ctx.tx, input.startDate);
  const result = await applyStep(ctx, s, {
    action: 'receive',
    to: 'active',
    note: `Tiếp nhận ngày ${viDate(input.receivedOn)}; phân công: ${input.assignedWork}`,
    set: {
      receivedOn: input.receivedOn,
      startDate: input.startDate,
      endDate,
      assignedWork: input.assignedWork,
      hostRole: input.hostRole,
      receivedBy: ctx.actor.userId,
    },
  });
  await grantHostAccess(ctx.tx, { unitId: s.hostUnitId!, personId: s.personId, from: input.startDate, to: endDate, secondmentId: s.id });
  await insertReports(
    ctx.tx,
    s.id,
    reportSchedule(input.startDate, endDate, plan.params).map((r) => ({ kind: 'periodic' as const, ...r })),
  );
  return result;
}
