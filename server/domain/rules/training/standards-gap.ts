import {
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  POLITICAL_THEORY,
  POLITICAL_THEORY_LABELS,
  type EducationLevel,
  type PoliticalTheory,
} from '../../../../common/enums.js';

const GRADES = ['C', 'B', 'A0', 'A1', 'A2', 'A3'];

export interface PostStandards {
  postTitle: string | null;
  minEducation: string | null;
  requiredPoliticalTheory: string | null;
  requiredRankGrade: string | null;
}

export interface PersonQualifications {
  educationLevel: string | null;
  politicalTheory: string | null;
  rankGrade: string | null;
}

/**
 * The gaps between a person and the standards of their job post after restructuring (Circular 01/2025/TT-BNV
 * Art. 7: training needs come from the post): education, political theory, rank grade. Unknown data is a gap to check.
 */
export function standardsGap(p: PersonQualifications, s: PostStandards): string[] {
  if (!s.postTitle) return ['Cán bộ chưa được bố trí vị trí việc làm: cần xác định vị trí việc làm sau sắp xếp'];
  const gaps: string[] = [];
  const below = (list: readonly string[], have: string | null, need: string | null) => need !== null && (have === null || list.indexOf(have) < list.indexOf(need));
  // cử nhân chính trị ranks with cao cấp
  const theory = (t: string | null) => (t === 'cu_nhan' ? 'cao_cap' : t);
  if (below(EDUCATION_LEVELS, p.educationLevel, s.minEducation)) {
    gaps.push(
      `Trình độ chuyên môn ${p.educationLevel ? EDUCATION_LABELS[p.educationLevel as EducationLevel] : '(chưa có)'}, vị trí ${s.postTitle} yêu cầu ${EDUCATION_LABELS[s.minEducation as EducationLevel] ?? s.minEducation}`,
    );
  }
  if (below(POLITICAL_THEORY, theory(p.politicalTheory), theory(s.requiredPoliticalTheory))) {
    gaps.push(
      `Lý luận chính trị ${p.politicalTheory ? POLITICAL_THEORY_LABELS[p.politicalTheory as PoliticalTheory] : '(chưa có)'}, vị trí yêu cầu ${POLITICAL_THEORY_LABELS[s.requiredPoliticalTheory as PoliticalTheory] ?? s.requiredPoliticalTheory}`,
    );
  }
  if (below(GRADES, p.rankGrade, s.requiredRankGrade)) gaps.push(`Ngạch loại ${p.rankGrade ?? '(chưa có)'}, vị trí yêu cầu loại ${s.requiredRankGrade}`);
  return gaps;
}
