import { regulationOn } from '../training/training-context.js';
import type { UseCaseContext } from '../context.js';
import type { ReferenceTable } from '../../../common/schemas/reference.js';
import type { RepaymentReason, CourseKind } from '../../../common/training.js';
import { listEntitlementFactsByStatus, loadPayTables, type EntitlementFactsRow } from '../../db/repositories/entitlements.repository.js';
import { findBaseSalaries } from '../../db/repositories/training-budget.repository.js';
import { listComputedSupplementaryBudgets, listOpenEnrolments, listRepaymentFacts } from '../../db/repositories/reference-tables.repository.js';
import { findCourse, type CourseRow } from '../../db/repositories/training.repository.js';
import { judgePersonForCourse } from '../training/check-eligibility.js';
import type { TrainingEligibility } from '../rules/training/types.js';
import { computeEntitlements } from '../rules/entitlements.js';
import { entitlementInput } from '../secondment-entitlements/entitlement-facts.js';
import { computeSupplementaryBudget } from '../rules/training/supplementary-budget.js';
import { computeRepayment } from '../rules/training/repayment.js';
import { serviceCommitment } from '../rules/training/commitment.js';
import { buildRuleContext } from '../eligibility/rule-context.js';
import { screenAll, screeningWhere } from '../eligibility/screen-people.js';
import { planInForce } from '../plans/plan-in-force.js';
import type { ScreeningOutcome } from '../rules/screen-person.js';
import type { RuleContext } from '../rules/types.js';
import { ratingInstrument, ratingSchemeOf, type RatingInstrumentRow } from '../../../common/ratings.js';

/**
 * What the dated reference tables move, measured on the tables as they stand in the transaction: the what-if
 * measures once as saved and once with the draft row written in a savepoint that is rolled back, so the same rules
 * (and the screening's SQL twin, which reads the discipline bars in SQL) judge both; nothing is duplicated.
 */

/** The tables each effect reads. */
export const SCREENING_TABLES: readonly ReferenceTable[] = ['discipline_forms', 'key_posts'];
export const PAY_TABLES: readonly ReferenceTable[] = ['base_salaries', 'allowance_multipliers'];
export const BUDGET_TABLES: readonly ReferenceTable[] = ['base_salaries'];
export const REPAYMENT_TABLES: readonly ReferenceTable[] = ['training_regulations'];
export const TRAINING_TABLES: readonly ReferenceTable[] = ['training_regulations', 'discipline_forms'];
export const RATING_TABLES: readonly ReferenceTable[] = ['rating_instruments'];

