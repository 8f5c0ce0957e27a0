import { z } from 'zod';
import { importChangePage, importIssuePage, importListResponse, importView } from '../../../common/schemas/imports.js';
import { errorBody, pageQuery } from '../../../common/schemas/fields.js';
import { fileDownload, idParam, json, secureRoute } from '../plugins/route.js';
import { importsPolicy } from '../../domain/imports/imports.policy.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['Nhập dữ liệu'];

export const getTemplate = secureRoute(importsPolicy.gate('use'), {
  method: 'get',
  path: '/api/imports/template.xlsx',
  tags,
  summary: 'Tải mẫu nhập liệu (.xlsx): các trang tính, danh sách chọn, danh mục mã, dòng ví dụ',
  responses: { 200: fileDownload('Mẫu nhập liệu', XLSX) },
});

export const uploadImport = secureRoute(importsPolicy.gate('use'), {
  method: 'post',
  path: '/api/imports',
  tags,
  summary: 'Tải tệp lên (thân yêu cầu là tệp .xlsx, tối đa 50 MB; tên tệp trong tham số fileName) và bắt đầu kiểm tra thử',
  description: 'Trả về 202 với lần nhập ở trạng thái "validating"; theo dõi tiến độ bằng GET /api/imports/{id}. Cũng nhận multipart/form-data với trường "file".',
  request: {
    query: z.object({ fileName: z.string().max(200).optional() }),
    body: { required: true, content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } } },
  },
  responses: { 202: json(importView, 'Đã nhận tệp, đang kiểm tra'), 413: json(errorBody, 'Tệp quá lớn') },
});

export const listImports = secureRoute(importsPolicy.gate('use'), {
  method: 'get',
  path: '/api/imports',
  tags,
  summary: 'Các lần nhập dữ liệu gần đây của tôi',
  responses: { 200: json(importListResponse) },
});

export const getImport = secureRoute(importsPolicy.gate('use'), {
  method: 'get',
  path: '/api/imports/{id}',
  tags,
  summary: 'Trạng thái, tiến độ, kết quả kiểm tra (số mới / thay đổi / không đổi) của một lần nhập',
  request: { params: idParam },
  responses: { 200: json(importView) },
});

export const listIssues = secureRoute(importsPolicy.gate('use'), {
  method: 'get',
  path: '/api/imports/{id}/issues',
  tags,
  summary: 'Danh sách lỗi theo dòng, cột, giá trị, lý do (phân trang)',
  request: { params: idParam, query: z.object({ ...pageQuery, severity: z.enum(['error', 'warning']).optional() }) },
  responses: { 200: json(importIssuePage) },
});

export const downloadIssues = secureRoute(importsPolicy.gate('downloadIssues'), {
  method: 'get',
  path: '/api/imports/{id}/issues.xlsx',
  tags,
  summary: 'Tải danh sách lỗi (.xlsx)',
  request: { params: idParam },
  responses: { 200: fileDownload('Danh sách lỗi', XLSX) },
});

export const listChanges = secureRoute(importsPolicy.gate('use'), {
  method: 'get',
  path: '/api/imports/{id}/changes',
  tags,
  summary: 'Xem trước các dòng sẽ thêm mới hoặc thay đổi (trường nào, trước → sau)',
  request: { params: idParam, query: z.object(pageQuery) },
  responses: { 200: json(importChangePage) },
});

export const commitImport = secureRoute(importsPolicy.gate('commit'), {
  method: 'post',
  path: '/api/imports/{id}/commit',
  tags,
  summary: 'Ghi dữ liệu: tất cả hoặc không gì cả (kiểm tra lại toàn bộ trước khi ghi)',
  request: { params: idParam },
  responses: { 202: json(importView, 'Đang ghi dữ liệu'), 409: json(errorBody, 'Lần nhập chưa sẵn sàng để ghi') },
});

export const cancelImport = secureRoute(importsPolicy.gate('cancel'), {
  method: 'post',
  path: '/api/imports/{id}/cancel',
  tags,
  summary: 'Hủy việc kiểm tra hoặc ghi đang chạy (dữ liệu không bị thay đổi)',
  request: { params: idParam },
  responses: { 200: json(importView), 409: json(errorBody, 'Không còn đang xử lý') },
});
