import type { UseCaseContext } from '../context.js';
import { guidanceIssued, type InspectionFigureScope } from '../../db/repositories/inspections.repository.js';
import { guidanceScope } from '../../db/scope.js';
import type { ReportDocument, ReportFigure } from '../../../common/schemas/reports.js';

/**
 * The report's figures of Sở Nội vụ's guidance and inspections (Plan 131 IV.3), seen through the actor's scope: the
 * guidance documents issued in the period (section I, counted and listed), and the inspections concluded in it, the
 * recommendations they made, those answered in it, and those overdue at the period's end (counted in `n` by
 * `FIGURE_DEFS` of reports.repository.ts, which also lists them).
 */
export async function inspectionReportFigures(
  ctx: UseCaseContext,
  scope: InspectionFigureScope,
  n: Record<string, number>,
): Promise<{ figures: ReportFigure[]; documents: ReportDocument[] }> {
  const guidance = await guidanceIssued(ctx.tx, scope, guidanceScope(ctx.actor));
  const figures: ReportFigure[] = [
    { key: 'documents.guidance', group: 'documents', label: 'Văn bản hướng dẫn của Sở Nội vụ', unit: 'văn bản', value: guidance.length },
    { key: 'inspections.concluded', group: 'inspections', label: 'Cuộc kiểm tra đã kết luận trong kỳ', unit: 'cuộc', value: n['inspections.concluded']! },
    { key: 'inspections.recommendations', group: 'inspections', label: 'Kiến nghị sau kiểm tra', unit: 'kiến nghị', value: n['inspections.recommendations']! },
    { key: 'inspections.answered', group: 'inspections', label: 'Kiến nghị đơn vị đã trả lời trong kỳ', unit: 'kiến nghị', value: n['inspections.answered']! },
    {
      key: 'inspections.overdue',
      group: 'inspections',
      label: 'Kiến nghị quá hạn chưa hoàn thành (đến cuối kỳ)',
      unit: 'kiến nghị',
      value: n['inspections.overdue']!,
    },
  ];
  const documents = guidance.map((g) => ({ kind: 'guidance' as const, number: g.number, date: g.date, title: g.title }));
  return { figures, documents };
}
