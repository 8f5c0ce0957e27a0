import { addDays, viDate } from '../../../common/dates.js';
import { endDateOf } from '../../../common/dates.js';
import { baseSalaryOn, type BaseSalaryRow } from './pay/base-salary.js';
import { coefHundredths, coefTimes, vndText } from './pay/money.js';
import { extraStep, isCompletedWell, type SalaryPost, type StepChange } from './pay/salary-steps.js';
import { multiplierOn, multiplierText, type AllowanceMultiplierRow } from './pay/allowance-multiplier.js';

/**
 * The entitlements of a cadre sent to work at commune level (Decree 178/2024/NĐ-CP Art. 12 cl. 1, as amended by
 * Decree 67/2025/NĐ-CP): (a) salary and allowances of the previous post kept, paid by the sending unit; (b) a
 * one-off allowance of 10 × the base salary in force on the start date, paid by the State budget; (c) in an
 * especially disadvantaged (ĐBKK) commune, the Decree 76/2019 package instead of (b); (d) on completing the task
 * well, one extra salary step unless already at the last step of the rank. Pure: money in integer đồng.
 */

const DECREE = 'Nghị định 178/2024/NĐ-CP (sửa đổi, bổ sung bởi Nghị định 67/2025/NĐ-CP)';
export const ENTITLEMENT_CLAUSES = {
  keep_salary: `Điểm a khoản 1 Điều 12 ${DECREE}`,
  one_off_allowance: `Điểm b khoản 1 Điều 12 ${DECREE}`,
  disadvantaged_package: `Điểm c khoản 1 Điều 12 ${DECREE}; Nghị định 76/2019/NĐ-CP`,
  extra_step: `Điểm d khoản 1 Điều 12 ${DECREE}`,
  // Art. 12 as amended by Decree 67/2025: "xem xét khen thưởng" on completing the secondment well
  commendation: `Điều 12 ${DECREE}; Luật Thi đua, khen thưởng`,
} as const;
export type EntitlementCode = keyof typeof ENTITLEMENT_CLAUSES;

/** Who pays (DOMAIN.md: sending agency for salary and step; State budget for the one-off allowance, Circular 07/2025/TT-BTC). */
export const PAYERS = {
  sendingUnit: 'Cơ quan, đơn vị cử đi chi trả',
  stateBudget: 'Ngân sách nhà nước bảo đảm (Thông tư 07/2025/TT-BTC)',
  decree76: 'Theo Nghị định 76/2019/NĐ-CP',
} as const;

const RATING_NAMES: Record<string, string> = {
  HTXS: 'Hoàn thành xuất sắc nhiệm vụ',
  HTT: 'Hoàn thành tốt nhiệm vụ',
  HT: 'Hoàn thành nhiệm vụ',
  KHT: 'Không hoàn thành nhiệm vụ',
};

export type EntitlementState = 'expected' | 'entitled' | 'done' | 'pending' | 'not_applicable';
export const ENTITLEMENT_STATE_LABELS: Record<EntitlementState, string> = {
  expected: 'Dự kiến',
  entitled: 'Được hưởng',
  done: 'Đã thực hiện',
  pending: 'Chờ xét',
  not_applicable: 'Không áp dụng',
};

export interface PostFacts extends SalaryPost {
  unitName?: string | null;
  positionTitle?: string | null;
  leadershipAllowanceCoef?: string | null;
}

export interface EntitlementInput {
  status: string;
  startDate: string | null;
  endDate: string | null;
  actualEndDate?: string | null;
  durationMonths?: number | null;
  hostUnitName?: string | null;
  /** null when the host commune is not known yet */
  hostEspeciallyDisadvantaged: boolean | null;
  outcomeRating: string | null;
  extraStepGranted: boolean | null;
  /** the reserved post (as of the decision) or, before the decision, the current post */
  post: PostFacts;
  /** where `post` comes from: the post reserved by the decision, or the current record */
  postSource: 'reserved' | 'current';
  /** coefficients of the rank's steps, as numeric strings ('2.34'); empty when the rank is unknown */
  rankSteps: string[];
  baseSalaries: BaseSalaryRow[];
  /** The dated one-off allowance multipliers (allowance_multipliers), all rows. */
  allowanceMultipliers: AllowanceMultiplierRow[];
  /** Vietnam date, used when the start date is not fixed yet */
  today: string;
  /** The plan's minimum duration in force (a proposal has no duration of its own yet). */
  minSecondmentMonths: number;
  /** The recorded special case of a duration below the plan's minimum (the decision's reason). */
  shortDurationReason?: string | null;
  /** Plan parameter: whether such a special case still gets the one-off allowance (b). */
  oneOffAllowanceBelowMinimum?: boolean;
  /** The sending unit's commendation proposal, or its reasons for making none (secondments.commendation). */
  commendation?: { declined: boolean; documentNo?: string | null; proposedOn?: string | null; form?: string | null; reason?: string | null } | null;
}

