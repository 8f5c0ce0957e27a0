import { z } from 'zod';
import { ROLES } from '../../../common/enums.js';
import { pageQuery } from '../../../common/schemas/fields.js';
import { idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { createdUserResponse, userListResponse, userRow } from '../../../common/schemas/access.js';
import { accessPolicy } from '../../domain/access/access.policy.js';

const tags = ['Người dùng'];

/** An account's e-mail address (reminders): trimmed, lower-cased; null = none. */
const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Địa chỉ thư điện tử không hợp lệ').max(254, 'Địa chỉ thư điện tử tối đa 254 ký tự'))
  .nullable()
  .optional();

export const listUsers = secureRoute(accessPolicy.gate('manageUsers'), {
  method: 'get',
  path: '/api/users',
  tags,
  summary: 'Danh sách tài khoản và vai trò',
  request: { query: z.object(pageQuery) },
  responses: { 200: json(userListResponse) },
});

export const createUser = secureRoute(accessPolicy.gate('manageUsers'), {
  method: 'post',
  path: '/api/users',
  tags,
  summary: 'Tạo tài khoản với một vai trò và phạm vi',
  request: {
    body: jsonBody(
      z.object({
        username: z.string().max(40),
        displayName: z.string().trim().min(1, 'Nhập họ tên').max(120),
        password: z.string().max(200),
        role: z.enum(ROLES),
        unitId: z.uuid().nullable().optional(),
        personId: z.uuid().nullable().optional(),
        email: emailField,
      }),
    ),
  },
  responses: { 201: json(createdUserResponse) },
});

export const updateUser = secureRoute(accessPolicy.gate('manageUsers'), {
  method: 'patch',
  path: '/api/users/{id}',
  tags,
  summary: 'Sửa họ tên, địa chỉ thư điện tử của tài khoản',
  request: {
    params: idParam,
    body: jsonBody(
      z.object({
        displayName: z.string().trim().min(1, 'Nhập họ tên').max(120).optional(),
        email: emailField,
      }),
    ),
  },
  responses: { 200: json(userRow) },
});
