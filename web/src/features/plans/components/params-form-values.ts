import type { PlanParams } from '../../../../../common/plan-params';

/**
 * The parameters as the form holds them: rates in percent (5 rather than 0.05) and the discipline periods as rows.
 * Field names are the API's, so a 422 issue on "params.quotaRate" lands on its field.
 */
export type ParamsFormValues = Omit<PlanParams, 'disciplineBarMonths'> & {
  disciplineBarMonths: { formCode?: string; months?: number }[];
};

const toPercent = (share: number) => Math.round(share * 100 * 10_000) / 10_000;
const toShare = (percent: number) => Math.round(percent * 10_000) / 1_000_000;

export function paramsToForm(p: PlanParams): ParamsFormValues {
  return {
    ...p,
    quotaRate: toPercent(p.quotaRate),
    trainingBudgetRate: toPercent(p.trainingBudgetRate),
    priorityFields: [...p.priorityFields],
    nonLocalKeyPosts: [...p.nonLocalKeyPosts],
    priorityWeights: { ...p.priorityWeights },
    matchingWeights: { ...p.matchingWeights },
    disciplineBarMonths: Object.entries(p.disciplineBarMonths ?? {}).map(([formCode, months]) => ({ formCode, months })),
  };
}

export function formToParams(v: ParamsFormValues): PlanParams {
  const trimmed = (list: string[] | undefined) => [...new Set((list ?? []).map((s) => s.trim()).filter(Boolean))];
  return {
    quotaRate: toShare(v.quotaRate),
    quotaRounding: v.quotaRounding,
    minSecondmentMonths: v.minSecondmentMonths,
    ratingYearsConsidered: v.ratingYearsConsidered,
    minRatingCode: v.minRatingCode,
    healthCertificateMonths: v.healthCertificateMonths,
    minServiceLeftMonths: v.minServiceLeftMonths,
    youngAgeThreshold: v.youngAgeThreshold,
    reportPeriodMonths: v.reportPeriodMonths,
    trainingBudgetRate: toShare(v.trainingBudgetRate),
    trainingBudgetHeadcount: v.trainingBudgetHeadcount ?? 'paid_staff',
    priorityFields: trimmed(v.priorityFields),
    nonLocalKeyPosts: trimmed(v.nonLocalKeyPosts),
    assessmentValidityMonths: v.assessmentValidityMonths,
    disciplineBarMonths: Object.fromEntries(
      (v.disciplineBarMonths ?? []).filter((r) => r.formCode && r.months !== undefined && r.months !== null).map((r) => [r.formCode!, r.months!]),
    ),
    partyOpinionRequired: v.partyOpinionRequired ?? false,
    oneOffAllowanceBelowMinimum: v.oneOffAllowanceBelowMinimum ?? false,
    priorityWeights: { ...v.priorityWeights },
    matchingWeights: { ...v.matchingWeights },
    unitReportPeriodMonths: v.unitReportPeriodMonths ?? 6,
    unitReportDueDays: v.unitReportDueDays ?? 10,
    provinceReportPeriodMonths: v.provinceReportPeriodMonths ?? 12,
    provinceReportDueDays: v.provinceReportDueDays ?? 20,
  };
}

/** Fields beside the parameters: a version's date and reason, the what-if date, a new plan's identity. */
const TOP_LEVEL_FIELDS = new Set(['effectiveFrom', 'note', 'referenceDate', 'code', 'title', 'issuedBy', 'issuedOn', 'template']);

/**
 * Where a 422 issue of the API belongs in the form: "params.priorityWeights.young" → ['params', 'priorityWeights',
 * 'young']; "params.disciplineBarMonths.CC" → the row of that form code. Null when no field matches.
 */
export function issueField(path: string, values: { params?: Partial<ParamsFormValues> }): (string | number)[] | null {
  const parts = path.split('.');
  if (TOP_LEVEL_FIELDS.has(parts[0])) return [parts[0]];
  if (parts[0] !== 'params' || parts.length < 2) return null;
  if (parts[1] === 'disciplineBarMonths') {
    const rows = values.params?.disciplineBarMonths ?? [];
    const i = parts[2] === undefined ? -1 : /^\d+$/.test(parts[2]) ? Number(parts[2]) : rows.findIndex((r) => r.formCode === parts[2]);
    return i >= 0 && i < rows.length ? ['params', 'disciplineBarMonths', i, 'months'] : null;
  }
  if (parts[1] === 'priorityWeights' || parts[1] === 'matchingWeights') return parts[2] ? ['params', parts[1], parts[2]] : null;
  return ['params', parts[1]];
}
