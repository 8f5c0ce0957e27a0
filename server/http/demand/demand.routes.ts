import { errorBody } from '../../../common/schemas/fields.js';
import { XLSX_TYPE } from '../plugins/file-response.js';
import { fileDownload, idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { demandPolicy, demandRoundPolicy } from '../../domain/demand/demand.policy.js';
import {
  needApproveInput,
  needEditInput,
  needInput,
  needListQuery,
  needRejectInput,
  needWithdrawInput,
  roundApproveInput,
  roundInput,
  roundNeedsInput,
  shortageFilters,
  shortageQuery,
  versionInput,
} from './demand.schemas.js';
import { communeDemand, need, needListResponse, roundDetail, roundListResponse, shortagesResponse, surplusResponse } from '../../../common/schemas/demand.js';

const tags = ['Nhu cầu tăng cường'];
const stale = { 409: json(errorBody, 'Đã được người khác cập nhật, hoặc không còn ở bước này') };

export const shortages = secureRoute(demandPolicy.gate('shortages'), {
  method: 'get',
  path: '/api/demand/shortages',
  tags,
  summary: 'Bảng thiếu hụt theo xã, phường: vị trí việc làm, định mức, số đang đảm nhiệm, số còn thiếu, nhu cầu theo lĩnh vực; sắp xếp, lọc, phân trang',
  request: { query: shortageQuery },
  responses: { 200: json(shortagesResponse) },
});

export const shortagesXlsx = secureRoute(demandPolicy.gate('shortages'), {
  method: 'get',
  path: '/api/demand/shortages/export.xlsx',
  tags,
  summary: 'Xuất bảng thiếu hụt theo xã, phường (theo bộ lọc hiện tại) ra Excel',
  request: { query: shortageFilters },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const surplus = secureRoute(demandPolicy.gate('shortages'), {
  method: 'get',
  path: '/api/demand/surplus',
  tags,
  summary: 'Các đơn vị cấp thành phố có số người làm việc vượt biên chế được giao năm nay (sau sắp xếp), với số vượt',
  responses: { 200: json(surplusResponse) },
});

export const commune = secureRoute(demandPolicy.gate('read'), {
  method: 'get',
  path: '/api/demand/communes/{id}',
  tags,
  summary: 'Một xã, phường: vị trí việc làm với định mức, người đảm nhiệm, số còn thiếu; nhu cầu; đội ngũ chủ chốt và người địa phương',
  request: { params: idParam },
  responses: { 200: json(communeDemand) },
});

export const listNeeds = secureRoute(demandPolicy.gate('read'), {
  method: 'get',
  path: '/api/demand/needs',
  tags,
  summary: 'Nhu cầu tăng cường trong phạm vi (cấp bách trước): lọc theo xã, trạng thái, đợt, lĩnh vực',
  request: { query: needListQuery },
  responses: { 200: json(needListResponse) },
});

export const declare = secureRoute(demandPolicy.gate('declare'), {
  method: 'post',
  path: '/api/demand/needs',
  tags,
  summary: 'Xã, phường khai báo nhu cầu tăng cường (vị trí việc làm của xã hoặc lĩnh vực; số lượng; mức độ; thời gian; tiêu chuẩn; lý do)',
  request: { body: jsonBody(needInput) },
  responses: { 201: json(need, 'Đã lưu') },
});

export const edit = secureRoute(demandPolicy.gate('edit'), {
  method: 'patch',
  path: '/api/demand/needs/{id}',
  tags,
  summary: 'Xã, phường sửa nhu cầu chưa được xem xét',
  request: { params: idParam, body: jsonBody(needEditInput) },
  responses: { 200: json(need), ...stale },
});

export const submit = secureRoute(demandPolicy.gate('submit'), {
  method: 'post',
  path: '/api/demand/needs/{id}/submit',
  tags,
  summary: 'Xã, phường gửi nhu cầu lên Sở Nội vụ',
  request: { params: idParam, body: jsonBody(versionInput) },
  responses: { 200: json(need), ...stale },
});

export const withdraw = secureRoute(demandPolicy.gate('withdraw'), {
  method: 'post',
  path: '/api/demand/needs/{id}/withdraw',
  tags,
  summary: 'Xã, phường rút nhu cầu (khi đợt tổng hợp chưa được phê duyệt)',
  request: { params: idParam, body: jsonBody(needWithdrawInput) },
  responses: { 200: json(need), ...stale },
});

export const approve = secureRoute(demandPolicy.gate('approve'), {
  method: 'post',
  path: '/api/demand/needs/{id}/approve',
  tags,
  summary: 'Sở Nội vụ chấp thuận nhu cầu (số lượng chấp thuận không quá số đề nghị)',
  request: { params: idParam, body: jsonBody(needApproveInput) },
  responses: { 200: json(need), ...stale },
});

export const reject = secureRoute(demandPolicy.gate('reject'), {
  method: 'post',
  path: '/api/demand/needs/{id}/reject',
  tags,
  summary: 'Sở Nội vụ không chấp thuận nhu cầu, nêu lý do',
  request: { params: idParam, body: jsonBody(needRejectInput) },
  responses: { 200: json(need), ...stale },
});

export const rounds = secureRoute(demandRoundPolicy.gate('read'), {
  method: 'get',
  path: '/api/demand/rounds',
  tags,
  summary: 'Các đợt tổng hợp nhu cầu tăng cường',
  responses: { 200: json(roundListResponse) },
});

export const createRound = secureRoute(demandRoundPolicy.gate('create'), {
  method: 'post',
  path: '/api/demand/rounds',
  tags,
  summary: 'Sở Nội vụ mở một đợt tổng hợp nhu cầu',
  request: { body: jsonBody(roundInput) },
  responses: { 201: json(roundDetail, 'Đã tạo') },
});

export const round = secureRoute(demandRoundPolicy.gate('read'), {
  method: 'get',
  path: '/api/demand/rounds/{id}',
  tags,
  summary: 'Một đợt tổng hợp với các nhu cầu của đợt',
  request: { params: idParam },
  responses: { 200: json(roundDetail) },
});

export const arrangeRound = secureRoute(demandRoundPolicy.gate('arrange'), {
  method: 'post',
  path: '/api/demand/rounds/{id}/needs',
  tags,
  summary: 'Đưa các nhu cầu đã chấp thuận vào đợt, hoặc bỏ ra khỏi đợt (khi đợt chưa phê duyệt)',
  request: { params: idParam, body: jsonBody(roundNeedsInput) },
  responses: { 200: json(roundDetail), ...stale },
});

export const approveRound = secureRoute(demandRoundPolicy.gate('approve'), {
  method: 'post',
  path: '/api/demand/rounds/{id}/approve',
  tags,
  summary: 'Sở Nội vụ phê duyệt đợt tổng hợp (số, ngày quyết định): từ đó các nhu cầu của đợt không thay đổi được nữa',
  request: { params: idParam, body: jsonBody(roundApproveInput) },
  responses: { 200: json(roundDetail), ...stale },
});
