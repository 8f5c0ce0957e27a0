import { everyRow } from '../../db/scope.js';
import type { UseCaseContext } from '../context.js';
import type { Tx } from '../../db/client.js';
import { findEnded, findSecondment, setHostAccessEnd } from '../../db/repositories/secondment.repository.js';
import { AppError } from '../errors.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { viDate } from '../../../common/dates.js';
import { applyStep, loadForStep } from './step.js';

/** Records that a secondment's term is over (its end date has passed); the sending unit then places the cadre. */
export async function completeSecondment(ctx: UseCaseContext, id: string, input: { version: number; note?: string | null }) {
  const s = await loadForStep(ctx, id, 'complete', input.version);
  if (!s.endDate || s.endDate >= ctx.today) {
    throw new AppError('conflict', `Chưa hết thời hạn tăng cường: ngày kết thúc là ${viDate(s.endDate)}.`);
  }
  const r = await applyStep(ctx, s, { action: 'complete', to: 'completed', note: input.note ?? null, set: { actualEndDate: s.endDate } });
  await setHostAccessEnd(ctx.tx, s.id, s.endDate);
  return r;
}

/**
 * The daily pass: every active secondment whose end date has passed is flagged completed, with an event on its
 * timeline and an audit row — never silently. Returns how many were flagged.
 */
export async function completeDueSecondments(tx: Tx, today: string): Promise<number> {
  const ctx: UseCaseContext = { actor: SYSTEM_ACTOR, tx, requestId: null, today };
  let n = 0;
  for (const { id } of await findEnded(tx, today)) {
    const s = await findSecondment(tx, id, everyRow, true);
    if (!s || s.status !== 'active' || !s.endDate || s.endDate >= today) continue;
    await applyStep(ctx, s, {
      action: 'complete',
      to: 'completed',
      note: `Hệ thống tự động ghi nhận hết thời hạn tăng cường (ngày kết thúc ${viDate(s.endDate)}); chờ đơn vị cử bố trí công tác.`,
      set: { actualEndDate: s.endDate },
    });
    await setHostAccessEnd(tx, s.id, s.endDate);
    n++;
  }
  return n;
}
