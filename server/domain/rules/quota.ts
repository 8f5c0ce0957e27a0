import type { PlanParams } from '../../../common/plan-params.js';
import { QUOTA_FIGURES, type QuotaFigure } from '../../../common/secondment.js';

/**
 * A unit's quota (Plan 131 III.1.c; Decree 178/2024 Art. 3 cl. 8): about `rate` of its assigned staffing.
 * Computed in integer basis points so 2,599 × 5 % is exactly 129.95, rounded as the plan says.
 */
export function quotaTarget(assignedStaffing: number | null, params: Pick<PlanParams, 'quotaRate' | 'quotaRounding'>) {
  const pct = (params.quotaRate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  if (assignedStaffing === null) return { exact: null, target: null, explanation: 'Chưa có biên chế được giao: chưa tính được chỉ tiêu' };
  const bp = Math.round(params.quotaRate * 10_000);
  const num = assignedStaffing * bp; // exact figure × 10,000
  const exact = (num / 10_000).toFixed(2);
  const target =
    params.quotaRounding === 'floor' ? Math.floor(num / 10_000) : params.quotaRounding === 'ceil' ? Math.ceil(num / 10_000) : Math.floor((num + 5_000) / 10_000);
  const how = { nearest: 'làm tròn', floor: 'làm tròn xuống', ceil: 'làm tròn lên' }[params.quotaRounding];
  const exactVi = Number(exact).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  let explanation = `${assignedStaffing.toLocaleString('vi-VN')} × ${pct}% = ${exactVi} → ${how} ${target} người`;
  if (target === 0 && num > 0) explanation += ' (dưới 1 người: không bắt buộc cử, đơn vị có thể cử nếu có nhu cầu)';
  return { exact, target, explanation };
}

/** Whether a secondment in this state counts against its sending unit's quota, for the figure (Plan 131 III.1.c). */
export function countsAgainstQuota(status: string, figure: QuotaFigure): boolean {
  return (QUOTA_FIGURES[figure] as readonly string[]).includes(status);
}

/**
 * The figure from counts by state. Every state of the figure must be given, so a state added to its list does not
 * compile where it is not counted yet.
 */
export function quotaCount<F extends QuotaFigure>(figure: F, counts: Record<(typeof QUOTA_FIGURES)[F][number], number>): number {
  return (QUOTA_FIGURES[figure] as readonly (typeof QUOTA_FIGURES)[F][number][]).reduce((sum, s) => sum + counts[s], 0);
}
