import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { pgArray } from '../sql-helpers.js';
import { unitSubtree } from '../scope.js';
import { reportLateOn } from './report-schedule.repository.js';
import { standingPayment } from './entitlement-payments.repository.js';
import { SECONDMENT_DECIDED_STATUSES } from '../../../common/secondment.js';
import { SEAT_STATUSES } from '../../../common/training.js';
import { TARGET_GROUPS } from '../../../common/eligibility.js';
import { FIGURE_ROW_KINDS } from '../../../common/schemas/statistics.js';
import { EDUCATION_LEVELS, POLITICAL_THEORY, type Category } from '../../../common/enums.js';
import { PAYER_KEYS } from '../../../common/entitlement-payments.js';

/**
 * The period and scope of a report's figures: Vietnam dates, the sending unit whose subtree it covers (null: the
 * province) and the cadres' category (null: every category).
 */
export interface FigureScope {
  from: string;
  to: string;
  unitId: string | null;
  category?: Category | null;
}

/**
 * What the actor may see of the rows a figure counts: the secondments `s`, the people `p` whose sensitive part it
 * may read, the feedback's and the inspections' unit `u`, the units' reports `rp`, and today.
 */
export interface FigureSight {
  visible: SQL;
  sensitive: SQL;
  feedback: SQL;
  inspections: SQL;
  reports: SQL;
  today: string;
}

/** A secondment `s` sent from the report's scope (the province: every one). */
const sentFromScope = (unitId: string | null): SQL => (unitId ? sql`s.sending_unit_id IN ${unitSubtree(unitId)}` : sql`TRUE`);
/** The person `p` is of the scope's category (the one place the category narrows a figure). */
const ofCategory = (f: FigureScope): SQL => (f.category ? sql`p.category = ${f.category}` : sql`TRUE`);
/** A secondment `s` of the person `p` in the scope: sent from its unit's subtree, of its category. */
const inScope = (f: FigureScope): SQL => sql`${sentFromScope(f.unitId)} AND ${ofCategory(f)}`;
/** A training row paid by a budget of the scope's unit (`col`: the budget unit), of a person `p` of its category. */
const budgetInScope = (f: FigureScope, col: string): SQL => sql`${f.unitId ? sql`${sql.raw(col)} IN ${unitSubtree(f.unitId)}` : sql`TRUE`} AND ${ofCategory(f)}`;
const decided = sql`s.status = ANY(${pgArray(SECONDMENT_DECIDED_STATUSES)}::text[])`;
const seats = () => sql`${pgArray(SEAT_STATUSES)}::text[]`;
const num = (v: unknown) => Number(v ?? 0);
const period = (col: string, f: FigureScope) => sql`${sql.raw(col)} BETWEEN ${f.from}::date AND ${f.to}::date`;

/**
 * The rows a figure counts, one kind per base: every base selects the same list columns (null where they do not
 * apply) and the columns its figures' conditions read. `b` is the base row.
 */
export const FIGURE_BASES = FIGURE_ROW_KINDS;
export type FigureBase = (typeof FIGURE_BASES)[number];

/** The cadre `p` of a row, with their unit `pu`: the list columns a personnel officer reads. */
const PERSON_COLUMNS = sql`p.id AS person_id, p.code, p.full_name, p.given_name, p.category, pu.name AS unit_name, p.gender, p.birth_date::text AS birth_date,
  p.education_level, p.political_theory`;
/** The secondment `s` of a row: its sending and host units and target group. */
const SECONDMENT_COLUMNS = sql`su.name AS sending_unit_name, s.sending_unit_id, s.host_unit_id, hu.name AS host_unit_name, s.target_group`;
const SECONDMENT_JOINS = sql`JOIN people p ON p.id = s.person_id LEFT JOIN org_units pu ON pu.id = p.unit_id
  LEFT JOIN org_units su ON su.id = s.sending_unit_id LEFT JOIN org_units hu ON hu.id = s.host_unit_id`;
/** Ethnicity shown (and counted as known) only for the people whose sensitive part the actor may read. */
const ethnicity = (sight: FigureSight) =>
  sql`CASE WHEN ${sight.sensitive} THEN eg.is_minority END AS is_minority, CASE WHEN ${sight.sensitive} THEN eg.name END AS ethnicity`;

