import { errorBody } from '../../../common/schemas/fields.js';
import { fileDownload, json, secureRoute } from '../plugins/route.js';
import { XLSX_TYPE } from '../plugins/file-response.js';
import { reportsPolicy } from '../../domain/reports/reports.policy.js';
import { statisticsQuery, statisticsResponse, statisticsXlsxQuery } from '../../../common/schemas/statistics.js';

const tags = ['Thống kê'];

export const getStatistics = secureRoute(reportsPolicy.gate('statistics'), {
  method: 'get',
  path: '/api/statistics',
  tags,
  summary:
    'Thống kê theo kỳ, đơn vị (cả đơn vị trực thuộc) và đối tượng (cán bộ, công chức, viên chức): cùng các số liệu, cùng cách tính với báo cáo kết quả thực hiện kế hoạch',
  request: { query: statisticsQuery },
  responses: { 200: json(statisticsResponse), 404: json(errorBody, 'Đơn vị ngoài phạm vi'), 422: json(errorBody, 'Kỳ không hợp lệ') },
});

export const statisticsXlsx = secureRoute(reportsPolicy.gate('statistics'), {
  method: 'get',
  path: '/api/statistics.xlsx',
  tags,
  summary: 'Thống kê (một nhóm số liệu hoặc tất cả) ra Excel, kèm điều kiện lọc',
  request: { query: statisticsXlsxQuery },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE), 422: json(errorBody, 'Kỳ không hợp lệ') },
});
