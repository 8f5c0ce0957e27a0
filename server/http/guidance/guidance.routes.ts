import { errorBody } from '../../../common/schemas/fields.js';
import { idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { guidancePolicy } from '../../domain/guidance/guidance.policy.js';
import { guidanceDocument, guidanceEditInput, guidanceInput, guidanceListQuery, guidanceListResponse } from '../../../common/schemas/inspections.js';

const tags = ['Hướng dẫn'];
const stale = { 409: json(errorBody, 'Đã được người khác cập nhật') };

export const list = secureRoute(guidancePolicy.gate('read'), {
  method: 'get',
  path: '/api/guidance',
  tags,
  summary: 'Văn bản hướng dẫn của Sở Nội vụ gửi đơn vị (đơn vị thấy văn bản gửi mình hoặc gửi tất cả), mới nhất trước',
  request: { query: guidanceListQuery },
  responses: { 200: json(guidanceListResponse) },
});

export const issue = secureRoute(guidancePolicy.gate('issue'), {
  method: 'post',
  path: '/api/guidance',
  tags,
  summary: 'Sở Nội vụ ghi nhận văn bản hướng dẫn đã ban hành (số, ngày, trích yếu, đơn vị nhận)',
  request: { body: jsonBody(guidanceInput) },
  responses: { 201: json(guidanceDocument, 'Đã lưu') },
});

export const get = secureRoute(guidancePolicy.gate('read'), {
  method: 'get',
  path: '/api/guidance/{id}',
  tags,
  summary: 'Một văn bản hướng dẫn',
  request: { params: idParam },
  responses: { 200: json(guidanceDocument) },
});

export const edit = secureRoute(guidancePolicy.gate('edit'), {
  method: 'patch',
  path: '/api/guidance/{id}',
  tags,
  summary: 'Sở Nội vụ sửa văn bản hướng dẫn',
  request: { params: idParam, body: jsonBody(guidanceEditInput) },
  responses: { 200: json(guidanceDocument), ...stale },
});
