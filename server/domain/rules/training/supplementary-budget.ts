import { addMonths } from '../../../../common/dates.js';
import { baseSalaryOn, type BaseSalaryRow } from '../pay/base-salary.js';
import { divRoundHalfUp, hundredthsText, shareFraction, vndText } from '../pay/money.js';

export interface SupplementaryInput {
  restructuredOn: string;
  /** The plan's share of the basic salary fund (III.2.d: 5 %). */
  rate: number;
  /** Σ of the salary coefficients (rank/step) of the staff counted, in hundredths. */
  coefficientHundredths: bigint;
  peopleCounted: number;
  peopleWithoutCoefficient: number;
  baseSalaries: BaseSalaryRow<bigint>[];
  /**
   * The plan's headcount basis: absent (the staff paid, their own coefficients) or the assigned staffing of a year,
   * which counts that many people at the paid staff's average coefficient (Σ coefficients × assigned / people counted).
   */
  assignedStaffing?: { year: number; headcount: number; decisionNo: string | null };
}

export interface SupplementaryBudget {
  amountVnd: bigint;
  fundVnd: bigint;
  periodFrom: string;
  periodTo: string;
  months: { month: string; baseSalaryVnd: string; instrument: string }[];
  baseSalarySumVnd: bigint;
  formula: string;
  lines: string[];
}

/** The first month of the first year after restructuring: the month itself when restructured on its first day. */
export function firstMonthAfter(restructuredOn: string): string {
  const first = restructuredOn.slice(0, 8) + '01';
  return restructuredOn.endsWith('-01') ? first : addMonths(first, 1);
}

/**
 * Plan 131 III.2.d: the supplementary training budget = rate × the unit's total basic salary fund (excluding
 * allowances) in its first year after restructuring. The fund is Σ coefficient × the base salary in force each
 * month of those twelve months, so a base-salary change mid-year weighs by months. Exact in BigInt; the amount is
 * rounded once, half up, to the đồng.
 */
export function computeSupplementaryBudget(i: SupplementaryInput): SupplementaryBudget {
  const start = firstMonthAfter(i.restructuredOn);
  const months = Array.from({ length: 12 }, (_, k) => addMonths(start, k));
  const bases = months.map((m) => {
    const b = baseSalaryOn(i.baseSalaries, m);
    if (!b) throw new RangeError(`no base salary in force on ${m}`);
    return { month: m.slice(0, 7), b };
  });
  const baseSum = bases.reduce((s, x) => s + x.b.amountVnd, 0n);
  const { num, den } = shareFraction(i.rate);
  const a = i.assignedStaffing;
  if (a && i.peopleCounted <= 0) throw new RangeError('no paid staff with a coefficient to average over the assigned staffing');
  // the coefficient sum as an exact fraction: Σcoef (hundredths) / 100, or × assigned / people counted
  const cNum = a ? i.coefficientHundredths * BigInt(a.headcount) : i.coefficientHundredths;
  const cDen = a ? 100n * BigInt(i.peopleCounted) : 100n;
  // Σcoef × Σ base salary = the fund; × rate = the budget (one rounding each, half up)
  const fundVnd = divRoundHalfUp(cNum * baseSum, cDen);
  const amountVnd = divRoundHalfUp(cNum * baseSum * num, cDen * den);
  // shown to two decimals; the amounts above use the exact fraction
  const coefShown = a ? divRoundHalfUp(cNum * 100n, cDen) : i.coefficientHundredths;
  const groups: { amount: bigint; count: number; instrument: string; from: string; to: string }[] = [];
  for (const x of bases) {
    const g = groups.at(-1);
    if (g && g.amount === x.b.amountVnd) {
      g.count++;
      g.to = x.month;
    } else groups.push({ amount: x.b.amountVnd, count: 1, instrument: x.b.instrument, from: x.month, to: x.month });
  }
  const mm = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
  const pct = (i.rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 4 });
  const lines = [
    `Năm đầu sau sắp xếp: từ tháng ${mm(start.slice(0, 7))} đến tháng ${mm(months[11].slice(0, 7))} (sắp xếp xong ngày ${i.restructuredOn.split('-').reverse().join('/')})`,
    `Tổng hệ số lương (ngạch, bậc; không gồm phụ cấp) của ${i.peopleCounted} người đang hưởng lương = ${hundredthsText(i.coefficientHundredths)}` +
      (i.peopleWithoutCoefficient ? `; ${i.peopleWithoutCoefficient} người chưa có hệ số lương không được tính` : ''),
    ...(a
      ? [
          `Tính theo biên chế được giao năm ${a.year}${a.decisionNo ? ` (${a.decisionNo})` : ''}: ${a.headcount} người × hệ số lương bình quân ` +
            `(${hundredthsText(i.coefficientHundredths)} / ${i.peopleCounted}) = ${hundredthsText(coefShown)}${cNum % (cDen / 100n) === 0n ? '' : ' (làm tròn để hiển thị; số tiền tính theo giá trị chính xác)'}`,
        ]
      : []),
    ...groups.map((g) => `${g.count} tháng (${mm(g.from)}–${mm(g.to)}) × lương cơ sở ${vndText(g.amount)} (${g.instrument})`),
    `Tổng lương cơ sở 12 tháng = ${vndText(baseSum)}`,
    `Tổng quỹ lương cơ bản = ${hundredthsText(coefShown)} × ${vndText(baseSum)} = ${vndText(fundVnd)}`,
    `Kinh phí bổ sung = ${pct} % × quỹ lương = ${vndText(amountVnd)} (làm tròn đến đồng)`,
  ];
  return {
    amountVnd,
    fundVnd,
    periodFrom: start,
    periodTo: addMonths(start, 11).slice(0, 7),
    months: bases.map((x) => ({ month: x.month, baseSalaryVnd: x.b.amountVnd.toString(), instrument: x.b.instrument })),
    baseSalarySumVnd: baseSum,
    formula: `${pct} % × Σ hệ số lương × Σ lương cơ sở 12 tháng`,
    lines,
  };
}
