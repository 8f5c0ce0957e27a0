import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody } from '../../../common/schemas/fields.js';
import { json, jsonBody, secureRoute } from '../plugins/route.js';
import { meSchema } from '../../../common/schemas/access.js';
import { accessPolicy } from '../../domain/access/access.policy.js';

export const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['Đăng nhập'],
  summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu; đặt cookie phiên (http-only)',
  'x-roles': ['public'],
  request: {
    body: jsonBody(z.object({ username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(100), password: z.string().min(1, 'Nhập mật khẩu').max(200) })),
  },
  responses: {
    200: json(meSchema),
    401: json(errorBody, 'Sai tên đăng nhập hoặc mật khẩu'),
    429: json(errorBody, 'Đăng nhập sai quá nhiều lần'),
  },
});

export const logout = secureRoute(accessPolicy.gate('session'), {
  method: 'post',
  path: '/api/auth/logout',
  tags: ['Đăng nhập'],
  summary: 'Đăng xuất',
  responses: { 204: { description: 'Đã đăng xuất' } },
});

export const me = secureRoute(accessPolicy.gate('session'), {
  method: 'get',
  path: '/api/auth/me',
  tags: ['Đăng nhập'],
  summary: 'Người dùng hiện tại, vai trò, chức năng được dùng và mã chống giả mạo (CSRF)',
  responses: { 200: json(meSchema) },
});

export const changePassword = secureRoute(accessPolicy.gate('session'), {
  method: 'post',
  path: '/api/auth/password',
  tags: ['Đăng nhập'],
  summary: 'Đổi mật khẩu của chính mình (bắt buộc ở lần đăng nhập đầu với mật khẩu do quản trị viên cấp); các phiên khác kết thúc',
  request: {
    body: jsonBody(
      z.object({
        currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại').max(200),
        newPassword: z.string().min(1, 'Nhập mật khẩu mới').max(200),
      }),
    ),
  },
  responses: { 200: json(meSchema), 422: json(errorBody, 'Mật khẩu hiện tại sai hoặc mật khẩu mới không đạt yêu cầu') },
});
