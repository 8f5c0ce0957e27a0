import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { endEarlyInput, extendInput } from '../../../common/schemas/secondment.js';
import { cancelReportsAfter, insertDecisionItem, insertReports, lastPeriodicReport, setHostAccessEnd } from '../../db/repositories/secondment.repository.js';
import { invalid } from '../errors.js';
import { planInForce } from '../plans/plan-in-force.js';
import { monthsBetween, viDate, addDays } from '../../../common/dates.js';
import { reportSchedule } from '../rules/secondment-term.js';
import { applyStep, loadForStep } from './step.js';
import { issueDecision } from './decision-numbers.js';

/** The authority extends a secondment by a numbered decision with its reason: later end, host access and reports follow. */
export async function extendSecondment(ctx: UseCaseContext, id: string, input: z.infer<typeof extendInput>) {
  const s = await loadForStep(ctx, id, 'extend', input.version);
  if (!s.endDate || input.newEndDate <= s.endDate) {
    throw invalid([{ path: 'newEndDate', message: `Ngày kết thúc mới phải sau ngày kết thúc hiện tại (${viDate(s.endDate)})` }]);
  }
  const decision = await issueDecision(ctx, 'extend', input);
  await insertDecisionItem(ctx.tx, {
    decisionId: decision.id,
    secondmentId: s.id,
    hostUnitId: s.hostUnitId,
    startDate: s.startDate,
    endDate: input.newEndDate,
    reason: input.reason,
  });
  const result = await applyStep(ctx, s, {
    action: 'extend',
    note: `Quyết định số ${decision.number}: gia hạn đến ${viDate(input.newEndDate)}. Lý do: ${input.reason}`,
    set: { endDate: input.newEndDate, durationMonths: monthsBetween(s.startDate!, addDays(input.newEndDate, 1)) },
    data: { decisionId: decision.id, from: s.endDate, to: input.newEndDate },
  });
  await setHostAccessEnd(ctx.tx, s.id, input.newEndDate);
  // the last period ran to the old end date: the schedule goes on from the next period
  const plan = await planInForce(ctx.tx, s.startDate!);
  const last = await lastPeriodicReport(ctx.tx, s.id);
  const more = reportSchedule(s.startDate!, input.newEndDate, plan.params, (last?.periodNo ?? 0) + 1).filter((r) => !last || r.periodFrom > last.periodTo);
  await insertReports(
    ctx.tx,
    s.id,
    more.map((r) => ({ kind: 'periodic' as const, ...r })),
  );
  return { decisionId: decision.id, number: decision.number, secondmentIds: [result.id] };
}

/** The authority ends a secondment early by a numbered decision with its reason; the cadre then awaits placement. */
export async function endSecondmentEarly(ctx: UseCaseContext, id: string, input: z.infer<typeof endEarlyInput>) {
  const s = await loadForStep(ctx, id, 'end_early', input.version);
  if (!s.startDate || input.endDate < s.startDate) {
    throw invalid([{ path: 'endDate', message: `Ngày kết thúc không được trước ngày bắt đầu (${viDate(s.startDate)})` }]);
  }
  if (s.endDate && input.endDate >= s.endDate) {
    throw invalid([{ path: 'endDate', message: `Ngày kết thúc sớm phải trước ngày kết thúc theo quyết định (${viDate(s.endDate)})` }]);
  }
  const decision = await issueDecision(ctx, 'end_early', input);
  await insertDecisionItem(ctx.tx, {
    decisionId: decision.id,
    secondmentId: s.id,
    hostUnitId: s.hostUnitId,
    startDate: s.startDate,
    endDate: input.endDate,
    reason: input.reason,
  });
  const result = await applyStep(ctx, s, {
    action: 'end_early',
    to: 'ended_early',
    note: `Quyết định số ${decision.number}: kết thúc ngày ${viDate(input.endDate)}. Lý do: ${input.reason}`,
    set: { actualEndDate: input.endDate, endReason: input.reason },
    data: { decisionId: decision.id },
  });
  await setHostAccessEnd(ctx.tx, s.id, input.endDate);
  await cancelReportsAfter(ctx.tx, s.id, input.endDate);
  return { decisionId: decision.id, number: decision.number, secondmentIds: [result.id] };
}
