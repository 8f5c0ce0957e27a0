import type { UseCaseContext } from '../context.js';
import type { ScreeningQuery } from '../../../common/schemas/eligibility.js';
import { CRITERIA, VERDICTS, type Criterion, type CriterionResult, type Verdict } from '../../../common/eligibility.js';
import { findVerdicts, hasSqlTwin, type VerdictRow } from '../../db/repositories/screening-verdicts.repository.js';
import { peopleScope, allOf, personIn, type RowFilter as SQL } from '../../db/scope.js';
import { findPersonFacts, streamPersonFacts } from '../../db/repositories/eligibility.repository.js';
import { inUnitSubtree, personSearchCondition } from '../../db/repositories/personnel.repository.js';
import { outcomeOf, screenPerson, type Screening, type ScreeningOutcome } from '../rules/screen-person.js';
import { yearsConsidered } from '../rules/record/ratings-window.js';
import type { PersonFacts, RuleContext } from '../rules/types.js';
import { buildRuleContext } from './rule-context.js';
import { planInForce } from '../plans/plan-in-force.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid } from '../errors.js';

const BATCH = 5_000;

/** The SQL filter of a screening: the actor's scope, a unit subtree, a name or code. */
export function screeningWhere(ctx: UseCaseContext, q: Pick<ScreeningQuery, 'unitId' | 'q'>): SQL {
  const parts: SQL[] = [peopleScope(ctx)];
  if (q.unitId) parts.push(inUnitSubtree(q.unitId));
  if (q.q) parts.push(personSearchCondition(q.q));
  return allOf(parts);
}

const yearsFor = (rules: RuleContext[]) => [...new Set(rules.flatMap((r) => yearsConsidered(r.referenceDate, r.params.ratingYearsConsidered)))];

/**
 * Screens every person matching the filter under one or more rule contexts (the what-if judges twice), in
 * Vietnamese name order, keeping a compact outcome per person. Without a destination post the verdicts are
 * computed by one SQL statement (screening-verdicts.repository, proven equal to the rules); with one, the
 * facts are streamed through the rules in TypeScript.
 */
export async function screenAll(ctx: UseCaseContext, where: SQL, rules: RuleContext[]): Promise<ScreeningOutcome[][]> {
  if (rules.some((r) => r.destination)) return screenAllByRules(ctx, where, rules);
  // the criteria without an SQL twin need a destination post: without one they do not apply
  const sqlResult = (v: VerdictRow, c: Criterion): CriterionResult => (hasSqlTwin(c) ? v[c] : 'na');
  const out: ScreeningOutcome[][] = [];
  // one after the other: on a transaction they share one connection
  for (const r of rules) {
    const rows = await findVerdicts(ctx.tx, { where, referenceDate: r.referenceDate, params: r.params, ranked: true });
    out.push(
      rows.map((v) => ({
        personId: v.personId,
        verdict: v.verdict,
        results: CRITERIA.map((c) => sqlResult(v, c)),
        targetGroup: v.targetGroup!,
        score: v.score ?? null,
      })),
    );
  }
  return out;
}

/**
 * The same through the rules in TypeScript: the facts statement streamed through a cursor, so memory stays
 * bounded whatever the size of the province.
 */
export async function screenAllByRules(ctx: UseCaseContext, where: SQL, rules: RuleContext[]): Promise<ScreeningOutcome[][]> {
  const out: ScreeningOutcome[][] = rules.map(() => []);
  const lean = { withDestination: rules.some((r) => !!r.destination) };
  await streamPersonFacts(ctx.tx, { where, referenceDate: rules[0].referenceDate, ratingYears: yearsFor(rules), lean }, BATCH, (rows) => {
    for (const f of rows) rules.forEach((r, i) => out[i].push(outcomeOf(screenPerson(f, r))));
  });
  return out;
}

/** Full screenings (with reasons and facts) of a few people, by the same statement and rules. */
export async function screenFew(ctx: UseCaseContext, where: SQL, rules: RuleContext): Promise<{ facts: PersonFacts; screening: Screening }[]> {
  const facts = await findPersonFacts(ctx.tx, { where, referenceDate: rules.referenceDate, ratingYears: yearsFor([rules]) });
  return facts.map((f) => ({ facts: f, screening: screenPerson(f, rules) }));
}

