import type { UseCaseContext } from '../context.js';
import { findReport, lockReportBook, markReportIssued, nextReportSeq, reportSeqTaken } from '../../db/repositories/reports.repository.js';
import { everyRow } from '../../db/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, invalid, refuseFutureDate } from '../errors.js';
import { viDate } from '../../../common/dates.js';
import { reportsPolicy } from './reports.policy.js';
import { loadReport, presentReport, reportFigures, reportPlace, staleReport } from './load-report.js';

/**
 * The number of a report in its book (Decree 30/2020, Appendix III: "05/BC-SNV"): Sở Nội vụ's book for the province's
 * report, the unit's (its code) for a unit's report; from 01 each calendar year, as decisions are numbered.
 */
export const reportNumber = (seq: number, unitCode: string | null) => `${String(seq).padStart(2, '0')}/BC-${unitCode ?? 'SNV'}`;

/**
 * Issues a draft: numbers it in its book under the book's lock (the number given if free, otherwise the next), dates
 * it today at the latest, and freezes its figures and the previous period's as they stand now.
 */
export async function issueReport(
  ctx: UseCaseContext,
  id: string,
  input: { version: number; seq?: number; issuedOn: string; signerName: string; signerTitle: string },
) {
  const r = await loadReport(ctx, id);
  reportsPolicy.assertCan(ctx.actor, 'issue', reportPlace(r));
  if (r.version !== input.version) throw staleReport();
  refuseFutureDate(ctx.today, 'issuedOn', input.issuedOn, 'Ngày ban hành báo cáo');
  // a report on a period is issued once the period has begun, at the earliest
  if (input.issuedOn < r.periodFrom)
    throw invalid([{ path: 'issuedOn', message: `Ngày ban hành báo cáo không được trước ngày đầu kỳ báo cáo (${viDate(r.periodFrom)})` }]);
  const year = Number(input.issuedOn.slice(0, 4));
  await lockReportBook(ctx.tx, year, r.unitId);
  let seq = input.seq ?? null;
  if (seq !== null && (await reportSeqTaken(ctx.tx, year, seq, r.unitId))) {
    const n = reportNumber(seq, r.unitCode);
    throw new AppError('conflict', `Số báo cáo ${n} năm ${year} đã được sử dụng. Số văn bản được đánh từ 01 và không trùng trong một năm.`, [
      { path: 'seq', message: `Số ${n} đã được sử dụng trong năm ${year}` },
    ]);
  }
  seq ??= await nextReportSeq(ctx.tx, year, r.unitId);
  const number = reportNumber(seq, r.unitCode);
  const { frozen: _live, ...figures } = await reportFigures(ctx, r);
  const ok = await markReportIssued(ctx.tx, id, input.version, {
    year,
    seq,
    number,
    issuedOn: input.issuedOn,
    signerName: input.signerName,
    signerTitle: input.signerTitle,
    figures,
    userId: ctx.actor.userId,
  });
  if (!ok) throw staleReport();
  await recordAudit(ctx.tx, ctx, {
    action: 'issue',
    entityType: 'report',
    entityId: id,
    before: { status: 'draft' },
    after: { status: 'issued', number, issuedOn: input.issuedOn, signerName: input.signerName, signerTitle: input.signerTitle },
  });
  const row = (await findReport(ctx.tx, id, everyRow))!;
  return presentReport(ctx, row, await reportFigures(ctx, row));
}
