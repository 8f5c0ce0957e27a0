import { z } from 'zod';
import { errorBody, uuid } from '../../../common/schemas/fields.js';
import { idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { matchingPolicy } from '../../domain/matching/matching.policy.js';
import { matchingRun, matchingWhyNot } from '../../../common/schemas/matching.js';

const tags = ['Ghép cán bộ với nhu cầu'];

export const runInput = z.strictObject({ roundId: uuid });

export const createRun = secureRoute(matchingPolicy.gate('run'), {
  method: 'post',
  path: '/api/matching/runs',
  tags,
  summary:
    'Sở Nội vụ ghép cán bộ đủ điều kiện với các nhu cầu đã chấp thuận của một đợt đã phê duyệt: phương án tối ưu (có chứng nhận), lý do từng cặp và từng nhu cầu chưa đủ',
  request: { body: jsonBody(runInput) },
  responses: { 201: json(matchingRun, 'Đã ghép'), 409: json(errorBody, 'Đợt chưa phê duyệt hoặc không có nhu cầu') },
});

export const getRun = secureRoute(matchingPolicy.gate('read'), {
  method: 'get',
  path: '/api/matching/runs/{id}',
  tags,
  summary: 'Một lần ghép: các cặp đề xuất, nhu cầu chưa đủ và lý do, kiểm lại tính tối ưu từ dữ liệu đầu vào đã lưu',
  request: { params: idParam },
  responses: { 200: json(matchingRun) },
});

export const whyNotQuery = z.object({ personId: uuid, needId: uuid });

export const whyNot = secureRoute(matchingPolicy.gate('read'), {
  method: 'get',
  path: '/api/matching/runs/{id}/why-not',
  tags,
  summary: 'Vì sao một cán bộ không được đề xuất cho một nhu cầu trong lần ghép này',
  request: { params: idParam, query: whyNotQuery },
  responses: { 200: json(matchingWhyNot) },
});
