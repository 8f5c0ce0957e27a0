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
base AS MATERIALIZED (
  SELECT p.id, p.gender, p.birth_date, p.category, p.health_status, p.health_checked_on FROM people p WHERE p.status = 'active'),
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
pl AS (SELECT DISTINCT pe.person_id FROM planning_entries pe, prm
       WHERE pe.approved_on <= prm.ref AND (pe.removed_on IS NULL OR pe.removed_on > prm.ref)),
rt AS (SELECT ar.person_id, count(*) FILTER (WHERE rl.rank > (SELECT rank FROM rating_levels WHERE code = prm.min_code)) AS below,
         count(rl.code) AS known
       FROM annual_ratings ar CROSS JOIN prm LEFT JOIN rating_levels rl ON rl.code = ar.level_code
       WHERE ar.year BETWEEN prm.y1 AND prm.y2 GROUP BY ar.person_id),
dc AS (SELECT d.person_id, bool_or(d.bars_until >= d.ref) AS active, bool_or(d.bars_until IS NULL) AS unknown_end
       FROM (SELECT dr.person_id, prm.ref, coalesce(dr.effective_to,
               (dr.effective_from + make_interval(months => coalesce((prm.bars ->> dr.form_code)::int, f.bar_months)) - interval '1 day')::date) AS bars_until
             FROM discipline_records dr CROSS JOIN prm JOIN base b ON b.id = dr.person_id
             LEFT JOIN LATERAL (SELECT f.bar_months FROM discipline_forms f WHERE f.code = dr.form_code AND b.category = ANY(f.applies_to)
                 AND f.effective_from <= dr.decided_on AND (f.effective_to IS NULL OR f.effective_to >= dr.decided_on)
                 ORDER BY f.effective_from DESC LIMIT 1) f ON TRUE
             WHERE dr.effective_from <= prm.ref AND dr.effective_from > prm.ref - interval '5 years') d
       GROUP BY d.person_id),
sc AS (SELECT DISTINCT person_id FROM secondments WHERE status IN ('proposed', 'appraised', 'decided', 'active')),
ua AS (SELECT DISTINCT ON (u.person_id) u.* FROM unit_assessments u, prm WHERE u.assessed_on <= prm.ref
       ORDER BY u.person_id, u.assessed_on DESC, u.created_at DESC),
c AS (
  SELECT b.id,
    CASE WHEN pl.person_id IS NOT NULL THEN 'pass' ELSE 'fail' END AS in_planning,
    CASE WHEN coalesce(rt.below, 0) > 0 THEN 'fail' WHEN coalesce(rt.known, 0) < prm.n_years THEN 'unknown' ELSE 'pass' END AS ratings,
    CASE WHEN dc.active THEN 'fail' WHEN dc.unknown_end THEN 'unknown' ELSE 'pass' END AS discipline,
    CASE WHEN b.health_status = 'poor' THEN 'fail'
         WHEN b.health_status IS NULL OR b.health_checked_on IS NULL OR b.health_checked_on > prm.ref THEN 'unknown'
         WHEN (b.health_checked_on + make_interval(months => prm.health_months))::date < prm.ref THEN 'unknown'
         ELSE 'pass' END AS health,
    CASE WHEN r.retires_on >= (prm.ref + make_interval(months => prm.need_months))::date THEN 'pass' ELSE 'fail' END AS service_left,
    CASE WHEN sc.person_id IS NOT NULL THEN 'fail' ELSE 'pass' END AS not_seconded,
    CASE WHEN ua.person_id IS NULL THEN 'unknown'
         WHEN 'no' IN (ua.political_ok, ua.capacity_ok, ua.prestige_ok, ua.prospects_ok) THEN 'fail'
         WHEN (ua.assessed_on + make_interval(months => prm.assess_months))::date < prm.ref THEN 'unknown'
         ELSE 'pass' END AS unit_assessment
  FROM base b CROSS JOIN prm
  LEFT JOIN retire r ON r.gender = b.gender AND r.birth_date = b.birth_date
  LEFT JOIN pl ON pl.person_id = b.id
  LEFT JOIN rt ON rt.person_id = b.id
  LEFT JOIN dc ON dc.person_id = b.id
  LEFT JOIN sc ON sc.person_id = b.id
  LEFT JOIN ua ON ua.person_id = b.id)
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
export async function sqlVerdicts(pool: pg.Pool, referenceDate: string, params: PlanParams): Promise<SqlVerdict[]> {
  const last = Number(referenceDate.slice(0, 4)) - 1;
  const first = last - params.ratingYearsConsidered + 1;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // the same settings as the product's statement
    await client.query("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'");
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
    await client.query('COMMIT');
    return r.rows;
  } finally {
    client.release();
  }
}
