import { viDate } from '../../../common/dates.js';
import { disciplineBarOn } from './record/discipline-bar.js';
import { verdictOf, type Rule } from './types.js';

import { planClause } from '../../../common/plan-clause.js';

/**
 * Not within the period of a discipline decision on the reference date (Decree 172/2025 for cán bộ, công
 * chức; Decree 112/2020 / 234/2026 for viên chức: 12 months from the effective date). A form whose period is
 * not known makes the criterion unknown. The bar itself is record/discipline-bar.ts, shared with training.
 */
export const disciplineRule: Rule = (f, ctx) => {
  const CLAUSE = `${planClause(ctx.planCode, 'III.1.b')}; Nghị định 172/2025/NĐ-CP (cán bộ, công chức); Nghị định 112/2020/NĐ-CP và 234/2026/NĐ-CP (viên chức)`;
  if (f.disciplines.length === 0) return verdictOf('discipline', 'pass', CLAUSE, () => ({ reason: 'Không có quyết định kỷ luật', facts: { records: [] } }));
  const bar = disciplineBarOn(f.disciplines, ctx.referenceDate, ctx.params.disciplineBarMonths);
  const { relevant, ends } = bar;
  const facts = () => ({ records: relevant.map((d, i) => ({ ...d, barsUntil: ends[i] })) });
  if (bar.result === 'fail') {
    const d = relevant[bar.active];
    return verdictOf('discipline', 'fail', d.instrument ? `${CLAUSE} — ${d.instrument}` : CLAUSE, () => ({
      reason: `Đang trong thời gian thi hành kỷ luật (${d.formCode}, từ ${viDate(d.effectiveFrom)} đến hết ${viDate(ends[bar.active])})`,
      facts: facts(),
    }));
  }
  if (bar.result === 'unknown') {
    return verdictOf('discipline', 'unknown', CLAUSE, () => ({
      reason: `Chưa xác định được thời hạn của hình thức kỷ luật ${bar.unknown.map((d) => d.formCode).join(', ')}`,
      facts: facts(),
    }));
  }
  return verdictOf('discipline', 'pass', CLAUSE, () => ({
    reason: relevant.length ? 'Các quyết định kỷ luật trước đây đã hết thời hạn' : 'Không có quyết định kỷ luật',
    facts: facts(),
  }));
};
