import type { UseCaseContext } from '../context.js';
import { FUNDING_SOURCE_LABELS, type FundingSource } from '../../../common/training.js';
import { ensureBudgetRow, insertLedgerEntry, lockBudget, lockBudgetById, moveBudget, type BudgetRow } from '../../db/repositories/training-budget.repository.js';
import { AppError } from '../errors.js';
import { vndText } from '../rules/pay/money.js';

const available = (b: BudgetRow) => BigInt(b.amountVnd) + BigInt(b.overdraftVnd) - BigInt(b.committedVnd);

/**
 * Commits an amount against a unit's budget of a year and funding source. The budget row is locked first, so
 * concurrent commitments take turns and each sees the others; beyond what is left only an authority's override
 * (with its reason) may go, and the excess is recorded as such. Returns the budget id.
 */
export async function commitAgainstBudget(
  ctx: UseCaseContext,
  o: {
    unitId: string;
    unitName: string;
    year: number;
    source: FundingSource;
    amount: bigint;
    enrolmentId: string;
    entryDate: string;
    overrideReason: string | null;
  },
): Promise<string> {
  if (o.overrideReason) await ensureBudgetRow(ctx.tx, o.unitId, o.year, o.source, ctx.actor.userId);
  const b = await lockBudget(ctx.tx, o.unitId, o.year, o.source);
  if (!b) {
    throw new AppError(
      'conflict',
      `${o.unitName} chưa có dự toán "${FUNDING_SOURCE_LABELS[o.source]}" năm ${o.year}. Không thể cam kết chi; cần nhập dự toán hoặc cấp có thẩm quyền quyết định vượt dự toán.`,
    );
  }
  return commitOnLocked(ctx, b, o);
}

async function commitOnLocked(
  ctx: UseCaseContext,
  b: BudgetRow,
  o: { unitName: string; year: number; source: FundingSource; amount: bigint; enrolmentId: string; entryDate: string; overrideReason: string | null },
) {
  if (o.amount === 0n) return b.id;
  const left = available(b);
  let overdraft = 0n;
  if (o.amount > left) {
    if (!o.overrideReason) {
      throw new AppError(
        'conflict',
        `Vượt dự toán: ${o.unitName}, "${FUNDING_SOURCE_LABELS[o.source]}" năm ${o.year} còn ${vndText(left > 0n ? left : 0n)}, khoản cần cam kết là ${vndText(o.amount)}. ` +
          'Chỉ cấp có thẩm quyền được quyết định vượt dự toán, có ghi rõ lý do.',
      );
    }
    overdraft = o.amount - (left > 0n ? left : 0n);
  }
  await moveBudget(ctx.tx, b.id, { committed: o.amount, overdraft });
  await insertLedgerEntry(ctx.tx, {
    budgetId: b.id,
    enrolmentId: o.enrolmentId,
    kind: 'commit',
    amountVnd: o.amount,
    entryDate: o.entryDate,
    overrideReason: overdraft > 0n ? o.overrideReason : null,
    createdBy: ctx.actor.userId,
  });
  return b.id;
}

/** Records a payment; what goes beyond the enrolment's commitment is committed first, under the same rule. */
export async function spendFromBudget(
  ctx: UseCaseContext,
  o: {
    budgetId: string;
    unitName: string;
    year: number;
    source: FundingSource;
    amount: bigint;
    extraCommitment: bigint;
    enrolmentId: string;
    entryDate: string;
    note: string | null;
    overrideReason: string | null;
  },
) {
  const b = await lockBudgetById(ctx.tx, o.budgetId);
  if (!b) throw new AppError('conflict', 'Không tìm thấy dự toán đã cam kết cho khóa học này.');
  if (o.extraCommitment > 0n) await commitOnLocked(ctx, b, { ...o, amount: o.extraCommitment });
  await moveBudget(ctx.tx, b.id, { spent: o.amount });
  await insertLedgerEntry(ctx.tx, {
    budgetId: b.id,
    enrolmentId: o.enrolmentId,
    kind: 'spend',
    amountVnd: o.amount,
    entryDate: o.entryDate,
    note: o.note,
    createdBy: ctx.actor.userId,
  });
}

/** Gives back what an enrolment committed and did not spend (a withdrawal). */
export async function releaseFromBudget(ctx: UseCaseContext, o: { budgetId: string; amount: bigint; enrolmentId: string; entryDate: string }) {
  if (o.amount <= 0n) return;
  await lockBudgetById(ctx.tx, o.budgetId);
  await moveBudget(ctx.tx, o.budgetId, { committed: -o.amount });
  await insertLedgerEntry(ctx.tx, {
    budgetId: o.budgetId,
    enrolmentId: o.enrolmentId,
    kind: 'release',
    amountVnd: o.amount,
    entryDate: o.entryDate,
    createdBy: ctx.actor.userId,
  });
}
