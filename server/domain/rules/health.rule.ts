import { addMonths, viDate } from '../../../common/dates.js';
import { verdictOf, type Rule } from './types.js';
import { planClause } from '../../../common/plan-clause.js';

/**
 * Healthy, with a health certificate issued within the plan's validity (6 months, as for rotation under
 * Decree 170/2025). Poor health fails; no status or an old certificate needs information.
 */
export const healthRule: Rule = (f, ctx) => {
  const months = ctx.params.healthCertificateMonths;
  const CLAUSE = `${planClause(ctx.planCode, 'III.1.b')} (có đủ sức khỏe công tác); Nghị định 170/2025/NĐ-CP`;
  const facts = { healthStatus: f.healthStatus, healthCheckedOn: f.healthCheckedOn, validityMonths: months };
  const v = (result: 'pass' | 'fail' | 'unknown', reason: () => string) => verdictOf('health', result, CLAUSE, () => ({ reason: reason(), facts }));
  if (f.healthStatus === 'poor') return v('fail', () => 'Sức khỏe yếu');
  if (!f.healthStatus || !f.healthCheckedOn) return v('unknown', () => 'Chưa có kết quả khám sức khỏe');
  const checked = f.healthCheckedOn;
  if (checked > ctx.referenceDate) return v('unknown', () => `Ngày khám sức khỏe ${viDate(checked)} sau ngày xét`);
  if (addMonths(checked, months) < ctx.referenceDate) return v('unknown', () => `Giấy khám sức khỏe ngày ${viDate(checked)} đã quá ${months} tháng; cần khám lại`);
  return v('pass', () => `Sức khỏe ${f.healthStatus === 'good' ? 'tốt' : 'khá'}, khám ngày ${viDate(checked)}`);
};
