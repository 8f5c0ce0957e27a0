import { addMonths, viDate } from './dates.js';
import type { Rule } from './types.js';

/**
 * The sending unit's recorded assessment: political stance, capacity, prestige and prospects, dated and
 * signed, not older than the plan allows. Any "no" excludes (Plan 131 I.3: weak capacity, low prestige or no
 * prospects are not sent); no assessment, or an old one, needs information.
 */
export const unitAssessmentRule: Rule = (f, ctx) => {
  const clause = 'Kế hoạch 131/KH-UBND, mục I.3, III.1.b và IV.1.b (nơi đi nhận xét, đánh giá, đề xuất)';
  const a = f.assessment;
  if (!a) return { criterion: 'unit_assessment', result: 'unknown', reason: 'Đơn vị chưa nhận xét, đánh giá', clause, facts: { assessment: null } };
  const facts = { assessment: a, validityMonths: ctx.params.assessmentValidityMonths };
  const no = [
    a.politicalOk === 'no' ? 'lập trường, tư tưởng chính trị' : '',
    a.capacityOk === 'no' ? 'năng lực' : '',
    a.prestigeOk === 'no' ? 'uy tín' : '',
    a.prospectsOk === 'no' ? 'triển vọng phát triển' : '',
  ].filter(Boolean);
  if (no.length) {
    return { criterion: 'unit_assessment', result: 'fail', reason: `Đơn vị đánh giá không đạt về ${no.join(', ')} (${a.assessorName}, ${viDate(a.assessedOn)})`, clause, facts };
  }
  if (addMonths(a.assessedOn, ctx.params.assessmentValidityMonths) < ctx.referenceDate) {
    return { criterion: 'unit_assessment', result: 'unknown', reason: `Nhận xét ngày ${viDate(a.assessedOn)} đã quá ${ctx.params.assessmentValidityMonths} tháng; cần đánh giá lại`, clause, facts };
  }
  if (a.assessedOn > ctx.referenceDate) {
    return { criterion: 'unit_assessment', result: 'unknown', reason: `Nhận xét ngày ${viDate(a.assessedOn)} sau ngày xét`, clause, facts };
  }
  return { criterion: 'unit_assessment', result: 'pass', reason: `Đạt các mặt (${a.assessorName}, ${viDate(a.assessedOn)})`, clause, facts };
};
