/**
 * bench/secondments: the secondment screens over a province's worth of secondments (5 % of the city-level staff of
 * N cadres, default 100,000; on the path at every step, with their reports, events and host access), through the
 * product's own use cases (scope, rules, presentation), next to the bare SQL statement that reads the same rows,
 * in the same run:
 *   - the list, first page and a name search (Sở Nội vụ: the whole province) vs the bare page query;
 *   - the inbox of Sở Nội vụ, of the largest sending unit and of a host commune vs counting the rows it must read;
 *   - the oversight dashboard vs one GROUP BY over the secondments.
 *
 *   npm run bench:secondments -- [--people 100000] [--runs 7] [--fresh]
 */
import { vietnamToday } from '../common/dates.js';
import { parseArgs } from 'node:util';
import { benchDatabase } from './bench-db.js';
import { SYSTEM_ACTOR, type Actor } from '../server/domain/access/actor.js';
import { listSecondments } from '../server/domain/secondment/list-secondments.js';
import { getInbox } from '../server/domain/inbox/get-inbox.js';
import { getOversightDashboard } from '../server/domain/oversight/get-dashboard.js';
import { secondmentListQuery } from '../common/schemas/secondment.js';
import type { UseCaseContext } from '../server/domain/context.js';

const { values } = parseArgs({
  options: { people: { type: 'string', default: '100000' }, runs: { type: 'string', default: '7' }, fresh: { type: 'boolean', default: false } },
});
const people = Number(values.people);
const runs = Number(values.runs);
const TODAY = '2026-11-26';

const { database } = await benchDatabase(people, values.fresh);
const pool = database.pool;

