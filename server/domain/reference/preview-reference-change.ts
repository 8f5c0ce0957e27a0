import type { UseCaseContext } from '../context.js';
import { CRITERIA, CRITERION_LABELS, type Criterion } from '../../../common/eligibility.js';
import { REFERENCE_ACTION_LABELS, REFERENCE_TABLE_LABELS, type ReferencePreview, type ReferencePreviewInput } from '../../../common/schemas/reference.js';
import { countRatingsByYear, listReferenceRows, listScoredRatings, upsertReferenceRow } from '../../db/repositories/reference-tables.repository.js';
import { findRatingInstruments } from '../../db/repositories/eligibility.repository.js';
import { peopleScope, personIn, secondmentsScope } from '../../db/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { screenFew } from '../eligibility/screen-people.js';
import { planInForce } from '../plans/plan-in-force.js';
import { changedPeriod, rowKeyOf, rowText, stableJson, type MergedDraft, type ReferenceRowValues } from './reference-draft.js';
import { countVerdicts, moneyMoves, verdictFlips } from './reference-diff.js';
import { loadDraft } from './load-draft.js';
import { referencePolicy } from './reference.policy.js';
import {
  BUDGET_TABLES,
  loadEntitlementRows,
  measureBudgets,
  measureEntitlements,
  measureRepayments,
  measureScreening,
  measureTrainingVerdicts,
  PAY_TABLES,
  RATING_TABLES,
  ratingYearsMoved,
  ratingYearsToCompare,
  TRAINING_TABLES,
  REPAYMENT_TABLES,
  SCREENING_TABLES,
  type BudgetLine,
  type EntitlementLine,
  type RepaymentLine,
  type Screened,
  type TrainingVerdictLine,
} from './reference-effects.js';
import { TRAINING_CRITERION_LABELS, type TrainingCriterion } from '../../../common/training.js';

/** The most people whose reasons are shown (the counts cover everyone). */
const MAX_PEOPLE = 200;

class RolledBack extends Error {}

/** Runs `fn` with the draft row written in a savepoint that is always rolled back. */
async function withDraftRow<T>(
  ctx: UseCaseContext,
  m: MergedDraft,
  table: Parameters<typeof upsertReferenceRow>[1],
  fn: (ctx: UseCaseContext) => Promise<T>,
): Promise<T> {
  let out: T | undefined;
  try {
    await ctx.tx.transaction(async (t) => {
      await upsertReferenceRow(t, table, m.row);
      out = await fn({ ...ctx, tx: t });
      throw new RolledBack();
    });
  } catch (e) {
    if (!(e instanceof RolledBack)) throw e;
  }
  return out as T;
}

interface Measures {
  instruments?: Awaited<ReturnType<typeof findRatingInstruments>>;
  screening?: Screened;
  entitlements?: EntitlementLine[];
  budgets?: BudgetLine[];
  repayments?: RepaymentLine[];
  training?: TrainingVerdictLine[];
}

/**
 * "Dự kiến thay đổi" of a dated reference table (Sở Nội vụ): who changes screening verdict on the reference date
 * and why, which entitlements of decided and active secondments, which supplementary training budgets and which
 * repayments move, and by how much in total — before anything is saved. The draft is written in a savepoint and
 * rolled back, so the rules and the screening statement judge it exactly as they would once saved. The result
 * shows verdict reasons and pay: the read is logged.
 */
