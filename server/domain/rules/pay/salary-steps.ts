/**
 * Salary steps (bậc lương) of a rank (ngạch): the rank's coefficients in step order, step 1 first. The extra step
 * of Decree 178/2024 Art. 12 cl. 1 d (as amended by Decree 67/2025) — one step more on completing the secondment
 * well, unless already at the rank's last step — is judged here once, for the entitlements, the return placement
 * and the return decision.
 */

/** Ratings of the secondment's outcome that count as completing the task well ("hoàn thành tốt nhiệm vụ trở lên"). */
export const GOOD_OUTCOME_RATINGS = ['HTXS', 'HTT'] as const;

/** Whether the outcome rating is one that earns the extra step. */
export function isCompletedWell(ratingCode: string | null | undefined): boolean {
  return !!ratingCode && (GOOD_OUTCOME_RATINGS as readonly string[]).includes(ratingCode);
}

/** The salary facts of a post, as the record or the reserved post holds them. */
export interface SalaryPost {
  rankCode?: string | null;
  rankName?: string | null;
  salaryStep?: number | null;
  salaryCoefficient?: string | null;
}

/** The extra step on a post: the step and coefficient before and after, the rank's last step. */
export interface StepChange {
  rankCode: string | null;
  rankName: string | null;
  stepBefore: number | null;
  coefficientBefore: string | null;
  stepAfter: number | null;
  coefficientAfter: string | null;
  /** null when the rank's steps are not known */
  lastStep: number | null;
  atLastStep: boolean;
}

/** The extra salary step: the step before and after, or why there is none (at the last step, or the data missing). */
export function extraStep(post: SalaryPost, rankSteps: readonly string[]): StepChange {
  const step = post.salaryStep ?? null;
  const last = rankSteps.length || null;
  const before = post.salaryCoefficient ?? (step !== null ? (rankSteps[step - 1] ?? null) : null);
  const atLast = step !== null && last !== null && step >= last;
  const after = step !== null && last !== null && !atLast ? step + 1 : null;
  return {
    rankCode: post.rankCode ?? null,
    rankName: post.rankName ?? null,
    stepBefore: step,
    coefficientBefore: before,
    stepAfter: after,
    coefficientAfter: after !== null ? rankSteps[after - 1] : null,
    lastStep: last,
    atLastStep: atLast,
  };
}

/** Whether the extra step is granted on return, with the sentence that says why. */
export type ExtraStepGrant = { granted: true; stepAfter: number; coefficientAfter: string; reason: string } | { granted: false; reason: string };

/** The extra step granted on return: only on completing the term well, and not at the last step of the rank. */
export function extraStepOnReturn(o: { completedWell: boolean; salaryStep: number | null; steps: readonly string[] | null }): ExtraStepGrant {
  if (!o.completedWell) return { granted: false, reason: 'Chỉ nâng lương vượt một bậc khi hoàn thành tốt nhiệm vụ trở lên và hết thời hạn tăng cường.' };
  const s = extraStep({ salaryStep: o.salaryStep }, o.steps ?? []);
  if (s.stepBefore === null || s.lastStep === null) return { granted: false, reason: 'Thiếu thông tin ngạch, bậc lương để xét nâng bậc; đơn vị cần bổ sung hồ sơ.' };
  if (s.atLastStep || s.stepAfter === null || s.coefficientAfter === null) {
    return { granted: false, reason: `Đã ở bậc cuối (bậc ${s.stepBefore}/${s.lastStep}) của ngạch, không nâng bậc vượt.` };
  }
  return {
    granted: true,
    stepAfter: s.stepAfter,
    coefficientAfter: s.coefficientAfter,
    reason: `Nâng lương vượt một bậc: từ bậc ${s.stepBefore} lên bậc ${s.stepAfter} (hệ số ${s.coefficientAfter}).`,
  };
}