export interface SalaryPeriod {
  from: string;
  to: string | null;
  baseSalaryVnd: number;
  instrument: string;
  monthlyVnd: number;
}

export interface Entitlement {
  code: EntitlementCode;
  title: string;
  clause: string;
  state: EntitlementState;
  stateLabel: string;
  applies: boolean;
  explanation: string;
  payer: string | null;
  /** one-off amount (b), or the first monthly amount (a); integer đồng */
  amountVnd: number | null;
  periods?: SalaryPeriod[];
  step?: StepChange;
}

export interface EntitlementsResult {
  /** before the decision the entitlements are only expected (dự kiến) */
  tentative: boolean;
  /** false for a withdrawn or rejected secondment: no entitlement arises */
  applies: boolean;
  note: string;
  referenceStartDate: string | null;
  baseSalaryOnStart: { amountVnd: number; effectiveFrom: string; instrument: string } | null;
  entitlements: Entitlement[];
}

const TENTATIVE_STATUSES = ['proposed', 'sent_back', 'appraised'];
const CLOSED_STATUSES = ['withdrawn', 'rejected'];
const ENDED_STATUSES = ['completed', 'ended_early', 'returned'];

const fmtCoef = (h: bigint) => `${h / 100n},${String(h % 100n).padStart(2, '0')}`;
const vnd = (n: number) => vndText(n);

/** The base salary periods overlapping [from, to] (to null = open-ended), each clipped to the range. */
export function salaryPeriods(rows: BaseSalaryRow[], from: string, to: string | null, coefH: bigint): SalaryPeriod[] {
  const sorted = [...rows].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const out: SalaryPeriod[] = [];
  sorted.forEach((r, i) => {
    const next = sorted[i + 1];
    const rEnd = next ? addDays(next.effectiveFrom, -1) : null;
    if (to !== null && r.effectiveFrom > to) return;
    if (rEnd !== null && rEnd < from) return;
    const pFrom = r.effectiveFrom > from ? r.effectiveFrom : from;
    const pTo = rEnd === null ? to : to === null ? rEnd : rEnd < to ? rEnd : to;
    out.push({ from: pFrom, to: pTo, baseSalaryVnd: r.amountVnd, instrument: r.instrument, monthlyVnd: coefTimes(coefH, r.amountVnd) });
  });
  return out;
}

function entry(
  code: EntitlementCode,
  title: string,
  state: EntitlementState,
  rest: Omit<Entitlement, 'code' | 'title' | 'clause' | 'state' | 'stateLabel'>,
): Entitlement {
  return { code, title, clause: ENTITLEMENT_CLAUSES[code], state, stateLabel: ENTITLEMENT_STATE_LABELS[state], ...rest };
}

const coefText = (c: string | null) => (c ? fmtCoef(coefHundredths(c) ?? 0n) : '—');

