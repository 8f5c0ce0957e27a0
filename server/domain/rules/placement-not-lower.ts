import { planClause } from '../../../common/plan-clause.js';

/** The clause of the placement on return, citing the plan in force. */
export const placementClause = (planCode: string) =>
  `Nghị định 178/2024/NĐ-CP (sửa đổi bởi Nghị định 67/2025/NĐ-CP), Điều 12 khoản 1 điểm d; ${planClause(planCode, 'II.2')}`;

/**
 * On return the cadre is placed in a post not lower than the one reserved for them, compared as a whole: leadership
 * and its allowance, rank tier, salary coefficient, job post (common/placement-not-lower.ts, shared with the form).
 * Going lower needs the authority's recorded reason (secondment/place-on-return.ts). (The extra salary step on
 * return is pay/salary-steps.ts, extraStepOnReturn.)
 */
export {
  comparePlacement,
  placementLowerReasons,
  gradeRank,
  RANK_GRADE_ORDER,
  type ComparedPost,
  type ComparisonLine,
} from '../../../common/placement-not-lower.js';
