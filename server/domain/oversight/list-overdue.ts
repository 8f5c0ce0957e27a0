import { allOf } from '../../db/sql-helpers.js';
import type { Writable } from 'node:stream';
import type { UseCaseContext } from '../context.js';
import {
  OVERDUE_LISTS,
  REPORT_KIND_LABELS,
  SECONDMENT_DEADLINES,
  SECONDMENT_STATUS_LABELS,
  type ReportKind,
  type SecondmentStatus,
  type OverdueList,
} from '../../../common/secondment.js';
import { findOverdue, type OverdueRow } from '../../db/repositories/oversight.repository.js';
import { writeListXlsx, type ListColumn, type ListValue } from '../../documents/xlsx-list.js';
import { recordAudit } from '../audit/record-audit.js';
import { secondmentsScope } from '../../db/scope.js';

/** Ends listed as due for return within this many days. */
export const ENDS_WITHIN_DAYS = SECONDMENT_DEADLINES.endWarningDays[1];

export const OVERDUE_LIST_LABELS: Record<OverdueList, string> = {
  reports: 'Báo cáo quá hạn',
  steps: `Hồ sơ chờ quá ${SECONDMENT_DEADLINES.stepWaitDays} ngày`,
  placements: 'Chờ bố trí công tác',
  ends: `Hết thời hạn trong ${SECONDMENT_DEADLINES.endWarningDays[1]} ngày`,
};

const STEP_OWNER_LABELS: Partial<Record<SecondmentStatus, string>> = {
  proposed: 'Sở Nội vụ thẩm định',
  sent_back: 'Đơn vị bổ sung hồ sơ',
  appraised: 'Cấp có thẩm quyền quyết định',
  decided: 'Xã, phường tiếp nhận',
};

/** What each row is about, in words (the report, who must act). */
export function overdueDetail(list: OverdueList, r: OverdueRow): string {
  if (list === 'reports')
    return r.reportKind === 'periodic'
      ? `${REPORT_KIND_LABELS.periodic}${r.periodNo ? ` kỳ ${r.periodNo}` : ''}`
      : REPORT_KIND_LABELS[(r.reportKind ?? 'adhoc') as ReportKind];
  if (list === 'steps') return `Chờ ${STEP_OWNER_LABELS[r.status as SecondmentStatus] ?? SECONDMENT_STATUS_LABELS[r.status as SecondmentStatus]}`;
  return SECONDMENT_STATUS_LABELS[r.status as SecondmentStatus] ?? r.status;
}

/** One of the overdue lists of Sở Nội vụ, a page at a time. */
export async function listOverdue(ctx: UseCaseContext, q: { list: OverdueList; page: number; pageSize: number; on?: string }) {
  const today = q.on ?? ctx.today;
  const r = await findOverdue(ctx.tx, secondmentsScope(ctx.actor), q.list, {
    today,
    endWithin: ENDS_WITHIN_DAYS,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { today, list: q.list, page: q.page, pageSize: q.pageSize, total: r.total, items: r.items.map((x) => ({ ...x, detail: overdueDetail(q.list, x) })) };
}

const COLUMNS: Record<OverdueList, ListColumn[]> = (() => {
  const base: ListColumn[] = [
    { header: 'STT', width: 6, type: 'number' },
    { header: 'Họ và tên', width: 26, type: 'text' },
    { header: 'Cơ quan, đơn vị cử', width: 32, type: 'text' },
    { header: 'Xã, phường tiếp nhận', width: 26, type: 'text' },
    { header: 'Nội dung', width: 34, type: 'text' },
  ];
  return {
    reports: [...base, { header: 'Hạn nộp', width: 12, type: 'date' }, { header: 'Số ngày quá hạn', width: 10, type: 'number' }],
    steps: [...base, { header: 'Chờ từ ngày', width: 12, type: 'date' }, { header: 'Số ngày chờ', width: 10, type: 'number' }],
    placements: [...base, { header: 'Ngày kết thúc', width: 12, type: 'date' }, { header: 'Số ngày chờ bố trí', width: 10, type: 'number' }],
    ends: [...base, { header: 'Ngày hết thời hạn', width: 12, type: 'date' }, { header: 'Số ngày còn lại', width: 10, type: 'number' }],
  };
})();

/** The four overdue lists in one workbook, a sheet each (audited: it names people). */
export async function exportOverdueXlsx(ctx: UseCaseContext, on?: string) {
  const today = on ?? ctx.today;
  const scope = secondmentsScope(ctx.actor);
  const lists = await allOf(
    ctx.tx,
    OVERDUE_LISTS.map((list) => async () => ({ list, r: await findOverdue(ctx.tx, scope, list, { today, endWithin: ENDS_WITHIN_DAYS, limit: null, offset: 0 }) })),
  );
  await ctx.tx.transaction((t) =>
    recordAudit(t, ctx, { action: 'export', entityType: 'oversight_overdue', meta: { today, rows: Object.fromEntries(lists.map((l) => [l.list, l.r.total])) } }),
  );
  const sheets = lists.map(({ list, r }) => ({
    name: OVERDUE_LIST_LABELS[list],
    columns: COLUMNS[list],
    rows: r.items.map((x, i): ListValue[] => [i + 1, x.personName, x.sendingUnitName, x.hostUnitName, overdueDetail(list, x), x.date, x.days]),
  }));
  return { fileName: `theo-doi-qua-han-${today}.xlsx`, write: (out: Writable) => writeListXlsx(out, sheets) };
}
