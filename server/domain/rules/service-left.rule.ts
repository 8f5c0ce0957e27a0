import { addMonths, monthsBetween, viDate } from './dates.js';
import { ageText, retirementDate } from './retirement.js';
import type { Rule } from './types.js';

/**
 * Enough service left to finish the secondment: retirement (by the Decree 135/2020 schedule) no earlier
 * than the reference date plus the plan's minimum (36 months).
 */
export const serviceLeftRule: Rule = (f, ctx) => {
  const need = Math.max(ctx.params.minServiceLeftMonths, ctx.params.minSecondmentMonths);
  const r = retirementDate(f.gender, f.birthDate, ctx.retirementAges);
  const clause = 'Kế hoạch 131/KH-UBND, mục III.1.c (ít nhất 36 tháng); Bộ luật Lao động 2019 Điều 169; Nghị định 135/2020/NĐ-CP';
  if (!r) return { criterion: 'service_left', result: 'unknown', reason: 'Không xác định được tuổi nghỉ hưu', clause, facts: { birthDate: f.birthDate, gender: f.gender } };
  const left = monthsBetween(ctx.referenceDate, r.retiresOn);
  const facts = { birthDate: f.birthDate, gender: f.gender, retirementAge: ageText(r.ageMonths), retiresOn: r.retiresOn, monthsLeft: left, monthsNeeded: need };
  const ok = r.retiresOn >= addMonths(ctx.referenceDate, need);
  return {
    criterion: 'service_left',
    result: ok ? 'pass' : 'fail',
    reason: ok
      ? `Nghỉ hưu từ ${viDate(r.retiresOn)} (${ageText(r.ageMonths)}); còn ${left} tháng, đủ ${need} tháng`
      : `Nghỉ hưu từ ${viDate(r.retiresOn)} (${ageText(r.ageMonths)}); chỉ còn ${left} tháng, cần ít nhất ${need} tháng`,
    clause: `${clause} — ${r.instrument}`,
    facts,
  };
};