export function computeEntitlements(i: EntitlementInput): EntitlementsResult {
  const tentative = TENTATIVE_STATUSES.includes(i.status);
  if (CLOSED_STATUSES.includes(i.status)) {
    return {
      tentative: false,
      applies: false,
      note:
        i.status === 'withdrawn' ? 'Đơn vị đã rút đề xuất: không phát sinh chế độ, chính sách.' : 'Không được quyết định cử: không phát sinh chế độ, chính sách.',
      referenceStartDate: i.startDate,
      baseSalaryOnStart: null,
      entitlements: [],
    };
  }
  const start = i.startDate ?? i.today;
  // a proposal has no duration yet: the plan's minimum in force
  const months = i.durationMonths ?? i.minSecondmentMonths;
  const end = i.actualEndDate ?? i.endDate ?? endDateOf(start, months);
  const live: EntitlementState = tentative ? 'expected' : 'entitled';
  const startWord = i.startDate ? `ngày bắt đầu ${viDate(i.startDate)}` : `chưa có ngày bắt đầu, tạm tính theo ngày ${viDate(i.today)}`;
  const baseOnStart = baseSalaryOn(i.baseSalaries, start);
  const out: Entitlement[] = [];

  // (a) salary and allowances of the previous post
  const salaryH = coefHundredths(i.post.salaryCoefficient);
  const leadH = coefHundredths(i.post.leadershipAllowanceCoef) ?? 0n;
  const postWord = i.postSource === 'reserved' ? 'vị trí việc làm được bảo lưu theo quyết định cử' : 'vị trí việc làm hiện tại (chưa có quyết định cử)';
  if (salaryH === null) {
    out.push(
      entry('keep_salary', 'Giữ nguyên lương và phụ cấp của vị trí trước khi tăng cường', live, {
        applies: true,
        payer: PAYERS.sendingUnit,
        amountVnd: null,
        explanation: `Được giữ nguyên tiền lương và các khoản phụ cấp lương của ${postWord}. Hồ sơ chưa có hệ số lương nên chưa tính được số tiền hằng tháng.`,
      }),
    );
  } else {
    const coefH = salaryH + leadH;
    const periods = salaryPeriods(i.baseSalaries, start, end, coefH);
    const coefWords = leadH > 0n ? `(hệ số lương ${fmtCoef(salaryH)} + hệ số phụ cấp chức vụ ${fmtCoef(leadH)})` : `hệ số lương ${fmtCoef(salaryH)}`;
    const lines = periods.map(
      (p) =>
        `từ ${viDate(p.from)}${p.to ? ` đến ${viDate(p.to)}` : ''}: ${coefWords} × ${vnd(p.baseSalaryVnd)} = ${vnd(p.monthlyVnd)}/tháng (lương cơ sở theo ${p.instrument})`,
    );
    out.push(
      entry('keep_salary', 'Giữ nguyên lương và phụ cấp của vị trí trước khi tăng cường', live, {
        applies: true,
        payer: PAYERS.sendingUnit,
        amountVnd: periods[0]?.monthlyVnd ?? null,
        periods,
        explanation:
          `Được giữ nguyên tiền lương và các khoản phụ cấp lương của ${postWord}${i.post.positionTitle ? ` (${i.post.positionTitle}${i.post.unitName ? `, ${i.post.unitName}` : ''})` : ''}, do cơ quan, đơn vị cử đi chi trả. ` +
          `Lương và phụ cấp chức vụ hằng tháng (chưa gồm các khoản phụ cấp khác tính theo lương): ${lines.join('; ') || 'chưa có lương cơ sở áp dụng'}.`,
      }),
    );
  }

  // (b) one-off allowance, or (c) the Decree 76/2019 package instead
  const dbkk = i.hostEspeciallyDisadvantaged === true;
  const hostWord = i.hostUnitName ?? 'xã, phường nơi đến';
  const mult = multiplierOn(i.allowanceMultipliers, start);
  // a special case sent for less than the plan's minimum: Art. 12 speaks of cadres sent for 3 years, so (b) is paid
  // to them only when the plan says so (plan parameter oneOffAllowanceBelowMinimum)
  const belowMinimum = !!i.shortDurationReason && months < i.minSecondmentMonths;
  const belowMinimumWords = `Trường hợp đặc biệt cử ${months} tháng, dưới thời gian tối thiểu ${i.minSecondmentMonths} tháng của kế hoạch (lý do: ${i.shortDurationReason ?? ''})`;
  if (belowMinimum && !i.oneOffAllowanceBelowMinimum && !dbkk) {
    out.push(
      entry('one_off_allowance', 'Trợ cấp một lần', 'not_applicable', {
        applies: false,
        payer: null,
        amountVnd: null,
        explanation:
          `${belowMinimumWords}: không hưởng trợ cấp một lần. Điểm b khoản 1 Điều 12 quy định trợ cấp cho người được cử đến công tác ở cấp xã 3 năm; ` +
          'kế hoạch không quy định trợ cấp cho trường hợp cử ngắn hơn (tham số "Trường hợp đặc biệt cử dưới thời gian tối thiểu vẫn được trợ cấp một lần": không).',
      }),
    );
  } else if (dbkk) {
    out.push(
      entry('one_off_allowance', 'Trợ cấp một lần', 'not_applicable', {
        applies: false,
        payer: null,
        amountVnd: null,
        explanation: `${hostWord} thuộc vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn: không hưởng trợ cấp một lần tại điểm b mà hưởng chế độ, chính sách theo Nghị định 76/2019/NĐ-CP thay thế (điểm c).`,
      }),
    );
  } else if (!baseOnStart || !mult) {
    out.push(
      entry('one_off_allowance', 'Trợ cấp một lần', live, {
        applies: true,
        payer: PAYERS.stateBudget,
        amountVnd: null,
        explanation: mult
          ? `Trợ cấp một lần bằng ${multiplierText(mult.multiplier)} tháng lương cơ sở tại thời điểm nhận nhiệm vụ; chưa có mức lương cơ sở áp dụng cho ${startWord}.`
          : `Chưa có mức trợ cấp một lần (số tháng lương cơ sở) áp dụng cho ${startWord}.`,
      }),
    );
  } else {
    const amount = Math.round(baseOnStart.amountVnd * mult.multiplier);
    const m = multiplierText(mult.multiplier);
    out.push(
      entry('one_off_allowance', 'Trợ cấp một lần', live, {
        applies: true,
        payer: PAYERS.stateBudget,
        amountVnd: amount,
        explanation:
          `Trợ cấp một lần bằng ${m} tháng lương cơ sở tại thời điểm nhận nhiệm vụ (${startWord}): ` +
          `${m} × ${vnd(baseOnStart.amountVnd)} (theo ${baseOnStart.instrument}) = ${vnd(amount)}. Do ngân sách nhà nước bảo đảm.` +
          (belowMinimum ? ` ${belowMinimumWords}: kế hoạch cho phép hưởng trợ cấp một lần.` : '') +
          (i.hostEspeciallyDisadvantaged === null
            ? ' Chưa xác định xã, phường nơi đến: nếu là xã thuộc vùng đặc biệt khó khăn thì hưởng chế độ theo Nghị định 76/2019/NĐ-CP thay cho khoản này.'
            : ''),
      }),
    );
  }
  out.push(
    dbkk
      ? entry('disadvantaged_package', 'Chế độ, chính sách đối với vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn', live, {
          applies: true,
          payer: PAYERS.decree76,
          amountVnd: null,
          explanation: `${hostWord} thuộc vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn: hưởng chế độ, chính sách theo Nghị định 76/2019/NĐ-CP thay cho trợ cấp một lần tại điểm b. Mức hưởng cụ thể xác định theo Nghị định 76/2019/NĐ-CP.`,
        })
      : entry(
          'disadvantaged_package',
          'Chế độ, chính sách đối với vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn',
          i.hostEspeciallyDisadvantaged === null ? 'pending' : 'not_applicable',
          {
            applies: false,
            payer: null,
            amountVnd: null,
            explanation:
              i.hostEspeciallyDisadvantaged === null
                ? 'Chưa xác định xã, phường nơi đến: xét khi có quyết định cử.'
                : `${hostWord} không thuộc vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn: không áp dụng Nghị định 76/2019/NĐ-CP; hưởng trợ cấp một lần tại điểm b.`,
          },
        ),
  );

  // (d) one extra salary step on completing the task well
  const step = extraStep(i.post, i.rankSteps);
  const stepWords =
    step.stepBefore === null || !step.lastStep
      ? 'Hồ sơ chưa có ngạch, bậc lương nên chưa xác định được bậc sau khi nâng.'
      : step.atLastStep
        ? `Đang ở bậc ${step.stepBefore}/${step.lastStep} (bậc cuối cùng) của ngạch ${step.rankName ?? step.rankCode ?? ''}, hệ số ${coefText(step.coefficientBefore)}: không còn bậc để nâng vượt.`
        : `Từ bậc ${step.stepBefore}/${step.lastStep} (hệ số ${coefText(step.coefficientBefore)}) lên bậc ${step.stepAfter}/${step.lastStep} (hệ số ${coefText(step.coefficientAfter)}) của ngạch ${step.rankName ?? step.rankCode ?? ''}.`;
  const rating = i.outcomeRating;
  const good = isCompletedWell(rating);
  let stepState: EntitlementState;
  let stepText: string;
  if (tentative) {
    stepState = 'expected';
    stepText = `Nếu hoàn thành tốt nhiệm vụ khi kết thúc thời gian tăng cường thì được nâng lương vượt một bậc. ${stepWords}`;
  } else if (!ENDED_STATUSES.includes(i.status) || rating === null) {
    stepState = 'pending';
    stepText = `Xét khi kết thúc thời gian tăng cường, nếu được đánh giá hoàn thành tốt nhiệm vụ trở lên. ${stepWords}`;
  } else if (i.status === 'ended_early' || (i.status === 'returned' && i.extraStepGranted === false && good && !step.atLastStep && step.stepBefore !== null)) {
    // the return placement grants the step only after the full term (pay/salary-steps.ts, extraStepOnReturn)
    stepState = 'not_applicable';
    stepText = `Kết thúc tăng cường trước thời hạn theo quyết định: chế độ nâng lương vượt một bậc chỉ áp dụng khi hoàn thành thời gian tăng cường với kết quả hoàn thành tốt nhiệm vụ trở lên. ${stepWords}`;
  } else if (!good) {
    stepState = 'not_applicable';
    stepText = `Kết quả thực hiện nhiệm vụ: ${RATING_NAMES[rating] ?? rating}, chưa đạt mức hoàn thành tốt nhiệm vụ: không được nâng lương vượt bậc.`;
  } else if (i.extraStepGranted) {
    stepState = 'done';
    stepText = `Kết quả: ${RATING_NAMES[rating]}. Đã được nâng lương vượt một bậc. ${stepWords}`;
  } else if (step.atLastStep) {
    stepState = 'not_applicable';
    stepText = `Kết quả: ${RATING_NAMES[rating]}. ${stepWords}`;
  } else {
    stepState = 'entitled';
    stepText = `Kết quả: ${RATING_NAMES[rating]}: được nâng lương vượt một bậc. ${stepWords}`;
  }
  out.push(
    entry('extra_step', 'Nâng lương vượt một bậc khi hoàn thành tốt nhiệm vụ', stepState, {
      applies: stepState !== 'not_applicable',
      payer: stepState === 'not_applicable' ? null : PAYERS.sendingUnit,
      amountVnd: null,
      step,
      explanation: stepText,
    }),
  );

  // Art. 12 as amended: a commendation considered on completing the secondment well, proposed by the sending unit
  const c = i.commendation ?? null;
  let commendationState: EntitlementState;
  let commendationText: string;
  if (c && c.declined) {
    commendationState = 'done';
    commendationText = `Cơ quan, đơn vị cử đã xem xét và không đề nghị khen thưởng: ${c.reason ?? ''}`;
  } else if (c) {
    commendationState = 'done';
    commendationText = `Đã đề nghị khen thưởng (${c.form ?? ''}) theo văn bản số ${c.documentNo ?? ''}${c.proposedOn ? ` ngày ${viDate(c.proposedOn)}` : ''}.`;
  } else if (tentative || !ENDED_STATUSES.includes(i.status) || rating === null) {
    commendationState = tentative ? 'expected' : 'pending';
    commendationText = 'Xét khi kết thúc thời gian tăng cường: nếu hoàn thành tốt nhiệm vụ trở lên, cơ quan, đơn vị cử xem xét đề nghị khen thưởng.';
  } else if (good) {
    commendationState = 'pending';
    commendationText = `Kết quả: ${RATING_NAMES[rating]}: cơ quan, đơn vị cử xem xét, đề nghị khen thưởng (hoặc ghi rõ lý do không đề nghị).`;
  } else {
    commendationState = 'not_applicable';
    commendationText = `Kết quả thực hiện nhiệm vụ: ${RATING_NAMES[rating] ?? rating}, chưa đạt mức hoàn thành tốt nhiệm vụ: không xét khen thưởng theo Điều 12.`;
  }
  out.push(
    entry('commendation', 'Xét khen thưởng', commendationState, {
      applies: commendationState !== 'not_applicable' && !c?.declined,
      payer: null,
      amountVnd: null,
      explanation: commendationText,
    }),
  );

  return {
    tentative,
    applies: true,
    note: tentative
      ? 'Chưa có quyết định cử: các chế độ dưới đây là dự kiến, tính theo vị trí việc làm hiện tại và lương cơ sở tại ngày bắt đầu dự kiến.'
      : 'Chế độ theo quyết định cử, tính theo vị trí việc làm được bảo lưu và lương cơ sở áp dụng.',
    referenceStartDate: i.startDate,
    baseSalaryOnStart: baseOnStart ? { amountVnd: baseOnStart.amountVnd, effectiveFrom: baseOnStart.effectiveFrom, instrument: baseOnStart.instrument } : null,
    entitlements: out,
  };
}
