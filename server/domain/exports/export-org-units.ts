import type { Writable } from 'node:stream';
import type { UseCaseContext } from '../context.js';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../common/enums.js';
import { unitsScope } from '../../db/scope.js';
import { findUnitTree } from '../../db/repositories/org.repository.js';
import { writeListXlsx } from '../../documents/xlsx-list.js';
import { recordAudit } from '../audit/record-audit.js';

/** The org units the actor may see, with assigned staffing for the year and the current headcount, as .xlsx. */
export async function exportOrgUnits({ actor, tx, requestId }: UseCaseContext, year: number) {
  const units = await findUnitTree(tx, unitsScope(actor), year);
  await tx.transaction((t) =>
    recordAudit(t, { actor, requestId }, { action: 'export', entityType: 'org_unit_list', meta: { format: 'xlsx', year, count: units.length } }),
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  return {
    fileName: `Danh sách đơn vị và biên chế năm ${year}.xlsx`,
    write: (out: Writable) =>
      writeListXlsx(out, [
        {
          name: `Biên chế ${year}`,
          columns: [
            { header: 'Mã đơn vị', width: 14, type: 'text' },
            { header: 'Tên đơn vị', width: 48, type: 'text' },
            { header: 'Loại đơn vị', width: 24, type: 'text' },
            { header: 'Trực thuộc', width: 36, type: 'text' },
            { header: 'Biên chế được giao', width: 12, type: 'number' },
            { header: 'Số người đang công tác (cả đơn vị trực thuộc)', width: 16, type: 'number' },
            { header: 'Ngày hoàn thành sắp xếp', width: 14, type: 'date' },
            { header: 'Vùng đặc biệt khó khăn', width: 12, type: 'text' },
          ],
          rows: units.map((u) => [
            u.code,
            '\u00a0'.repeat(2 * u.depth) + u.name,
            UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind,
            u.parentId ? (byId.get(u.parentId)?.name ?? '') : '',
            u.assignedStaffing,
            u.headcount,
            u.restructuredOn,
            u.isEspeciallyDisadvantaged ? 'Có' : 'Không',
          ]),
        },
      ]),
  };
}