export function summarise(all: ScreeningOutcome[]) {
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const byFailing = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as Record<Criterion, number>;
  const byUnknown = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as Record<Criterion, number>;
  const byTargetGroup: Record<string, number> = { 1: 0, 2: 0, 3: 0 };
  for (const o of all) {
    byVerdict[o.verdict]++;
    byTargetGroup[o.targetGroup]++;
    o.results.forEach((r, i) => {
      if (r === 'fail') byFailing[CRITERIA[i]]++;
      else if (r === 'unknown') byUnknown[CRITERIA[i]]++;
    });
  }
  return { total: all.length, byVerdict, byFailing, byUnknown, byTargetGroup };
}

export function presentScreened({ facts: f, screening: s }: { facts: PersonFacts; screening: Screening }, withFacts = false) {
  return {
    personId: f.personId,
    code: f.code,
    fullName: f.fullName,
    gender: f.gender,
    birthDate: f.birthDate,
    positionTitle: f.positionTitle,
    unitName: f.unitName,
    sendingUnitName: f.sendingUnitName,
    verdict: s.verdict,
    targetGroup: s.targetGroup.group,
    targetGroupReason: s.targetGroup.reason,
    priorityScore: s.priority?.score ?? null,
    priorityParts: s.priority?.parts ?? [],
    criteria: s.criteria.map((c) =>
      withFacts
        ? { criterion: c.criterion, result: c.result, reason: c.reason, clause: c.clause, facts: c.facts }
        : { criterion: c.criterion, result: c.result, reason: c.reason, clause: c.clause },
    ),
  };
}

/** Filters and orders outcomes as the screening screen asks: eligible first by priority, then name order. */
export function selectOutcomes(all: ScreeningOutcome[], q: Pick<ScreeningQuery, 'verdict' | 'failing' | 'targetGroup' | 'sort'>) {
  const failingIdx = q.failing ? CRITERIA.indexOf(q.failing) : -1;
  let rows = all.filter(
    (o) =>
      (!q.verdict || o.verdict === q.verdict) &&
      (failingIdx < 0 || o.results[failingIdx] === 'fail' || o.results[failingIdx] === 'unknown') &&
      (!q.targetGroup || o.targetGroup === q.targetGroup),
  );
  if (q.sort === 'priority') {
    // stable: ties keep the Vietnamese name order the statement returned
    const rank = (o: ScreeningOutcome) => (o.verdict === 'eligible' ? 1000 + (o.score ?? 0) : o.verdict === 'needs_info' ? 500 : 0);
    rows = [...rows].sort((a, b) => rank(b) - rank(a));
  }
  return rows;
}

/**
 * The screening of the staff the actor may see (Plan 131 S1–S3) on a reference date, under the plan version in
 * force that day: verdict, criteria, target group and priority of each person, counts by verdict and by
 * failing criterion, filtered and paged. Reading verdicts reveals health and discipline: it is logged.
 */
export async function screenPeople(ctx: UseCaseContext, q: ScreeningQuery) {
  const referenceDate = q.referenceDate ?? ctx.today;
  const plan = await planInForce(ctx.tx, referenceDate);
  if (q.failing && q.verdict === 'eligible') throw invalid([{ path: 'failing', message: 'Người đủ điều kiện không có tiêu chí không đạt' }]);
  const rules = await buildRuleContext(ctx.tx, referenceDate, plan.params, q.destinationPostId);
  const [all] = await screenAll(ctx, screeningWhere(ctx, q), [rules]);
  const rows = selectOutcomes(all, q);
  const start = (q.page - 1) * q.pageSize;
  const pageIds = rows.slice(start, start + q.pageSize).map((o) => o.personId);
  const few = pageIds.length ? await screenFew(ctx, personIn(pageIds), rules) : [];
  const byId = new Map(few.map((x) => [x.facts.personId, x]));
  await ctx.tx.transaction((t) =>
    recordAudit(t, ctx, {
      action: 'read_sensitive',
      entityType: 'screening',
      meta: { unitId: q.unitId ?? null, referenceDate, planVersionId: plan.ref.id, people: all.length },
    }),
  );
  return {
    planVersion: plan.ref,
    referenceDate,
    summary: summarise(all),
    items: pageIds
      .map((id) => byId.get(id))
      .filter((x) => x !== undefined)
      .map((x) => presentScreened(x)),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
    rules,
    rows,
  };
}
