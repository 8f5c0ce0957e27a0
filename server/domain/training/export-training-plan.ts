import type { UseCaseContext } from '../context.js';
import {
  COURSE_KIND_LABELS,
  COURSE_LOCATION_LABELS,
  ENROLMENT_STATUS_LABELS,
  FUNDING_SOURCE_LABELS,
  NEED_PERIOD_LABELS,
  NEED_STATUS_LABELS,
  type CourseKind,
  type CourseLocation,
  type EnrolmentStatus,
  type FundingSource,
  type NeedPeriod,
  type NeedStatus,
} from '../../../common/training.js';
import type { ListColumn } from '../../documents/xlsx-list.js';
import { recordAudit } from '../audit/record-audit.js';
import { listNeeds } from './list-needs.js';
import { listEnrolments } from './list-enrolments.js';
import { getBudgetOverview } from './get-budget-overview.js';
import { xlsxBuffer } from './xlsx-buffer.js';
import { findUnitNames } from '../../db/repositories/org.repository.js';

const col = (header: string, width: number, type: ListColumn['type'] = 'text'): ListColumn => ({ header, width, type });

/** The training plan of a unit (or of everything in scope) for a year: needs, people sent, budget (.xlsx). */
export async function exportTrainingPlan(ctx: UseCaseContext, q: { year: number; unitId?: string }) {
  const needs = await listNeeds(ctx, { unitId: q.unitId });
  const enrolments = await listEnrolments(ctx, { year: q.year, unitId: q.unitId });
  const budget = await getBudgetOverview(ctx, { year: q.year, unitId: q.unitId });
  const unitName = q.unitId ? ((await findUnitNames(ctx.tx, [q.unitId])).get(q.unitId) ?? 'don-vi') : 'tat-ca';
  await recordAudit(ctx.tx, ctx, { action: 'export', entityType: 'training_plan', meta: { ...q, needs: needs.length, enrolments: enrolments.length } });
  const buffer = await xlsxBuffer([
    {
      name: 'Nhu cầu đào tạo',
      columns: [
        col('STT', 6, 'number'),
        col('Đơn vị', 30),
        col('Cán bộ', 24),
        col('Vị trí việc làm', 24),
        col('Giai đoạn', 16),
        col('Loại hình', 20),
        col('Lĩnh vực ưu tiên', 30),
        col('Nội dung', 40),
        col('Khoảng cách so với tiêu chuẩn vị trí', 50),
        col('Số người', 9, 'number'),
        col('Tình trạng', 16),
      ],
      rows: needs.map((n: Record<string, unknown>, i) => [
        i + 1,
        n.unitName as string,
        (n.personName as string) ?? '(cả đơn vị)',
        n.jobPostTitle as string,
        NEED_PERIOD_LABELS[n.period as NeedPeriod],
        COURSE_KIND_LABELS[n.kind as CourseKind],
        (n.fields as string[]).join('; '),
        n.description as string,
        (n.standardsGap as string[]).join('; '),
        n.headcount as number,
        NEED_STATUS_LABELS[n.status as NeedStatus],
      ]),
    },
    {
      name: `Cử đi đào tạo ${q.year}`,
      columns: [
        col('STT', 6, 'number'),
        col('Họ và tên', 24),
        col('Mã hồ sơ', 12),
        col('Đơn vị', 28),
        col('Khóa học', 36),
        col('Loại hình', 18),
        col('Địa điểm', 12),
        col('Lĩnh vực', 26),
        col('Từ ngày', 12, 'date'),
        col('Đến ngày', 12, 'date'),
        col('Tình trạng', 16),
        col('Nguồn kinh phí', 30),
        col('Dự kiến (đồng)', 16, 'number'),
        col('Đã cam kết (đồng)', 16, 'number'),
        col('Đã chi (đồng)', 16, 'number'),
        col('Cam kết phục vụ đến', 14, 'date'),
        col('Kết quả', 16),
        col('Số văn bằng, chứng chỉ', 18),
      ],
      rows: enrolments.map((e, i) => [
        i + 1,
        e.personName as string,
        e.personCode as string,
        e.personUnitName as string,
        e.courseTitle as string,
        COURSE_KIND_LABELS[e.courseKind as CourseKind],
        COURSE_LOCATION_LABELS[e.courseLocation as CourseLocation],
        (e.courseFields as string[]).join('; '),
        e.startDate as string,
        e.endDate as string,
        ENROLMENT_STATUS_LABELS[e.status as EnrolmentStatus],
        FUNDING_SOURCE_LABELS[e.fundingSource as FundingSource],
        e.estimatedCostVnd as number,
        e.committedVnd as number,
        e.spentVnd as number,
        e.commitmentTo as string | null,
        e.result as string | null,
        e.certificateNo as string | null,
      ]),
    },
    {
      name: `Kinh phí ${q.year}`,
      columns: [
        col('Đơn vị', 30),
        col('Nguồn kinh phí', 34),
        col('Dự toán (đồng)', 16, 'number'),
        col('Đã cam kết (đồng)', 16, 'number'),
        col('Đã chi (đồng)', 16, 'number'),
        col('Còn lại (đồng)', 16, 'number'),
        col('Cách tính, điều chỉnh', 90),
      ],
      rows: budget.items.map((b) => [
        b.unitName,
        FUNDING_SOURCE_LABELS[b.fundingSource],
        b.amountVnd,
        b.committedVnd,
        b.spentVnd,
        b.availableVnd,
        [...((b.computation as { lines?: string[] } | null)?.lines ?? []), b.overrideReason ? `Điều chỉnh bởi ${b.overrideByName}: ${b.overrideReason}` : '']
          .filter(Boolean)
          .join('\n'),
      ]),
    },
  ]);
  return { buffer, fileName: `ke-hoach-dao-tao-${q.year}-${slug(unitName)}.xlsx` };
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