/** The rating years a change of instrument may move: from the first year any row governs to a few years ahead. */
export function ratingYearsToCompare(rows: readonly RatingInstrumentRow[], today: string): number[] {
  const first = Math.min(...rows.map((r) => Number(r.effectiveFrom.slice(0, 4))), Number(today.slice(0, 4)));
  const last = Math.max(...rows.map((r) => Number(r.effectiveFrom.slice(0, 4))), Number(today.slice(0, 4))) + 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The years of a category whose instrument or points differ between two states of rating_instruments. Pure. */
export function ratingYearsMoved(before: readonly RatingInstrumentRow[], after: readonly RatingInstrumentRow[], category: string, years: readonly number[]) {
  return years
    .map((year) => ({ year, b: ratingSchemeOf(before, year, category), a: ratingSchemeOf(after, year, category) }))
    .filter(({ b, a }) => (b?.instrument ?? '') !== (a?.instrument ?? '') || Boolean(b?.hasPoints) !== Boolean(a?.hasPoints))
    .map(({ year, b, a }) => ({
      year,
      before: ratingInstrument(before, year, category),
      after: ratingInstrument(after, year, category),
      pointsBefore: Boolean(b?.hasPoints),
      pointsAfter: Boolean(a?.hasPoints),
    }));
}

/** The entitlements moved by the pay tables are those of decided and active secondments. */
export const ENTITLEMENT_STATUSES = ['decided', 'active'] as const;

export interface Screened {
  rules: RuleContext;
  outcomes: ScreeningOutcome[];
}

/** The screening of everyone the actor sees on the date, under the plan version in force that day. */
export async function measureScreening(ctx: UseCaseContext, referenceDate: string, destinationPostId?: string): Promise<Screened> {
  const plan = await planInForce(ctx.tx, referenceDate);
  const rules = await buildRuleContext(ctx.tx, referenceDate, plan.params, destinationPostId);
  const [outcomes] = await screenAll(ctx, screeningWhere(ctx, {}), [rules]);
  return { rules, outcomes };
}

export interface EntitlementLine {
  id: string;
  row: EntitlementFactsRow;
  oneOff: number | null;
  monthly: number | null;
}

/** The one-off allowance and the monthly salary at the start of each secondment given, by the pay tables in the transaction. */
export async function measureEntitlements(ctx: UseCaseContext, rows: readonly EntitlementFactsRow[], minSecondmentMonths: number): Promise<EntitlementLine[]> {
  const tables = await loadPayTables(ctx.tx);
  return rows.map((row) => {
    const r = computeEntitlements(entitlementInput(row, tables, ctx.today, minSecondmentMonths));
    const b = r.entitlements.find((e) => e.code === 'one_off_allowance');
    const a = r.entitlements.find((e) => e.code === 'keep_salary');
    return { id: row.id, row, oneOff: b?.applies ? (b.amountVnd ?? null) : null, monthly: a?.amountVnd ?? null };
  });
}

export const loadEntitlementRows = (ctx: UseCaseContext, scope: Parameters<typeof listEntitlementFactsByStatus>[2]) =>
  listEntitlementFactsByStatus(ctx.tx, ENTITLEMENT_STATUSES, scope);

export interface BudgetLine {
  id: string;
  unitName: string;
  year: number;
  overridden: boolean;
  amount: number | null;
}

/** Every supplementary budget computed so far, recomputed from the inputs its computation stored and the base salaries in the transaction. */
export async function measureBudgets(ctx: UseCaseContext): Promise<BudgetLine[]> {
  const baseSalaries = (await findBaseSalaries(ctx.tx)) as Parameters<typeof computeSupplementaryBudget>[0]['baseSalaries'];
  return (await listComputedSupplementaryBudgets(ctx.tx)).map((b) => {
    const c = b.computation as {
      restructuredOn?: string;
      rate?: number;
      coefficientSum?: string;
      peopleCounted?: number;
      peopleWithoutCoefficient?: number;
      assignedStaffing?: { year: number; headcount: number; decisionNo: string | null } | null;
    };
    let amount: number | null = null;
    if (c.restructuredOn && typeof c.rate === 'number' && c.coefficientSum !== undefined) {
      try {
        amount = Number(
          computeSupplementaryBudget({
            restructuredOn: c.restructuredOn,
            rate: c.rate,
            coefficientHundredths: BigInt(Math.round(Number(c.coefficientSum) * 100)),
            peopleCounted: c.peopleCounted ?? 0,
            peopleWithoutCoefficient: c.peopleWithoutCoefficient ?? 0,
            baseSalaries,
            assignedStaffing: c.assignedStaffing ?? undefined,
          }).amountVnd,
        );
      } catch {
        // a month with no base salary in force: no amount to compare
        amount = null;
      }
    }
    return { id: b.id, unitName: b.unitName, year: b.year, overridden: b.overridden, amount };
  });
}

export interface RepaymentLine {
  id: string;
  personCode: string;
  fullName: string;
  courseName: string;
  status: string;
  amount: number | null;
}

/**
 * Every recorded repayment recomputed under the training regulation in force, in the transaction, for the person's
 * category on the course's start date (no amount when none is in force or nothing is due).
 */
export async function measureRepayments(ctx: UseCaseContext): Promise<RepaymentLine[]> {
  // the regulation of the person's category on the course's start, read in the transaction (a draft row included)
  const out: RepaymentLine[] = [];
  for (const f of await listRepaymentFacts(ctx.tx)) {
    const regulation = await regulationOn(ctx.tx, f.category, f.courseStart);
    let amount: number | null = null;
    if (regulation) {
      const course = { kind: f.courseKind as CourseKind, startDate: f.courseStart, endDate: f.courseEnd };
      const r = computeRepayment({
        costVnd: BigInt(f.spentVnd),
        commitment: serviceCommitment(course, regulation),
        completed: f.enrolmentStatus === 'completed',
        courseStart: f.courseStart,
        courseEnd: f.courseEnd,
        leftOn: f.leftOn,
        reason: f.reason as RepaymentReason,
        gender: f.gender,
        isMinority: f.isMinority,
        probationEndedOn: f.probationEndedOn,
        regulation,
      });
      amount = r.due ? Number(r.amountVnd) : null;
    }
    out.push({ id: f.id, personCode: f.personCode, fullName: f.fullName, courseName: f.courseName, status: f.status, amount });
  }
  return out;
}

export interface TrainingVerdictLine {
  id: string;
  personCode: string;
  fullName: string;
  courseTitle: string;
  eligibility: TrainingEligibility | null;
}

/** The training verdict of every open nomination for a course not yet started, by the training rules on the tables in the transaction. */
export async function measureTrainingVerdicts(ctx: UseCaseContext): Promise<TrainingVerdictLine[]> {
  const courses = new Map<string, CourseRow | null>();
  const out: TrainingVerdictLine[] = [];
  for (const e of await listOpenEnrolments(ctx.tx, ctx.today)) {
    if (!courses.has(e.courseId)) courses.set(e.courseId, await findCourse(ctx.tx, e.courseId));
    const course = courses.get(e.courseId);
    let eligibility: TrainingEligibility | null = null;
    if (course) {
      try {
        eligibility = await judgePersonForCourse(ctx, e.personId, course, e.id);
      } catch {
        // no regulation in force for the course: nothing to compare
        eligibility = null;
      }
    }
    out.push({ id: e.id, personCode: e.personCode, fullName: e.fullName, courseTitle: e.courseTitle, eligibility });
  }
  return out;
}
