import { addMonths, viDate } from './dates.js';
import type { Rule } from './types.js';

/**
 * Healthy, with a health certificate issued within the plan's validity (6 months, as for rotation under
 * Decree 170/2025). Poor health fails; no status or an old certificate needs information.
 */
export const healthRule: Rule = (f, ctx) => {
  const months = ctx.params.healthCertificateMonths;
  const clause = 'Kế hoạch 131/KH-UBND, mục III.1.b (có đủ sức khỏe công tác); Nghị định 170/2025/NĐ-CP';
  const facts = { healthStatus: f.healthStatus, healthCheckedOn: f.healthCheckedOn, validityMonths: months };
  if (f.healthStatus === 'poor') return { criterion: 'health', result: 'fail', reason: 'Sức khỏe yếu', clause, facts };
  if (!f.healthStatus || !f.healthCheckedOn) return { criterion: 'health', result: 'unknown', reason: 'Chưa có kết quả khám sức khỏe', clause, facts };
  if (f.healthCheckedOn > ctx.referenceDate) {
    return { criterion: 'health', result: 'unknown', reason: `Ngày khám sức khỏe ${viDate(f.healthCheckedOn)} sau ngày xét`, clause, facts };
  }
  const validUntil = addMonths(f.healthCheckedOn, months);
  if (validUntil < ctx.referenceDate) {
    return { criterion: 'health', result: 'unknown', reason: `Giấy khám sức khỏe ngày ${viDate(f.healthCheckedOn)} đã quá ${months} tháng; cần khám lại`, clause, facts };
  }
  return { criterion: 'health', result: 'pass', reason: `Sức khỏe ${f.healthStatus === 'good' ? 'tốt' : 'khá'}, khám ngày ${viDate(f.healthCheckedOn)}`, clause, facts };
};
