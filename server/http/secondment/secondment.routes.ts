import { z } from 'zod';
import * as s from '../../../common/schemas/secondment.js';
import { fileDownload, idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { XLSX_TYPE } from '../plugins/file-response.js';
import { uuid } from '../../../common/schemas/fields.js';
import type { Gate } from '../../domain/access/policy.js';
import { secondmentPolicy } from '../../domain/secondment/secondment.policy.js';

const tags = ['Tăng cường cán bộ về cơ sở'];
const created = json(s.createdResponse, 'Đã tạo');
const changed = json(s.stepResponse, 'Đã cập nhật');
const decided = json(s.decisionIssuedResponse, 'Đã ban hành quyết định');
const step = <P extends string, B extends z.ZodType, O extends ReturnType<typeof json>>(gate: Gate, path: P, summary: string, body: B, ok: O) =>
  secureRoute(gate, { method: 'post', path, tags, summary, request: { params: idParam, body: jsonBody(body) }, responses: { 200: ok } });

export const list = secureRoute(secondmentPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments',
  tags,
  summary: 'Danh sách cán bộ được đề xuất, cử và đang tăng cường trong phạm vi được xem, lọc theo bước, đơn vị, nơi đến',
  request: { query: s.secondmentListQuery },
  responses: { 200: json(s.secondmentListResponse) },
});

export const exportList = secureRoute(secondmentPolicy.gate('export'), {
  method: 'get',
  path: '/api/secondments/export.xlsx',
  tags,
  summary: 'Xuất danh sách (theo bộ lọc hiện tại) ra Excel',
  request: { query: s.secondmentListQuery.omit({ page: true, pageSize: true }) },
  responses: { 200: fileDownload('Tệp Excel', XLSX_TYPE) },
});

export const nextDecisionNumber = secureRoute(secondmentPolicy.gate('nextDecisionNumber'), {
  method: 'get',
  path: '/api/secondments/next-decision-number',
  tags,
  summary:
    'Số quyết định tiếp theo trong năm của UBND tỉnh, thành phố, hoặc của đơn vị cử (quyết định tiếp nhận trở lại) — đánh số từ 01 mỗi năm, Nghị định 30/2020/NĐ-CP',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100), issuerUnitId: uuid.optional() }) },
  responses: { 200: json(s.nextDecisionNumberResponse) },
});

export const propose = secureRoute(secondmentPolicy.gate('propose'), {
  method: 'post',
  path: '/api/secondments',
  tags,
  summary: 'Đơn vị đề xuất cử một cán bộ đi tăng cường (từ kết quả sàng lọc)',
  request: { body: jsonBody(s.proposeInput) },
  responses: { 201: created },
});

export const decide = secureRoute(secondmentPolicy.gate('decide'), {
  method: 'post',
  path: '/api/secondments/decisions/send',
  tags,
  summary: 'Quyết định cử một hoặc nhiều cán bộ (một quyết định, số theo năm)',
  request: { body: jsonBody(s.decideInput) },
  responses: { 201: decided },
});

export const get = secureRoute(secondmentPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments/{id}',
  tags,
  summary: 'Hồ sơ một đợt tăng cường: các bước, quyết định, báo cáo, đánh giá, liên hệ và các thao tác được phép',
  request: { params: idParam },
  responses: { 200: json(s.secondmentDetail) },
});

