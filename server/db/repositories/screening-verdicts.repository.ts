import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';
import { restructuredAsOf } from './org.repository.js';
import { SECONDMENT_OPEN_STATUSES } from '../../../common/secondment.js';
import { CHILD_MONTHS, CONSENT_CIRCUMSTANCES } from '../../../common/exclusions.js';
import type { PlanParams } from '../../../common/plan-params.js';
import type { Criterion, CriterionResult, TargetGroup, Verdict } from '../../../common/eligibility.js';

/** What a twin's CASE may read: the plan's parameters, the reference date, the months of service needed. */
interface TwinInputs {
  p: PlanParams;
  ref: SQL;
  need: number;
}

/**
 * The SQL twin of each criterion the statement judges, named after its rule file in server/domain/rules/
 * (`ratings.rule` is ratings.rule.ts): the CASE giving the rule's result, on the CTEs of verdictsStatement
 * (base `b`, pl, rt, dc, pr, cs, r, sc, ua). The criteria judged against a destination post have none: without one they
 * do not apply, with one the rules run in TypeScript. sql-equivalence.db.test walks the rules registry and fails
 * on a criterion without its twin here.
 */
export const SQL_TWINS = {
  'in-planning.rule': { criterion: 'in_planning', result: () => sql`CASE WHEN pl.person_id IS NOT NULL THEN 'pass' ELSE 'fail' END` },
  'ratings.rule': {
    criterion: 'ratings',
    result: ({ p }: TwinInputs) =>
      sql`CASE WHEN coalesce(rt.below, 0) > 0 THEN 'fail' WHEN coalesce(rt.known, 0) < ${p.ratingYearsConsidered} THEN 'unknown' ELSE 'pass' END`,
  },
  'discipline.rule': { criterion: 'discipline', result: () => sql`CASE WHEN dc.active THEN 'fail' WHEN dc.unknown_end THEN 'unknown' ELSE 'pass' END` },
  'proceedings.rule': { criterion: 'proceedings', result: () => sql`CASE WHEN pr.person_id IS NOT NULL THEN 'fail' ELSE 'pass' END` },
  'circumstances.rule': { criterion: 'circumstances', result: () => sql`CASE WHEN cs.bars THEN 'fail' WHEN cs.unknown THEN 'unknown' ELSE 'pass' END` },
  'health.rule': {
    criterion: 'health',
    result: ({ p, ref }: TwinInputs) => sql`CASE WHEN b.health_status = 'poor' THEN 'fail'
         WHEN b.health_status IS NULL OR b.health_checked_on IS NULL OR b.health_checked_on > ${ref} THEN 'unknown'
         WHEN (b.health_checked_on + make_interval(months => ${p.healthCertificateMonths}))::date < ${ref} THEN 'unknown'
         ELSE 'pass' END`,
  },
  'service-left.rule': {
    criterion: 'service_left',
    result: ({ ref, need }: TwinInputs) => sql`CASE WHEN r.retires_on >= (${ref} + make_interval(months => ${need}))::date THEN 'pass' ELSE 'fail' END`,
  },
  'not-seconded.rule': { criterion: 'not_seconded', result: () => sql`CASE WHEN sc.person_id IS NOT NULL THEN 'fail' ELSE 'pass' END` },
  'unit-assessment.rule': {
    criterion: 'unit_assessment',
    result: ({ p, ref }: TwinInputs) => sql`CASE WHEN ua.person_id IS NULL THEN 'unknown'
         WHEN 'no' IN (ua.political_ok, ua.capacity_ok, ua.prestige_ok, ua.prospects_ok) THEN 'fail'
         WHEN (ua.assessed_on + make_interval(months => ${p.assessmentValidityMonths}))::date < ${ref} THEN 'unknown'
         ELSE 'pass' END`,
  },
} as const satisfies Record<string, { criterion: Criterion; result: (i: TwinInputs) => SQL }>;

export type SqlCriterion = (typeof SQL_TWINS)[keyof typeof SQL_TWINS]['criterion'];
/** The criteria the statement judges, in the order of the twins. */
export const SQL_CRITERIA: readonly SqlCriterion[] = Object.values(SQL_TWINS).map((t) => t.criterion);

/** Whether the bulk statement computes this criterion (the others need a destination post). */
export const hasSqlTwin = (c: Criterion): c is SqlCriterion => (SQL_CRITERIA as readonly Criterion[]).includes(c);

export interface VerdictsFilter {
  /** Condition on `people p`. */
  where: SQL;
  referenceDate: string;
  params: PlanParams;
  /** Also the target group, the priority score and the Vietnamese name order (what the screen needs). */
  ranked: boolean;
}

export type VerdictRow = { personId: string; verdict: Verdict; targetGroup?: TargetGroup; score?: number | null } & Record<SqlCriterion, CriterionResult>;

