/**
 * "Not lower" on return (Decree 178/2024 Art. 12 cl. 1 d, as amended by Decree 67/2025) compares the whole post:
 * leadership and its allowance, the rank tier (grade A3 > A2 > A1 > A0 > B > C), the salary coefficient and the job
 * post. A different job post is allowed when it is not lower in the others. Pure: the server checks with it and the
 * placement form shows the same comparison before sending.
 */

/** Civil-service grades (loại) from the highest. */
export const RANK_GRADE_ORDER = ['A3', 'A2', 'A1', 'A0', 'B', 'C'] as const;

/** 0 is the highest; null for a grade that is not one of A3…C. */
export function gradeRank(grade: string | null | undefined): number | null {
  const i = RANK_GRADE_ORDER.indexOf((grade ?? '') as (typeof RANK_GRADE_ORDER)[number]);
  return i < 0 ? null : i;
}

/** A post as the comparison reads it (the reserved post, or the placement with its rank looked up). */
export interface ComparedPost {
  isLeader: boolean;
  leadershipAllowanceCoef?: number | string | null;
  jobPostId?: string | null;
  positionTitle?: string | null;
  rankCode?: string | null;
  rankName?: string | null;
  rankGrade?: string | null;
  salaryCoefficient?: number | string | null;
}

export type ComparisonAspect = 'leadership' | 'allowance' | 'rank' | 'salary' | 'job_post';

export interface ComparisonLine {
  aspect: ComparisonAspect;
  label: string;
  reserved: string;
  placement: string;
  /** lower: the placement is below the reserved post here; same/higher; unknown: a side is not known. */
  outcome: 'lower' | 'same' | 'higher' | 'unknown';
  /** Why it is lower, in Vietnamese, when it is. */
  reason?: string;
}

const hundredths = (s: number | string | null | undefined) => (s === null || s === undefined || s === '' ? null : Math.round(Number(s) * 100));
const fmt = (h: number | null) => (h === null ? '—' : (h / 100).toFixed(2));
const cmp = (a: number, b: number): ComparisonLine['outcome'] => (a < b ? 'lower' : a > b ? 'higher' : 'same');
const rankText = (p: ComparedPost) => (p.rankCode ? `${p.rankName ?? p.rankCode}${p.rankGrade ? ` (loại ${p.rankGrade})` : ''}` : '—');

/** The comparison, aspect by aspect. */
export function comparePlacement(reserved: ComparedPost, placement: ComparedPost): ComparisonLine[] {
  const lines: ComparisonLine[] = [];
  lines.push({
    aspect: 'leadership',
    label: 'Chức vụ lãnh đạo, quản lý',
    reserved: reserved.isLeader ? (reserved.positionTitle ?? 'Có') : 'Không',
    placement: placement.isLeader ? (placement.positionTitle ?? 'Có') : 'Không',
    outcome: cmp(Number(placement.isLeader), Number(reserved.isLeader)),
    reason:
      reserved.isLeader && !placement.isLeader
        ? `Vị trí được bảo lưu là chức vụ lãnh đạo, quản lý (${reserved.positionTitle ?? 'lãnh đạo'}); vị trí bố trí không phải chức vụ lãnh đạo, quản lý.`
        : undefined,
  });
  const allowanceBefore = hundredths(reserved.leadershipAllowanceCoef) ?? 0;
  const allowanceAfter = hundredths(placement.leadershipAllowanceCoef) ?? 0;
  lines.push({
    aspect: 'allowance',
    label: 'Hệ số phụ cấp chức vụ',
    reserved: fmt(allowanceBefore),
    placement: fmt(allowanceAfter),
    outcome: cmp(allowanceAfter, allowanceBefore),
    reason:
      allowanceAfter < allowanceBefore
        ? `Hệ số phụ cấp chức vụ của vị trí bố trí (${fmt(allowanceAfter)}) thấp hơn vị trí được bảo lưu (${fmt(allowanceBefore)}).`
        : undefined,
  });
  const gradeBefore = gradeRank(reserved.rankGrade);
  const gradeAfter = gradeRank(placement.rankGrade);
  // a lower index is a higher grade
  const rankOutcome = gradeBefore === null || gradeAfter === null ? (reserved.rankCode ? 'unknown' : 'same') : cmp(gradeBefore, gradeAfter);
  lines.push({
    aspect: 'rank',
    label: 'Ngạch (loại công chức, viên chức)',
    reserved: rankText(reserved),
    placement: rankText(placement),
    outcome: rankOutcome,
    reason: rankOutcome === 'lower' ? `Ngạch của vị trí bố trí (${rankText(placement)}) thấp hơn ngạch khi được cử (${rankText(reserved)}).` : undefined,
  });
  const coefBefore = hundredths(reserved.salaryCoefficient);
  const coefAfter = hundredths(placement.salaryCoefficient);
  const coefOutcome = coefBefore === null ? 'same' : coefAfter === null ? 'unknown' : cmp(coefAfter, coefBefore);
  lines.push({
    aspect: 'salary',
    label: 'Hệ số lương',
    reserved: fmt(coefBefore),
    placement: fmt(coefAfter),
    outcome: coefOutcome,
    reason: coefOutcome === 'lower' ? `Hệ số lương của vị trí bố trí (${fmt(coefAfter)}) thấp hơn khi được cử (${fmt(coefBefore)}).` : undefined,
  });
  const samePost = (reserved.jobPostId ?? null) === (placement.jobPostId ?? null);
  lines.push({
    aspect: 'job_post',
    label: 'Vị trí việc làm',
    reserved: reserved.positionTitle ?? '—',
    placement: placement.positionTitle ?? '—',
    // a different job post is not in itself lower: the aspects above decide
    outcome: samePost ? 'same' : 'unknown',
  });
  return lines;
}

/** The reasons the placement is lower than the reserved post; empty when it is not. */
export function placementLowerReasons(reserved: ComparedPost, placement: ComparedPost): string[] {
  return comparePlacement(reserved, placement)
    .filter((l) => l.outcome === 'lower')
    .map((l) => l.reason!);
}
