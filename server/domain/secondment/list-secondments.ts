import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import type { secondmentListQuery } from '../../../common/schemas/secondment.js';
import { SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../common/secondment.js';
import { GENDER_LABELS, type Gender } from '../../../common/enums.js';
import { findSecondmentPage, findSecondmentsForExport } from '../../db/repositories/secondment.repository.js';
import { writeListXlsx, type ListColumn } from '../../documents/xlsx-list.js';
import { recordAudit } from '../audit/record-audit.js';
import { AppError } from '../errors.js';
import { secondmentsScope } from '../../db/scope.js';

type Query = z.infer<typeof secondmentListQuery>;

/** The secondments the actor may see, filtered and paged, with the count at each step. */
export async function listSecondments(ctx: UseCaseContext, q: Query) {
  const r = await findSecondmentPage(ctx.tx, secondmentsScope(ctx.actor), q, q.page, q.pageSize);
  return { ...r, page: q.page, pageSize: q.pageSize };
}

const EXPORT_CAP = 50_000;
const COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, type: 'number' },
  { header: 'Mã cán bộ', width: 12, type: 'text' },
  { header: 'Họ và tên', width: 26, type: 'text' },
  { header: 'Giới tính', width: 9, type: 'text' },
  { header: 'Ngày sinh', width: 12, type: 'date' },
  { header: 'Chức vụ hiện tại', width: 24, type: 'text' },
  { header: 'Đơn vị cử', width: 30, type: 'text' },
  { header: 'Nơi đến (xã, phường)', width: 24, type: 'text' },
  { header: 'Vị trí đảm nhiệm ở cơ sở', width: 24, type: 'text' },
  { header: 'Nhóm đối tượng', width: 10, type: 'number' },
  { header: 'Bước hiện tại', width: 30, type: 'text' },
  { header: 'Số quyết định cử', width: 16, type: 'text' },
  { header: 'Từ ngày', width: 12, type: 'date' },
  { header: 'Đến ngày', width: 12, type: 'date' },
];

/** The filtered list as .xlsx, audited as an export of personal data. */
export async function exportSecondments(ctx: UseCaseContext, q: Omit<Query, 'page' | 'pageSize'>) {
  const rows = await findSecondmentsForExport(ctx.tx, secondmentsScope(ctx.actor), q, EXPORT_CAP + 1);
  if (rows.length > EXPORT_CAP) throw new AppError('bad_request', `Danh sách quá ${EXPORT_CAP.toLocaleString('vi-VN')} dòng. Hãy lọc bớt trước khi xuất.`);
  await recordAudit(ctx.tx, ctx, { action: 'export', entityType: 'secondment_list', meta: { filter: q, rows: rows.length } });
  const today = ctx.today;
  return {
    fileName: `danh-sach-tang-cuong-${today}.xlsx`,
    write: (out: Writable) =>
      writeListXlsx(out, [
        {
          name: 'Tăng cường cơ sở',
          columns: COLUMNS,
          rows: rows.map((x, i) => [
            i + 1,
            x.code as string,
            x.fullName as string,
            GENDER_LABELS[x.gender as Gender] ?? (x.gender as string),
            x.birthDate as string,
            x.positionTitle as string | null,
            x.sendingUnit as string,
            x.hostUnit as string | null,
            x.hostRole as string | null,
            x.targetGroup as number | null,
            SECONDMENT_STATUS_LABELS[x.status as SecondmentStatus] ?? (x.status as string),
            x.decisionNo as string | null,
            x.startDate as string | null,
            x.endDate as string | null,
          ]),
        },
      ]),
  };
}
