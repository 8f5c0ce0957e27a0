import { z } from 'zod';
import { ROLES } from '../../../common/enums.js';
import { pageQuery } from '../../../common/schemas/fields.js';
import { idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { createdUserResponse, pendingGrantsResponse, userListResponse, userRow } from '../../../common/schemas/access.js';
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
  summary: 'Sửa họ tên, địa chỉ thư điện tử của tài khoản; khóa (các phiên kết thúc ngay) hoặc mở lại tài khoản',
  request: {
    params: idParam,
    body: jsonBody(
      z.object({
        displayName: z.string().trim().min(1, 'Nhập họ tên').max(120).optional(),
        email: emailField,
        /** false: the account is deactivated (its sessions end, it cannot sign in); true: reactivated */
        isActive: z.boolean().optional(),
      }),
    ),
  },
  responses: { 200: json(userRow) },
});

const grantParams = z.object({ id: z.uuid('Mã định danh không hợp lệ'), grantId: z.uuid('Mã định danh không hợp lệ') });

export const addGrant = secureRoute(accessPolicy.gate('manageUsers'), {
  method: 'post',
  path: '/api/users/{id}/grants',
  tags,
  summary: 'Đề nghị thêm một vai trò cho tài khoản (vai trò mở dữ liệu cá nhân chờ Sở Nội vụ xác nhận)',
  request: { params: idParam, body: jsonBody(z.object({ role: z.enum(ROLES), unitId: z.uuid().nullable().optional() })) },
  responses: { 201: json(userRow) },
});

export const revokeGrant = secureRoute(accessPolicy.gate('revokeGrants'), {
  method: 'post',
  path: '/api/users/{id}/grants/{grantId}/revoke',
  tags,
  summary: 'Thu hồi một vai trò (hoặc không chấp thuận vai trò đang chờ xác nhận); các phiên của tài khoản kết thúc',
  request: { params: grantParams, body: jsonBody(z.object({ reason: z.string().trim().max(500).nullable().optional() })) },
  responses: { 200: json(userRow) },
});

export const confirmGrant = secureRoute(accessPolicy.gate('confirmGrants'), {
  method: 'post',
  path: '/api/users/{id}/grants/{grantId}/confirm',
  tags,
  summary: 'Sở Nội vụ xác nhận vai trò quản trị viên đã đề nghị (người thứ hai; không tự xác nhận)',
  request: { params: grantParams },
  responses: { 200: json(userRow) },
});

export const pendingGrants = secureRoute(accessPolicy.gate('confirmGrants'), {
  method: 'get',
  path: '/api/grants/pending',
  tags,
  summary: 'Các vai trò quản trị viên đã đề nghị, chờ Sở Nội vụ xác nhận',
  responses: { 200: json(pendingGrantsResponse) },
});
