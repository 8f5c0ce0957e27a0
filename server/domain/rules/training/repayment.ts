import type { RepaymentReason, TrainingRegulation } from '../../../../common/training.js';
import { addDays, monthsBetween, viDate } from '../../../../common/dates.js';
import { divRoundHalfUp, vndText } from '../pay/money.js';
import type { ServiceCommitment } from './commitment.js';

export interface RepaymentInput {
  /** F: the cost of the training paid, without salary. */
  costVnd: bigint;
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
  recruitedOn: string | null;
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

/**
 * Decree 171/2025: repayment by a person who leaves before the end of the service commitment.
 * S = F × (T1 − T2) / T1 (T1 months committed, T2 months served), 100 % when they leave during training or get
 * no degree; reduced by 1.5 % (women, ethnic minorities) or 1 % (others) per year of service before the
 * sending; waived on transfer within the political system. One rounding, half up, to the đồng.
 */
export function computeRepayment(i: RepaymentInput): RepaymentOutcome {
  const reg = i.regulation;
  const clause = `${reg.instrument} (đền bù chi phí đào tạo)`;
  const duringTraining = i.leftOn <= i.courseEnd;
  const fullCost = duringTraining || !i.completed;
  if (!fullCost) {
    if (!i.commitment) return { due: false, reason: 'Khóa học không có cam kết phục vụ: không phải bồi hoàn' };
    if (i.leftOn >= i.commitment.to) return { due: false, reason: `Đã phục vụ đủ thời gian cam kết (đến hết ${viDate(i.commitment.to)}): không phải bồi hoàn` };
  }
  const lines: string[] = [];
  if (i.reason === 'transfer_in_system') {
    return {
      due: true,
      amountVnd: 0n,
      waived: true,
      fullCost,
      t1: i.commitment?.months ?? null,
      t2: null,
      priorServiceYears: 0,
      reductionBp: 0,
      lines: ['Chuyển công tác trong hệ thống chính trị: được miễn bồi hoàn'],
      clause,
    };
  }
  const priority = i.gender === 'female' || i.isMinority === true;
  const priorServiceYears = i.recruitedOn ? Math.max(0, Math.floor(monthsBetween(i.recruitedOn, i.courseStart) / 12)) : 0;
  const perYear = priority ? reg.repaymentReductionBpPerYearPriority : reg.repaymentReductionBpPerYearOther;
  const reductionBp = Math.min(10000, priorServiceYears * perYear);
  let num: bigint;
  let den: bigint;
  let t1: number | null = null;
  let t2: number | null = null;
  lines.push(`F (chi phí đào tạo đã chi, không gồm lương) = ${vndText(i.costVnd)}`);
  if (fullCost) {
    num = i.costVnd;
    den = 1n;
    lines.push(
      duringTraining ? `Thôi việc ngày ${viDate(i.leftOn)}, trong thời gian đào tạo: bồi hoàn 100 % chi phí` : 'Không được cấp văn bằng: bồi hoàn 100 % chi phí',
    );
  } else {
    t1 = i.commitment!.months;
    // months served from the first day of the commitment up to and including the last day of service
    t2 = Math.max(0, Math.min(t1, monthsBetween(i.commitment!.from, addDays(i.leftOn, 1))));
    num = i.costVnd * BigInt(t1 - t2);
    den = BigInt(t1);
    lines.push(`T1 (thời gian cam kết) = ${t1} tháng; T2 (đã phục vụ từ ${viDate(i.commitment!.from)} đến ${viDate(i.leftOn)}) = ${t2} tháng`);
    lines.push(`S = F × (T1 − T2) / T1 = ${vndText(i.costVnd)} × (${t1} − ${t2}) / ${t1}`);
  }
  const amountVnd = divRoundHalfUp(num * BigInt(10000 - reductionBp), den * 10000n);
  if (reductionBp > 0) {
    lines.push(
      `Giảm ${(perYear / 100).toLocaleString('vi-VN')} %/năm × ${priorServiceYears} năm công tác trước khi được cử đi${priority ? ' (nữ hoặc người dân tộc thiểu số)' : ''} = ${(reductionBp / 100).toLocaleString('vi-VN')} %`,
    );
  } else if (!i.recruitedOn) {
    lines.push('Chưa có ngày tuyển dụng: không tính giảm trừ theo thời gian công tác');
  }
  lines.push(`Số tiền bồi hoàn (làm tròn đến đồng) = ${vndText(amountVnd)}`);
  return { due: true, amountVnd, waived: false, fullCost, t1, t2, priorServiceYears, reductionBp, lines, clause };
}
