import { trainingArticle, WAIVED_REPAYMENT_REASONS, type RepaymentReason, type TrainingRegulation } from '../../../../common/training.js';
import { addDays, monthsBetween, viDate } from '../../../../common/dates.js';
import { divRoundHalfUp, vndText } from '../pay/money.js';
import type { ServiceCommitment } from './commitment.js';

export interface RepaymentInput {
  /** F: the cost of the training paid, without salary. */
  costVnd: bigint;
  /** The service commitment of the course (postgraduate training only): none, nothing is repaid. */
  commitment: ServiceCommitment | null;
  /** The enrolment's state when the person left: still in training, or without a degree, repays 100 %. */
  completed: boolean;
  courseStart: string;
  courseEnd: string;
  /** Last day of service. */
  leftOn: string;
  reason: RepaymentReason;
  gender: 'male' | 'female';
  isMinority: boolean | null;
  /**
   * The end of the person's probation: the years of service before the sending count from it (Art. 8: probation does
   * not count toward the reduction); null when not known, and then no reduction is counted.
   */
  probationEndedOn: string | null;
  regulation: TrainingRegulation;
}

export type RepaymentOutcome =
  | { due: false; reason: string }
  | {
      due: true;
      amountVnd: bigint;
      waived: boolean;
      fullCost: boolean;
      t1: number | null;
      t2: number | null;
      priorServiceYears: number;
      reductionBp: number;
      lines: string[];
      clause: string;
    };

/** Why each waiver applies, and the article it comes from. */
const WAIVERS: Partial<Record<RepaymentReason, { line: string; article: 'reduction' | 'illness' | 'streamlining' }>> = {
  transfer_in_system: { line: 'Chuyển công tác trong hệ thống chính trị: được miễn bồi hoàn', article: 'reduction' },
  illness_or_disaster: { line: 'Không được cấp văn bằng do ốm đau nặng, thiên tai: được miễn bồi hoàn', article: 'illness' },
  streamlining: {
    line: 'Nghỉ việc theo chính sách tinh giản, sắp xếp (Nghị định 178/2024/NĐ-CP, 67/2025/NĐ-CP, 154/2025/NĐ-CP): được miễn bồi hoàn',
    article: 'streamlining',
  },
};

/** The clause of a repayment: the articles for the case (buộc thôi việc Art. 6, the formula Art. 7, reductions Art. 8). */
export function repaymentClause(reg: TrainingRegulation, reason: RepaymentReason): string {
  const w = WAIVERS[reason];
  if (w) {
    const extra = reason === 'streamlining' ? '; Nghị định 178/2024/NĐ-CP, 67/2025/NĐ-CP, 154/2025/NĐ-CP' : '';
    return `${trainingArticle(reg.instrument, w.article)} (miễn đền bù chi phí đào tạo)${extra}`;
  }
  const parts = [
    ...(reason === 'dismissed' ? [`${trainingArticle(reg.instrument, 'dismissal')} (bị kỷ luật buộc thôi việc phải đền bù)`] : []),
    `${trainingArticle(reg.instrument, 'repayment')} (cách tính chi phí đền bù)`,
    `${trainingArticle(reg.instrument, 'reduction')} (giảm chi phí đền bù)`,
  ];
  return parts.join('; ');
}

/** The day the repayment decided on `decidedOn` must be paid by (Art. 13: within the regulation's days, 120 in Decree 171). */
export const repaymentDueOn = (decidedOn: string, reg: Pick<TrainingRegulation, 'repaymentPayDays'>) => addDays(decidedOn, reg.repaymentPayDays);

/**
 * Decree 171/2025 Art. 6–8: repayment by a person who leaves a postgraduate training, or its service commitment,
 * early (quitting, or buộc thôi việc). S = F × (T1 − T2) / T1 (T1 months committed, T2 months served), 100 % when
 * they leave during training or get no degree; reduced by 1.5 % (women, ethnic minorities) or 1 % (others) per year
 * of service before the sending, counted from the end of probation; waived on transfer within the political system,
 * when no degree was obtained because of serious illness or disaster (Art. 8 cl. 1 a), and for those leaving under
 * Decree 178/2024, 67/2025 or 154/2025 (Art. 41 cl. 6). Only postgraduate training carries a commitment (Art. 5
 * cl. 3): a course without one owes nothing. One rounding, half up, to the đồng.
 */
