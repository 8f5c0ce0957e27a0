import { z } from 'zod';
import { json, secureRoute } from '../plugins/route.js';
import { accessPolicy } from '../../domain/access/access.policy.js';

export const getReference = secureRoute(accessPolicy.gate('session'), {
  method: 'get',
  path: '/api/reference',
  tags: ['Danh mục'],
  summary: 'Danh mục: dân tộc, ngạch, mức xếp loại, hình thức kỷ luật, lương cơ sở (theo ngày hiệu lực)',
  responses: { 200: json(z.record(z.string(), z.array(z.record(z.string(), z.unknown())))) },
});
