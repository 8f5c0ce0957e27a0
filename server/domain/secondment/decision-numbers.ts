import type { Tx } from '../../db/client.js';
import { decisionSeqTaken, findUnit, insertDecision, lockDecisionYear, nextDecisionSeq, unitDocumentCode } from '../../db/repositories/secondment.repository.js';
import { AppError, notFound, refuseFutureDate } from '../errors.js';
import type { UseCaseContext } from '../context.js';
import { unitsScope } from '../../db/scope.js';
import type { Actor } from '../access/actor.js';
import type { DecisionKind } from '../../../common/secondment.js';

/**
 * Who issues a decision: the People's Committee (the authority decides sending, extension and early end), or a
 * sending unit for its own decision taking the cadre back (Plan 131 IV.1.b). Each numbers its decisions from 01
 * each calendar year with its own code (Decree 30/2020/NĐ-CP, Appendix I): "05/QĐ-UBND", "03/QĐ-SYT".
 */
export type DecisionIssuer = { unitId: string; code: string } | null;

export const decisionNumber = (seq: number, issuer: DecisionIssuer = null) => `${String(seq).padStart(2, '0')}/QĐ-${issuer?.code ?? 'UBND'}`;

/** The unit as the issuer of its decisions (its code signs the number). */
export async function unitIssuer(tx: Tx, unitId: string): Promise<DecisionIssuer> {
  const code = await unitDocumentCode(tx, unitId);
  if (!code) throw new AppError('not_found', 'Đơn vị ban hành quyết định không tồn tại.');
  return { unitId, code };
}

export async function suggestDecisionNumber(tx: Tx, year: number, issuer: DecisionIssuer = null) {
  const seq = await nextDecisionSeq(tx, year, issuer?.unitId ?? null);
  return { year, seq, number: decisionNumber(seq, issuer) };
}

/**
 * Issues a decision under the lock of its issuer's year: the given number if it is free (otherwise a clear
 * refusal), or the next one. Dated today at the latest.
 */
export async function issueDecision(
  ctx: { tx: Tx; actor: Actor; today: string },
  kind: DecisionKind,
  h: { seq?: number | null; decidedOn: string; signerName: string; signerTitle: string; note?: string | null },
  issuer: DecisionIssuer = null,
) {
  const { tx, actor } = ctx;
  // a decision is recorded once signed: a future date would reserve next year's numbers
  refuseFutureDate(ctx.today, 'decidedOn', h.decidedOn, 'Ngày ký quyết định');
  const year = Number(h.decidedOn.slice(0, 4));
  const issuerUnitId = issuer?.unitId ?? null;
  await lockDecisionYear(tx, year, issuerUnitId);
  let seq = h.seq ?? null;
  if (seq !== null && (await decisionSeqTaken(tx, year, seq, issuerUnitId))) {
    const n = decisionNumber(seq, issuer);
    throw new AppError('conflict', `Số quyết định ${n} năm ${year} đã được sử dụng. Số quyết định được đánh từ 01 và không trùng trong một năm.`, [
      { path: 'seq', message: `Số ${n} đã được sử dụng trong năm ${year}` },
    ]);
  }
  seq ??= await nextDecisionSeq(tx, year, issuerUnitId);
  const number = decisionNumber(seq, issuer);
  const id = await insertDecision(tx, {
    kind,
    issuerUnitId,
    year,
    seq,
    number,
    decidedOn: h.decidedOn,
    signerName: h.signerName,
    signerTitle: h.signerTitle,
    note: h.note,
    createdBy: actor.userId,
  });
  return { id, number, year, seq };
}

/** The next number of the year for the People's Committee, or for a unit the actor may see (its return decisions). */
export async function nextDecisionNumber(ctx: UseCaseContext, year: number, issuerUnitId?: string) {
  if (!issuerUnitId) return suggestDecisionNumber(ctx.tx, year);
  if (!(await findUnit(ctx.tx, issuerUnitId, unitsScope(ctx.actor)))) throw notFound('Đơn vị');
  return suggestDecisionNumber(ctx.tx, year, await unitIssuer(ctx.tx, issuerUnitId));
}
