import type { EntitlementFactsRow } from '../../db/repositories/entitlements.repository.js';
import type { EntitlementInput, PostFacts } from '../rules/entitlements.js';
import type { BaseSalaryRow } from '../rules/pay/base-salary.js';
import type { AllowanceMultiplierRow } from '../rules/pay/allowance-multiplier.js';

const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
const int = (v: unknown) => (v === null || v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Number(v));

/** The input of the rule from a stored row: the reserved post once decided, the current post before. */
export function entitlementInput(
  row: EntitlementFactsRow,
  tables: { baseSalaries: BaseSalaryRow[]; allowanceMultipliers: AllowanceMultiplierRow[] },
  today: string,
  minSecondmentMonths: number,
  oneOffAllowanceBelowMinimum = false,
): EntitlementInput {
  const rp = row.reservedPost;
  const post: PostFacts = rp
    ? {
        unitName: str(rp.unitName),
        positionTitle: str(rp.positionTitle),
        rankCode: str(rp.rankCode),
        salaryStep: int(rp.salaryStep),
        salaryCoefficient: str(rp.salaryCoefficient),
        leadershipAllowanceCoef: str(rp.leadershipAllowanceCoef),
      }
    : { ...row.currentPost };
  post.rankName = row.rankName;
  return {
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    actualEndDate: row.actualEndDate,
    durationMonths: row.durationMonths,
    hostUnitName: row.hostUnitName,
    hostEspeciallyDisadvantaged: row.hostUnitId ? row.hostEspeciallyDisadvantaged : null,
    outcomeRating: row.outcomeRating,
    extraStepGranted: row.extraStepGranted,
    post,
    postSource: rp ? 'reserved' : 'current',
    rankSteps: row.rankSteps ?? [],
    baseSalaries: tables.baseSalaries,
    allowanceMultipliers: tables.allowanceMultipliers,
    today,
    minSecondmentMonths,
    shortDurationReason: row.shortDurationReason,
    oneOffAllowanceBelowMinimum,
    commendation: row.commendation,
  };
}
