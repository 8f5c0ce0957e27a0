import { viDate } from '../../../common/dates.js';
import { disciplineBarOn, disciplineStart, type DisciplineRecord } from './record/discipline-bar.js';
import { verdictOf, type Rule } from './types.js';

import { planClause } from '../../../common/plan-clause.js';

/** The instruments of the bars, cited when the person has no discipline decision to cite. */
export const DISCIPLINE_INSTRUMENTS =
  'Nghị định 172/2025/NĐ-CP (cán bộ, công chức); Luật Viên chức 2010, Điều 56 (sửa đổi 2019) và Nghị định 234/2026/NĐ-CP (viên chức)';
/** Cited when a bar runs from the Party decision's date. */
export const PARTY_DATE_CLAUSE = 'Nghị định 172/2025/NĐ-CP, Điều 2 khoản 9 (thời hạn tính từ ngày quyết định kỷ luật của Đảng)';

/** The clause of a verdict: the plan's, then the instrument of each decision's dated row (what the bar was read from). */
export function disciplineClause(planCode: string, records: readonly DisciplineRecord[]): string {
  const cited = [...new Set(records.map((d) => d.instrument).filter((i): i is string => !!i))];
  if (records.some((d) => d.partyDecidedOn)) cited.push(PARTY_DATE_CLAUSE);
  return `${planClause(planCode, 'III.1.b')}; ${cited.length ? cited.join('; ') : DISCIPLINE_INSTRUMENTS}`;
}

/**
 * Not within the period of a discipline decision on the reference date. The period is the form's in the dated
 * table in force when it was decided (Decree 172/2025 for cán bộ, công chức: 12 months; viên chức before
 * 01/07/2026: Law on Public Employees Art. 56 as amended 2019, 12 or 24 months; Decree 234/2026 after), counted
 * from the Party decision's date when there is one. A form whose period is not known makes the criterion
 * unknown. The bar itself is record/discipline-bar.ts, shared with training.
 */
export const disciplineRule: Rule = (f, ctx) => {
  if (f.disciplines.length === 0) {
    return verdictOf('discipline', 'pass', disciplineClause(ctx.planCode, []), () => ({ reason: 'Không có quyết định kỷ luật', facts: { records: [] } }));
  }
  const bar = disciplineBarOn(f.disciplines, ctx.referenceDate, ctx.params.disciplineBarMonths);
  const { relevant, ends } = bar;
  const facts = () => ({ records: relevant.map((d, i) => ({ ...d, barsFrom: disciplineStart(d), barsUntil: ends[i] })) });
  if (bar.result === 'fail') {
    const d = relevant[bar.active];
    const from = d.partyDecidedOn ? `từ ngày quyết định kỷ luật của Đảng ${viDate(d.partyDecidedOn)}` : `từ ${viDate(d.effectiveFrom)}`;
    return verdictOf('discipline', 'fail', disciplineClause(ctx.planCode, [d]), () => ({
      reason: `Đang trong thời gian thi hành kỷ luật (${d.formCode}, ${from} đến hết ${viDate(ends[bar.active])})`,
      facts: facts(),
    }));
  }
  if (bar.result === 'unknown') {
    return verdictOf('discipline', 'unknown', disciplineClause(ctx.planCode, bar.unknown), () => ({
      reason: `Chưa xác định được thời hạn của hình thức kỷ luật ${bar.unknown.map((d) => d.formCode).join(', ')}`,
      facts: facts(),
    }));
  }
  return verdictOf('discipline', 'pass', disciplineClause(ctx.planCode, relevant), () => ({
    reason: relevant.length ? 'Các quyết định kỷ luật trước đây đã hết thời hạn' : 'Không có quyết định kỷ luật',
    facts: facts(),
  }));
};