/**
 * Every person's verdict, computed in the database in one statement: the same rules as server/domain/rules
 * (a test proves the two agree criterion by criterion on demo and randomised data), for the bulk screening of
 * a province, where loading the facts into the application would cost more than judging them.
 */
export function verdictsStatement(f: VerdictsFilter): SQL {
  const p = f.params;
  const ref = sql`${f.referenceDate}::date`;
  const restructured = restructuredAsOf('su', ref);
  const last = Number(f.referenceDate.slice(0, 4)) - 1;
  const first = last - p.ratingYearsConsidered + 1;
  const need = Math.max(p.minServiceLeftMonths, p.minSecondmentMonths);
  const w = p.priorityWeights;
  const twinInputs: TwinInputs = { p, ref, need };
  const results = sql.join(
    Object.values(SQL_TWINS).map((t) => sql`${t.result(twinInputs)} AS ${sql.identifier(t.criterion)}`),
    sql`,\n    `,
  );
  const columns = (prefix: string) =>
    sql.join(
      SQL_CRITERIA.map((c) => sql.raw(`${prefix}${c}`)),
      sql`, `,
    );
  return sql`
WITH base AS MATERIALIZED (
  SELECT p.id, p.gender, p.birth_date, p.category, p.health_status, p.health_checked_on, p.is_leader, p.ethnic_code, p.unit_id
    ${f.ranked ? sql`, row_number() OVER (ORDER BY p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu", p.id) AS ord` : sql``}
  FROM people p WHERE p.status = 'active' AND ${f.where}),
-- retirement: for each schedule row, the first year it could apply to a birth date; the earliest such year wins
ra AS (SELECT gender, from_year, age_months, lead(from_year, 1, 9999) OVER (PARTITION BY gender ORDER BY from_year) AS next_year
       FROM retirement_ages),
births AS (SELECT DISTINCT gender, birth_date FROM base),
retire AS (
  SELECT DISTINCT ON (b.gender, b.birth_date) b.gender, b.birth_date,
    (date_trunc('month', b.birth_date + make_interval(months => ra.age_months)) + interval '1 month')::date AS retires_on
  FROM births b JOIN ra ON ra.gender = b.gender
  WHERE greatest(ra.from_year, extract(year FROM b.birth_date + make_interval(months => ra.age_months))::int) < ra.next_year
  ORDER BY b.gender, b.birth_date, greatest(ra.from_year, extract(year FROM b.birth_date + make_interval(months => ra.age_months))::int)),
pl AS (SELECT DISTINCT pe.person_id FROM planning_entries pe JOIN base b ON b.id = pe.person_id
       WHERE pe.approved_on <= ${ref} AND (pe.removed_on IS NULL OR pe.removed_on > ${ref})),
rt AS (SELECT ar.person_id,
         count(*) FILTER (WHERE rl.rank > (SELECT rank FROM rating_levels WHERE code = ${p.minRatingCode})) AS below,
         count(rl.code) AS known,
         bool_or(ar.year = ${last} AND rl.rank = 1) AS outstanding
       FROM base b JOIN annual_ratings ar ON ar.person_id = b.id LEFT JOIN rating_levels rl ON rl.code = ar.level_code
       WHERE ar.year BETWEEN ${first} AND ${last} GROUP BY ar.person_id),
dc AS (SELECT d.person_id, bool_or(d.bars_until >= ${ref}) AS active, bool_or(d.bars_until IS NULL) AS unknown_end
       FROM (SELECT dr.person_id, coalesce(dr.effective_to,
               (coalesce(dr.party_decided_on, dr.effective_from) + make_interval(months => coalesce((${JSON.stringify(p.disciplineBarMonths)}::jsonb ->> dr.form_code)::int, f.bar_months))
                 - interval '1 day')::date) AS bars_until
             FROM discipline_records dr JOIN base b ON b.id = dr.person_id
             LEFT JOIN LATERAL (SELECT f.bar_months FROM discipline_forms f WHERE f.code = dr.form_code AND b.category = ANY(f.applies_to)
                 AND f.effective_from <= dr.decided_on AND (f.effective_to IS NULL OR f.effective_to >= dr.decided_on)
                 ORDER BY f.effective_from DESC LIMIT 1) f ON TRUE
             WHERE dr.effective_from <= ${ref} AND dr.effective_from > ${ref} - interval '5 years') d
       GROUP BY d.person_id),
-- proceedings open on the date (a case closed that day no longer is): record/exclusions.ts isProceedingOpen
pr AS (SELECT DISTINCT pp.person_id FROM base b JOIN person_proceedings pp ON pp.person_id = b.id
       WHERE pp.opened_on <= ${ref} AND (pp.closed_on IS NULL OR pp.closed_on > ${ref})),
-- circumstances in force on the date and what each does (record/exclusions.ts circumstanceOn)
cs AS (SELECT x.person_id, bool_or(x.state = 'bars') AS bars, bool_or(x.state = 'unknown') AS unknown
       FROM (SELECT pc.person_id,
               CASE WHEN pc.kind = 'child_under_36_months' AND pc.child_birth_date IS NULL
                      THEN CASE WHEN pc.consent_on <= ${ref} THEN 'consented' ELSE 'unknown' END
                    WHEN pc.kind = 'child_under_36_months' AND (pc.child_birth_date + make_interval(months => ${CHILD_MONTHS}))::date <= ${ref} THEN 'inactive'
                    WHEN pc.kind = ANY(${pgArray(CONSENT_CIRCUMSTANCES)}::text[]) AND pc.consent_on <= ${ref} THEN 'consented'
                    ELSE 'bars' END AS state
             FROM base b JOIN person_circumstances pc ON pc.person_id = b.id
             WHERE pc.from_date <= ${ref} AND (pc.to_date IS NULL OR pc.to_date >= ${ref})) x
       GROUP BY x.person_id),
sc AS (SELECT DISTINCT person_id FROM secondments WHERE status = ANY(${pgArray(SECONDMENT_OPEN_STATUSES)}::text[])),
ua AS (SELECT DISTINCT ON (u.person_id) u.* FROM base b JOIN unit_assessments u ON u.person_id = b.id
       WHERE u.assessed_on <= ${ref}
       ORDER BY u.person_id, u.assessed_on DESC, u.created_at DESC),
${
  f.ranked
    ? sql`g AS (SELECT DISTINCT wh.person_id FROM base b JOIN work_history wh ON wh.person_id = b.id
       WHERE wh.is_grassroots AND wh.from_date <= ${ref}),`
    : sql``
}
c AS (
  SELECT b.*, rt.outstanding, pl.person_id IS NOT NULL AS in_plan,
    ${results}
  FROM base b
  LEFT JOIN retire r ON r.gender = b.gender AND r.birth_date = b.birth_date
  LEFT JOIN pl ON pl.person_id = b.id
  LEFT JOIN rt ON rt.person_id = b.id
  LEFT JOIN dc ON dc.person_id = b.id
  LEFT JOIN pr ON pr.person_id = b.id
  LEFT JOIN cs ON cs.person_id = b.id
  LEFT JOIN sc ON sc.person_id = b.id
  LEFT JOIN ua ON ua.person_id = b.id),
v AS (
  SELECT c.*,
    CASE WHEN 'fail' IN (${columns('')}) THEN 'not_eligible'
         WHEN 'unknown' IN (${columns('')}) THEN 'needs_info'
         ELSE 'eligible' END AS verdict
  FROM c)
SELECT v.id AS "personId", ${columns('v.')}, v.verdict
${
  f.ranked
    ? sql`,
  CASE WHEN v.is_leader AND v.in_plan AND ${restructured.value} <= ${ref} THEN 1
       WHEN v.is_leader AND g.person_id IS NULL THEN 2 ELSE 3 END AS "targetGroup",
  CASE WHEN v.verdict = 'eligible' THEN
      (CASE WHEN extract(year FROM age(${ref}, v.birth_date)) <= ${p.youngAgeThreshold} THEN ${w.young}::numeric ELSE 0 END)
    + (CASE WHEN v.gender = 'female' THEN ${w.female}::numeric ELSE 0 END)
    + (CASE WHEN eg.is_minority THEN ${w.ethnicMinority}::numeric ELSE 0 END)
    + (CASE WHEN v.outstanding THEN ${w.outstandingRating}::numeric ELSE 0 END) END::float8 AS score
FROM v
JOIN org_units u ON u.id = v.unit_id
LEFT JOIN org_units su ON su.id = u.path[2] AND su.kind NOT IN ('commune', 'ward')
${restructured.join}
LEFT JOIN ethnic_groups eg ON eg.code = v.ethnic_code
LEFT JOIN g ON g.person_id = v.id
ORDER BY v.ord`
    : sql`
FROM v`
}`;
}

/** Runs the statement (a whole province: JIT off, memory for its hash joins, the index for the name order). */
export async function findVerdicts(tx: Tx, f: VerdictsFilter): Promise<VerdictRow[]> {
  return tx.transaction(async (t) => {
    await t.execute(sql`SET LOCAL jit = off`);
    await t.execute(sql`SET LOCAL work_mem = '64MB'`);
    // the data of a province is cached: random reads cost little, and the name index spares an ICU sort
    await t.execute(sql`SET LOCAL random_page_cost = 1.1`);
    return (await t.execute<VerdictRow>(verdictsStatement(f))).rows;
  });
}
