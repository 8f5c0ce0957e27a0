import type { CriterionResult, Verdict } from '../../../../../common/eligibility';

/** Tag colours of a verdict: eligible green, excluded red, missing information orange. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  eligible: 'green',
  not_eligible: 'red',
  needs_info: 'orange',
};

/** Tag colours of a criterion's result. */
export const RESULT_COLORS: Record<CriterionResult, string> = {
  pass: 'green',
  fail: 'red',
  unknown: 'orange',
  na: 'default',
};

/** Dot colours of a criterion's result (antd palette: green, red, orange, grey). */
export const RESULT_DOT_COLORS: Record<CriterionResult, string> = {
  pass: '#52c41a',
  fail: '#f5222d',
  unknown: '#fa8c16',
  na: '#bfbfbf',
};

/** Text colours of a result, for a figure written in it (a shade darker than the dot: 4.5:1 on white, WCAG AA). */
export const RESULT_TEXT_COLORS: Record<CriterionResult, string> = {
  pass: '#237804',
  fail: '#cf1322',
  unknown: '#ad4e00',
  na: 'rgba(0, 0, 0, 0.6)',
};

/** The assessment's four aspects (Plan 131 I.3, III.1.b), in the order of the form. */
export const ASSESSMENT_ASPECTS = [
  { name: 'politicalOk', label: 'Lập trường, tư tưởng chính trị' },
  { name: 'capacityOk', label: 'Năng lực' },
  { name: 'prestigeOk', label: 'Uy tín' },
  { name: 'prospectsOk', label: 'Triển vọng phát triển' },
] as const;
export type AssessmentAspect = (typeof ASSESSMENT_ASPECTS)[number]['name'];
