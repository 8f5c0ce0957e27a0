import type { Tx } from '../../db/client.js';
import { decisionSeqTaken, insertDecision, lockDecisionYear, nextDecisionSeq } from '../../db/repositories/secondment.repository.js';
import { AppError } from '../errors.js';
import type { Actor } from '../access/actor.js';
import type { DecisionKind } from '../../../common/secondment.js';

/** "05/QĐ-UBND": numbered from 01 each calendar year (Decree 30/2020/NĐ-CP, Appendix I). */
export const decisionNumber = (seq: number) => `${String(seq).padStart(2, '0')}/QĐ-UBND`;

export async function suggestDecisionNumber(tx: Tx, year: number) {
  const seq = await nextDecisionSeq(tx, year);
  return { year, seq, number: decisionNumber(seq) };
}

/**
 * Issues a decision under the year's lock: the given number if it is free this year (otherwise a clear refusal),
 * or the next one.
 */
export async function issueDecision(
  tx: Tx,
  actor: Actor,
  kind: DecisionKind,
  h: { seq?: number | null; decidedOn: string; signerName: string; signerTitle: string; note?: string | null },
) {
  const year = Number(h.decidedOn.slice(0, 4));
  await lockDecisionYear(tx, year);
  let seq = h.seq ?? null;
  if (seq !== null && (await decisionSeqTaken(tx, year, seq))) {
    throw new AppError('conflict', `Số quyết định ${decisionNumber(seq)} năm ${year} đã được sử dụng. Số quyết định được đánh từ 01 và không trùng trong một năm.`, [
      { path: 'seq', message: `Số ${decisionNumber(seq)} đã được sử dụng trong năm ${year}` },
    ]);
  }
  seq ??= await nextDecisionSeq(tx, year);
  const number = decisionNumber(seq);
  const id = await insertDecision(tx, { kind, year, seq, number, decidedOn: h.decidedOn, signerName: h.signerName, signerTitle: h.signerTitle, note: h.note, createdBy: actor.userId });
  return { id, number, year, seq };
}
