import type { Writable } from 'node:stream';
import type { UseCaseContext } from '../context.js';
import type { CadreListQuery } from '../../../common/schemas/personnel.js';
import { CADRE_SHEET, type SheetColumn } from '../../../common/import-columns.js';
import { allOf, peopleScope, sensitivePeopleScope } from '../../db/scope.js';
import { countCadresForExport, findCadreExportPage } from '../../db/repositories/exports.repository.js';
import { writeListXlsx, type ListValue } from '../../documents/xlsx-list.js';
import { canUseSensitiveFilters } from '../personnel/personnel.policy.js';
import { AppError, forbidden, invalid } from '../errors.js';
import { recordAudit } from '../audit/record-audit.js';

export const EXPORT_ROW_CAP = 200_000;
const PAGE = 2000;

/** One cell of the cadre sheet from a person row: the same form the import reads back. */
function exportValue(col: SheetColumn, r: Record<string, unknown>): ListValue {
  const v = (k: string) => (r[k] === null || r[k] === undefined ? null : r[k]);
  switch (col.key) {
    case 'code':
      return String(r.code);
    case 'unitCode':
      return v('unitCode') as string;
    case 'unitNameInfo':
      return v('unitName') as string;
    case 'ethnicCode':
      return (v('ethnicName') ?? v('ethnicCode')) as string | null;
    case 'homeTownCode':
      return r.homeTownCode ? `${r.homeTownCode}${r.homeTownName ? ' - ' + r.homeTownName : ''}` : null;
  }
  const x = v(col.key);
  if (x === null) return col.type === 'bool' ? 'Không' : null;
  if (col.type === 'bool') return x ? 'Có' : 'Không';
  if (col.type === 'enum') return col.labels?.[String(x)] ?? String(x);
  if (col.type === 'decimal') return Number(x);
  return x as ListValue;
}

const listType = (c: SheetColumn) => (c.type === 'date' ? 'date' : c.type === 'int' || c.type === 'decimal' ? 'number' : 'text') as 'date' | 'number' | 'text';

/**
 * The cadre list with its current filters as an .xlsx, in the import template's columns (so the file imports
 * back unchanged). Scoped like the list; sensitive columns only for those who may read them. The export is
 * audited before a byte is sent, with the filters and the count. Returns a writer that streams the rows.
 */
export async function exportCadres({ actor, tx, requestId, today }: UseCaseContext, q: CadreListQuery) {
  if (q.ageMin !== undefined && q.ageMax !== undefined && q.ageMin > q.ageMax) {
    throw invalid([{ path: 'ageMin', message: 'Tuổi từ phải nhỏ hơn hoặc bằng tuổi đến' }]);
  }
  const sensitive = canUseSensitiveFilters(actor);
  if (q.ethnicCode && !sensitive) throw forbidden('Bạn không có quyền lọc theo dân tộc.');
  // sensitive cells are decided per person: blank for someone whose sensitive part the actor may not read, and a
  // filter on ethnicity selects only among those it may
  const sensitiveOk = sensitivePeopleScope({ actor, today });
  const scope = q.ethnicCode ? allOf([peopleScope({ actor, today }), sensitiveOk]) : peopleScope({ actor, today });
  const count = await countCadresForExport(tx, q, scope, EXPORT_ROW_CAP + 1);
  if (count > EXPORT_ROW_CAP) {
    throw new AppError('validation', `Danh sách có hơn ${EXPORT_ROW_CAP.toLocaleString('vi-VN')} người. Vui lòng lọc bớt (theo đơn vị, đối tượng…) rồi xuất lại.`);
  }
  const columns = CADRE_SHEET.columns.filter((c) => sensitive || !c.sensitive);
  const { page: _p, pageSize: _s, ...filters } = q;
  await tx.transaction((t) =>
    recordAudit(
      t,
      { actor, requestId },
      {
        action: 'export',
        entityType: 'cadre_list',
        meta: { format: 'xlsx', filters, count, sensitive, columns: columns.filter((c) => c.sensitive).map((c) => c.key) },
      },
    ),
  );
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const page = await findCadreExportPage(tx, q, scope, after, PAGE, sensitive ? sensitiveOk : undefined);
      if (page.length === 0) return;
      for (const r of page) yield columns.map((c) => (c.sensitive && r.sensitiveOk !== true ? null : exportValue(c, r)));
      after = page[page.length - 1].code;
    }
  }
  const date = today.split('-').reverse().join('-');
  return {
    fileName: `Danh sách cán bộ ${date}.xlsx`,
    count,
    write: (out: Writable) =>
      writeListXlsx(out, [{ name: CADRE_SHEET.name, columns: columns.map((c) => ({ header: c.header, width: c.width, type: listType(c) })), rows: rows() }], {
        withMeta: true,
      }),
  };
}
