import { z } from 'zod';
import { planVersionInput, quotaResponse, whatIfInput } from '../../../common/schemas/eligibility.js';
import {
  createPlanInput,
  currentPlanResponse,
  planChangePreview,
  planCreated,
  planDocumentQuery,
  planIdParam,
  planListResponse,
  planSummary,
  planVersionsResponse,
  savedPlanVersion,
  updatePlanInput,
} from '../../../common/schemas/plans.js';
import { errorBody } from '../../../common/schemas/fields.js';
import { fileDownload, json, jsonBody, secureRoute } from '../plugins/route.js';
import { DOCX_TYPE, MAX_PLAN_DOCUMENT_BYTES, PDF_TYPE } from '../../domain/plans/plan-document.js';
import { plansPolicy } from '../../domain/plans/plans.policy.js';

const tags = ['Kế hoạch, chỉ tiêu'];

export const getCurrentPlan = secureRoute(plansPolicy.gate('read'), {
  method: 'get',
  path: '/api/plans/current',
  tags,
  summary: 'Kế hoạch đang áp dụng và tham số của phiên bản có hiệu lực hôm nay',
  responses: {
    200: json(currentPlanResponse),
  },
});

export const listVersions = secureRoute(plansPolicy.gate('read'), {
  method: 'get',
  path: '/api/plans/versions',
  tags,
  summary: 'Các phiên bản tham số của kế hoạch đang áp dụng hôm nay, hoặc của kế hoạch chỉ định (ai sửa, khi nào, vì sao)',
  request: { query: z.object({ planId: z.uuid('Mã định danh không hợp lệ').optional() }) },
  responses: {
    200: json(planVersionsResponse),
  },
});

export const saveVersion = secureRoute(plansPolicy.gate('save'), {
  method: 'post',
  path: '/api/plans/versions',
  tags,
  summary: 'Lưu thay đổi tham số thành phiên bản mới, có ngày hiệu lực và lý do (của kế hoạch chỉ định, mặc định kế hoạch đang áp dụng hôm nay)',
  request: { body: jsonBody(planVersionInput) },
  responses: { 201: json(savedPlanVersion) },
});

export const whatIf = secureRoute(plansPolicy.gate('preview'), {
  method: 'post',
  path: '/api/plans/what-if',
  tags,
  summary: 'Xem trước: tham số dự thảo làm thay đổi chỉ tiêu và kết quả sàng lọc thế nào (không lưu)',
  request: { body: jsonBody(whatIfInput) },
  responses: { 200: json(planChangePreview) },
});

export const getQuotas = secureRoute(plansPolicy.gate('read'), {
  method: 'get',
  path: '/api/quotas',
  tags,
  summary: 'Chỉ tiêu cử tăng cường của từng cơ quan, đơn vị cấp tỉnh: biên chế × tỷ lệ, đã đề xuất, đã quyết định, đang tăng cường, còn thiếu',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: { 200: json(quotaResponse) },
});

export const listPlans = secureRoute(plansPolicy.gate('read'), {
  method: 'get',
  path: '/api/plans',
  tags,
  summary: 'Các kế hoạch của tỉnh, thành phố (số, tên, cơ quan, ngày ban hành, văn bản đính kèm) với các phiên bản tham số',
  responses: { 200: json(planListResponse) },
});

export const createPlan = secureRoute(plansPolicy.gate('manage'), {
  method: 'post',
  path: '/api/plans',
  tags,
  summary: 'Tạo kế hoạch (Sở Nội vụ): số, tên, cơ quan ban hành, ngày ban hành, ngày có hiệu lực và tham số (phiên bản 1)',
  description: 'Một mẫu (ví dụ Kế hoạch 131/KH-UBND) chỉ điền sẵn biểu mẫu; kế hoạch sau có hiệu lực từ ngày của nó, các đợt cử trước đó giữ phiên bản cũ.',
  request: { body: jsonBody(createPlanInput) },
  responses: { 201: json(planCreated), 409: json(errorBody, 'Số, ký hiệu đã được dùng') },
});

export const updatePlan = secureRoute(plansPolicy.gate('manage'), {
  method: 'patch',
  path: '/api/plans/{id}',
  tags,
  summary: 'Sửa số, tên, cơ quan hoặc ngày ban hành của kế hoạch (tham số sửa bằng phiên bản mới)',
  request: { params: planIdParam, body: jsonBody(updatePlanInput) },
  responses: { 200: json(planSummary), 409: json(errorBody, 'Số, ký hiệu đã được dùng') },
});

export const uploadPlanDocument = secureRoute(plansPolicy.gate('manage'), {
  method: 'put',
  path: '/api/plans/{id}/document',
  tags,
  summary: `Đính kèm văn bản kế hoạch (PDF hoặc .docx, tối đa ${MAX_PLAN_DOCUMENT_BYTES / 1048576} MB; tên tệp trong tham số fileName)`,
  description: 'Loại tệp được kiểm tra theo nội dung, không chỉ theo đuôi tên. Tệp mới thay tệp cũ.',
  request: {
    params: planIdParam,
    query: planDocumentQuery,
    body: {
      required: true,
      content: Object.fromEntries([PDF_TYPE, DOCX_TYPE, 'application/octet-stream'].map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }])),
    },
  },
  responses: { 200: json(planSummary), 413: json(errorBody, 'Tệp quá lớn') },
});

export const downloadPlanDocument = secureRoute(plansPolicy.gate('read'), {
  method: 'get',
  path: '/api/plans/{id}/document',
  tags,
  summary: 'Tải văn bản kế hoạch đã đính kèm',
  request: { params: planIdParam },
  responses: {
    200: {
      description: 'Văn bản kế hoạch',
      content: { [PDF_TYPE]: fileDownload('', PDF_TYPE).content[PDF_TYPE], [DOCX_TYPE]: fileDownload('', DOCX_TYPE).content[DOCX_TYPE] },
    },
  },
});
