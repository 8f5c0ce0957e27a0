import { POSTGRADUATE_KINDS } from '../../../../common/training.js';
import { addMonths, ageOn, viDate } from '../../../../common/dates.js';
import { noRegulation, notApplicable, regulationClause, type TrainingRule } from './types.js';

/**
 * Decree 171/2025 Art. 5: not over 45 at the first postgraduate sending. The age is in whole years on the start date,
 * so a person is 45 from their 45th birthday to the day before their 46th, and passes throughout.
 */
export const firstPostgraduateAgeRule: TrainingRule = (p, c, ctx) => {
  const clause = regulationClause(ctx, 'postgraduate', 'điều kiện cử đi đào tạo sau đại học lần đầu (tuổi)');
  if (!POSTGRADUATE_KINDS.includes(c.kind)) return notApplicable('first_postgraduate_age', clause, 'Chỉ áp dụng với đào tạo sau đại học');
  if (p.hasPostgraduate) return notApplicable('first_postgraduate_age', clause, 'Không phải lần đầu cử đi đào tạo sau đại học');
  if (!ctx.regulation) return noRegulation('first_postgraduate_age', ctx, clause);
  const max = ctx.regulation.firstPostgraduateMaxAge;
  const age = ageOn(p.birthDate, c.startDate);
  const ok = age <= max;
  return {
    criterion: 'first_postgraduate_age',
    result: ok ? 'pass' : 'fail',
    clause,
    reason: ok
      ? `Ngày khai giảng ${viDate(c.startDate)} mới ${age} tuổi, không quá ${max} tuổi`
      : `Ngày khai giảng ${viDate(c.startDate)} đã ${age} tuổi (từ ngày ${viDate(addMonths(p.birthDate, (max + 1) * 12))} quá ${max} tuổi)`,
    facts: { birthDate: p.birthDate, startDate: c.startDate, age, maxAge: max },
  };
};