export function computeRepayment(i: RepaymentInput): RepaymentOutcome {
  const reg = i.regulation;
  const clause = repaymentClause(reg, i.reason);
  if (!i.commitment)
    return {
      due: false,
      reason: `Khóa học không có cam kết phục vụ (chỉ đào tạo sau đại học có cam kết, ${trainingArticle(reg.instrument, 'commitment')}): không phải bồi hoàn`,
    };
  const duringTraining = i.leftOn <= i.courseEnd;
  const fullCost = duringTraining || !i.completed;
  if (!fullCost && i.leftOn >= i.commitment.to)
    return { due: false, reason: `Đã phục vụ đủ thời gian cam kết (đến hết ${viDate(i.commitment.to)}): không phải bồi hoàn` };
  const waiver = WAIVERS[i.reason];
  if (waiver && WAIVED_REPAYMENT_REASONS.includes(i.reason)) {
    return {
      due: true,
      amountVnd: 0n,
      waived: true,
      fullCost,
      t1: i.commitment.months,
      t2: null,
      priorServiceYears: 0,
      reductionBp: 0,
      lines: [waiver.line],
      clause,
    };
  }
  const lines: string[] = [];
  const priority = i.gender === 'female' || i.isMinority === true;
  // service before the sending, from the end of probation (probation does not count)
  const priorServiceYears = i.probationEndedOn ? Math.max(0, Math.floor(monthsBetween(i.probationEndedOn, i.courseStart) / 12)) : 0;
  const perYear = priority ? reg.repaymentReductionBpPerYearPriority : reg.repaymentReductionBpPerYearOther;
  const reductionBp = Math.min(10000, priorServiceYears * perYear);
  let num: bigint;
  let den: bigint;
  let t1: number | null = null;
  let t2: number | null = null;
  if (i.reason === 'dismissed') lines.push('Bị xử lý kỷ luật buộc thôi việc: phải đền bù chi phí đào tạo');
  lines.push(`F (chi phí đào tạo đã chi, không gồm lương) = ${vndText(i.costVnd)}`);
  if (fullCost) {
    num = i.costVnd;
    den = 1n;
    lines.push(
      duringTraining ? `Thôi việc ngày ${viDate(i.leftOn)}, trong thời gian đào tạo: bồi hoàn 100 % chi phí` : 'Không được cấp văn bằng: bồi hoàn 100 % chi phí',
    );
  } else {
    t1 = i.commitment.months;
    // months served from the first day of the commitment up to and including the last day of service
    t2 = Math.max(0, Math.min(t1, monthsBetween(i.commitment.from, addDays(i.leftOn, 1))));
    num = i.costVnd * BigInt(t1 - t2);
    den = BigInt(t1);
    lines.push(`T1 (thời gian cam kết) = ${t1} tháng; T2 (đã phục vụ từ ${viDate(i.commitment.from)} đến ${viDate(i.leftOn)}) = ${t2} tháng`);
    lines.push(`S = F × (T1 − T2) / T1 = ${vndText(i.costVnd)} × (${t1} − ${t2}) / ${t1}`);
  }
  const amountVnd = divRoundHalfUp(num * BigInt(10000 - reductionBp), den * 10000n);
  if (reductionBp > 0) {
    lines.push(
      `Giảm ${(perYear / 100).toLocaleString('vi-VN')} %/năm × ${priorServiceYears} năm công tác trước khi được cử đi, tính từ ngày hết tập sự ${viDate(i.probationEndedOn!)}${priority ? ' (nữ hoặc người dân tộc thiểu số)' : ''} = ${(reductionBp / 100).toLocaleString('vi-VN')} %`,
    );
  } else if (!i.probationEndedOn) {
    lines.push('Chưa có ngày hết thời gian tập sự: không tính giảm trừ theo thời gian công tác (thời gian tập sự không được tính)');
  } else {
    lines.push(`Từ ngày hết tập sự ${viDate(i.probationEndedOn)} đến ngày được cử đi chưa đủ 1 năm công tác: không giảm trừ`);
  }
  lines.push(`Số tiền bồi hoàn (làm tròn đến đồng) = ${vndText(amountVnd)}`);
  return { due: true, amountVnd, waived: false, fullCost, t1, t2, priorServiceYears, reductionBp, lines, clause };
}