/** The cadres decided for secondment in the period (a send decision dated in it), sent from the scope, that the actor sees. */
const sentRows = (f: FigureScope, sight: FigureSight) => sql`(
  SELECT s.id, ${PERSON_COLUMNS}, ${SECONDMENT_COLUMNS}, ${ethnicity(sight)},
    extract(year FROM age(${f.to}::date, p.birth_date))::int AS age, sd.decided_on::text AS on_date, sd.number AS detail, s.status, NULL::float8 AS amount
  FROM secondments s ${SECONDMENT_JOINS}
  LEFT JOIN ethnic_groups eg ON eg.code = p.ethnic_code
  JOIN LATERAL (SELECT d.decided_on, d.number FROM secondment_decision_items di JOIN secondment_decisions d ON d.id = di.decision_id
    WHERE di.secondment_id = s.id AND d.kind = 'send' AND ${period('d.decided_on', f)} ORDER BY d.decided_on LIMIT 1) sd ON TRUE
  WHERE ${decided} AND ${inScope(f)} AND ${sight.visible})`;

const NO_PERSON = sql`NULL::uuid AS person_id, NULL::text AS code, NULL::text AS full_name, NULL::text AS given_name, NULL::text AS category,
  NULL::text AS gender, NULL::text AS birth_date, NULL::text AS education_level, NULL::text AS political_theory`;
const NO_SECONDMENT = sql`NULL::text AS sending_unit_name, NULL::int AS target_group`;
const NO_ETHNICITY = sql`NULL::text AS ethnicity`;
/** A row about a unit (feedback, an inspection, a unit's report), not a cadre: its unit `u` in the unit column. */
const UNIT_ROW = sql`${NO_PERSON}, u.name AS unit_name, ${NO_SECONDMENT}, NULL::text AS host_unit_name, ${NO_ETHNICITY}`;

/**
 * The entitlement payments `e` standing (a payment no reversal cancels) paid in the period, of the secondments `s`
 * sent from the scope that the actor sees (the category does not narrow them).
 */
const paymentsInScope = (f: FigureScope, sight: FigureSight) =>
  sql`${standingPayment} AND ${period('e.paid_on', f)} AND ${sentFromScope(f.unitId)} AND ${sight.visible}`;
/** The inspections `i` of the inspected units `u` in the report's unit's subtree (the province: every one) that the actor sees. */
const inspectedInScope = (f: FigureScope, sight: FigureSight) => sql`${f.unitId ? sql`i.unit_id IN ${unitSubtree(f.unitId)}` : sql`TRUE`} AND ${sight.inspections}`;

