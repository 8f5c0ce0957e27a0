import { z } from 'zod';
import {
  addUnitBody,
  closeUnitBody,
  destinationsResponse,
  jobPostsResponse,
  mergeUnitsBody,
  moveUnitBody,
  orgChangeResponse,
  orgEventsResponse,
  renameUnitBody,
  splitUnitBody,
  unitTreeResponse,
} from '../../../common/schemas/org.js';
import { errorBody } from '../../../common/schemas/fields.js';
import { idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { orgPolicy } from '../../domain/org/org.policy.js';

const tags = ['Tổ chức bộ máy'];

export const getUnitTree = secureRoute(orgPolicy.gate('read'), {
  method: 'get',
  path: '/api/org-units',
  tags,
  summary: 'Cây đơn vị trong phạm vi được xem, với biên chế được giao và số người hiện có',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: { 200: json(unitTreeResponse) },
});

export const getJobPosts = secureRoute(orgPolicy.gate('read'), {
  method: 'get',
  path: '/api/org-units/{id}/job-posts',
  tags,
  summary: 'Vị trí việc làm của đơn vị và tiêu chuẩn',
  request: { params: idParam },
  responses: { 200: json(jobPostsResponse) },
});

export const getDestinations = secureRoute(orgPolicy.gate('destinations'), {
  method: 'get',
  path: '/api/org-units/destinations',
  tags,
  summary: 'Các xã, phường (nơi đến có thể chọn khi sàng lọc, đề xuất tăng cường)',
  responses: {
    200: json(destinationsResponse),
  },
});

const changed = { 200: json(orgChangeResponse), 409: json(errorBody, 'Chưa thiết lập tỉnh, thành phố'), 422: json(errorBody, 'Dữ liệu không hợp lệ') };

export const addUnit = secureRoute(orgPolicy.gate('manage'), {
  method: 'post',
  path: '/api/org-units',
  tags,
  summary: 'Thêm đơn vị (sở, ban, ngành; phòng, ban trực thuộc; đơn vị sự nghiệp) thành lập từ một ngày, theo quyết định',
  request: { body: jsonBody(addUnitBody) },
  responses: changed,
});

export const renameUnit = secureRoute(orgPolicy.gate('manage'), {
  method: 'post',
  path: '/api/org-units/{id}/rename',
  tags,
  summary: 'Đổi tên đơn vị (ghi sự kiện đổi tên có ngày hiệu lực)',
  request: { params: idParam, body: jsonBody(renameUnitBody) },
  responses: changed,
});

export const moveUnit = secureRoute(orgPolicy.gate('manage'), {
  method: 'post',
  path: '/api/org-units/{id}/move',
  tags,
  summary: 'Chuyển đơn vị (cùng các đơn vị trực thuộc) sang đơn vị cấp trên khác',
  request: { params: idParam, body: jsonBody(moveUnitBody) },
  responses: changed,
});

export const closeUnit = secureRoute(orgPolicy.gate('manage'), {
  method: 'post',
  path: '/api/org-units/{id}/close',
  tags,
  summary: 'Giải thể đơn vị từ một ngày (đơn vị không còn người đang công tác và đơn vị trực thuộc)',
  request: { params: idParam, body: jsonBody(closeUnitBody) },
  responses: changed,
});

export const mergeUnits = secureRoute(orgPolicy.gate('manage'), {
  method: 'post',
  path: '/api/org-units/merge',
  tags,
  summary: 'Hợp nhất, sáp nhập đơn vị vào một đơn vị có sẵn hoặc mới: chuyển cán bộ và đơn vị trực thuộc, giải thể đơn vị được hợp nhất',
  request: { body: jsonBody(mergeUnitsBody) },
  responses: changed,
});

export const splitUnit = secureRoute(orgPolicy.gate('manage'), {
  method: 'post',
  path: '/api/org-units/split',
  tags,
  summary: 'Chia tách đơn vị thành các đơn vị mới hoặc có sẵn (ghi ngày sắp xếp của các đơn vị được tách ra)',
  request: { body: jsonBody(splitUnitBody) },
  responses: changed,
});

export const getUnitEvents = secureRoute(orgPolicy.gate('read'), {
  method: 'get',
  path: '/api/org-units/{id}/events',
  tags,
  summary: 'Lịch sử sắp xếp tổ chức của đơn vị (thành lập, hợp nhất, chia tách, đổi tên, chuyển, giải thể)',
  request: { params: idParam },
  responses: { 200: json(orgEventsResponse) },
});
