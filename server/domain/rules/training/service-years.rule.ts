import { POSTGRADUATE_KINDS } from '../../../../common/training.js';
import { monthsBetween, viDate } from '../../../../common/dates.js';
import { noRegulation, notApplicable, regulationClause, type TrainingRule } from './types.js';

/** Decree 171/2025 Art. 5 (postgraduate training of công chức): at least N years of service on the start date. */
export const serviceYearsRule: TrainingRule = (p, c, ctx) => {
  const clause = regulationClause(ctx, 'postgraduate', 'điều kiện cử đi đào tạo sau đại học (thời gian công tác)');
  if (!POSTGRADUATE_KINDS.includes(c.kind)) return notApplicable('service_years', clause, 'Chỉ áp dụng với đào tạo sau đại học');
  if (!ctx.regulation) return noRegulation('service_years', ctx, clause);
  const need = ctx.regulation.postgraduateMinServiceYears;
  if (!p.recruitedOn) return { criterion: 'service_years', result: 'unknown', clause, reason: 'Chưa có ngày tuyển dụng', facts: { recruitedOn: null } };
  const months = monthsBetween(p.recruitedOn, c.startDate);
  const ok = months >= need * 12;
  return {
    criterion: 'service_years',
    result: ok ? 'pass' : 'fail',
    clause,
    reason: `Tuyển dụng ngày ${viDate(p.recruitedOn)}: đến ngày khai giảng ${viDate(c.startDate)} có ${Math.floor(months / 12)} năm ${months % 12} tháng công tác, ${ok ? 'đủ' : 'chưa đủ'} ${need} năm`,
    facts: { recruitedOn: p.recruitedOn, startDate: c.startDate, monthsOfService: months, yearsRequired: need },
  };
};
