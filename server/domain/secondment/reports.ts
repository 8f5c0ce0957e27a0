import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { requestReportInput, submitReportInput } from '../../../common/schemas/secondment.js';
import { findReport, insertReports, submitReport as saveReport } from '../../db/repositories/secondment.repository.js';
import { AppError, invalid, notFound } from '../errors.js';
import { recordActivity, staleVersion, loadForStep } from './step.js';
import { viDate } from '../../../common/dates.js';

/** Sở Nội vụ or the host asks the cadre for an ad-hoc report by a date (Plan 131 IV.2, S11). */
export async function requestReport(ctx: UseCaseContext, id: string, input: z.infer<typeof requestReportInput>) {
  const s = await loadForStep(ctx, id, 'request_report');
  if (input.dueOn < ctx.today) throw invalid([{ path: 'dueOn', message: 'Hạn báo cáo không được trước ngày hôm nay' }]);
  const [reportId] = await insertReports(ctx.tx, s.id, [{ kind: 'adhoc', dueOn: input.dueOn, requestedBy: ctx.actor.userId, requestNote: input.note }]);
  await recordActivity(ctx, s, 'request_report', `Yêu cầu báo cáo đột xuất, hạn ${viDate(input.dueOn)}: ${input.note}`, { reportId, dueOn: input.dueOn });
  return { id: reportId };
}

/**
 * The cadre files a report, periodic or requested, while the secondment is active (S11). A report already filed or
 * cancelled cannot be filed again; a late report is accepted and stays marked late by its due date.
 */
export async function submitReport(ctx: UseCaseContext, id: string, reportId: string, input: z.infer<typeof submitReportInput>) {
  const s = await loadForStep(ctx, id, 'submit_report');
  const report = await findReport(ctx.tx, s.id, reportId);
  if (!report) throw notFound('Báo cáo');
  if (report.cancelledAt) throw new AppError('conflict', 'Kỳ báo cáo này đã được hủy (tăng cường kết thúc trước kỳ báo cáo).');
  if (report.submittedOn) throw new AppError('conflict', `Báo cáo này đã được nộp ngày ${viDate(report.submittedOn)}.`);
  if (report.version !== input.version) throw staleVersion();
  const today = ctx.today;
  const version = await saveReport(ctx.tx, report.id, input.version, {
    submittedOn: today,
    by: ctx.actor.userId,
    results: input.results,
    difficulties: input.difficulties ?? null,
    proposals: input.proposals ?? null,
  });
  if (version === null) throw staleVersion();
  const late = report.dueOn < today;
  await recordActivity(ctx, s, 'submit_report', late ? `Nộp báo cáo muộn (hạn ${viDate(report.dueOn)})` : 'Nộp báo cáo', { reportId, late });
  return { id: report.id, status: 'submitted', version };
}
