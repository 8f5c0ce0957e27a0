import { z } from 'zod';
import { destinationsResponse, jobPostsResponse, unitTreeResponse } from '../../../common/schemas/org.js';
import { idParam, json, secureRoute } from '../plugins/route.js';
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
