import { DEGREE_KINDS } from '../../../../common/training.js';
import { notApplicable, type TrainingRule } from './types.js';
import { planClause } from '../../../../common/plan-clause.js';

/**
 * Decree 171/2025 and Plan 131 III.2.c: the field of degree training fits the job post. The fit is read from the
 * training needs recorded for the person (the gap against their post's standards): a course sharing a field
 * with a need fits; no recorded need is unknown.
 */
export const fieldFitRule: TrainingRule = (p, c, ctx) => {
  const clause = `${ctx.regulation.instrument} (chuyên ngành phù hợp vị trí việc làm); ${planClause(ctx.planCode, 'III.2.c')}`;
  if (!DEGREE_KINDS.includes(c.kind)) return notApplicable('field_fit', clause, 'Chỉ áp dụng với đào tạo có văn bằng');
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
