import { DEGREE_KINDS, POSTGRADUATE_KINDS, trainingArticle } from '../../../../common/training.js';
import { isForeignShortCourse } from './foreign-service-left.rule.js';
import { noRegulation, notApplicable, regulationClause, type TrainingRule, type TrainingRuleContext } from './types.js';
import type { CourseFacts } from './types.js';
import { planClause } from '../../../../common/plan-clause.js';

function fieldFitClause(c: CourseFacts, ctx: TrainingRuleContext): string {
  if (isForeignShortCourse(c)) return regulationClause(ctx, 'foreign', 'điều kiện cử đi bồi dưỡng ở nước ngoài (chuyên môn phù hợp vị trí việc làm)');
  const plan = `${planClause(ctx.planCode, 'III.2.c')} (chuyên ngành phù hợp vị trí việc làm)`;
  return ctx.regulation && POSTGRADUATE_KINDS.includes(c.kind) ? `${trainingArticle(ctx.regulation.instrument, 'postgraduate')}; ${plan}` : plan;
}

/**
 * The field of the training fits the job post: for degree training, Plan 131 III.2.c (and Decree 171/2025 Art. 5
 * for postgraduate training of công chức); for a foreign short course, Decree 171/2025 Art. 28 (a category without
 * a rule set in the catalogue is unknown). The fit is read from the training needs recorded for the person (the gap
 * against their post's standards): a course sharing a field with a need fits; no recorded need is unknown.
 */
export const fieldFitRule: TrainingRule = (p, c, ctx) => {
  const clause = fieldFitClause(c, ctx);
  const foreign = isForeignShortCourse(c);
  if (!DEGREE_KINDS.includes(c.kind) && !foreign) return notApplicable('field_fit', clause, 'Chỉ áp dụng với đào tạo có văn bằng và bồi dưỡng ở nước ngoài');
  if (foreign && !ctx.regulation) return noRegulation('field_fit', ctx, clause);
  if (!p.needFields) {
    return {
      criterion: 'field_fit',
      result: 'unknown',
      clause,
      reason: 'Chưa ghi nhận nhu cầu đào tạo của cán bộ theo vị trí việc làm',
      facts: { courseFields: c.fields },
    };
  }
  const common = c.fields.filter((f) => p.needFields!.includes(f));
  return {
    criterion: 'field_fit',
    result: common.length ? 'pass' : 'fail',
    clause,
    reason: common.length
      ? `Lĩnh vực của khóa học trùng nhu cầu theo vị trí việc làm: ${common.join(', ')}`
      : `Lĩnh vực của khóa học (${c.fields.join(', ')}) không thuộc nhu cầu theo vị trí việc làm (${p.needFields.join(', ') || 'không ghi'})`,
    facts: { courseFields: c.fields, needFields: p.needFields },
  };
};
