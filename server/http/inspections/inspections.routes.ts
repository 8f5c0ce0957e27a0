import { errorBody } from '../../../common/schemas/fields.js';
import { idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { inspectionPolicy, recommendationPolicy } from '../../domain/inspections/inspections.policy.js';
import {
  acceptInput,
  answerInput,
  inspectableUnitsResponse,
  inspectionConcludeInput,
  inspectionDetail,
  inspectionEditInput,
  inspectionInput,
  inspectionListQuery,
  inspectionListResponse,
  recommendation,
  returnInput,
} from '../../../common/schemas/inspections.js';

const tags = ['Kiểm tra'];
const stale = { 409: json(errorBody, 'Đã được người khác cập nhật, hoặc không còn ở bước này') };

export const list = secureRoute(inspectionPolicy.gate('read'), {
  method: 'get',
  path: '/api/inspections',
  tags,
  summary: 'Các cuộc kiểm tra của Sở Nội vụ trong phạm vi (đơn vị được kiểm tra chỉ thấy của mình), mới nhất trước',
  request: { query: inspectionListQuery },
  responses: { 200: json(inspectionListResponse) },
});

export const units = secureRoute(inspectionPolicy.gate('record'), {
  method: 'get',
  path: '/api/inspections/units',
  tags,
  summary: 'Các đơn vị, xã, phường có thể được kiểm tra (đang hoạt động, trong phạm vi)',
  responses: { 200: json(inspectableUnitsResponse) },
});

export const record = secureRoute(inspectionPolicy.gate('record'), {
  method: 'post',
  path: '/api/inspections',
  tags,
  summary: 'Sở Nội vụ ghi nhận cuộc kiểm tra một đơn vị hoặc xã, phường (thời gian, thành phần, kết quả, kiến nghị có thời hạn; kết luận nếu có)',
  request: { body: jsonBody(inspectionInput) },
  responses: { 201: json(inspectionDetail, 'Đã lưu') },
});

export const get = secureRoute(inspectionPolicy.gate('read'), {
  method: 'get',
  path: '/api/inspections/{id}',
  tags,
  summary: 'Một cuộc kiểm tra với các kiến nghị, hạn thực hiện, trả lời của đơn vị và ý kiến của Sở Nội vụ',
  request: { params: idParam },
  responses: { 200: json(inspectionDetail) },
});

export const edit = secureRoute(inspectionPolicy.gate('edit'), {
  method: 'patch',
  path: '/api/inspections/{id}',
  tags,
  summary: 'Sở Nội vụ sửa cuộc kiểm tra chưa kết luận',
  request: { params: idParam, body: jsonBody(inspectionEditInput) },
  responses: { 200: json(inspectionDetail), ...stale },
});

export const conclude = secureRoute(inspectionPolicy.gate('conclude'), {
  method: 'post',
  path: '/api/inspections/{id}/conclude',
  tags,
  summary: 'Sở Nội vụ kết luận cuộc kiểm tra (số, ngày văn bản kết luận): các kiến nghị được gửi đơn vị thực hiện',
  request: { params: idParam, body: jsonBody(inspectionConcludeInput) },
  responses: { 200: json(inspectionDetail), ...stale },
});

export const answer = secureRoute(recommendationPolicy.gate('answer'), {
  method: 'post',
  path: '/api/inspections/recommendations/{id}/answer',
  tags,
  summary: 'Đơn vị được kiểm tra trả lời kết quả thực hiện một kiến nghị',
  request: { params: idParam, body: jsonBody(answerInput) },
  responses: { 200: json(recommendation), ...stale },
});

export const accept = secureRoute(recommendationPolicy.gate('accept'), {
  method: 'post',
  path: '/api/inspections/recommendations/{id}/accept',
  tags,
  summary: 'Sở Nội vụ chấp nhận kết quả thực hiện kiến nghị',
  request: { params: idParam, body: jsonBody(acceptInput) },
  responses: { 200: json(recommendation), ...stale },
});

export const sendBack = secureRoute(recommendationPolicy.gate('return'), {
  method: 'post',
  path: '/api/inspections/recommendations/{id}/return',
  tags,
  summary: 'Sở Nội vụ trả lại trả lời của đơn vị, nêu lý do (đơn vị trả lời lại)',
  request: { params: idParam, body: jsonBody(returnInput) },
  responses: { 200: json(recommendation), ...stale },
});