// a province's secondments, once per database: 5 % of the city-level staff, spread over the path
const have = (await pool.query(`SELECT count(*)::int AS n FROM secondments`)).rows[0].n as number;
if (have < people * 0.02) {
  const started = Date.now();
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query(`DELETE FROM secondment_reports; DELETE FROM secondment_events; DELETE FROM secondment_decision_items; DELETE FROM secondment_evaluations;
      DELETE FROM secondment_contacts; DELETE FROM feedback_replies; DELETE FROM feedback_items; DELETE FROM secondments; DELETE FROM person_access_grants WHERE source_type = 'secondment'`);
    await c.query(`CREATE TEMP TABLE communes AS SELECT row_number() OVER (ORDER BY code) AS k, id FROM org_units WHERE kind IN ('commune', 'ward')`);
    await c.query(`
      INSERT INTO secondments (person_id, sending_unit_id, host_unit_id, status, target_group, remarks, eligible_at_proposal, start_date, end_date,
        duration_months, decision_no, reserved_post, created_at, updated_at)
      SELECT p.id, u.path[2], cm.id, st.status, 1 + h % 3, 'Hoàn thành tốt nhiệm vụ', true,
        CASE WHEN st.status IN ('decided', 'active', 'completed', 'ended_early', 'returned') THEN d.start END,
        CASE WHEN st.status IN ('decided', 'active', 'completed', 'ended_early', 'returned') THEN (d.start + interval '36 months' - interval '1 day')::date END,
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
    await c.query(`INSERT INTO secondment_events (secondment_id, action, to_status, actor_user_id, actor_name, at)
      SELECT id, 'propose', status, '00000000-0000-0000-0000-000000000000', 'Hệ thống', created_at FROM secondments`);
    await c.query(`INSERT INTO person_access_grants (unit_id, person_id, valid_from, valid_to, reason, source_type, source_id)
      SELECT host_unit_id, person_id, start_date, end_date, 'bench', 'secondment', id FROM secondments WHERE status = 'active'`);
    await c.query(`INSERT INTO secondment_reports (secondment_id, kind, period_no, period_from, period_to, due_on, submitted_on)
      SELECT s.id, 'periodic', k, (s.start_date + make_interval(months => 6 * (k - 1)))::date, (s.start_date + make_interval(months => 6 * k) - interval '1 day')::date,
        (s.start_date + make_interval(months => 6 * k) + interval '9 days')::date,
        CASE WHEN (s.start_date + make_interval(months => 6 * k)) < DATE '${TODAY}' AND abs(hashtext(s.id::text || k)) % 5 <> 0
          THEN (s.start_date + make_interval(months => 6 * k) + interval '3 days')::date END
      FROM secondments s CROSS JOIN generate_series(1, 6) k WHERE s.status IN ('active', 'completed', 'returned')`);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
  await pool.query('ANALYZE');
  console.log(`seeded the secondments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const counts = (
  await pool.query(`SELECT count(*)::int AS s, count(*) FILTER (WHERE status = 'active')::int AS a,
  (SELECT count(*)::int FROM secondment_reports) AS r FROM secondments`)
).rows[0];
console.log(
  `${people.toLocaleString('en')} cadres, ${counts.s.toLocaleString('en')} secondments (${counts.a.toLocaleString('en')} active), ${counts.r.toLocaleString('en')} reports`,
);

const largest = (await pool.query(`SELECT sending_unit_id AS id FROM secondments GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0].id as string;
const busiestHost = (await pool.query(`SELECT host_unit_id AS id FROM secondments WHERE status = 'active' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0]
  .id as string;
const actor = (role: Actor['grants'][number]['role'], unitId: string | null): Actor => ({ ...SYSTEM_ACTOR, grants: [{ role, unitId }] });
const ctxOf = (a: Actor): UseCaseContext => ({ actor: a, tx: database.db, requestId: null, today: vietnamToday() });
const province = ctxOf(actor('home_affairs', null));
const name = (await pool.query(`SELECT f_unaccent(lower(p.full_name)) AS n FROM secondments s JOIN people p ON p.id = s.person_id LIMIT 1 OFFSET 777`)).rows[0]
  .n as string;
const lastTwo = name.split(' ').slice(-2).join(' ');

async function time(fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  await fn(); // warm
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
const raw =
  (q: string, p: unknown[] = []) =>
  () =>
    pool.query(q, p);
const BARE_PAGE = `SELECT s.id, s.status, p.full_name, su.name, hu.name FROM secondments s JOIN people p ON p.id = s.person_id
  JOIN org_units su ON su.id = s.sending_unit_id LEFT JOIN org_units hu ON hu.id = s.host_unit_id`;

const cases: { name: string; product: () => Promise<unknown>; limit: () => Promise<unknown> }[] = [
  {
    name: 'list, page 1 (province)',
    product: () => listSecondments(province, secondmentListQuery.parse({})),
    limit: raw(`${BARE_PAGE} ORDER BY p.given_name COLLATE "vi-VN-x-icu", p.full_name COLLATE "vi-VN-x-icu" LIMIT 20`),
  },
  {
    name: `list, search "${lastTwo}"`,
    product: () => listSecondments(province, secondmentListQuery.parse({ q: lastTwo })),
    limit: raw(`${BARE_PAGE} WHERE p.search_tsv @@ to_tsquery('simple', $1) ORDER BY p.given_name COLLATE "vi-VN-x-icu" LIMIT 20`, [
      lastTwo
        .split(' ')
        .map((w) => w + ':*')
        .join(' & '),
    ]),
  },
  {
    name: 'inbox, Sở Nội vụ (province)',
    product: () => getInbox(province, TODAY),
    limit: raw(`SELECT (SELECT count(*) FROM secondments WHERE status NOT IN ('returned', 'withdrawn', 'rejected')),
      (SELECT count(*) FROM secondment_reports WHERE submitted_on IS NULL AND due_on <= DATE '${TODAY}' + 15)`),
  },
  {
    name: 'inbox, largest sending unit',
    product: () => getInbox(ctxOf(actor('unit_hr', largest)), TODAY),
    limit: raw(`SELECT count(*) FROM secondments WHERE sending_unit_id = $1 AND status NOT IN ('returned', 'withdrawn', 'rejected')`, [largest]),
  },
  {
    name: 'inbox, busiest host commune',
    product: () => getInbox(ctxOf(actor('host', busiestHost)), TODAY),
    limit: raw(`SELECT count(*) FROM secondments WHERE host_unit_id = $1 AND status NOT IN ('returned', 'withdrawn', 'rejected')`, [busiestHost]),
  },
  {
    name: 'oversight dashboard (province)',
    product: () => getOversightDashboard(province, TODAY),
    limit: raw(`SELECT sending_unit_id, host_unit_id, status, count(*) FROM secondments GROUP BY GROUPING SETS ((sending_unit_id, status), (host_unit_id, status))`),
  },
];

console.log(`median of ${runs} runs each (ms)`);
console.log(['case'.padEnd(34), 'product'.padStart(9), 'bare SQL'.padStart(9), 'ratio'.padStart(7), 'items'.padStart(7)].join(' '));
for (const c of cases) {
  const p = await time(c.product);
  const l = await time(c.limit);
  const out = (await c.product()) as { items?: unknown[]; total?: number };
  const items = Array.isArray(out.items) ? out.items.length : (out.total ?? '');
  console.log([c.name.padEnd(34), p.toFixed(1).padStart(9), l.toFixed(1).padStart(9), (p / l).toFixed(1).padStart(6) + '×', String(items).padStart(7)].join(' '));
}
await database.close();
