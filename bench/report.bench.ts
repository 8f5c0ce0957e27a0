/**
 * bench/report: drafting the province's yearly report (Sở Nội vụ to the People's Committee, PRODUCT S12) over a
 * province of N cadres (5 % of the city-level staff seconded, on the path at every step, with their send decisions,
 * periodic reports and evaluations, and the sending units' reports of the plan's schedule), through the product's
 * own use case (`draftReport`: scope, policy, the figures of the period and of the previous one, in a transaction
 * rolled back), next to the bare SQL computing the same aggregates, in the same run.
 *
 *   npm run bench:report -- [--runs 5] [--fresh]          REPORT_BENCH_SIZES=100000,1000000 (default 100000)
 *
 * Aim: ≤ 2 s at 100,000 cadres.
 */
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { benchDatabase } from './bench-db.js';
import { SYSTEM_ACTOR, type Actor } from '../server/domain/access/actor.js';
import type { UseCaseContext } from '../server/domain/context.js';
import { draftReport } from '../server/domain/reports/draft-report.js';
import { computeReportFigures } from '../server/domain/reports/report-figures.js';
import { createScheduledReports } from '../server/domain/reports/create-scheduled-reports.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, fresh: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const sizes = (process.env.REPORT_BENCH_SIZES ?? '100000').split(',').map((x) => Number(x.trim()));
const TODAY = '2027-01-15';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** A province's secondments (as bench/secondments), their send decisions (one per sending unit and start month), reports and evaluations. */
async function seedSecondments(pool: pg.Pool, people: number) {
  const have = (await pool.query(`SELECT count(*)::int AS n FROM secondment_decision_items`)).rows[0].n as number;
  if (have >= people * 0.01) return;
  const started = Date.now();
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`DELETE FROM reports; DELETE FROM secondment_reports; DELETE FROM secondment_events; DELETE FROM secondment_decision_items; DELETE FROM secondment_decisions;
      DELETE FROM secondment_evaluations; DELETE FROM secondment_contacts; DELETE FROM feedback_replies; DELETE FROM feedback_items; DELETE FROM secondments;
      DELETE FROM person_access_grants WHERE source_type = 'secondment'`);
    await c.query(`CREATE TEMP TABLE communes AS SELECT row_number() OVER (ORDER BY code) AS k, id FROM org_units WHERE kind IN ('commune', 'ward')`);
    await c.query(`
      INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status, target_group, remarks, eligible_at_proposal, start_date, end_date,
        actual_end_date, returned_on, extra_step_granted, duration_months, decision_no, reserved_post, created_at, updated_at)
      SELECT p.id, u.path[2], cm.id, st.status, 1 + h % 3, 'Hoàn thành tốt nhiệm vụ', true,
        CASE WHEN st.status IN ('decided', 'active', 'completed', 'ended_early', 'returned') THEN d.start END,
        CASE WHEN st.status IN ('decided', 'active', 'completed', 'ended_early', 'returned') THEN (d.start + interval '36 months' - interval '1 day')::date END,
        CASE WHEN st.status IN ('completed', 'returned') THEN (d.start + interval '36 months' - interval '1 day')::date END,
        CASE WHEN st.status = 'returned' THEN (d.start + interval '36 months' + interval '20 days')::date END,
        st.status = 'returned' AND h % 4 = 0,
        36, CASE WHEN st.status IN ('decided', 'active', 'completed', 'ended_early', 'returned') THEN lpad((1 + h % 400)::text, 2, '0') || '/QĐ-UBND' END,
        jsonb_build_object('unitId', p.unit_id, 'unitName', u.name, 'positionTitle', p.position_title, 'isLeader', p.is_leader),
        d.start - 30, d.start - 30
      FROM people p
      JOIN org_units u ON u.id = p.unit_id
      JOIN org_units top ON top.id = u.path[2] AND top.kind NOT IN ('commune', 'ward')
      CROSS JOIN LATERAL (SELECT abs(hashtext(p.code || 'bench-s')) AS h) hh
      CROSS JOIN LATERAL (SELECT (ARRAY['active','active','active','active','active','active','active','active','active','active','active','active',
        'returned','returned','returned','proposed','proposed','appraised','decided','sent_back','completed'])[1 + h % 21] AS status) st
      CROSS JOIN LATERAL (SELECT CASE WHEN st.status IN ('completed', 'returned') THEN DATE '${TODAY}' - 1100 - h % 300
        WHEN st.status = 'decided' THEN DATE '${TODAY}' + 10 + h % 40 ELSE DATE '${TODAY}' - h % 1000 END AS start) d
      JOIN communes cm ON cm.k = 1 + h % (SELECT count(*) FROM communes)
      WHERE abs(hashtext(p.code || 'bench-pick')) % 20 = 0 AND p.status = 'active'`);
    // one send decision of the People's Committee per sending unit and month of start, dated 15 days before the month
    await c.query(`CREATE TEMP TABLE send_groups AS
      SELECT unit_id, m, row_number() OVER (PARTITION BY extract(year FROM m - 15) ORDER BY unit_id, m) AS seq
      FROM (SELECT DISTINCT sending_unit_id AS unit_id, date_trunc('month', start_date)::date AS m FROM secondments WHERE start_date IS NOT NULL) g`);
    await c.query(`INSERT INTO secondment_decisions (kind, issuer_unit_id, year, seq, number, decided_on, signer_name, signer_title, created_by)
      SELECT 'send', NULL, extract(year FROM g.m - 15)::int, g.seq, g.seq || '/QĐ-UBND', g.m - 15, 'Nguyễn Văn A', 'Chủ tịch', '00000000-0000-0000-0000-000000000000'
      FROM send_groups g`);
    await c.query(`INSERT INTO secondment_decision_items (decision_id, secondment_id, host_unit_id, start_date, end_date, duration_months)
      SELECT d.id, s.id, s.host_unit_id, s.start_date, s.end_date, 36
      FROM secondments s JOIN send_groups g ON g.unit_id = s.sending_unit_id AND g.m = date_trunc('month', s.start_date)::date
      JOIN secondment_decisions d ON d.kind = 'send' AND d.year = extract(year FROM g.m - 15)::int AND d.seq = g.seq AND d.issuer_unit_id IS NULL`);
    await c.query(`INSERT INTO secondment_reports (secondment_id, kind, period_no, period_from, period_to, due_on, submitted_on)
      SELECT s.id, 'periodic', k, (s.start_date + make_interval(months => 6 * (k - 1)))::date, (s.start_date + make_interval(months => 6 * k) - interval '1 day')::date,
        (s.start_date + make_interval(months => 6 * k) + interval '9 days')::date,
        CASE WHEN (s.start_date + make_interval(months => 6 * k)) < DATE '${TODAY}' AND abs(hashtext(s.id::text || k)) % 5 <> 0
          THEN (s.start_date + make_interval(months => 6 * k) + interval '3 days' + (abs(hashtext(s.id::text || k)) % 12) * interval '1 day')::date END
      FROM secondments s CROSS JOIN generate_series(1, 6) k WHERE s.status IN ('active', 'completed', 'returned')`);
    await c.query(`INSERT INTO secondment_evaluations (secondment_id, year, evaluated_on, proposed_rating, strengths, evaluator_user_id, evaluator_name)
      SELECT s.id, y, make_date(y, 12, 10), 'HTT', 'Hoàn thành tốt nhiệm vụ', '00000000-0000-0000-0000-000000000000', 'Chủ tịch UBND xã'
      FROM secondments s CROSS JOIN generate_series(2024, 2026) y
      WHERE s.status IN ('active', 'completed', 'returned') AND s.start_date < make_date(y, 12, 1)`);
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
  await pool.query('ANALYZE');
  console.log(`seeded the secondments and decisions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The bare aggregates of the report's section II for one period, hand-written: no scope, no policy, no presentation. */
const BARE = [
  `WITH sent AS (
     SELECT s.id, s.target_group, s.host_unit_id, p.gender, p.education_level, p.political_theory, eg.is_minority, extract(year FROM age($2::date, p.birth_date))::int AS age
     FROM secondments s JOIN people p ON p.id = s.person_id LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code
     WHERE s.id IN (SELECT di.secondment_id FROM secondment_decision_items di JOIN secondment_decisions d ON d.id = di.decision_id
       WHERE d.kind = 'send' AND d.decided_on BETWEEN $1::date AND $2::date))
   SELECT count(*), count(*) FILTER (WHERE target_group = 1), count(*) FILTER (WHERE target_group = 2), count(*) FILTER (WHERE target_group = 3),
     count(*) FILTER (WHERE gender = 'male'), count(*) FILTER (WHERE gender = 'female'), count(*) FILTER (WHERE is_minority), count(*) FILTER (WHERE NOT is_minority),
     count(*) FILTER (WHERE age < 35), count(*) FILTER (WHERE age BETWEEN 35 AND 45), count(*) FILTER (WHERE age BETWEEN 46 AND 55), count(*) FILTER (WHERE age > 55),
     count(*) FILTER (WHERE education_level = 'dai_hoc'), count(*) FILTER (WHERE education_level = 'thac_si'), count(*) FILTER (WHERE political_theory IS NULL),
     count(DISTINCT host_unit_id) FROM sent`,
  `SELECT count(*) FILTER (WHERE actual_end_date BETWEEN $1::date AND $2::date), count(*) FILTER (WHERE status = 'returned' AND returned_on BETWEEN $1::date AND $2::date),
     count(*) FILTER (WHERE status = 'returned' AND returned_on BETWEEN $1::date AND $2::date AND extra_step_granted),
     (SELECT count(*) FROM secondment_evaluations e WHERE e.evaluated_on BETWEEN $1::date AND $2::date) FROM secondments`,
  `SELECT count(*), count(*) FILTER (WHERE submitted_on <= due_on), count(*) FILTER (WHERE submitted_on > due_on OR (submitted_on IS NULL AND due_on < $3::date))
   FROM secondment_reports WHERE cancelled_at IS NULL AND due_on BETWEEN $1::date AND $2::date`,
  `SELECT d.kind, count(*), sum((SELECT count(*) FROM secondment_decision_items di WHERE di.decision_id = d.id)) FROM secondment_decisions d
   WHERE d.decided_on BETWEEN $1::date AND $2::date GROUP BY d.kind`,
  `SELECT count(*), count(*) FILTER (WHERE status = 'issued' AND issued_on <= due_on), count(*) FILTER (WHERE (status = 'draft' AND due_on < $3::date) OR issued_on > due_on)
   FROM reports WHERE unit_id IS NOT NULL AND due_on IS NOT NULL AND period_to BETWEEN $1::date AND $2::date`,
];

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

class Rollback extends Error {}

for (const people of sizes) {
  const { database } = await benchDatabase(people, values.fresh, 'tc_bench_report');
  const pool = database.pool;
  await seedSecondments(pool, people);
  // the schedule's drafts of the units' reports for 2026 (half-yearly), one issued late, one on time
  await database.db.transaction(async (tx) => {
    await createScheduledReports(tx, '2026-07-01');
    await createScheduledReports(tx, '2027-01-01');
  });
  const counts = (
    await pool.query(`SELECT (SELECT count(*)::int FROM people) AS p, (SELECT count(*)::int FROM secondments) AS s, (SELECT count(*)::int FROM secondment_decision_items) AS i,
      (SELECT count(*)::int FROM secondment_reports) AS r, (SELECT count(*)::int FROM reports WHERE unit_id IS NOT NULL) AS u`)
  ).rows[0];
  console.log(
    `\n${Number(counts.p).toLocaleString('en')} cadres: ${Number(counts.s).toLocaleString('en')} secondments, ${Number(counts.i).toLocaleString('en')} decided, ` +
      `${Number(counts.r).toLocaleString('en')} cadres' reports, ${counts.u} units' reports`,
  );

  const actor: Actor = { ...SYSTEM_ACTOR, grants: [{ role: 'home_affairs', unitId: null }] };
  // the use case in a transaction, rolled back: the draft is not kept
  const draft = () =>
    database.db
      .transaction(async (tx) => {
        const ctx: UseCaseContext = { actor, tx, requestId: null, today: TODAY };
        await draftReport(ctx, { from: YEAR.from, to: YEAR.to, unitId: null });
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
  const figures = () => computeReportFigures({ actor, tx: database.db, requestId: null, today: TODAY }, { ...YEAR, unitId: null });
  const bare = async (from: string, to: string) => {
    for (const q of BARE) await pool.query(q, q.includes('$3') ? [from, to, TODAY] : [from, to]);
  };
  const tDraft = await median(draft);
  const tFigures = await median(figures);
  const tBare = await median(() => bare(YEAR.from, YEAR.to));
  const tBare2 = await median(async () => {
    await bare(YEAR.from, YEAR.to);
    await bare('2025-01-01', '2025-12-31');
  });
  const sent = (await figures()).figures.find((f) => f.key === 'sent.total')?.value;
  console.log(`median of ${runs} runs (ms); the yearly report ${YEAR.from}–${YEAR.to} (${sent} cadres decided in it), against the previous year`);
  console.log(['case'.padEnd(52), 'product'.padStart(9), 'bare SQL'.padStart(9), 'ratio'.padStart(7)].join(' '));
  const line = (name: string, p: number, b: number) =>
    console.log([name.padEnd(52), p.toFixed(0).padStart(9), b.toFixed(0).padStart(9), (p / b).toFixed(1).padStart(6) + '×'].join(' '));
  line('draft the yearly report (draftReport, 2 periods)', tDraft, tBare2);
  line('figures of one period (computeReportFigures)', tFigures, tBare);
  console.log(tDraft <= 2000 ? `within the 2 s aim` : `ABOVE the 2 s aim`);
  await database.close();
}
