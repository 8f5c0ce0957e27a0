import type { PostSnapshot } from '../../../common/schemas/secondment.js';
import { planClause } from '../../../common/plan-clause.js';

/** The clause of the placement on return, citing the plan in force. */
export const placementClause = (planCode: string) =>
  `Nghị định 178/2024/NĐ-CP (sửa đổi bởi Nghị định 67/2025/NĐ-CP), Điều 12 khoản 1 điểm d; ${planClause(planCode, 'II.2')}`;

const coef = (s: string | number | null | undefined) => (s === null || s === undefined || s === '' ? 0 : Math.round(Number(s) * 100));

/**
 * On return the cadre is placed in a post not lower than the one reserved for them: a leader stays a leader with
 * a leadership allowance at least as high; nobody is placed below their reserved post. Returns the reasons the
 * placement is lower, empty when it is not. (The extra salary step on return is pay/salary-steps.ts, extraStepOnReturn.)
 */
export function placementLowerReasons(reserved: PostSnapshot, placement: { isLeader: boolean; leadershipAllowanceCoef?: number | string | null }): string[] {
  const reasons: string[] = [];
  if (reserved.isLeader && !placement.isLeader) {
    reasons.push(`Vị trí được bảo lưu là chức vụ lãnh đạo, quản lý (${reserved.positionTitle ?? 'lãnh đạo'}); vị trí bố trí không phải chức vụ lãnh đạo, quản lý.`);
  }
  const before = coef(reserved.leadershipAllowanceCoef);
  const after = coef(placement.leadershipAllowanceCoef);
  if (after < before) {
    reasons.push(`Hệ số phụ cấp chức vụ của vị trí bố trí (${(after / 100).toFixed(2)}) thấp hơn vị trí được bảo lưu (${(before / 100).toFixed(2)}).`);
  }
  return reasons;
}
