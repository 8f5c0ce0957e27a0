import { viDate } from '../../../../common/dates.js';
import type { Category } from '../../../../common/enums.js';
import { disciplineBarOn } from '../record/discipline-bar.js';
import type { TrainingRule } from './types.js';

/** The Law on Public Employees as the reference data names it (VIEN_CHUC_LAW_2019). */
const VIEN_CHUC_LAW_2019 = 'Luật Viên chức 2010, Điều 56 (sửa đổi 2019)';

/** What bars a disciplined person from training, by category. */
export function trainingDisciplineClause(category: Category | null): string {
  const cadres = 'Luật Cán bộ, công chức 80/2025/QH15, Điều 38 khoản 2; Nghị định 172/2025/NĐ-CP';
  if (category === 'vien_chuc') return `${VIEN_CHUC_LAW_2019} (viên chức bị kỷ luật không được đào tạo trong thời hạn)`;
  if (category === null) return `${cadres} (cán bộ, công chức); ${VIEN_CHUC_LAW_2019} (viên chức)`;
  return cadres;
}

/**
 * Not within the period of a discipline decision on the start date, for any training — domestic or foreign,
 * degree or short course: Law 80/2025/QH15 Art. 38 cl. 2 and Decree 172/2025 for cán bộ, công chức; the Law on
 * Public Employees Art. 56 (as amended 2019: 12 months for a reprimand or warning, 24 for removal from post) for
 * viên chức. The bar period comes from the decision, the plan, or the form's dated table for the person's category,
 * as in the screening (the same bar: record/discipline-bar.ts).
 */
export const trainingDisciplineRule: TrainingRule = (p, c, ctx) => {
  const clause = trainingDisciplineClause(p.category ?? ctx.category);
  const bar = disciplineBarOn(p.disciplines, c.startDate, ctx.disciplineBarMonths);
  const facts = { records: bar.relevant };
  if (bar.result === 'fail') {
    return {
      criterion: 'discipline',
      result: 'fail',
      clause,
      reason: `Đang trong thời gian thi hành kỷ luật vào ngày khai giảng ${viDate(c.startDate)} (${bar.relevant[bar.active].formCode}, đến hết ${viDate(bar.ends[bar.active])})`,
      facts,
    };
  }
  if (bar.result === 'unknown')
    return { criterion: 'discipline', result: 'unknown', clause, reason: 'Chưa xác định được thời hạn của một quyết định kỷ luật', facts };
  return {
    criterion: 'discipline',
    result: 'pass',
    clause,
    reason: bar.relevant.length ? 'Các quyết định kỷ luật trước đây đã hết thời hạn' : 'Không có quyết định kỷ luật',
    facts,
  };
};
