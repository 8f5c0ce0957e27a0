import { sql, type SQL } from 'drizzle-orm';
import type { UseCaseContext } from '../context.js';
import type { ScreeningQuery } from '../../../common/schemas/eligibility.js';
import { CRITERIA, VERDICTS, type Criterion, type Verdict } from '../../../common/eligibility.js';
import { peopleScope } from '../access/scope.js';
import { findPersonFacts } from '../../db/repositories/eligibility.repository.js';
import { searchWords } from '../../db/repositories/personnel.repository.js';
import { screenPerson, type Screening } from '../rules/screen-person.js';
import { yearsConsidered } from '../rules/ratings.rule.js';
import type { PersonFacts, RuleContext } from '../rules/types.js';
import { buildRuleContext, planInForce, todayInVietnam } from './rule-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { invalid } from '../errors.js';

export interface ScreenedPerson {
  facts: PersonFacts;
  screening: Screening;
}

/** The SQL filter of a screening: the actor's scope, a unit subtree, a name or code. */
export function screeningWhere(ctx: UseCaseContext, q: Pick<ScreeningQuery, 'unitId' | 'q'>): SQL {
  const parts: SQL[] = [peopleScope(ctx.actor)];
  if (q.unitId) parts.push(sql`p.unit_id IN (SELECT su.id FROM org_units su WHERE su.path @> ARRAY[${q.unitId}::uuid])`);
  if (q.q) {
    const term = q.q.trim().toLowerCase();
    if (/\d/.test(term)) parts.push(sql`lower(p.code) LIKE ${'%' + term.replace(/[\\%_]/g, (m) => '\\' + m) + '%'}`);
    else {
      const words = searchWords(term);
      parts.push(words.length ? sql`p.search_tsv @@ to_tsquery('simple', ${words.map((w) => w + ':*').join(' & ')})` : sql`FALSE`);
    }
  }
  return sql.join(parts, sql` AND `);
}

/** Screens every person matching the filter under the rule context (one SQL statement, then the rules in TS). */
export async function screenAll(ctx: UseCaseContext, where: SQL, rules: RuleContext, ratingYearsToLoad?: number[]): Promise<ScreenedPerson[]> {
  const facts = await findPersonFacts(ctx.tx, {
    where,
    referenceDate: rules.referenceDate,
    ratingYears: ratingYearsToLoad ?? yearsConsidered(rules.referenceDate, rules.params.ratingYearsConsidered),
  });
  return facts.map((f) => ({ facts: f, screening: screenPerson(f, rules) }));
}

export function summarise(all: ScreenedPerson[]) {
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const byFailing = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as Record<Criterion, number>;
  const byUnknown = Object.fromEntries(CRITERIA.map((c) => [c, 0])) as Record<Criterion, number>;
  const byTargetGroup: Record<string, number> = { 1: 0, 2: 0, 3: 0 };
  for (const { screening: s } of all) {
    byVerdict[s.verdict]++;
    byTargetGroup[s.targetGroup.group]++;
    for (const c of s.criteria) {
      if (c.result === 'fail') byFailing[c.criterion]++;
      else if (c.result === 'unknown') byUnknown[c.criterion]++;
    }
  }
  return { total: all.length, byVerdict, byFailing, byUnknown, byTargetGroup };
}

export function presentScreened({ facts: f, screening: s }: ScreenedPerson, withFacts = false) {
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
    criteria: s.criteria.map((c) => (withFacts ? c : { criterion: c.criterion, result: c.result, reason: c.reason, clause: c.clause })),
  };
}

/**
 * The screening of the staff the actor may see (Plan 131 S1–S3) on a reference date, under the plan version in
 * force that day: verdict, criteria, target group and priority of each person, counts by verdict and by
 * failing criterion, filtered and paged. Reading verdicts reveals health and discipline: it is logged.
 */
export async function screenPeople(ctx: UseCaseContext, q: ScreeningQuery) {
  const referenceDate = q.referenceDate ?? todayInVietnam();
  const plan = await planInForce(ctx.tx, referenceDate);
  if (q.failing && q.verdict === 'eligible') throw invalid([{ path: 'failing', message: 'Người đủ điều kiện không có tiêu chí không đạt' }]);
  const rules = await buildRuleContext(ctx.tx, referenceDate, plan.params, q.destinationPostId);
  const all = await screenAll(ctx, screeningWhere(ctx, q), rules);
  const summary = summarise(all);
  let rows = all;
  if (q.verdict) rows = rows.filter((r) => r.screening.verdict === q.verdict);
  if (q.failing) rows = rows.filter((r) => r.screening.criteria.some((c) => c.criterion === q.failing && c.result !== 'pass' && c.result !== 'na'));
  if (q.targetGroup) rows = rows.filter((r) => r.screening.targetGroup.group === q.targetGroup);
  if (q.sort === 'priority') {
    // eligible first by score, then the rest; ties keep the Vietnamese name order the query returned
    const rank = (r: ScreenedPerson) => (r.screening.verdict === 'eligible' ? 1000 + (r.screening.priority?.score ?? 0) : r.screening.verdict === 'needs_info' ? 500 : 0);
    rows = [...rows].sort((a, b) => rank(b) - rank(a));
  }
  const start = (q.page - 1) * q.pageSize;
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
    summary,
    items: rows.slice(start, start + q.pageSize).map((r) => presentScreened(r)),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
    rows,
  };
}
