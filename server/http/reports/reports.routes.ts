import { errorBody } from '../../../common/schemas/fields.js';
import { fileDownload, idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { DOCX_TYPE, XLSX_TYPE } from '../plugins/file-response.js';
import { reportsPolicy } from '../../domain/reports/reports.policy.js';
import { figureKeyParam, figureRowsQuery, figureRowsResponse, statisticsQuery } from '../../../common/schemas/statistics.js';
import { createReportInput, issueReportInput, listReportsQuery, reportDetail, reportList, updateReportInput } from '../../../common/schemas/reports.js';

const tags = ['Báo cáo kết quả thực hiện kế hoạch'];

export const listReports = secureRoute(reportsPolicy.gate('list'), {
  method: 'get',
  path: '/api/reports',
  tags,
  summary: 'Các báo cáo kết quả thực hiện kế hoạch trong phạm vi được xem (đơn vị cử chỉ thấy báo cáo của đơn vị mình)',
  request: { query: listReportsQuery },
  responses: { 200: json(reportList) },
});

export const createReport = secureRoute(reportsPolicy.gate('draft'), {
  method: 'post',
  path: '/api/reports',
  tags,
  summary:
    'Lập dự thảo báo cáo cho một kỳ (hai ngày bất kỳ) và một phạm vi: toàn tỉnh, thành phố (Sở Nội vụ báo cáo Ủy ban nhân dân) hoặc một đơn vị cử (đơn vị báo cáo Sở Nội vụ)',
  request: { body: jsonBody(createReportInput) },
  responses: { 201: json(reportDetail, 'Đã lập dự thảo'), 422: json(errorBody, 'Kỳ hoặc đơn vị không hợp lệ') },
});

export const getReport = secureRoute(reportsPolicy.gate('read'), {
  method: 'get',
  path: '/api/reports/{id}',
  tags,
  summary: 'Một báo cáo: số liệu tính trực tiếp khi là dự thảo, số liệu đã chốt khi đã ban hành; mỗi số liệu so với kỳ trước cùng độ dài',
  request: { params: idParam },
  responses: { 200: json(reportDetail) },
});

export const updateReport = secureRoute(reportsPolicy.gate('edit'), {
  method: 'patch',
  path: '/api/reports/{id}',
  tags,
  summary: 'Sửa phần đánh giá, phương hướng, đề xuất (mục III–V) của dự thảo, theo phiên bản đã đọc',
  request: { params: idParam, body: jsonBody(updateReportInput) },
  responses: { 200: json(reportDetail), 409: json(errorBody, 'Báo cáo đã ban hành hoặc đã được người khác cập nhật') },
});

export const issueReport = secureRoute(reportsPolicy.gate('issue'), {
  method: 'post',
  path: '/api/reports/{id}/issue',
  tags,
  summary: 'Ban hành báo cáo: cấp số trong sổ văn bản (đánh từ 01 mỗi năm, không trùng), ngày ban hành không sau hôm nay; số liệu được chốt, không thay đổi nữa',
  request: { params: idParam, body: jsonBody(issueReportInput) },
  responses: {
    200: json(reportDetail),
    409: json(errorBody, 'Số đã được sử dụng, báo cáo đã ban hành hoặc đã được cập nhật'),
    422: json(errorBody, 'Ngày ban hành không hợp lệ'),
  },
});

export const reportDocx = secureRoute(reportsPolicy.gate('read'), {
  method: 'get',
  path: '/api/reports/{id}/report.docx',
  tags,
  summary: 'Báo cáo ra .docx theo thể thức Nghị định 30/2020 (mục I–V và phụ lục)',
  request: { params: idParam },
  responses: { 200: fileDownload('Tệp .docx', DOCX_TYPE) },
});

export const reportXlsx = secureRoute(reportsPolicy.gate('read'), {
  method: 'get',
  path: '/api/reports/{id}/annex.xlsx',
  tags,
  summary: 'Các biểu phụ lục của báo cáo ra Excel',
  request: { params: idParam },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const figureRows = secureRoute(reportsPolicy.gate('statistics'), {
  method: 'get',
  path: '/api/reports/figures/{key}/rows',
  tags,
  summary:
    'Danh sách những gì một số liệu đếm (cán bộ được cử, xã tiếp nhận, báo cáo đến hạn, lượt đào tạo, bút toán kinh phí…) cho một kỳ, đơn vị, đối tượng: cùng điều kiện, cùng phạm vi với số liệu; phân trang, có tổng số',
  request: { params: figureKeyParam, query: figureRowsQuery },
  responses: {
    200: json(figureRowsResponse),
    404: json(errorBody, 'Số liệu không có danh sách hoặc đơn vị ngoài phạm vi'),
    422: json(errorBody, 'Kỳ không hợp lệ'),
  },
});

export const figureRowsXlsx = secureRoute(reportsPolicy.gate('statistics'), {
  method: 'get',
  path: '/api/reports/figures/{key}/rows.xlsx',
  tags,
  summary: 'Danh sách những gì một số liệu đếm ra Excel',
  request: { params: figureKeyParam, query: statisticsQuery },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE), 422: json(errorBody, 'Kỳ không hợp lệ hoặc danh sách quá dài') },
});
