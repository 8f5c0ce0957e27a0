import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody } from '../../../common/schemas/fields.js';
import { nationalProvincesResponse, setupResultResponse, setupStatusResponse } from '../../../common/schemas/setup.js';
import { provincePolicy } from '../../domain/province/province.policy.js';
import { json, jsonBody, secureRoute } from '../plugins/route.js';

const tags = ['Thiết lập lần đầu'];

/** Public: the login page says which province the system serves, or that it is not set up yet. */
export const getSetupStatus = createRoute({
  method: 'get',
  path: '/api/setup',
  tags,
  summary: 'Hệ thống đã được thiết lập chưa, cho tỉnh, thành phố nào',
  'x-roles': ['public'],
  responses: { 200: json(setupStatusResponse) },
});

export const listSetupProvinces = secureRoute(provincePolicy.gate('setUp'), {
  method: 'get',
  path: '/api/setup/provinces',
  tags,
  summary: 'Danh mục 34 tỉnh, thành phố từ 01/07/2025, với số xã, phường sẽ được tạo',
  responses: { 200: json(nationalProvincesResponse) },
});

export const setUpProvince = secureRoute(provincePolicy.gate('setUp'), {
  method: 'post',
  path: '/api/setup',
  tags,
  summary: 'Thiết lập lần đầu: tỉnh, thành phố, Ủy ban nhân dân và các xã, phường (một lần)',
  request: {
    body: jsonBody(
      z.strictObject({ provinceCode: z.string('Chọn tỉnh, thành phố').trim().min(1, 'Chọn tỉnh, thành phố').max(10, 'Mã tỉnh, thành phố không hợp lệ') }),
    ),
  },
  responses: { 201: json(setupResultResponse), 409: json(errorBody, 'Hệ thống đã được thiết lập') },
});
