import { addDays, addMonths, viDate } from './dates.js';
import { verdictOf, type PersonFacts, type Rule, type RuleContext } from './types.js';

/** The last day a discipline bars the person: its stated end, or its start plus the form's bar period, less a day. */
export function disciplineEnd(d: PersonFacts['disciplines'][number], ctx: RuleContext): string | null {
  if (d.effectiveTo) return d.effectiveTo;
  const months = ctx.params.disciplineBarMonths[d.formCode] ?? d.barMonths;
  if (months === null || months === undefined) return null;
  return addDays(addMonths(d.effectiveFrom, months), -1);
}

const CLAUSE = 'Kế hoạch 131/KH-UBND, mục III.1.b; Nghị định 172/2025/NĐ-CP (cán bộ, công chức); Nghị định 112/2020/NĐ-CP và 234/2026/NĐ-CP (viên chức)';

/**
 * Not within the period of a discipline decision on the reference date (Decree 172/2025 for cán bộ, công
 * chức; Decree 112/2020 / 234/2026 for viên chức: 12 months from the effective date). A form whose period is
 * not known makes the criterion unknown.
 */
export const disciplineRule: Rule = (f, ctx) => {
  const ref = ctx.referenceDate;
  if (f.disciplines.length === 0) return verdictOf('discipline', 'pass', CLAUSE, () => ({ reason: 'Không có quyết định kỷ luật', facts: { records: [] } }));
  const relevant = f.disciplines.filter((d) => d.effectiveFrom <= ref);
  const ends = relevant.map((d) => disciplineEnd(d, ctx));
  const activeIdx = ends.findIndex((e) => e !== null && e >= ref);
  const facts = () => ({ records: relevant.map((d, i) => ({ ...d, barsUntil: ends[i] })) });
  if (activeIdx >= 0) {
    const d = relevant[activeIdx];
    return verdictOf('discipline', 'fail', d.instrument ? `${CLAUSE} — ${d.instrument}` : CLAUSE, () => ({
      reason: `Đang trong thời gian thi hành kỷ luật (${d.formCode}, từ ${viDate(d.effectiveFrom)} đến hết ${viDate(ends[activeIdx])})`,
      facts: facts(),
    }));
  }
  const unknown = relevant.filter((_, i) => ends[i] === null);
  if (unknown.length) {
    return verdictOf('discipline', 'unknown', CLAUSE, () => ({
      reason: `Chưa xác định được thời hạn của hình thức kỷ luật ${unknown.map((d) => d.formCode).join(', ')}`,
      facts: facts(),
    }));
  }
  return verdictOf('discipline', 'pass', CLAUSE, () => ({
    reason: relevant.length ? 'Các quyết định kỷ luật trước đây đã hết thời hạn' : 'Không có quyết định kỷ luật',
    facts: facts(),
  }));
};
