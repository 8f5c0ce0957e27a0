import { z } from 'zod';
import { errorBody, uuid } from '../../../common/schemas/fields.js';
import { idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { matchingPolicy } from '../../domain/matching/matching.policy.js';
import { matchingAccepted, matchingListCheck, matchingRun, matchingWhyNot } from '../../../common/schemas/matching.js';

const tags = ['Ghép cán bộ với nhu cầu'];

export const runInput = z.strictObject({
  roundId: uuid,
  /** Pairs the officer keeps as they are; the rest is matched optimally around them. */
  locked: z
    .array(z.strictObject({ personId: uuid, needId: uuid }))
    .max(5_000, 'Tối đa 5.000 cặp khóa')
    .optional(),
  excludedPersonIds: z.array(uuid).max(20_000, 'Tối đa 20.000 người').optional(),
  excludedNeedIds: z.array(uuid).max(5_000, 'Tối đa 5.000 nhu cầu').optional(),
});

export const createRun = secureRoute(matchingPolicy.gate('run'), {
  method: 'post',
  path: '/api/matching/runs',
  tags,
  summary:
    'Sở Nội vụ ghép cán bộ đủ điều kiện với các nhu cầu đã chấp thuận của một đợt đã phê duyệt (có thể khóa cặp, loại người hoặc nhu cầu rồi ghép lại): phương án tối ưu (có chứng nhận), lý do từng cặp và từng nhu cầu chưa đủ',
  request: { body: jsonBody(runInput) },
  responses: {
    201: json(matchingRun, 'Đã ghép'),
    409: json(errorBody, 'Đợt chưa phê duyệt hoặc không có nhu cầu'),
    422: json(errorBody, 'Cặp khóa không hợp lệ'),
  },
});

export const getRun = secureRoute(matchingPolicy.gate('read'), {
  method: 'get',
  path: '/api/matching/runs/{id}',
  tags,
  summary:
    'Một lần ghép: các cặp đề xuất, nhu cầu chưa đủ và lý do, kiểm lại tính tối ưu từ dữ liệu đầu vào đã lưu; đơn vị cử chỉ thấy các cặp của người thuộc đơn vị mình',
  request: { params: idParam },
  responses: { 200: json(matchingRun) },
});

export const whyNotQuery = z.object({ personId: uuid, needId: uuid });

export const whyNot = secureRoute(matchingPolicy.gate('review'), {
  method: 'get',
  path: '/api/matching/runs/{id}/why-not',
  tags,
  summary: 'Vì sao một cán bộ không được đề xuất cho một nhu cầu trong lần ghép này',
  request: { params: idParam, query: whyNotQuery },
  responses: { 200: json(matchingWhyNot) },
});

export const listInput = z.strictObject({
  pairs: z.array(z.strictObject({ personId: uuid, needId: uuid })).max(20_000, 'Danh sách tối đa 20.000 cặp'),
});

export const checkList = secureRoute(matchingPolicy.gate('review'), {
  method: 'post',
  path: '/api/matching/runs/{id}/check',
  tags,
  summary: 'So một danh sách cặp (ví dụ lập thủ công) với phương án tối ưu của lần ghép: có hợp lệ không, được bao nhiêu điểm, kém tối ưu bao nhiêu',
  request: { params: idParam, body: jsonBody(listInput) },
  responses: { 200: json(matchingListCheck) },
});

export const acceptInput = z.strictObject({
  /** The pairs to accept (each one of the run's); all the pairs not yet accepted when omitted. */
  pairs: z
    .array(z.strictObject({ personId: uuid, needId: uuid }))
    .min(1, 'Chọn ít nhất một cặp')
    .max(5_000, 'Tối đa 5.000 cặp')
    .optional(),
});

export const acceptRun = secureRoute(matchingPolicy.gate('accept'), {
  method: 'post',
  path: '/api/matching/runs/{id}/accept',
  tags,
  summary:
    'Sở Nội vụ chấp nhận các cặp của lần ghép thành đề xuất cử tăng cường (nơi đến là xã của nhu cầu): kiểm tra lại từng cặp hôm nay, một cặp không đạt thì không ghi gì',
  request: { params: idParam, body: jsonBody(acceptInput) },
  responses: {
    201: json(matchingAccepted, 'Đã tạo các đề xuất'),
    409: json(errorBody, 'Đợt không còn phê duyệt hoặc mọi cặp đã được chấp nhận'),
    422: json(errorBody, 'Cặp không còn đạt, với lý do của từng cặp'),
  },
});
