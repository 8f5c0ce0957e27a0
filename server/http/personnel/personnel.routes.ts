import { z } from 'zod';
import {
  cadreListQuery,
  cadreListResponse,
  cadreProfile,
  cadreUpdatedResponse,
  personRecordResponse,
  ratingSavedResponse,
  cadreUpdate,
  disciplineInput,
  proceedingInput,
  proceedingCloseInput,
  circumstanceInput,
  historyResponse,
  planningInput,
  ratingInput,
  trainingHistoryInput,
  workHistoryInput,
} from '../../../common/schemas/personnel.js';
import { errorBody, pageQuery } from '../../../common/schemas/fields.js';
import { idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { personnelPolicy } from '../../domain/personnel/personnel.policy.js';

const tags = ['Cán bộ'];

export const listCadres = secureRoute(personnelPolicy.gate('read'), {
  method: 'get',
  path: '/api/cadres',
  tags,
  summary: 'Danh sách cán bộ trong phạm vi được xem (phân trang, lọc, tìm không dấu)',
  request: { query: cadreListQuery },
  responses: { 200: json(cadreListResponse) },
});

export const getCadre = secureRoute(personnelPolicy.gate('read'), {
  method: 'get',
  path: '/api/cadres/{id}',
  tags,
  summary: 'Hồ sơ cán bộ (Mẫu 2C); phần nhạy cảm chỉ trả về cho người có quyền và được ghi nhật ký',
  request: { params: idParam },
  responses: { 200: json(cadreProfile) },
});

export const updateCadre = secureRoute(personnelPolicy.gate('update'), {
  method: 'patch',
  path: '/api/cadres/{id}',
  tags,
  summary: 'Sửa hồ sơ cán bộ (kèm version để tránh ghi đè)',
  request: { params: idParam, body: jsonBody(cadreUpdate) },
  responses: { 200: json(cadreUpdatedResponse), 409: json(errorBody, 'Hồ sơ đã bị người khác sửa') },
});

export const getCadreHistory = secureRoute(personnelPolicy.gate('read'), {
  method: 'get',
  path: '/api/cadres/{id}/history',
  tags,
  summary: 'Lịch sử thay đổi hồ sơ',
  request: { params: idParam, query: z.object(pageQuery) },
  responses: { 200: json(historyResponse) },
});

export const putRating = secureRoute(personnelPolicy.gate('update'), {
  method: 'put',
  path: '/api/cadres/{id}/ratings',
  tags,
  summary: 'Ghi xếp loại chất lượng của một năm',
  request: { params: idParam, body: jsonBody(ratingInput) },
  responses: { 200: json(ratingSavedResponse) },
});

export const deleteRating = secureRoute(personnelPolicy.gate('update'), {
  method: 'delete',
  path: '/api/cadres/{id}/ratings/{year}',
  tags,
  summary: 'Xóa xếp loại của một năm',
  request: { params: idParam.extend({ year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 204: { description: 'Đã xóa' } },
});

const RECORD_INPUTS = {
  discipline: disciplineInput,
  planning: planningInput,
  'work-history': workHistoryInput,
  'training-history': trainingHistoryInput,
  proceedings: proceedingInput,
  circumstances: circumstanceInput,
} as const;
export type RecordPath = keyof typeof RECORD_INPUTS;

const recordParams = idParam.extend({ recordId: z.uuid('Mã định danh không hợp lệ') });

export const closeProceeding = secureRoute(personnelPolicy.gate('update'), {
  method: 'post',
  path: '/api/cadres/{id}/proceedings/{recordId}/close',
  tags,
  summary: 'Kết thúc vụ việc (xem xét kỷ luật, điều tra, truy tố, xét xử, thanh tra) vào một ngày, với kết quả',
  request: { params: recordParams, body: jsonBody(proceedingCloseInput) },
  responses: { 200: json(personRecordResponse) },
});

export function recordRoutes(kind: RecordPath) {
  const body = RECORD_INPUTS[kind];
  return {
    create: secureRoute(personnelPolicy.gate('update'), {
      method: 'post',
      path: `/api/cadres/{id}/${kind}`,
      tags,
      summary: `Thêm bản ghi (${kind})`,
      request: { params: idParam, body: jsonBody(body) },
      responses: { 201: json(personRecordResponse) },
    }),
    update: secureRoute(personnelPolicy.gate('update'), {
      method: 'put',
      path: `/api/cadres/{id}/${kind}/{recordId}`,
      tags,
      summary: `Sửa bản ghi (${kind})`,
      request: { params: recordParams, body: jsonBody(body) },
      responses: { 200: json(personRecordResponse) },
    }),
    remove: secureRoute(personnelPolicy.gate('update'), {
      method: 'delete',
      path: `/api/cadres/{id}/${kind}/{recordId}`,
      tags,
      summary: `Xóa bản ghi (${kind})`,
      request: { params: recordParams },
      responses: { 204: { description: 'Đã xóa' } },
    }),
  };
}
