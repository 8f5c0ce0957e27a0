import { z } from 'zod';
import { planVersionInput, quotaResponse, whatIfInput } from '../../../common/schemas/eligibility.js';
import { currentPlanResponse, planChangePreview, planVersionsResponse, savedPlanVersion } from '../../../common/schemas/plans.js';
import { json, jsonBody, secureRoute } from '../plugins/route.js';
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
  summary: 'Các phiên bản tham số của kế hoạch (ai sửa, khi nào, vì sao)',
  responses: {
    200: json(planVersionsResponse),
  },
});

export const saveVersion = secureRoute(plansPolicy.gate('save'), {
  method: 'post',
  path: '/api/plans/versions',
  tags,
  summary: 'Lưu thay đổi tham số thành phiên bản mới, có ngày hiệu lực và lý do',
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