const BASE_ROWS: Record<FigureBase, (f: FigureScope, sight: FigureSight) => SQL> = {
  sent: sentRows,
  /** The host communes of the cadres sent in the period (each once), with how many of them each receives. */
  hosts: (f, sight) => sql`(
    SELECT h.id, ${NO_PERSON}, NULL::text AS unit_name, ${NO_SECONDMENT}, h.name AS host_unit_name, ${NO_ETHNICITY}, h.is_especially_disadvantaged,
      NULL::text AS on_date, x.n::text AS detail, CASE WHEN h.is_especially_disadvantaged THEN 'especially_disadvantaged' END AS status, NULL::float8 AS amount
    FROM (SELECT sent.host_unit_id, count(*)::int AS n FROM ${sentRows(f, sight)} sent WHERE sent.host_unit_id IS NOT NULL GROUP BY sent.host_unit_id) x
    JOIN org_units h ON h.id = x.host_unit_id)`,
  /** The secondments whose term ended, or whose cadre was placed on return, in the period. */
  returns: (f, sight) => sql`(
    SELECT s.id, ${PERSON_COLUMNS}, ${SECONDMENT_COLUMNS}, ${NO_ETHNICITY}, s.actual_end_date, s.returned_on, s.extra_step_granted,
      EXISTS (SELECT 1 FROM secondment_decision_items di JOIN secondment_decisions d ON d.id = di.decision_id WHERE di.secondment_id = s.id AND d.kind = 'end_early') AS end_early_decided,
      s.actual_end_date::text AS on_date, s.returned_on::text AS detail, s.status, NULL::float8 AS amount
    FROM secondments s ${SECONDMENT_JOINS}
    WHERE ${decided} AND ${inScope(f)} AND ${sight.visible} AND (${period('s.actual_end_date', f)} OR ${period('s.returned_on', f)}))`,
  /** The host's evaluations recorded in the period. */
  evaluations: (f, sight) => sql`(
    SELECT e.id, ${PERSON_COLUMNS}, ${SECONDMENT_COLUMNS}, ${NO_ETHNICITY}, e.evaluated_on::text AS on_date, e.proposed_rating AS detail, s.status, NULL::float8 AS amount
    FROM secondment_evaluations e JOIN secondments s ON s.id = e.secondment_id ${SECONDMENT_JOINS}
    WHERE ${period('e.evaluated_on', f)} AND ${decided} AND ${inScope(f)} AND ${sight.visible})`,
  /** The cadres' reports due in the period (periodic and on request, not cancelled). */
  cadre_reports: (f, sight) => sql`(
    SELECT sr.id, ${PERSON_COLUMNS}, ${SECONDMENT_COLUMNS}, ${NO_ETHNICITY}, sr.due_on, sr.submitted_on,
      sr.due_on::text AS on_date, sr.submitted_on::text AS detail, sr.kind AS status, NULL::float8 AS amount
    FROM secondment_reports sr JOIN secondments s ON s.id = sr.secondment_id ${SECONDMENT_JOINS}
    WHERE sr.cancelled_at IS NULL AND ${period('sr.due_on', f)} AND ${inScope(f)} AND ${sight.visible})`,
  /** The courses that started in the period (for a unit or a category: those with one of its people on a seat of its budget). */
  courses: (f) => sql`(
    SELECT c.id, ${NO_PERSON}, c.provider AS unit_name, ${NO_SECONDMENT}, NULL::text AS host_unit_name, ${NO_ETHNICITY},
      c.start_date::text AS on_date, c.title AS detail, c.kind AS status, NULL::float8 AS amount
    FROM training_courses c
    WHERE ${period('c.start_date', f)} AND ${
      f.unitId || f.category
        ? sql`EXISTS (SELECT 1 FROM training_enrolments te JOIN people p ON p.id = te.person_id
            WHERE te.course_id = c.id AND te.status = ANY(${seats()}) AND ${budgetInScope(f, 'te.budget_unit_id')})`
        : sql`TRUE`
    })`,
  /** The seats on courses that started in the period, and the completions in it, paid by the scope's budget. */
  enrolments: (f) => sql`(
    SELECT te.id, ${PERSON_COLUMNS}, ${NO_SECONDMENT}, NULL::text AS host_unit_name, ${NO_ETHNICITY}, c.start_date, te.completed_on,
      c.start_date::text AS on_date, c.title AS detail, te.status, NULL::float8 AS amount
    FROM training_enrolments te JOIN training_courses c ON c.id = te.course_id JOIN people p ON p.id = te.person_id LEFT JOIN org_units pu ON pu.id = p.unit_id
    WHERE (${period('c.start_date', f)} OR ${period('te.completed_on', f)}) AND ${budgetInScope(f, 'te.budget_unit_id')})`,
  /** The budget movements dated in the period on the scope's budgets (a release counted negative). */
  ledger: (f) => sql`(
    SELECT l.id, p.id AS person_id, p.code, p.full_name, p.given_name, p.category, bu.name AS unit_name, p.gender, p.birth_date::text AS birth_date,
      p.education_level, p.political_theory, ${NO_SECONDMENT}, NULL::text AS host_unit_name, ${NO_ETHNICITY},
      l.entry_date::text AS on_date, coalesce(c.title, l.note) AS detail, l.kind AS status,
      (CASE l.kind WHEN 'release' THEN -l.amount_vnd ELSE l.amount_vnd END)::float8 AS amount
    FROM training_ledger l JOIN training_budgets b ON b.id = l.budget_id JOIN org_units bu ON bu.id = b.unit_id
      LEFT JOIN training_enrolments te ON te.id = l.enrolment_id LEFT JOIN training_courses c ON c.id = te.course_id LEFT JOIN people p ON p.id = te.person_id
    WHERE ${period('l.entry_date', f)} AND ${budgetInScope(f, 'b.unit_id')})`,
  /** The entitlement payments standing paid in the period (the payer's name in the unit column, the payer key in `payer`). */
  payments: (f, sight) => sql`(
    SELECT e.id, p.id AS person_id, p.code, p.full_name, p.given_name, p.category, e.payer_name AS unit_name, p.gender, p.birth_date::text AS birth_date,
      p.education_level, p.political_theory, ${SECONDMENT_COLUMNS}, ${NO_ETHNICITY}, e.payer,
      e.paid_on::text AS on_date, e.voucher_no AS detail, e.code AS status, e.amount_vnd::float8 AS amount
    FROM entitlement_payments e JOIN secondments s ON s.id = e.secondment_id ${SECONDMENT_JOINS}
    WHERE ${paymentsInScope(f, sight)})`,
  /** The cadres paid in the period, each once, with the payers who paid them (`payers`; `status` lists them) and the total paid. */
  paid_cadres: (f, sight) => sql`(
    SELECT p.id, ${PERSON_COLUMNS}, x.sending_unit_name, NULL::int AS target_group, x.host_unit_name, ${NO_ETHNICITY}, x.payers,
      x.on_date, x.detail, array_to_string(x.payers, ',') AS status, x.amount
    FROM (SELECT s.person_id, array_agg(DISTINCT e.payer ORDER BY e.payer) AS payers, string_agg(DISTINCT su.name, '; ') AS sending_unit_name,
        string_agg(DISTINCT hu.name, '; ') AS host_unit_name, max(e.paid_on)::text AS on_date, count(*)::text AS detail, sum(e.amount_vnd)::float8 AS amount
      FROM entitlement_payments e JOIN secondments s ON s.id = e.secondment_id
        LEFT JOIN org_units su ON su.id = s.sending_unit_id LEFT JOIN org_units hu ON hu.id = s.host_unit_id
      WHERE ${paymentsInScope(f, sight)} GROUP BY s.person_id) x
    JOIN people p ON p.id = x.person_id LEFT JOIN org_units pu ON pu.id = p.unit_id)`,
  /** The feedback the units of the scope's subtree raised in the period (Vietnam date of its creation). */
  feedback: (f, sight) => sql`(
    SELECT fi.id, ${UNIT_ROW}, fi.created_at, to_char(fi.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS on_date, fi.subject AS detail,
      fi.status, NULL::float8 AS amount
    FROM feedback_items fi JOIN org_units u ON u.id = fi.unit_id
    WHERE (fi.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${f.from}::date AND ${f.to}::date
      AND ${f.unitId ? sql`u.path @> ARRAY[${f.unitId}::uuid]` : sql`TRUE`} AND ${sight.feedback})`,
  /** The inspections concluded in the period. */
  inspections: (f, sight) => sql`(
    SELECT i.id, ${UNIT_ROW}, i.concluded_on::text AS on_date, i.subject AS detail, i.conclusion_no AS status, NULL::float8 AS amount
    FROM inspections i JOIN org_units u ON u.id = i.unit_id
    WHERE i.status = 'concluded' AND ${period('i.concluded_on', f)} AND ${inspectedInScope(f, sight)})`,
  /** The recommendations of the concluded inspections (each figure says which: made, answered or overdue in the period). */
  recommendations: (f, sight) => sql`(
    SELECT ir.id, ${UNIT_ROW}, i.concluded_on, ir.answered_on, ir.accepted_on, ir.deadline, ir.seq,
      ir.deadline::text AS on_date, ir.text AS detail, ir.status, NULL::float8 AS amount
    FROM inspection_recommendations ir JOIN inspections i ON i.id = ir.inspection_id JOIN org_units u ON u.id = i.unit_id
    WHERE i.status = 'concluded' AND ${inspectedInScope(f, sight)})`,
  /** The units' reports of the schedule on periods ending in the period (a unit's report: those of the units under it). */
  unit_reports: (f, sight) => sql`(
    SELECT rp.id, ${UNIT_ROW}, rp.due_on, rp.issued_on, rp.due_on::text AS on_date, rp.issued_on::text AS detail, rp.status, NULL::float8 AS amount
    FROM reports rp JOIN org_units u ON u.id = rp.unit_id
    WHERE rp.unit_id IS NOT NULL AND rp.due_on IS NOT NULL AND ${period('rp.period_to', f)}
      AND ${f.unitId ? sql`rp.unit_id IN ${unitSubtree(f.unitId)} AND rp.unit_id <> ${f.unitId}::uuid` : sql`TRUE`} AND ${sight.reports})`,
};