export const resubmit = step(secondmentPolicy.gate('resubmit'), '/api/secondments/{id}/resubmit', 'Bổ sung và gửi lại đề xuất bị trả lại', s.resubmitInput, changed);
export const withdraw = step(
  secondmentPolicy.gate('withdraw'),
  '/api/secondments/{id}/withdraw',
  'Rút đề xuất (trước khi có quyết định)',
  s.versionedReason,
  changed,
);
export const forward = step(
  secondmentPolicy.gate('forward'),
  '/api/secondments/{id}/forward',
  'Sở Nội vụ thẩm định lại điều kiện và chỉ tiêu, trình quyết định',
  s.forwardInput,
  changed,
);
export const sendBack = step(secondmentPolicy.gate('send_back'), '/api/secondments/{id}/send-back', 'Trả lại đề xuất kèm lý do', s.versionedReason, changed);
export const reject = step(secondmentPolicy.gate('reject'), '/api/secondments/{id}/reject', 'Không cử (kèm lý do)', s.versionedReason, changed);
export const receive = step(
  secondmentPolicy.gate('receive'),
  '/api/secondments/{id}/receive',
  'Xã, phường xác nhận tiếp nhận, phân công công việc, ngày bắt đầu',
  s.receiveInput,
  changed,
);
export const extend = step(secondmentPolicy.gate('extend'), '/api/secondments/{id}/extend', 'Quyết định gia hạn thời gian tăng cường', s.extendInput, decided);
export const endEarly = step(
  secondmentPolicy.gate('end_early'),
  '/api/secondments/{id}/end-early',
  'Quyết định kết thúc tăng cường trước thời hạn',
  s.endEarlyInput,
  decided,
);
export const complete = step(secondmentPolicy.gate('complete'), '/api/secondments/{id}/complete', 'Ghi nhận hết thời hạn tăng cường', s.completeInput, changed);
export const place = step(
  secondmentPolicy.gate('place'),
  '/api/secondments/{id}/place',
  'Tiếp nhận trở lại, bố trí công tác không thấp hơn vị trí được bảo lưu, ghi kết quả',
  s.placeInput,
  decided,
);

export const requestReport = step(
  secondmentPolicy.gate('request_report'),
  '/api/secondments/{id}/reports',
  'Yêu cầu cán bộ báo cáo đột xuất',
  s.requestReportInput,
  created,
);
export const submitReport = secureRoute(secondmentPolicy.gate('submit_report'), {
  method: 'post',
  path: '/api/secondments/{id}/reports/{reportId}/submit',
  tags,
  summary: 'Cán bộ nộp báo cáo (định kỳ hoặc đột xuất)',
  request: { params: idParam.extend({ reportId: uuid }), body: jsonBody(s.submitReportInput) },
  responses: { 200: changed },
});
export const evaluate = step(
  secondmentPolicy.gate('evaluate'),
  '/api/secondments/{id}/evaluations',
  'Xã, phường nhận xét, đánh giá và đề xuất xếp loại',
  s.evaluationInput,
  created,
);
export const logContact = step(
  secondmentPolicy.gate('log_contact'),
  '/api/secondments/{id}/contacts',
  'Đơn vị cử ghi nhận liên hệ thường xuyên với cán bộ',
  s.contactInput,
  created,
);
export const recordPartyOpinion = step(
  secondmentPolicy.gate('record_party_opinion'),
  '/api/secondments/{id}/party-opinions',
  'Sở Nội vụ ghi nhận ý kiến của cấp ủy và kết luận về tiêu chuẩn chính trị trước khi quyết định cử (Kế hoạch 131 mục II.1; Nghị định 170/2025/NĐ-CP Điều 46)',
  s.partyOpinionInput,
  created,
);
export const recordTermReview = step(
  secondmentPolicy.gate('review_self', 'review_host'),
  '/api/secondments/{id}/term-reviews',
  'Bản tự nhận xét của cán bộ, nhận xét của tập thể lãnh đạo và cấp ủy nơi đến khi kết thúc tăng cường (Nghị định 170/2025/NĐ-CP Điều 49); ghi lại thì thay thế',
  s.termReviewInput,
  created,
);
export const recordCommendation = step(
  secondmentPolicy.gate('record_commendation'),
  '/api/secondments/{id}/commendation',
  'Đơn vị cử ghi nhận đề nghị khen thưởng khi cán bộ hoàn thành tốt nhiệm vụ, hoặc lý do không đề nghị (Nghị định 178/2024/NĐ-CP Điều 12)',
  s.commendationInput,
  changed,
);
export const recordFollowUp = step(
  secondmentPolicy.gate('record_follow_up'),
  '/api/secondments/{id}/follow-up',
  'Đơn vị cử sử dụng kết quả đánh giá: quy hoạch, nhu cầu đào tạo, bồi dưỡng (Kế hoạch 131 mục II.2)',
  s.followUpInput,
  changed,
);
