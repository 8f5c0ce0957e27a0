import type pg from 'pg';
import type { PlanParams } from '../common/plan-params.js';

/**
 * The limit for bench/screening: one hand-written SQL statement that computes every person's verdict and
 * criterion results entirely in the database (no destination post chosen). A test proves it agrees with the
 * product's rules criterion by criterion, so the benchmark compares like with like.
 */
export const SQL_VERDICTS = `
WITH prm AS (SELECT $1::date AS ref, $2::int AS y1, $3::int AS y2, $4::int AS n_years, $5::text AS min_code,
    $6::int AS health_months, $7::int AS need_months, $8::int AS assess_months, $9::jsonb AS bars),
base AS (
  SELECT p.id, p.gender, p.birth_date, p.category, p.health_status, p.health_checked_on
  FROM people p WHERE p.status = 'active'),
c AS (
  SELECT b.id,
    CASE WHEN EXISTS (SELECT 1 FROM planning_entries pe WHERE pe.person_id = b.id AND pe.approved_on <= prm.ref
                      AND (pe.removed_on IS NULL OR pe.removed_on > prm.ref)) THEN 'pass' ELSE 'fail' END AS in_planning,
    (SELECT CASE
        WHEN count(*) FILTER (WHERE rl.rank > mr.rank) > 0 THEN 'fail'
        WHEN count(rl.code) < prm.n_years THEN 'unknown'
        ELSE 'pass' END
      FROM annual_ratings ar LEFT JOIN rating_levels rl ON rl.code = ar.level_code
      CROSS JOIN (SELECT rank FROM rating_levels WHERE code = prm.min_code) mr
      WHERE ar.person_id = b.id AND ar.year BETWEEN prm.y1 AND prm.y2) AS ratings,
    (SELECT CASE WHEN bool_or(d.bars_until >= prm.ref) THEN 'fail' WHEN bool_or(d.bars_until IS NULL) THEN 'unknown' ELSE 'pass' END
      FROM (SELECT coalesce(dr.effective_to,
                 (dr.effective_from + make_interval(months => coalesce((prm.bars ->> dr.form_code)::int, f.bar_months)) - interval '1 day')::date) AS bars_until
            FROM discipline_records dr
            LEFT JOIN LATERAL (SELECT f.bar_months FROM discipline_forms f WHERE f.code = dr.form_code AND b.category = ANY(f.applies_to)
                AND f.effective_from <= dr.decided_on AND (f.effective_to IS NULL OR f.effective_to >= dr.decided_on)
                ORDER BY f.effective_from DESC LIMIT 1) f ON TRUE
            WHERE dr.person_id = b.id AND dr.effective_from <= prm.ref AND dr.effective_from > prm.ref - interval '5 years') d) AS discipline,
    CASE WHEN b.health_status = 'poor' THEN 'fail'
         WHEN b.health_status IS NULL OR b.health_checked_on IS NULL OR b.health_checked_on > prm.ref THEN 'unknown'
         WHEN (b.health_checked_on + make_interval(months => prm.health_months))::date < prm.ref THEN 'unknown'
         ELSE 'pass' END AS health,
    (SELECT CASE WHEN (date_trunc('month', r.reached) + interval '1 month')::date >= (prm.ref + make_interval(months => prm.need_months))::date
                 THEN 'pass' ELSE 'fail' END
      FROM (SELECT (b.birth_date + make_interval(months => ra.age_months))::date AS reached
            FROM generate_series(extract(year FROM b.birth_date)::int + 54, extract(year FROM b.birth_date)::int + 80) y
            CROSS JOIN LATERAL (SELECT age_months FROM retirement_ages WHERE gender = b.gender AND from_year <= y ORDER BY from_year DESC LIMIT 1) ra
            WHERE extract(year FROM (b.birth_date + make_interval(months => ra.age_months))) <= y
            ORDER BY y LIMIT 1) r) AS service_left,
    CASE WHEN EXISTS (SELECT 1 FROM secondments sc WHERE sc.person_id = b.id AND sc.status IN ('proposed', 'appraised', 'decided', 'active'))
         THEN 'fail' ELSE 'pass' END AS not_seconded,
    (SELECT CASE WHEN a.id IS NULL THEN 'unknown'
                 WHEN 'no' IN (a.political_ok, a.capacity_ok, a.prestige_ok, a.prospects_ok) THEN 'fail'
                 WHEN (a.assessed_on + make_interval(months => prm.assess_months))::date < prm.ref THEN 'unknown'
                 ELSE 'pass' END
      FROM (SELECT NULL::int AS x) one
      LEFT JOIN LATERAL (SELECT * FROM unit_assessments ua WHERE ua.person_id = b.id AND ua.assessed_on <= prm.ref
                         ORDER BY ua.assessed_on DESC, ua.created_at DESC LIMIT 1) a ON TRUE) AS unit_assessment
  FROM base b CROSS JOIN prm)
SELECT c.id AS "personId", c.in_planning, c.ratings, c.discipline, c.health, c.service_left, c.not_seconded, c.unit_assessment,
  CASE WHEN 'fail' IN (in_planning, ratings, discipline, health, service_left, not_seconded, unit_assessment) THEN 'not_eligible'
       WHEN 'unknown' IN (in_planning, ratings, discipline, health, service_left, not_seconded, unit_assessment) THEN 'needs_info'
       ELSE 'eligible' END AS verdict
FROM c`;

export interface SqlVerdict {
  personId: string;
  in_planning: string;
  ratings: string;
  discipline: string;
  health: string;
  service_left: string;
  not_seconded: string;
  unit_assessment: string;
  verdict: string;
}

/** Runs the hand-written statement for the whole province on a reference date. */
export async function sqlVerdicts(client: pg.Pool | pg.PoolClient, referenceDate: string, params: PlanParams): Promise<SqlVerdict[]> {
  const last = Number(referenceDate.slice(0, 4)) - 1;
  const first = last - params.ratingYearsConsidered + 1;
  const r = await client.query<SqlVerdict>(SQL_VERDICTS, [
    referenceDate,
    first,
    last,
    params.ratingYearsConsidered,
    params.minRatingCode,
    params.healthCertificateMonths,
    Math.max(params.minServiceLeftMonths, params.minSecondmentMonths),
    params.assessmentValidityMonths,
    JSON.stringify(params.disciplineBarMonths),
  ]);
  return r.rows;
}