/** How a list of each base is ordered: people by their given name in Vietnamese order, the rest by date. */
const BASE_ORDER: Record<FigureBase, SQL> = {
  sent: sql`b.given_name COLLATE "vi-VN-x-icu", b.full_name COLLATE "vi-VN-x-icu", b.id`,
  hosts: sql`b.host_unit_name COLLATE "vi-VN-x-icu", b.id`,
  returns: sql`b.given_name COLLATE "vi-VN-x-icu", b.full_name COLLATE "vi-VN-x-icu", b.id`,
  evaluations: sql`b.given_name COLLATE "vi-VN-x-icu", b.full_name COLLATE "vi-VN-x-icu", b.id`,
  cadre_reports: sql`b.on_date, b.given_name COLLATE "vi-VN-x-icu", b.id`,
  courses: sql`b.on_date, b.detail COLLATE "vi-VN-x-icu", b.id`,
  enrolments: sql`b.given_name COLLATE "vi-VN-x-icu", b.full_name COLLATE "vi-VN-x-icu", b.id`,
  ledger: sql`b.on_date, b.id`,
  payments: sql`b.on_date, b.given_name COLLATE "vi-VN-x-icu", b.id`,
  paid_cadres: sql`b.given_name COLLATE "vi-VN-x-icu", b.full_name COLLATE "vi-VN-x-icu", b.id`,
  feedback: sql`b.created_at, b.id`,
  inspections: sql`b.on_date, b.unit_name COLLATE "vi-VN-x-icu", b.id`,
  recommendations: sql`b.on_date, b.unit_name COLLATE "vi-VN-x-icu", b.seq, b.id`,
  unit_reports: sql`b.on_date, b.unit_name COLLATE "vi-VN-x-icu", b.id`,
};

