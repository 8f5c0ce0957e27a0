import { addMonths, viDate } from '../../../common/dates.js';
import { verdictOf, type Rule } from './types.js';

import { planClause } from '../../../common/plan-clause.js';

/**
 * The sending unit's recorded assessment: political stance, capacity, prestige and prospects, dated and
 * signed, not older than the plan allows. Any "no" excludes (Plan 131 I.3: weak capacity, low prestige or no
 * prospects are not sent); no assessment, or an old one, needs information.
 */
export const unitAssessmentRule: Rule = (f, ctx) => {
  const CLAUSE = `${planClause(ctx.planCode, 'I.3, III.1.b và IV.1.b')} (nơi đi nhận xét, đánh giá, đề xuất)`;
  const a = f.assessment;
  if (!a) return verdictOf('unit_assessment', 'unknown', CLAUSE, () => ({ reason: 'Đơn vị chưa nhận xét, đánh giá', facts: { assessment: null } }));
  const facts = { assessment: a, validityMonths: ctx.params.assessmentValidityMonths };
  const v = (result: 'pass' | 'fail' | 'unknown', reason: () => string) => verdictOf('unit_assessment', result, CLAUSE, () => ({ reason: reason(), facts }));
  if (a.politicalOk === 'no' || a.capacityOk === 'no' || a.prestigeOk === 'no' || a.prospectsOk === 'no') {
    return v('fail', () => {
      const no = [
        a.politicalOk === 'no' ? 'lập trường, tư tưởng chính trị' : '',
        a.capacityOk === 'no' ? 'năng lực' : '',
        a.prestigeOk === 'no' ? 'uy tín' : '',
        a.prospectsOk === 'no' ? 'triển vọng phát triển' : '',
      ].filter(Boolean);
      return `Đơn vị đánh giá không đạt về ${no.join(', ')} (${a.assessorName}, ${viDate(a.assessedOn)})`;
    });
  }
  if (addMonths(a.assessedOn, ctx.params.assessmentValidityMonths) < ctx.referenceDate) {
    return v('unknown', () => `Nhận xét ngày ${viDate(a.assessedOn)} đã quá ${ctx.params.assessmentValidityMonths} tháng; cần đánh giá lại`);
  }
  if (a.assessedOn > ctx.referenceDate) return v('unknown', () => `Nhận xét ngày ${viDate(a.assessedOn)} sau ngày xét`);
  return v('pass', () => `Đạt các mặt (${a.assessorName}, ${viDate(a.assessedOn)})`);
};