export async function previewReferenceChange(ctx: UseCaseContext, input: ReferencePreviewInput): Promise<ReferencePreview> {
  const table = input.draft.table;
  const m = await loadDraft(ctx, input.draft, input.instrument);
  const rowsNow = await listReferenceRows(ctx.tx, table);
  const key = rowKeyOf(table, m.row);
  const rowsAfter: ReferenceRowValues[] = [...rowsNow.filter((r) => stableJson(rowKeyOf(table, r)) !== stableJson(key)), m.row];
  const period = changedPeriod(table, m, rowsAfter);
  const referenceDate = input.referenceDate ?? (period.from > ctx.today ? period.from : ctx.today);
  const notes: string[] = [];

  const wantScreening = SCREENING_TABLES.includes(table);
  const wantPay = PAY_TABLES.includes(table);
  const wantBudgets = BUDGET_TABLES.includes(table);
  const wantRepayments = REPAYMENT_TABLES.includes(table);
  const wantTraining = TRAINING_TABLES.includes(table);
  const wantRatings = RATING_TABLES.includes(table);
  if (table === 'key_posts' && !input.destinationPostId)
    notes.push('Chức danh lãnh đạo chủ chốt chỉ được xét khi sàng lọc cho một vị trí nơi đến: chọn vị trí nơi đến để xem ai thay đổi kết quả.');
  if (table === 'rating_instruments')
    notes.push(
      'Văn bản xếp loại không làm thay đổi kết quả sàng lọc, chỉ thay đổi căn cứ được trích dẫn cho từng năm và việc có chấm điểm hay không khi ghi xếp loại mới.',
    );
  if (table === 'training_regulations')
    notes.push('Điều kiện cử đi đào tạo của từng hồ sơ được xét lại khi phê duyệt; bảng dưới đây tính lại số tiền bồi hoàn đã ghi nhận.');

  const entitlementRows = wantPay ? await loadEntitlementRows(ctx, secondmentsScope(ctx.actor, { who: referencePolicy.gates.manage.who })) : [];
  const minMonths = wantPay ? (await planInForce(ctx.tx, ctx.today)).params.minSecondmentMonths : 0;

  const measure = async (c: UseCaseContext): Promise<Measures> => ({
    instruments: wantRatings ? await findRatingInstruments(c.tx) : undefined,
    screening: wantScreening ? await measureScreening(c, referenceDate, input.destinationPostId) : undefined,
    entitlements: wantPay ? await measureEntitlements(c, entitlementRows, minMonths) : undefined,
    budgets: wantBudgets ? await measureBudgets(c) : undefined,
    repayments: wantRepayments ? await measureRepayments(c) : undefined,
    training: wantTraining ? await measureTrainingVerdicts(c) : undefined,
  });

  const before = await measure(ctx);
  let flips: ReturnType<typeof verdictFlips> = [];
  let reasonsAfter = new Map<string, Awaited<ReturnType<typeof screenFew>>[number]>();
  const after = await withDraftRow(ctx, m, table, async (c) => {
    const measured = await measure(c);
    if (measured.screening && before.screening) {
      flips = verdictFlips(before.screening.outcomes, measured.screening.outcomes);
      const ids = flips.slice(0, MAX_PEOPLE).map((f) => f.personId);
      if (ids.length) reasonsAfter = new Map((await screenFew(c, personIn(ids), measured.screening.rules)).map((x) => [x.facts.personId, x]));
    }
    return measured;
  });

  let screening: ReferencePreview['screening'] = null;
  if (before.screening && after.screening) {
    const shown = flips.slice(0, MAX_PEOPLE);
    const reasonsBefore = new Map(
      shown.length ? (await screenFew(ctx, personIn(shown.map((f) => f.personId)), before.screening.rules)).map((x) => [x.facts.personId, x]) : [],
    );
    screening = {
      referenceDate,
      total: before.screening.outcomes.length,
      current: countVerdicts(before.screening.outcomes),
      draft: countVerdicts(after.screening.outcomes),
      changed: flips.length,
      truncated: flips.length > shown.length,
      people: shown.map((f) => {
        const b = reasonsBefore.get(f.personId);
        const a = reasonsAfter.get(f.personId);
        const crit = (x: typeof a, c: Criterion) => x?.screening.criteria.find((v) => v.criterion === c);
        return {
          personId: f.personId,
          code: a?.facts.code ?? b?.facts.code ?? '',
          fullName: a?.facts.fullName ?? b?.facts.fullName ?? '',
          unitName: a?.facts.unitName ?? b?.facts.unitName ?? '',
          verdictBefore: f.before,
          verdictAfter: f.after,
          criteria: f.criteria
            .filter((c) => CRITERIA.includes(c))
            .map((c) => ({
              criterion: c,
              label: CRITERION_LABELS[c],
              resultBefore: crit(b, c)?.result ?? 'na',
              resultAfter: crit(a, c)?.result ?? 'na',
              reasonBefore: crit(b, c)?.reason ?? '',
              reasonAfter: crit(a, c)?.reason ?? '',
              clause: crit(a, c)?.clause ?? crit(b, c)?.clause ?? '',
            })),
        };
      }),
    };
  }

  let training: ReferencePreview['training'] = null;
  if (before.training && after.training) {
    const afterById = new Map(after.training.map((l) => [l.id, l]));
    const items: NonNullable<ReferencePreview['training']>['items'] = [];
    for (const b of before.training) {
      const a = afterById.get(b.id);
      if (!a?.eligibility || !b.eligibility || a.eligibility.verdict === b.eligibility.verdict) continue;
      const resultOf = (e: typeof b.eligibility, c: string) => e.criteria.find((x) => x.criterion === c);
      items.push({
        enrolmentId: b.id,
        personCode: b.personCode,
        fullName: b.fullName,
        courseTitle: b.courseTitle,
        verdictBefore: b.eligibility.verdict,
        verdictAfter: a.eligibility.verdict,
        criteria: a.eligibility.criteria
          .filter((c) => resultOf(b.eligibility!, c.criterion)?.result !== c.result)
          .map((c) => ({
            criterion: c.criterion,
            label: TRAINING_CRITERION_LABELS[c.criterion as TrainingCriterion] ?? c.criterion,
            resultBefore: resultOf(b.eligibility!, c.criterion)?.result ?? 'na',
            resultAfter: c.result,
            reasonAfter: c.reason,
            clause: c.clause,
          })),
      });
    }
    training = { considered: before.training.length, items };
  }

  let entitlements: ReferencePreview['entitlements'] = null;
  if (before.entitlements && after.entitlements) {
    const afterById = new Map(after.entitlements.map((l) => [l.id, l]));
    const lines = before.entitlements.map((b) => ({ b, a: afterById.get(b.id)! }));
    const oneOff = moneyMoves(lines.map((x) => ({ id: x.b.id, before: x.b.oneOff, after: x.a.oneOff })));
    const monthly = moneyMoves(lines.map((x) => ({ id: x.b.id, before: x.b.monthly, after: x.a.monthly })));
    const moved = lines.filter((x) => x.b.oneOff !== x.a.oneOff || x.b.monthly !== x.a.monthly);
    entitlements = {
      considered: lines.length,
      oneOffDeltaVnd: oneOff.deltaVnd,
      monthlyDeltaVnd: monthly.deltaVnd,
      items: moved.map(({ b, a }) => ({
        secondmentId: b.id,
        personCode: b.row.personCode,
        fullName: b.row.fullName,
        sendingUnitName: b.row.sendingUnitName,
        status: b.row.status,
        startDate: b.row.startDate,
        oneOff: { before: b.oneOff, after: a.oneOff },
        monthly: { before: b.monthly, after: a.monthly },
      })),
    };
  }

  let budgets: ReferencePreview['budgets'] = null;
  if (before.budgets && after.budgets) {
    const afterById = new Map(after.budgets.map((l) => [l.id, l]));
    const moved = moneyMoves(before.budgets.map((b) => ({ ...b, before: b.amount, after: afterById.get(b.id)?.amount ?? null })));
    budgets = {
      considered: before.budgets.length,
      deltaVnd: moved.deltaVnd,
      items: moved.items.map((b) => ({ budgetId: b.id, unitName: b.unitName, year: b.year, overridden: b.overridden, before: b.before, after: b.after })),
    };
    if (moved.items.some((b) => b.overridden)) notes.push('Kinh phí đã được điều chỉnh thủ công giữ nguyên số đã điều chỉnh; chỉ số tính toán thay đổi.');
  }

  let repayments: ReferencePreview['repayments'] = null;
  if (before.repayments && after.repayments) {
    const afterById = new Map(after.repayments.map((l) => [l.id, l]));
    const moved = moneyMoves(before.repayments.map((r) => ({ ...r, before: r.amount, after: afterById.get(r.id)?.amount ?? null })));
    repayments = {
      considered: before.repayments.length,
      deltaVnd: moved.deltaVnd,
      items: moved.items.map((r) => ({
        repaymentId: r.id,
        personCode: r.personCode,
        fullName: r.fullName,
        courseName: r.courseName,
        status: r.status,
        before: r.before,
        after: r.after,
      })),
    };
  }

  let ratings: ReferencePreview['ratings'] = null;
  if (before.instruments && after.instruments) {
    const category = String(m.row.category);
    const moved = ratingYearsMoved(before.instruments, after.instruments, category, ratingYearsToCompare([...before.instruments, ...after.instruments], ctx.today));
    const scope = peopleScope(ctx);
    const counts = await countRatingsByYear(
      ctx.tx,
      category,
      moved.map((y) => y.year),
      scope,
    );
    const lost = moved.filter((y) => y.pointsBefore && !y.pointsAfter).map((y) => y.year);
    const scored = await listScoredRatings(ctx.tx, category, lost, scope, MAX_PEOPLE);
    const years = moved.map((y) => ({ ...y, ratings: counts.get(y.year) ?? 0 }));
    ratings = { years, ratingsMoved: years.reduce((n, y) => n + y.ratings, 0), pointsLost: scored.items, pointsLostTotal: scored.total };
  }

  await recordAudit(ctx.tx, ctx, {
    action: 'read_sensitive',
    entityType: 'reference_preview',
    meta: {
      table,
      action: m.action,
      rowKey: key,
      referenceDate,
      verdictsChanged: screening?.changed ?? null,
      trainingVerdictsChanged: training?.items.length ?? null,
      entitlementsMoved: entitlements?.items.length ?? null,
      budgetsMoved: budgets?.items.length ?? null,
      repaymentsMoved: repayments?.items.length ?? null,
      ratingsMoved: ratings?.ratingsMoved ?? null,
    },
  });

  return {
    table,
    tableLabel: REFERENCE_TABLE_LABELS[table],
    action: m.action,
    actionLabel: REFERENCE_ACTION_LABELS[m.action],
    rowKey: key,
    before: m.existing,
    after: m.row,
    beforeText: m.existing ? rowText(table, m.existing) : null,
    afterText: rowText(table, m.row),
    period,
    screening,
    training,
    entitlements,
    budgets,
    repayments,
    ratings,
    notes,
  };
}
