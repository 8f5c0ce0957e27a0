import type { PlanParams } from '../../../common/plan-params.js';

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
  const target = params.quotaRounding === 'floor' ? Math.floor(num / 10_000) : params.quotaRounding === 'ceil' ? Math.ceil(num / 10_000) : Math.floor((num + 5_000) / 10_000);
  const how = { nearest: 'làm tròn', floor: 'làm tròn xuống', ceil: 'làm tròn lên' }[params.quotaRounding];
  const exactVi = Number(exact).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  let explanation = `${assignedStaffing.toLocaleString('vi-VN')} × ${pct}% = ${exactVi} → ${how} ${target} người`;
  if (target === 0 && num > 0) explanation += ' (dưới 1 người: không bắt buộc cử, đơn vị có thể cử nếu có nhu cầu)';
  return { exact, target, explanation };
}