/** A figure: the base rows it counts, the condition that selects them, and whether it counts them or sums their amounts. */
interface FigureDef {
  base: FigureBase;
  where: (f: FigureScope, today: string) => SQL;
  sum?: true;
}
const always = () => sql`TRUE`;
const on = (base: FigureBase, where: SQL): FigureDef => ({ base, where: () => where });

/**
 * Every figure that counts rows, defined once: the report's aggregate (`countFigures`) and the list of what it
 * counts (`figureRowsPage`) both read this condition over the same base rows. Keys never change.
 */
export const FIGURE_DEFS: Record<string, FigureDef> = {
  'sent.total': { base: 'sent', where: always },
  ...Object.fromEntries(TARGET_GROUPS.map((g) => [`target_group.${g}`, on('sent', sql`b.target_group = ${g}`)])),
  'sex.male': on('sent', sql`b.gender = 'male'`),
  'sex.female': on('sent', sql`b.gender = 'female'`),
  'ethnicity.kinh': on('sent', sql`b.is_minority = false`),
  'ethnicity.minority': on('sent', sql`b.is_minority = true`),
  'ethnicity.unknown': on('sent', sql`b.is_minority IS NULL`),
  'age.under35': on('sent', sql`b.age < 35`),
  'age.35_45': on('sent', sql`b.age BETWEEN 35 AND 45`),
  'age.46_55': on('sent', sql`b.age BETWEEN 46 AND 55`),
  'age.over55': on('sent', sql`b.age > 55`),
  ...Object.fromEntries(EDUCATION_LEVELS.map((e) => [`education.${e}`, on('sent', sql`b.education_level = ${e}`)])),
  'education.none': on('sent', sql`b.education_level IS NULL`),
  ...Object.fromEntries(POLITICAL_THEORY.map((t) => [`theory.${t}`, on('sent', sql`b.political_theory = ${t}`)])),
  'theory.none': on('sent', sql`b.political_theory IS NULL`),
  'hosts.communes': { base: 'hosts', where: always },
  'hosts.especially_disadvantaged': on('hosts', sql`b.is_especially_disadvantaged`),
  'returns.ended': { base: 'returns', where: (f) => sql`${period('b.actual_end_date', f)} AND b.status IN ('completed', 'ended_early', 'returned')` },
  'returns.ended_early': { base: 'returns', where: (f) => sql`${period('b.actual_end_date', f)} AND (b.status = 'ended_early' OR b.end_early_decided)` },
  'returns.placed': { base: 'returns', where: (f) => sql`b.status = 'returned' AND ${period('b.returned_on', f)}` },
  'returns.extra_step': { base: 'returns', where: (f) => sql`b.status = 'returned' AND ${period('b.returned_on', f)} AND b.extra_step_granted` },
  'evaluations.total': { base: 'evaluations', where: always },
  'cadre_reports.due': { base: 'cadre_reports', where: always },
  'cadre_reports.on_time': on('cadre_reports', sql`b.submitted_on <= b.due_on`),
  // late: submitted after the due date, or still missing when it has passed by today
  'cadre_reports.late': { base: 'cadre_reports', where: (_f, today) => sql`(b.submitted_on > b.due_on OR (b.submitted_on IS NULL AND b.due_on < ${today}::date))` },
  'training.courses': { base: 'courses', where: always },
  'training.participants': { base: 'enrolments', where: (f) => sql`${period('b.start_date', f)} AND b.status = ANY(${seats()})` },
  'training.completed': { base: 'enrolments', where: (f) => sql`${period('b.completed_on', f)} AND b.status = 'completed'` },
  'training.committed': { base: 'ledger', where: () => sql`b.status IN ('commit', 'release')`, sum: true },
  'training.spent': { base: 'ledger', where: () => sql`b.status = 'spend'`, sum: true },
  'unit_reports.due': { base: 'unit_reports', where: always },
  'unit_reports.on_time': on('unit_reports', sql`b.status = 'issued' AND b.issued_on <= b.due_on`),
  'unit_reports.late': { base: 'unit_reports', where: (_f, today) => reportLateOn(today, 'b') },
  // a cadre paid by two payers counts once in the total, once under each payer
  'entitlements.cadres': { base: 'paid_cadres', where: always },
  'entitlements.amount': { base: 'payments', where: always, sum: true },
  ...Object.fromEntries(
    PAYER_KEYS.flatMap((k) => [
      [`entitlements.cadres.${k}`, on('paid_cadres', sql`${k} = ANY(b.payers)`)],
      [`entitlements.amount.${k}`, { ...on('payments', sql`b.payer = ${k}`), sum: true }],
    ]),
  ),
  'feedback.raised': { base: 'feedback', where: always },
  'feedback.open': on('feedback', sql`b.status = 'open'`),
  'inspections.concluded': { base: 'inspections', where: always },
  'inspections.recommendations': { base: 'recommendations', where: (f) => period('b.concluded_on', f) },
  'inspections.answered': { base: 'recommendations', where: (f) => sql`b.status IN ('answered', 'accepted') AND ${period('b.answered_on', f)}` },
  // overdue at the period's end: the deadline passed and no answer accepted by then
  'inspections.overdue': {
    base: 'recommendations',
    where: (f) => sql`b.concluded_on <= ${f.to}::date AND b.deadline < ${f.to}::date AND NOT (b.status = 'accepted' AND b.accepted_on <= ${f.to}::date)`,
  },
};

