import { addDays, addMonths, viDate } from './dates.js';
import type { PersonFacts, Rule, RuleContext } from './types.js';

/** The last day a discipline bars the person: its stated end, or its start plus the form's bar period, less a day. */
export function disciplineEnd(d: PersonFacts['disciplines'][number], ctx: RuleContext): string | null {
  if (d.effectiveTo) return d.effectiveTo;
  const months = ctx.params.disciplineBarMonths[d.formCode] ?? d.barMonths;
  if (months === null || months === undefined) return null;
  return addDays(addMonths(d.effectiveFrom, months), -1);
}

/**
 * Not within the period of a discipline decision on the reference date (Decree 172/2025 for cán bộ, công
 * chức; Decree 112/2020 / 234/2026 for viên chức: 12 months from the effective date). A form whose period is
 * not known makes the criterion unknown.
 */
export const disciplineRule: Rule = (f, ctx) => {
  const ref = ctx.referenceDate;
  const relevant = f.disciplines.filter((d) => d.effectiveFrom <= ref);
  const clause = 'Kế hoạch 131/KH-UBND, mục III.1.b; Nghị định 172/2025/NĐ-CP (cán bộ, công chức); Nghị định 112/2020/NĐ-CP và 234/2026/NĐ-CP (viên chức)';
  const facts = { records: relevant.map((d) => ({ ...d, barsUntil: disciplineEnd(d, ctx) })) };
  const active = relevant.filter((d) => {
    const end = disciplineEnd(d, ctx);
    return end !== null && end >= ref;
  });
  if (active.length) {
    const d = active[0];
    return {
      criterion: 'discipline',
      result: 'fail',
      reason: `Đang trong thời gian thi hành kỷ luật (${d.formCode}, từ ${viDate(d.effectiveFrom)} đến hết ${viDate(disciplineEnd(d, ctx))})`,
      clause: d.instrument ? `${clause} — ${d.instrument}` : clause,
      facts,
    };
  }
  const unknown = relevant.filter((d) => disciplineEnd(d, ctx) === null);
  if (unknown.length) {
    return { criterion: 'discipline', result: 'unknown', reason: `Chưa xác định được thời hạn của hình thức kỷ luật ${unknown.map((d) => d.formCode).join(', ')}`, clause, facts };
  }
  return {
    criterion: 'discipline',
    result: 'pass',
    reason: relevant.length ? 'Các quyết định kỷ luật trước đây đã hết thời hạn' : 'Không có quyết định kỷ luật',
    clause,
    facts,
  };
};
