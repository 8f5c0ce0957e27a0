import type { Criterion, CriterionResult, TargetGroup, Verdict } from '../../../common/eligibility.js';
import { inPlanningRule } from './in-planning.rule.js';
import { ratingsRule } from './ratings.rule.js';
import { disciplineRule } from './discipline.rule.js';
import { proceedingsRule } from './proceedings.rule.js';
import { circumstancesRule } from './circumstances.rule.js';
import { healthRule } from './health.rule.js';
import { serviceLeftRule } from './service-left.rule.js';
import { notSecondedRule } from './not-seconded.rule.js';
import { unitAssessmentRule } from './unit-assessment.rule.js';
import { destinationPostRule } from './destination-post.rule.js';
import { nonLocalRule } from './non-local.rule.js';
import { targetGroup } from './target-group.js';
import { priorityScore } from './priority.js';
import type { CriterionVerdict, PersonFacts, Rule, RuleContext } from './types.js';

/** One criterion of the screening, named after its rule file (`ratings.rule` is ratings.rule.ts). */
export interface RegisteredRule {
  file: string;
  criterion: Criterion;
  rule: Rule;
  /**
   * Judged only against a destination post: the bulk screening without one gives 'na' and has no SQL twin for
   * it; with one, it streams the facts through the rules in TypeScript.
   */
  needsDestination?: true;
}

/**
 * Every criterion of Plan 131 III.1.b and I.2–I.5, in the order they are shown (CRITERIA). The bulk screening's
 * SQL twins (screening-verdicts.repository, SQL_TWINS) are keyed by the same file names, and the equivalence test
 * walks this list: a criterion without a twin, or a twin without a criterion, fails it.
 */
export const RULE_REGISTRY: readonly RegisteredRule[] = [
  { file: 'in-planning.rule', criterion: 'in_planning', rule: inPlanningRule },
  { file: 'ratings.rule', criterion: 'ratings', rule: ratingsRule },
  { file: 'discipline.rule', criterion: 'discipline', rule: disciplineRule },
  { file: 'proceedings.rule', criterion: 'proceedings', rule: proceedingsRule },
  { file: 'circumstances.rule', criterion: 'circumstances', rule: circumstancesRule },
  { file: 'health.rule', criterion: 'health', rule: healthRule },
  { file: 'service-left.rule', criterion: 'service_left', rule: serviceLeftRule },
  { file: 'not-seconded.rule', criterion: 'not_seconded', rule: notSecondedRule },
  { file: 'unit-assessment.rule', criterion: 'unit_assessment', rule: unitAssessmentRule },
  { file: 'destination-post.rule', criterion: 'destination_post', rule: destinationPostRule, needsDestination: true },
  { file: 'non-local.rule', criterion: 'non_local', rule: nonLocalRule, needsDestination: true },
];

/** The rules in the order of CRITERIA. */
export const RULES: readonly Rule[] = RULE_REGISTRY.map((r) => r.rule);

export interface Screening {
  personId: string;
  verdict: Verdict;
  criteria: CriterionVerdict[];
  targetGroup: ReturnType<typeof targetGroup>;
  priority: ReturnType<typeof priorityScore> | null;
}

/** Any fail excludes; otherwise any unknown needs information; otherwise eligible. Missing data is never a pass. */
export function combine(criteria: CriterionVerdict[]): Verdict {
  if (criteria.some((c) => c.result === 'fail')) return 'not_eligible';
  if (criteria.some((c) => c.result === 'unknown')) return 'needs_info';
  return 'eligible';
}

/** The compact outcome the bulk screening keeps for every person (the words are rebuilt for the page only). */
export interface ScreeningOutcome {
  personId: string;
  verdict: Verdict;
  /** One result per rule, in RULES order (the order of CRITERIA). */
  results: CriterionResult[];
  targetGroup: TargetGroup;
  score: number | null;
}

export function outcomeOf(s: Screening): ScreeningOutcome {
  return {
    personId: s.personId,
    verdict: s.verdict,
    results: s.criteria.map((c) => c.result),
    targetGroup: s.targetGroup.group,
    score: s.priority?.score ?? null,
  };
}

/** The verdict on one person: each criterion with its reason, facts and clause; the target group; the priority. */
export function screenPerson(f: PersonFacts, ctx: RuleContext): Screening {
  const criteria = RULES.map((rule) => rule(f, ctx));
  const verdict = combine(criteria);
  return {
    personId: f.personId,
    verdict,
    criteria,
    targetGroup: targetGroup(f, ctx),
    priority: verdict === 'eligible' ? priorityScore(f, ctx) : null,
  };
}
