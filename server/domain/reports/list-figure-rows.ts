import type { UseCaseContext } from '../context.js';
import { FIGURE_DEFS, figureRowsPage, figureSums, LISTED_FIGURE_KEYS, type FigureListRow } from '../../db/repositories/reports.repository.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { canUseSensitiveFilters } from '../personnel/personnel.policy.js';
import { xlsxBuffer } from '../training/xlsx-buffer.js';
import { figureSight, resolveFigureScope } from './figure-scope.js';
import { CATEGORY_LABELS, EDUCATION_LABELS, GENDER_LABELS, POLITICAL_THEORY_LABELS, type Category } from '../../../common/enums.js';
import { TARGET_GROUP_LABELS } from '../../../common/eligibility.js';
import type { FigureRowsQuery, FigureRowsResponse } from '../../../common/schemas/statistics.js';

type PeriodQuery = { from: string; to: string; unitId?: string | null; category?: Category | null };

/** A figure whose rows can be listed, and whether its list selects people by ethnicity (a processing of sensitive data). */
function listedFigure(ctx: UseCaseContext, key: string) {
  if (!LISTED_FIGURE_KEYS.has(key)) throw notFound('Danh sách của chỉ tiêu này');
  const sensitive = key.startsWith('ethnicity.');
  if (sensitive && !canUseSensitiveFilters(ctx.actor)) throw forbidden('Bạn không có quyền xem danh sách theo dân tộc.');
  return { base: FIGURE_DEFS[key]!.base, sensitive };
}

/** Selecting people by ethnicity is logged, in a transaction of its own (or a savepoint), as the cadre list does. */
async function auditSensitive(ctx: UseCaseContext, action: 'read_sensitive' | 'export', meta: Record<string, unknown>) {
  await ctx.tx.transaction((t) => recordAudit(t, ctx, { action, entityType: 'report_figure_list', meta }));
}

/**
 * One page of the rows a figure counts, for a period, a unit and a category: the same rows, by the same condition,
 * as the figure's value (its total, or for money the sum of the amounts), seen through the same scope. Needs no
 * transaction of its own.
 */
export async function listFigureRows(ctx: UseCaseContext, key: string, q: FigureRowsQuery): Promise<FigureRowsResponse> {
  const { base, sensitive } = listedFigure(ctx, key);
  const scope = await resolveFigureScope(ctx, q);
  const page = await figureRowsPage(ctx.tx, key, scope, figureSight(ctx), { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }, { sensitive });
  if (sensitive) {
    await auditSensitive(ctx, 'read_sensitive', {
      figure: key,
      filter: { from: scope.from, to: scope.to, unitId: scope.unitId, category: scope.category },
      returned: page.items.length,
      total: page.total,
    });
  }
  return {
    key,
    kind: base,
    from: scope.from,
    to: scope.to,
    unitId: scope.unitId,
    category: scope.category ?? null,
    sums: figureSums(key),
    total: page.total,
    sum: page.sum,
    page: q.page,
    pageSize: q.pageSize,
    items: page.items,
  };
}

/** The most rows one export writes: a figure of a quarter counts hundreds; past this the user narrows the period or unit. */
export const FIGURE_EXPORT_CAP = 20_000;
const PAGE = 1000;

const label = <K extends string>(labels: Record<K, string>, v: string | number | null) => (v === null ? null : (labels[v as K] ?? String(v)));

/** The list of a figure as an .xlsx: every row it counts, in the list's order, audited before a byte is sent. */
export async function exportFigureRows(ctx: UseCaseContext, key: string, q: PeriodQuery) {
  const { sensitive } = listedFigure(ctx, key);
  const scope = await resolveFigureScope(ctx, q);
  const sight = figureSight(ctx);
  const first = await figureRowsPage(ctx.tx, key, scope, sight, { limit: PAGE, offset: 0 }, { sensitive });
  if (first.total > FIGURE_EXPORT_CAP) {
    throw new AppError('validation', `Danh sách có hơn ${FIGURE_EXPORT_CAP.toLocaleString('vi-VN')} dòng. Vui lòng thu hẹp kỳ hoặc chọn đơn vị rồi xuất lại.`);
  }
  const rows: FigureListRow[] = [...first.items];
  while (rows.length < first.total) {
    const next = await figureRowsPage(ctx.tx, key, scope, sight, { limit: PAGE, offset: rows.length }, { sensitive });
    if (next.items.length === 0) break;
    rows.push(...next.items);
  }
  await auditSensitive(ctx, 'export', {
    format: 'xlsx',
    figure: key,
    filter: { from: scope.from, to: scope.to, unitId: scope.unitId, category: scope.category },
    count: rows.length,
    sensitive,
  });
  const buffer = await xlsxBuffer([
    {
      name: 'Danh sách',
      columns: [
        { header: 'STT', width: 6, type: 'number' },
        { header: 'Mã', width: 14, type: 'text' },
        { header: 'Họ và tên / Nội dung', width: 34, type: 'text' },
        { header: 'Đối tượng', width: 12, type: 'text' },
        { header: 'Giới tính', width: 10, type: 'text' },
        { header: 'Ngày sinh', width: 12, type: 'date' },
        ...(sensitive ? [{ header: 'Dân tộc', width: 14, type: 'text' as const }] : []),
        { header: 'Trình độ chuyên môn', width: 16, type: 'text' },
        { header: 'Lý luận chính trị', width: 16, type: 'text' },
        { header: 'Đơn vị', width: 32, type: 'text' },
        { header: 'Đơn vị cử', width: 32, type: 'text' },
        { header: 'Nơi tiếp nhận', width: 28, type: 'text' },
        { header: 'Nhóm đối tượng', width: 16, type: 'text' },
        { header: 'Ngày', width: 12, type: 'date' },
        { header: 'Chi tiết', width: 30, type: 'text' },
        { header: 'Trạng thái', width: 16, type: 'text' },
        { header: 'Số tiền (đồng)', width: 16, type: 'number' },
      ],
      rows: rows.map((r, i) => [
        i + 1,
        r.personCode,
        r.fullName ?? r.hostUnitName ?? r.detail,
        label(CATEGORY_LABELS, r.category),
        label(GENDER_LABELS, r.gender),
        r.birthDate,
        ...(sensitive ? [r.ethnicity] : []),
        label(EDUCATION_LABELS, r.educationLevel),
        label(POLITICAL_THEORY_LABELS, r.politicalTheory),
        r.unitName,
        r.sendingUnitName,
        r.hostUnitName,
        r.targetGroup === null ? null : label(TARGET_GROUP_LABELS, r.targetGroup),
        r.date,
        r.detail,
        r.status,
        r.amount,
      ]),
    },
  ]);
  return { buffer, fileName: `danh-sach-${key.replace(/[^a-z0-9]+/gi, '-')}-${scope.from}-${scope.to}.xlsx` };
}
