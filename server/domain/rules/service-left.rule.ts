import { addMonths, monthsBetween, viDate } from '../../../common/dates.js';
import { ageText, retirementDate } from './retirement.js';
import { verdictOf, type Rule } from './types.js';
import { minTermClause } from '../../../common/secondment.js';

const RETIREMENT_CLAUSE = 'Bộ luật Lao động 2019 Điều 169; Nghị định 135/2020/NĐ-CP';

/**
 * Enough service left to finish the secondment: retirement (by the Decree 135/2020 schedule) no earlier
 * than the reference date plus the plan's minimum (36 months).
 */
export const serviceLeftRule: Rule = (f, ctx) => {
  const need = Math.max(ctx.params.minServiceLeftMonths, ctx.params.minSecondmentMonths);
  const CLAUSE = `${minTermClause(ctx.planCode)} (ít nhất ${ctx.params.minSecondmentMonths} tháng); ${RETIREMENT_CLAUSE}`;
  const r = retirementDate(f.gender, f.birthDate, ctx.retirementAges);
  if (!r)
    return verdictOf('service_left', 'unknown', CLAUSE, () => ({
      reason: 'Không xác định được tuổi nghỉ hưu',
      facts: { birthDate: f.birthDate, gender: f.gender },
    }));
  const ok = r.retiresOn >= addMonths(ctx.referenceDate, need);
  return verdictOf('service_left', ok ? 'pass' : 'fail', `${CLAUSE} — ${r.instrument}`, () => {
    const left = monthsBetween(ctx.referenceDate, r.retiresOn);
    return {
      reason: ok
        ? `Nghỉ hưu từ ${viDate(r.retiresOn)} (${ageText(r.ageMonths)}); còn ${left} tháng, đủ ${need} tháng`
        : `Nghỉ hưu từ ${viDate(r.retiresOn)} (${ageText(r.ageMonths)}); chỉ còn ${left} tháng, cần ít nhất ${need} tháng`,
      facts: { birthDate: f.birthDate, gender: f.gender, retirementAge: ageText(r.ageMonths), retiresOn: r.retiresOn, monthsLeft: left, monthsNeeded: need },
    };
  });
};
