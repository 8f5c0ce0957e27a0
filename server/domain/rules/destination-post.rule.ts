import { EDUCATION_LEVELS, EDUCATION_LABELS, POLITICAL_THEORY, POLITICAL_THEORY_LABELS, type EducationLevel, type PoliticalTheory } from '../../../common/enums.js';
import { verdictOf, type Rule } from './types.js';
import { planClause } from '../../../common/plan-clause.js';

/** Civil-service grades from lowest to highest. */
const GRADES = ['C', 'B', 'A0', 'A1', 'A2', 'A3'];

/**
 * Meets the standards of the destination post when one is chosen: education level, rank grade, political
 * theory (Plan 131 I.5, III.1.b). Without a destination the criterion does not apply; a missing qualification
 * on record is unknown.
 */
export const destinationPostRule: Rule = (f, ctx) => {
  const post = ctx.destination;
  const clause = `${planClause(ctx.planCode, 'I.5 và III.1.b')} (đáp ứng tiêu chuẩn, điều kiện của vị trí việc làm)`;
  if (!post) return verdictOf('destination_post', 'na', clause, () => ({ reason: 'Chưa chọn vị trí nơi đến', facts: {} }));
  const facts = {
    post: post.title,
    unit: post.unitName,
    required: { education: post.minEducation, rankGrade: post.requiredRankGrade, politicalTheory: post.requiredPoliticalTheory },
    actual: { education: f.educationLevel, rankGrade: f.rankGrade, politicalTheory: f.politicalTheory },
  };
  const fails: string[] = [];
  const unknown: string[] = [];
  const compare = (have: string | null, need: string | null, order: readonly string[], label: string, name: (c: string) => string) => {
    if (!need) return;
    if (!have) unknown.push(`chưa có thông tin ${label}`);
    else if (order.indexOf(have) < order.indexOf(need)) fails.push(`${label} ${name(have)}, cần ${name(need)} trở lên`);
  };
  compare(f.educationLevel, post.minEducation, EDUCATION_LEVELS, 'trình độ', (c) => EDUCATION_LABELS[c as EducationLevel] ?? c);
  compare(f.rankGrade, post.requiredRankGrade, GRADES, 'ngạch loại', (c) => c);
  compare(f.politicalTheory, post.requiredPoliticalTheory, POLITICAL_THEORY, 'lý luận chính trị', (c) => POLITICAL_THEORY_LABELS[c as PoliticalTheory] ?? c);
  if (fails.length) return verdictOf('destination_post', 'fail', clause, () => ({ reason: `Chưa đáp ứng vị trí ${post.title}: ${fails.join('; ')}`, facts }));
  if (unknown.length) return verdictOf('destination_post', 'unknown', clause, () => ({ reason: unknown.join('; '), facts }));
  return verdictOf('destination_post', 'pass', clause, () => ({ reason: `Đáp ứng tiêu chuẩn vị trí ${post.title} (${post.unitName})`, facts }));
};
