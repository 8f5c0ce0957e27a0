import type { Writable } from 'node:stream';
import type { UseCaseContext } from '../context.js';
import { iterateIssues } from '../../db/repositories/imports.repository.js';
import { writeListXlsx } from '../../documents/xlsx-list.js';
import { loadImport } from './get-import.js';

/** The problems found in an import as an .xlsx: the stored issues, then a summary by column and reason. */
export async function importIssuesReport(ctx: UseCaseContext, id: string) {
  const i = await loadImport(ctx, id);
  const stats = (i.issueStats ?? { byColumnReason: {} }) as { byColumnReason: Record<string, number> };
  async function* rows() {
    for await (const x of iterateIssues(ctx.tx, i.id)) {
      yield [x.sheet, x.rowNo, x.column, x.value, x.reason, x.severity === 'error' ? 'Lỗi' : 'Cảnh báo'];
    }
  }
  const base = i.fileName.replace(/\.xlsx$/i, '');
  return {
    fileName: `Lỗi - ${base}.xlsx`,
    write: (out: Writable) =>
      writeListXlsx(out, [
        {
          name: 'Danh sách lỗi',
          columns: [
            { header: 'Trang tính', width: 20, type: 'text' },
            { header: 'Dòng', width: 8, type: 'number' },
            { header: 'Cột', width: 26, type: 'text' },
            { header: 'Giá trị', width: 26, type: 'text' },
            { header: 'Lý do', width: 70, type: 'text' },
            { header: 'Mức độ', width: 10, type: 'text' },
          ],
          rows: rows(),
        },
        {
          name: 'Tổng hợp',
          columns: [
            { header: 'Trang tính › Cột › Lý do', width: 90, type: 'text' },
            { header: 'Số lần', width: 10, type: 'number' },
          ],
          rows: [
            [`Tổng số vấn đề: ${i.issueCount} (lỗi: ${i.errorCount}); danh sách chi tiết giữ tối đa 10.000 dòng đầu`, null],
            ...Object.entries(stats.byColumnReason),
          ],
        },
      ]),
  };
}