/** The keys of the figures whose rows can be listed (the others are quotas, shares, documents or the entitlement rule's lines due, not rows). */
export const LISTED_FIGURE_KEYS: ReadonlySet<string> = new Set(Object.keys(FIGURE_DEFS));
/** Whether a listed figure sums amounts (money) rather than counting rows. */
export const figureSums = (key: string) => FIGURE_DEFS[key]?.sum === true;

/** Every figure of one base, as one aggregate over its rows: the value of each key. */
async function countBase(tx: Tx, base: FigureBase, f: FigureScope, sight: FigureSight): Promise<Record<string, number>> {
  const defs = Object.entries(FIGURE_DEFS).filter(([, d]) => d.base === base);
  const cols = defs.map(([key, d]) =>
    d.sum
      ? sql`coalesce(sum(b.amount) FILTER (WHERE ${d.where(f, sight.today)}), 0)::float8 AS ${sql.identifier(key)}`
      : sql`count(*) FILTER (WHERE ${d.where(f, sight.today)})::int AS ${sql.identifier(key)}`,
  );
  const r = await tx.execute<Record<string, unknown>>(sql`SELECT ${sql.join(cols, sql`, `)} FROM ${BASE_ROWS[base](f, sight)} b`);
  const row = r.rows[0] ?? {};
  return Object.fromEntries(defs.map(([key]) => [key, num(row[key])]));
}

/**
 * The value of every figure of `FIGURE_DEFS` (or of those of `bases`) for the period and scope, seen by the actor
 * (one statement per base, one after another).
 */
export async function countFigures(tx: Tx, f: FigureScope, sight: FigureSight, bases: readonly FigureBase[] = FIGURE_BASES): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const base of bases) Object.assign(out, await countBase(tx, base, f, sight));
  return out;
}

/** One row of a figure's list: the person (or commune, course, budget movement) counted, with the date that counts. */
export type FigureListRow = {
  id: string;
  personId: string | null;
  personCode: string | null;
  fullName: string | null;
  category: string | null;
  unitName: string | null;
  sendingUnitName: string | null;
  hostUnitName: string | null;
  targetGroup: number | null;
  gender: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  educationLevel: string | null;
  politicalTheory: string | null;
  date: string | null;
  detail: string | null;
  status: string | null;
  amount: number | null;
};

const LIST_COLUMNS = (sensitive: boolean) => sql`b.id, b.person_id AS "personId", b.code AS "personCode", b.full_name AS "fullName", b.category,
  b.unit_name AS "unitName", b.sending_unit_name AS "sendingUnitName", b.host_unit_name AS "hostUnitName", b.target_group AS "targetGroup", b.gender,
  b.birth_date AS "birthDate", ${sensitive ? sql`b.ethnicity` : sql`NULL::text`} AS ethnicity, b.education_level AS "educationLevel",
  b.political_theory AS "politicalTheory", b.on_date AS date, b.detail, b.status, b.amount`;

/**
 * One page of the rows a figure counts — its base rows under its condition, exactly what `countFigures` counts —
 * with their total (and the sum of their amounts). `sensitive`: whether the ethnicity column is read (per person,
 * only where the actor may read it).
 */
