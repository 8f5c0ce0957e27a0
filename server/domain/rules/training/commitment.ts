import { COMMITMENT_KINDS, trainingArticle, type CourseKind, type TrainingRegulation } from '../../../../common/training.js';
import { addDays, addMonths, monthsBetween, viDate } from '../../../../common/dates.js';

export interface ServiceCommitment {
  /** Length of the training in months, a started month counting as a whole one. */
  trainingMonths: number;
  months: number;
  /** First and last day of the commitment: from the day after the course ends. */
  from: string;
  to: string;
  clause: string;
  explanation: string;
}

/** Months from start to end inclusive, rounded up to whole months. */
export function trainingMonths(startDate: string, endDate: string): number {
  const dayAfter = addDays(endDate, 1);
  const whole = monthsBetween(startDate, dayAfter);
  return addMonths(startDate, whole) < dayAfter ? whole + 1 : whole;
}

/** Whether a course carries a service commitment at all (Decree 171/2025 Art. 5 cl. 3: postgraduate training only). */
export const carriesCommitment = (kind: CourseKind) => COMMITMENT_KINDS.includes(kind);

/**
 * Decree 171/2025 Art. 5 cl. 3: after postgraduate training, serve at least 3 × the training time (the multiplier
 * is the regulation's). University degrees and short courses carry none (null); so does a course of a person whose
 * category has no regulation in the catalogue (`reg` null): no multiplier is borrowed.
 */
export function serviceCommitment(c: { kind: CourseKind; startDate: string; endDate: string }, reg: TrainingRegulation | null): ServiceCommitment | null {
  if (!carriesCommitment(c.kind) || !reg) return null;
  const t = trainingMonths(c.startDate, c.endDate);
  const months = t * reg.commitmentMultiplier;
  const from = addDays(c.endDate, 1);
  const to = addDays(addMonths(from, months), -1);
  return {
    trainingMonths: t,
    months,
    from,
    to,
    clause: `${trainingArticle(reg.instrument, 'commitment')} (cam kết phục vụ ít nhất ${reg.commitmentMultiplier} lần thời gian đào tạo sau đại học)`,
    explanation: `Đào tạo ${t} tháng × ${reg.commitmentMultiplier} = ${months} tháng, từ ${viDate(from)} đến hết ${viDate(to)}`,
  };
}
