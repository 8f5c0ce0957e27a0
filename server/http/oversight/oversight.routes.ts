import { z } from 'zod';
import { isoDate, pageQuery } from '../../../common/schemas/fields.js';
import { OVERDUE_LISTS } from '../../../common/secondment.js';
import { dashboardResponse, lateUnitReportsResponse, overdueListResponse } from '../../../common/schemas/oversight.js';
import { fileDownload, json, secureRoute } from '../plugins/route.js';
import { oversightPolicy } from '../../domain/oversight/oversight.policy.js';
import { XLSX_TYPE } from '../plugins/file-response.js';

const tags = ['Theo dõi, giám sát'];
const on = isoDate.optional().describe('Ngày xét (mặc định: hôm nay theo giờ Việt Nam)');

export const getDashboard = secureRoute(oversightPolicy.gate('dashboard'), {
  method: 'get',
  path: '/api/oversight/dashboard',
  tags,
  summary: 'Bảng theo dõi: thực hiện chỉ tiêu theo đơn vị, hồ sơ theo từng bước (số quá hạn), cán bộ ở từng xã, báo cáo đến hạn, trở về trong 90 ngày',
  request: { query: z.object({ on }) },
  responses: { 200: json(dashboardResponse) },
});

export const listOverdue = secureRoute(oversightPolicy.gate('overdue'), {
  method: 'get',
  path: '/api/oversight/overdue',
  tags,
  summary: 'Danh sách quá hạn: báo cáo quá hạn, hồ sơ chờ quá hạn ở một bước, chờ bố trí công tác, hết thời hạn trong 30 ngày',
  request: { query: z.object({ list: z.enum(OVERDUE_LISTS).default('reports'), on, ...pageQuery }) },
  responses: {
    200: json(overdueListResponse),
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

export const listLateUnitReports = secureRoute(oversightPolicy.gate('overdue'), {
  method: 'get',
  path: '/api/oversight/late-unit-reports',
  tags,
  summary: 'Cơ quan, đơn vị chưa gửi báo cáo định kỳ cho Sở Nội vụ khi đã quá hạn (theo kỳ báo cáo của kế hoạch), quá hạn lâu nhất trước',
  request: { query: z.object({ on, ...pageQuery }) },
  responses: { 200: json(lateUnitReportsResponse) },
});
