import { z } from 'zod';
import { DECISION_KINDS } from '../../../common/secondment.js';
import { pageQuery } from '../../../common/schemas/fields.js';
import { errorBody } from '../../../common/schemas/fields.js';
import { fileDownload, idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { DOCX_TYPE, XLSX_TYPE } from '../plugins/file-response.js';
import { decisionPolicy } from '../../domain/secondment-documents/decision.policy.js';
import { entitlementPaymentsPolicy, entitlementsPolicy } from '../../domain/secondment-entitlements/entitlements.policy.js';
import {
  decisionListResponse,
  entitlementsResponse,
  recordEntitlementPaymentInput,
  reverseEntitlementPaymentInput,
} from '../../../common/schemas/secondment-documents.js';

const tags = ['Tăng cường: chế độ, quyết định'];

const decisionFilters = {
  kind: z.enum(DECISION_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
};

export const listDecisions = secureRoute(decisionPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments/decisions',
  tags,
  summary: 'Danh sách quyết định cử, gia hạn, kết thúc trước thời hạn, tiếp nhận trở lại (trong phạm vi)',
  request: { query: z.object({ ...decisionFilters, ...pageQuery }) },
  responses: { 200: json(decisionListResponse) },
});

export const exportDecisions = secureRoute(decisionPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments/decisions.xlsx',
  tags,
  summary: 'Xuất danh sách quyết định (theo bộ lọc) ra Excel',
  request: { query: z.object(decisionFilters) },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const decisionDocument = secureRoute(decisionPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments/decisions/{id}/document.docx',
  tags,
  summary: 'Quyết định (.docx, thể thức Nghị định 30/2020/NĐ-CP), kèm phụ lục danh sách đối với quyết định cử; được ghi nhật ký',
  request: { params: idParam },
  responses: { 200: fileDownload('Tệp .docx', DOCX_TYPE) },
});

export const financeList = secureRoute(entitlementsPolicy.gate('financeList'), {
  method: 'get',
  path: '/api/secondments/entitlements.xlsx',
  tags,
  summary: 'Danh sách chi trả chế độ (trợ cấp một lần hoặc chế độ theo Nghị định 76/2019/NĐ-CP, nguồn chi trả, nâng bậc lương) của các trường hợp bắt đầu trong năm',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const entitlements = secureRoute(entitlementsPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments/{id}/entitlements',
  tags,
  summary: 'Chế độ, chính sách của một trường hợp tăng cường (khoản 1 Điều 12 Nghị định 178/2024/NĐ-CP): căn cứ, số tiền, người chi trả; được ghi nhật ký',
  request: { params: idParam },
  responses: { 200: json(entitlementsResponse) },
});

export const recordEntitlementPayment = secureRoute(entitlementPaymentsPolicy.gate('record'), {
  method: 'post',
  path: '/api/secondments/{id}/entitlement-payments',
  tags,
  summary:
    'Ghi nhận đã chi trả một khoản chế độ (số tiền, ngày chi, số chứng từ): đơn vị cử ghi nhận các khoản do đơn vị chi trả, Sở Nội vụ ghi nhận mọi khoản; được ghi nhật ký',
  request: { params: idParam, body: jsonBody(recordEntitlementPaymentInput) },
  responses: {
    201: json(entitlementsResponse, 'Đã ghi nhận; chế độ của trường hợp sau khi ghi nhận'),
    422: json(errorBody, 'Khoản chế độ, số tiền hoặc ngày chi trả không hợp lệ'),
  },
});

export const reverseEntitlementPayment = secureRoute(entitlementPaymentsPolicy.gate('reverse'), {
  method: 'post',
  path: '/api/secondments/{id}/entitlement-payments/{paymentId}/reverse',
  tags,
  summary: 'Hủy một khoản đã ghi nhận chi trả bằng bút toán ghi đảo (ghi rõ lý do); khoản đã ghi không bị sửa hay xóa',
  request: { params: idParam.extend({ paymentId: z.uuid('Mã định danh không hợp lệ') }), body: jsonBody(reverseEntitlementPaymentInput) },
  responses: {
    200: json(entitlementsResponse),
    409: json(errorBody, 'Khoản chi trả đã được hủy hoặc đã được người khác cập nhật'),
  },
});
