import { z } from 'zod';
import { isoDate, pageQuery } from '../../../common/schemas/fields.js';
import { SECONDMENT_STATUSES } from '../../../common/secondment.js';
import { OVERDUE_LISTS } from '../../domain/oversight/list-overdue.js';
import { fileDownload, json, secureRoute } from '../plugins/route.js';
import { oversightPolicy } from '../../domain/oversight/oversight.policy.js';
import { XLSX_TYPE } from '../plugins/file-response.js';

const tags = ['Theo dõi, giám sát'];
const on = isoDate.optional().describe('Ngày xét (mặc định: hôm nay theo giờ Việt Nam)');

const dashboard = z.object({
  today: z.string(),
  year: z.number(),
  totals: z.object({
    target: z.number(),
    fulfilled: z.number(),
    active: z.number(),
    inProgress: z.number(),
    overdueSteps: z.number(),
    awaitingPlacement: z.number(),
    communes: z.number(),
  }),
  quota: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      target: z.number().nullable(),
      proposed: z.number(),
      decided: z.number(),
      active: z.number(),
      completed: z.number(),
      returned: z.number(),
      fulfilled: z.number(),
      rate: z.number().nullable(),
    }),
  ),
  pipeline: z.array(z.object({ status: z.enum(SECONDMENT_STATUSES), label: z.string(), count: z.number(), overdue: z.number() })),
  hosts: z.array(z.object({ unitId: z.string(), unitName: z.string(), unitKind: z.string(), especiallyDisadvantaged: z.boolean(), active: z.number() })),
  reports: z.object({ due: z.number(), late: z.number(), aheadDays: z.number() }),
  returnsDue: z.object({
    days: z.number(),
    items: z.array(
      z.object({
        secondmentId: z.string(),
        personId: z.string(),
        personName: z.string(),
        sendingUnitName: z.string(),
        hostUnitName: z.string().nullable(),
        endDate: z.string(),
        daysLeft: z.number(),
      }),
    ),
  }),
});

export const getDashboard = secureRoute(oversightPolicy.gate('dashboard'), {
  method: 'get',
  path: '/api/oversight/dashboard',
  tags,
  summary: 'Bảng theo dõi: thực hiện chỉ tiêu theo đơn vị, hồ sơ theo từng bước (số quá hạn), cán bộ ở từng xã, báo cáo đến hạn, trở về trong 90 ngày',
  request: { query: z.object({ on }) },
  responses: { 200: json(dashboard) },
});

export const listOverdue = secureRoute(oversightPolicy.gate('overdue'), {
  method: 'get',
  path: '/api/oversight/overdue',
  tags,
  summary: 'Danh sách quá hạn: báo cáo quá hạn, hồ sơ chờ quá hạn ở một bước, chờ bố trí công tác, hết thời hạn trong 30 ngày',
  request: { query: z.object({ list: z.enum(OVERDUE_LISTS).default('reports'), on, ...pageQuery }) },
  responses: {
    200: json(
      z.object({
        today: z.string(),
        list: z.enum(OVERDUE_LISTS),
        page: z.number(),
        pageSize: z.number(),
        total: z.number(),
        items: z.array(
          z.object({
            secondmentId: z.string(),
            subjectId: z.string(),
            personId: z.string(),
            personName: z.string(),
            status: z.string(),
            sendingUnitName: z.string(),
            hostUnitName: z.string().nullable(),
            date: z.string(),
            days: z.number(),
            detail: z.string(),
          }),
        ),
      }),
    ),
  },
});

export const exportOverdue = secureRoute(oversightPolicy.gate('overdue'), {
  method: 'get',
  path: '/api/oversight/overdue.xlsx',
  tags,
  summary: 'Xuất các danh sách quá hạn ra Excel (mỗi danh sách một trang tính; được ghi nhật ký)',
  request: { query: z.object({ on }) },
  responses: { 200: fileDownload('Danh sách quá hạn', XLSX_TYPE) },
});
