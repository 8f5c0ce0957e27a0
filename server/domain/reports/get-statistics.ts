import type { UseCaseContext } from '../context.js';
import { LISTED_FIGURE_KEYS } from '../../db/repositories/reports.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { xlsxBuffer } from '../training/xlsx-buffer.js';
import { computeReportFigures } from './report-figures.js';
import { resolveFigureScope } from './figure-scope.js';
import { viDate } from '../../../common/dates.js';
import { CATEGORY_LABELS, type Category } from '../../../common/enums.js';
import { FIGURE_GROUP_LABELS, type FigureGroup } from '../../../common/schemas/reports.js';
import type { StatisticsQuery, StatisticsResponse } from '../../../common/schemas/statistics.js';

/**
 * The statistics page (PRODUCT S12): the report's figures for any period, unit and category — computed by the
 * report's own code (`computeReportFigures`), so the page and a report of the same period and scope agree.
 */
export async function getStatistics(ctx: UseCaseContext, q: StatisticsQuery): Promise<StatisticsResponse> {
  const scope = await resolveFigureScope(ctx, q);
  const figures = await computeReportFigures(ctx, scope);
  return {
    from: scope.from,
    to: scope.to,
    unitId: scope.unitId,
    unitName: scope.unitName,
    category: scope.category ?? null,
    figures: figures.figures.map((f) => ({ ...f, listed: LISTED_FIGURE_KEYS.has(f.key) })),
  };
}

/** The statistics (one breakdown, or all) as an .xlsx: the figures, and the filters they were computed with. */
export async function exportStatistics(ctx: UseCaseContext, q: StatisticsQuery & { group?: FigureGroup }) {
  const s = await getStatistics(ctx, q);
  const figures = q.group ? s.figures.filter((f) => f.group === q.group) : s.figures;
  await recordAudit(ctx.tx, ctx, {
    action: 'export',
    entityType: 'statistics',
    meta: { format: 'xlsx', from: s.from, to: s.to, unitId: s.unitId, category: s.category, group: q.group ?? null },
  });
  const buffer = await xlsxBuffer([
    {
      name: 'Thống kê',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Nhóm', width: 40, type: 'text' },
        { header: 'Mã', width: 32, type: 'text' },
        { header: 'Chỉ tiêu', width: 60, type: 'text' },
        { header: 'Đơn vị tính', width: 12, type: 'text' },
        { header: 'Giá trị', width: 16, type: 'number' },
      ],
      rows: figures.map((f, i) => [i + 1, FIGURE_GROUP_LABELS[f.group], f.key, f.label, f.unit, f.value]),
    },
    {
      name: 'Điều kiện',
      columns: [
        { header: 'Điều kiện', width: 20, type: 'text' },
        { header: 'Giá trị', width: 60, type: 'text' },
      ],
      rows: [
        ['Kỳ', `${viDate(s.from)} – ${viDate(s.to)}`],
        ['Đơn vị', s.unitName ?? 'Toàn tỉnh, thành phố'],
        ['Đối tượng', s.category ? CATEGORY_LABELS[s.category as Category] : 'Tất cả'],
        ['Nhóm số liệu', q.group ? FIGURE_GROUP_LABELS[q.group] : 'Tất cả'],
      ],
    },
  ]);
  const suffix = q.group ? `-${q.group}` : '';
  return { buffer, fileName: `thong-ke${suffix}-${s.from}-${s.to}.xlsx` };
}
