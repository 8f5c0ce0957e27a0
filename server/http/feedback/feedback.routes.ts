import { errorBody } from '../../../common/schemas/fields.js';
import { XLSX_TYPE } from '../plugins/file-response.js';
import { fileDownload, idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { feedbackPolicy } from '../../domain/feedback/feedback.policy.js';
import { feedbackCloseInput, feedbackFilters, feedbackInput, feedbackListQuery, feedbackReplyInput } from './feedback.schemas.js';
import { feedbackDetail, feedbackListResponse, linkableSecondments } from '../../../common/schemas/feedback.js';

const tags = ['Kiến nghị, đề xuất'];

export const list = secureRoute(feedbackPolicy.gate('read'), {
  method: 'get',
  path: '/api/feedback',
  tags,
  summary: 'Kiến nghị, đề xuất trong phạm vi (mới nhất trước): lọc theo trạng thái, loại, đơn vị, từ khóa; số đang chờ trả lời',
  request: { query: feedbackListQuery },
  responses: { 200: json(feedbackListResponse) },
});

export const exportXlsx = secureRoute(feedbackPolicy.gate('read'), {
  method: 'get',
  path: '/api/feedback/export.xlsx',
  tags,
  summary: 'Xuất danh sách kiến nghị, đề xuất (theo bộ lọc hiện tại) ra Excel',
  request: { query: feedbackFilters },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const secondments = secureRoute(feedbackPolicy.gate('raise'), {
  method: 'get',
  path: '/api/feedback/secondments',
  tags,
  summary: 'Các trường hợp tăng cường của đơn vị (cử đi hoặc tiếp nhận) có thể nêu trong kiến nghị',
  responses: { 200: json(linkableSecondments) },
});

export const create = secureRoute(feedbackPolicy.gate('raise'), {
  method: 'post',
  path: '/api/feedback',
  tags,
  summary: 'Đơn vị cử hoặc đơn vị tiếp nhận gửi kiến nghị (khó khăn, vướng mắc) hoặc đề xuất sửa đổi, bổ sung kế hoạch',
  request: { body: jsonBody(feedbackInput) },
  responses: { 201: json(feedbackDetail, 'Đã gửi') },
});

export const detail = secureRoute(feedbackPolicy.gate('read'), {
  method: 'get',
  path: '/api/feedback/{id}',
  tags,
  summary: 'Một kiến nghị với toàn bộ nội dung trao đổi',
  request: { params: idParam },
  responses: { 200: json(feedbackDetail) },
});

export const reply = secureRoute(feedbackPolicy.gate('reply'), {
  method: 'post',
  path: '/api/feedback/{id}/replies',
  tags,
  summary: 'Trả lời kiến nghị: Sở Nội vụ trả lời (→ đã trả lời); đơn vị gửi trao đổi thêm (→ chờ trả lời)',
  request: { params: idParam, body: jsonBody(feedbackReplyInput) },
  responses: { 200: json(feedbackDetail), 409: json(errorBody, 'Kiến nghị đã được người khác cập nhật') },
});

export const close = secureRoute(feedbackPolicy.gate('close'), {
  method: 'post',
  path: '/api/feedback/{id}/close',
  tags,
  summary: 'Sở Nội vụ đóng kiến nghị (đã giải quyết xong)',
  request: { params: idParam, body: jsonBody(feedbackCloseInput) },
  responses: { 200: json(feedbackDetail), 409: json(errorBody, 'Kiến nghị đã được người khác cập nhật') },
});
