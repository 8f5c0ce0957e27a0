import { EDUCATION_LABELS, POLITICAL_THEORY_LABELS, type EducationLevel, type PoliticalTheory } from '../../../common/enums.js';
import type { SeedUnit } from './org-model.js';
import { KEY_POSTS, RANK_BY_CODE } from '../reference/reference-data.js';
import { titleHolds } from '../../domain/rules/record/key-posts.js';
import { MAJORS_BY_DOMAIN, type Role } from './roles.js';

/** A job post (vị trí việc làm) of a unit with its standards. */
export interface JobPostSpec {
  title: string;
  isLeadership: boolean;
  isKeyPost: boolean;
  minEducation: EducationLevel;
  requiredRankGrade: string | null;
  requiredPoliticalTheory: PoliticalTheory | null;
  standards: string;
}

const GRADE_TEXT: Record<string, string> = {
  A3: 'giữ ngạch Chuyên viên cao cấp hoặc tương đương',
  A2: 'giữ ngạch Chuyên viên chính hoặc tương đương trở lên',
  A1: 'giữ ngạch Chuyên viên hoặc tương đương trở lên',
  A0: 'giữ ngạch Cán sự hoặc tương đương trở lên',
  B: 'giữ ngạch Nhân viên hoặc tương đương trở lên',
  C: 'giữ ngạch nhân viên thừa hành, phục vụ',
};

function mainRank(role: Role): string {
  let best = role.ranks[0];
  for (const r of role.ranks) if (r[1] > best[1]) best = r;
  return best[0];
}

/** What the standards text names: the demo's plan and the province's level word. */
export interface JobPostWords {
  planCode: string;
  levelWord: string;
}

function specFor(unit: SeedUnit, role: Role, words: JobPostWords): JobPostSpec {
  const grade = RANK_BY_CODE.get(mainRank(role))?.grade ?? 'A1';
  const minEducation: EducationLevel = grade === 'A0' ? 'cao_dang' : grade === 'B' || grade === 'C' ? 'trung_cap' : 'dai_hoc';
  const leader = role.level >= 1 && role.level <= 4;
  const requiredRankGrade = role.level === 1 || role.level === 2 ? (unit.isGrassroots ? 'A1' : 'A2') : role.level >= 3 ? 'A1' : grade;
  const requiredPoliticalTheory: PoliticalTheory | null =
    role.level === 1 || role.level === 2 ? (unit.isGrassroots ? 'trung_cap' : 'cao_cap') : role.level === 3 || role.level === 4 ? 'trung_cap' : null;
  // the commune key posts of the dated table (the non-local rule reads the table itself; the flag shows it in the org page)
  const isKeyPost = unit.isGrassroots && KEY_POSTS.some((k) => titleHolds(role.title, k.title));
  const majors = (role.majors ?? MAJORS_BY_DOMAIN[unit.domain]).slice(0, 3).join(', ');
  const parts = [
    `Tốt nghiệp ${EDUCATION_LABELS[minEducation].toLowerCase()} trở lên, chuyên ngành ${majors} hoặc chuyên ngành phù hợp với vị trí việc làm`,
    GRADE_TEXT[requiredRankGrade] ?? GRADE_TEXT.A1,
  ];
  if (requiredPoliticalTheory) parts.push(`trình độ lý luận chính trị ${POLITICAL_THEORY_LABELS[requiredPoliticalTheory].toLowerCase()} trở lên`);
  if (leader) {
    parts.push('đã được bồi dưỡng kiến thức quản lý nhà nước và kiến thức quốc phòng, an ninh theo quy định');
    parts.push('có ít nhất 05 năm công tác trong ngành, lĩnh vực; nằm trong quy hoạch chức danh');
  } else {
    parts.push('sử dụng thành thạo công nghệ thông tin cơ bản; bồi dưỡng ít nhất 40 tiết mỗi năm theo vị trí việc làm');
  }
  if (isKeyPost) parts.push(`không bố trí người địa phương (${KEY_POSTS[0].instrument}; Kế hoạch ${words.planCode}, mục I.2)`);
  return {
    title: role.title,
    isLeadership: role.level > 0,
    isKeyPost,
    minEducation,
    requiredRankGrade,
    requiredPoliticalTheory,
    standards: parts.join('; ') + '.',
  };
}

/** The job posts of a unit: its leadership posts and its main staff posts (one per title). */
export function jobPostSpecs(unit: SeedUnit, words: JobPostWords): JobPostSpec[] {
  const roles: Role[] = [...unit.ladder.fixed, ...(unit.ladder.mid?.roles ?? [])];
  const staff = [...unit.ladder.staff]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([r]) => r);
  const seen = new Set<string>();
  const out: JobPostSpec[] = [];
  for (const r of [...roles, ...staff]) {
    if (seen.has(r.title)) continue;
    seen.add(r.title);
    out.push(specFor(unit, r, words));
  }
  if (unit.isGrassroots) {
    out.splice(2, 0, {
      title: 'Trưởng Công an',
      isLeadership: true,
      // not a key post of the 2025 commune list (key_posts); the police appoint their own
      isKeyPost: false,
      minEducation: 'dai_hoc',
      requiredRankGrade: null,
      requiredPoliticalTheory: 'trung_cap',
      standards:
        `Sĩ quan Công an nhân dân do Giám đốc Công an ${words.levelWord} điều động, bổ nhiệm; tốt nghiệp đại học an ninh hoặc cảnh sát; ` +
        `trình độ lý luận chính trị trung cấp trở lên.`,
    });
  }
  return out;
}
