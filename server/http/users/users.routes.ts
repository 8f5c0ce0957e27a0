import { z } from 'zod';
import { ROLES } from '../../../common/enums.js';
import { pageQuery } from '../../../common/schemas/fields.js';
import { json, jsonBody, secureRoute } from '../plugins/route.js';

const tags = ['Người dùng'];

export const listUsers = secureRoute(['admin'], {
  method: 'get',
  path: '/api/users',
  tags,
  summary: 'Danh sách tài khoản và vai trò',
  request: { query: z.object(pageQuery) },
  responses: { 200: json(z.object({ items: z.array(z.record(z.string(), z.unknown())), total: z.number() })) },
});

export const createUser = secureRoute(['admin'], {
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
      }),
    ),
  },
  responses: { 201: json(z.object({ id: z.string(), username: z.string() })) },
});
