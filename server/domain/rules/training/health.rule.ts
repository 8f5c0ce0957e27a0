import { addMonths, viDate } from '../../../../common/dates.js';
import { isForeignShortCourse } from './foreign-service-left.rule.js';
import { noRegulation, notApplicable, regulationClause, type TrainingRule } from './types.js';

/**
 * Decree 171/2025 Art. 28 (foreign short courses): healthy enough, with a valid health certificate on the start
 * date. The facts are the profile's, as the screening reads them (people.health_status, health_checked_on), and the
 * certificate is valid for the plan's months (`healthCertificateMonths`). Poor health or a certificate older than
 * that on the start date fails; no certificate, or one dated after the start, is unknown.
 */
export const trainingHealthRule: TrainingRule = (p, c, ctx) => {
  const clause = regulationClause(ctx, 'foreign', 'điều kiện cử đi bồi dưỡng ở nước ngoài (sức khỏe)');
  if (!isForeignShortCourse(c)) return notApplicable('health', clause, 'Chỉ áp dụng với bồi dưỡng ở nước ngoài');
  if (!ctx.regulation) return noRegulation('health', ctx, clause);
  const months = ctx.healthCertificateMonths;
  const facts = { healthStatus: p.healthStatus, healthCheckedOn: p.healthCheckedOn, validityMonths: months, startDate: c.startDate };
  const v = (result: 'pass' | 'fail' | 'unknown', reason: string) => ({ criterion: 'health' as const, result, clause, reason, facts });
  if (p.healthStatus === 'poor') return v('fail', 'Sức khỏe yếu');
  if (!p.healthStatus || !p.healthCheckedOn) return v('unknown', 'Chưa có giấy chứng nhận sức khỏe');
  const checked = p.healthCheckedOn;
  if (checked > c.startDate) return v('unknown', `Ngày khám sức khỏe ${viDate(checked)} sau ngày khai giảng ${viDate(c.startDate)}`);
  // valid through the same date `months` later, as in the screening (rules/health.rule.ts)
  if (addMonths(checked, months) < c.startDate)
    return v('fail', `Giấy chứng nhận sức khỏe ngày ${viDate(checked)} đã quá ${months} tháng vào ngày khai giảng ${viDate(c.startDate)}; cần khám lại`);
  return v('pass', `Sức khỏe ${p.healthStatus === 'good' ? 'tốt' : 'khá'}, giấy chứng nhận ngày ${viDate(checked)} còn hiệu lực`);
};
