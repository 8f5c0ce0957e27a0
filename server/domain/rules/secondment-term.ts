import type { PlanParams } from '../../../common/plan-params.js';
import { addDays, addMonths } from '../../../common/dates.js';
import type { Issue } from '../errors.js';
import { minTermClause, SECONDMENT_DEADLINES } from '../../../common/secondment.js';

export const termClause = (planCode: string) => `${minTermClause(planCode)}; Nghị định 178/2024/NĐ-CP, Điều 12 khoản 1`;

/**
 * A duration below the plan's minimum is allowed only as a special case the authority records with its reason
 * (Plan 131 III.1.c: "thời gian ít nhất 36 tháng").
 */
export function checkDuration(
  months: number,
  shortReason: string | null | undefined,
  params: Pick<PlanParams, 'minSecondmentMonths'>,
  planCode: string,
  path: string,
): Issue[] {
  if (months >= params.minSecondmentMonths || (shortReason && shortReason.trim())) return [];
  return [
    {
      path,
      message: `Thời gian tăng cường ít nhất ${params.minSecondmentMonths} tháng (${termClause(planCode)}); thời gian ngắn hơn chỉ được quyết định như trường hợp đặc biệt, phải ghi rõ lý do.`,
    },
  ];
}

/** The periodic reports of a secondment: every `reportPeriodMonths` from the start, the last one cut at the end. */
export function reportSchedule(start: string, end: string, params: Pick<PlanParams, 'reportPeriodMonths'>, fromPeriod = 1) {
  const rows: { periodNo: number; periodFrom: string; periodTo: string; dueOn: string }[] = [];
  for (let k = fromPeriod; k < 1000; k++) {
    const from = addMonths(start, (k - 1) * params.reportPeriodMonths);
    if (from > end) break;
    const fullTo = addDays(addMonths(start, k * params.reportPeriodMonths), -1);
    const to = fullTo < end ? fullTo : end;
    rows.push({ periodNo: k, periodFrom: from, periodTo: to, dueOn: addDays(to, SECONDMENT_DEADLINES.reportGraceDays) });
  }
  return rows;
}