export async function figureRowsPage(
  tx: Tx,
  key: string,
  f: FigureScope,
  sight: FigureSight,
  page: { limit: number; offset: number },
  o: { sensitive: boolean },
): Promise<{ total: number; sum: number; items: FigureListRow[] }> {
  const def = FIGURE_DEFS[key];
  if (!def) throw new Error(`no figure ${key}`);
  const rows = sql`${BASE_ROWS[def.base](f, sight)} b WHERE ${def.where(f, sight.today)}`;
  const t = await tx.execute<{ total: number; sum: number }>(sql`SELECT count(*)::int AS total, coalesce(sum(b.amount), 0)::float8 AS sum FROM ${rows}`);
  const items = await tx.execute<FigureListRow>(
    sql`SELECT ${LIST_COLUMNS(o.sensitive)} FROM ${rows} ORDER BY ${BASE_ORDER[def.base]} LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  return { total: num(t.rows[0]?.total), sum: num(t.rows[0]?.sum), items: items.rows.map((r) => ({ ...r, amount: r.amount === null ? null : Number(r.amount) })) };
}

/** The cadres each sending unit of the scope had decided in the period (for the quota table): the rows of `sent.total`. */
export async function sentByUnit(tx: Tx, f: FigureScope, sight: FigureSight): Promise<Map<string, number>> {
  const r = await tx.execute<{ unitId: string; n: number }>(
    sql`SELECT b.sending_unit_id AS "unitId", count(*)::int AS n FROM ${sentRows(f, sight)} b GROUP BY b.sending_unit_id`,
  );
  return new Map(r.rows.map((x) => [x.unitId, x.n]));
}

/**
 * Section I: the plan (and its versions) taking effect in the period, and the decisions issued in it — for a unit's
 * report, those covering one of its secondments or issued by it.
 */
export async function documentsIssued(tx: Tx, f: FigureScope, visibleDecision: SQL) {
  const plans = await tx.execute<{ kind: 'plan' | 'plan_version'; number: string; date: string; title: string }>(sql`
    SELECT 'plan' AS kind, p.code AS number, p.issued_on::text AS date, p.title FROM plans p WHERE p.issued_on BETWEEN ${f.from}::date AND ${f.to}::date
    UNION ALL
    SELECT 'plan_version', p.code, v.effective_from::text, 'Điều chỉnh tham số Kế hoạch (phiên bản ' || v.version || ')' || coalesce(': ' || v.note, '')
    FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.version > 1 AND v.effective_from BETWEEN ${f.from}::date AND ${f.to}::date
    ORDER BY 3, 2`);
  const mine = f.unitId
    ? sql`(d.issuer_unit_id IN ${unitSubtree(f.unitId)} OR EXISTS (SELECT 1 FROM secondment_decision_items di JOIN secondments s ON s.id = di.secondment_id
        WHERE di.decision_id = d.id AND ${sentFromScope(f.unitId)}))`
    : sql`TRUE`;
  const decisions = await tx.execute<{ number: string; date: string; decisionKind: string; items: number }>(sql`
    SELECT d.number, d.decided_on::text AS date, d.kind AS "decisionKind",
      (SELECT count(*)::int FROM secondment_decision_items di WHERE di.decision_id = d.id) AS items
    FROM secondment_decisions d
    WHERE d.decided_on BETWEEN ${f.from}::date AND ${f.to}::date AND ${mine} AND ${visibleDecision}
    ORDER BY d.decided_on, d.year, d.seq`);
  return { plans: plans.rows, decisions: decisions.rows };
}

/** The city-level units in the subtree of `unitId` (for the quota table of a unit's report). */
export async function unitIdsUnder(tx: Tx, unitId: string): Promise<Set<string>> {
  const r = await tx.execute<{ id: string }>(sql`SELECT su.id FROM org_units su WHERE su.path @> ARRAY[${unitId}::uuid]`);
  return new Set(r.rows.map((x) => x.id));
}

// ---------------------------------------------------------------- the reports themselves

export type ReportRow = {
  id: string;
  kind: 'plan131' | 'training_annual';
  periodFrom: string;
  periodTo: string;
  unitId: string | null;
  unitName: string | null;
  unitPath: string[] | null;
  unitCode: string | null;
  status: 'draft' | 'issued';
  narrative: Record<string, string>;
  figures: unknown;
  year: number | null;
  seq: number | null;
  number: string | null;
  issuedOn: string | null;
  signerName: string | null;
  signerTitle: string | null;
  dueOn: string | null;
  updatedAt: string;
  version: number;
};

const REPORT_COLUMNS = sql`r.id, r.kind, r.period_from::text AS "periodFrom", r.period_to::text AS "periodTo", r.unit_id AS "unitId", u.name AS "unitName",
  u.path::text[] AS "unitPath", u.code AS "unitCode", r.status, r.narrative, r.figures, r.year, r.seq, r.number, r.issued_on::text AS "issuedOn",
  r.signer_name AS "signerName", r.signer_title AS "signerTitle", r.due_on::text AS "dueOn", to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", r.version`;

export async function findReport(tx: Tx, id: string, scope: SQL): Promise<ReportRow | null> {
  const r = await tx.execute<ReportRow>(
    sql`SELECT ${REPORT_COLUMNS} FROM reports r LEFT JOIN org_units u ON u.id = r.unit_id WHERE r.id = ${id}::uuid AND ${scope}`,
  );
  return r.rows[0] ?? null;
}

export async function listReports(
  tx: Tx,
  scope: SQL,
  q: { unitId?: string; issuer?: 'province' | 'units'; status?: 'draft' | 'issued' | 'late'; today: string },
): Promise<ReportRow[]> {
  const where = [scope];
  if (q.unitId) where.push(sql`r.unit_id = ${q.unitId}::uuid`);
  if (q.issuer) where.push(q.issuer === 'province' ? sql`r.unit_id IS NULL` : sql`r.unit_id IS NOT NULL`);
  if (q.status === 'late') where.push(sql`r.due_on IS NOT NULL AND ((r.status = 'draft' AND r.due_on < ${q.today}::date) OR r.issued_on > r.due_on)`);
  else if (q.status) where.push(sql`r.status = ${q.status}`);
  const r = await tx.execute<ReportRow>(sql`SELECT ${REPORT_COLUMNS} FROM reports r LEFT JOIN org_units u ON u.id = r.unit_id
    WHERE ${sql.join(where, sql` AND `)} ORDER BY r.period_to DESC, r.unit_id NULLS FIRST, u.sort_order, r.created_at DESC LIMIT 500`);
  return r.rows;
}

export async function insertReport(
  tx: Tx,
  x: { kind: 'plan131' | 'training_annual'; from: string; to: string; unitId: string | null; userId: string; dueOn?: string | null },
): Promise<string> {
  const r = await tx.execute<{ id: string }>(sql`INSERT INTO reports (kind, period_from, period_to, unit_id, due_on, created_by, updated_by)
    VALUES (${x.kind}, ${x.from}::date, ${x.to}::date, ${x.unitId}::uuid, ${x.dueOn ?? null}::date, ${x.userId}::uuid, ${x.userId}::uuid) RETURNING id`);
  return r.rows[0].id;
}

/** Saves the narrative of a draft at the given version; false when the version is stale (or the report issued). */
export async function updateReportNarrative(tx: Tx, id: string, version: number, narrative: Record<string, string>, userId: string): Promise<boolean> {
  const r =
    await tx.execute(sql`UPDATE reports SET narrative = ${JSON.stringify(narrative)}::jsonb, updated_by = ${userId}::uuid, updated_at = now(), version = version + 1
    WHERE id = ${id}::uuid AND version = ${version} AND status = 'draft' RETURNING id`);
  return r.rows.length > 0;
}

/** Issues a draft at the given version with its number and frozen figures; false when the version is stale. */
export async function markReportIssued(
  tx: Tx,
  id: string,
  version: number,
  x: { year: number; seq: number; number: string; issuedOn: string; signerName: string; signerTitle: string; figures: unknown; userId: string },
): Promise<boolean> {
  const r = await tx.execute(sql`UPDATE reports SET status = 'issued', year = ${x.year}, seq = ${x.seq}, number = ${x.number}, issued_on = ${x.issuedOn}::date,
      signer_name = ${x.signerName}, signer_title = ${x.signerTitle}, figures = ${JSON.stringify(x.figures)}::jsonb,
      updated_by = ${x.userId}::uuid, updated_at = now(), version = version + 1
    WHERE id = ${id}::uuid AND version = ${version} AND status = 'draft' RETURNING id`);
  return r.rows.length > 0;
}

const bookOf = (unitId: string | null) =>
  sql`coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(${unitId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`;

/** Serialises the numbering of one book's year (Sở Nội vụ's, or a unit's). */
export async function lockReportBook(tx: Tx, year: number, unitId: string | null) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('reports:' || ${unitId ?? 'snv'}), ${year})`);
}

export async function nextReportSeq(tx: Tx, year: number, unitId: string | null): Promise<number> {
  const r = await tx.execute<{ n: number }>(
    sql`SELECT coalesce(max(seq), 0)::int + 1 AS n FROM reports WHERE year = ${year} AND status = 'issued' AND ${bookOf(unitId)}`,
  );
  return r.rows[0].n;
}

export async function reportSeqTaken(tx: Tx, year: number, seq: number, unitId: string | null): Promise<boolean> {
  const r = await tx.execute(sql`SELECT 1 FROM reports WHERE year = ${year} AND seq = ${seq} AND status = 'issued' AND ${bookOf(unitId)}`);
  return r.rows.length > 0;
}
