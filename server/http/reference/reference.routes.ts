import { z } from 'zod';
import { ROLES } from '../../../common/enums.js';
import { planParamsSchema } from '../../../common/plan-params.js';
import { json, secureRoute } from '../plugins/route.js';

export const getReference = secureRoute([...ROLES], {
  method: 'get',
  path: '/api/reference',
  tags: ['Danh mục'],
  summary: 'Danh mục: dân tộc, ngạch, mức xếp loại, hình thức kỷ luật, lương cơ sở (theo ngày hiệu lực)',
  responses: { 200: json(z.record(z.string(), z.array(z.record(z.string(), z.unknown())))) },
});

export const getCurrentPlan = secureRoute(['home_affairs', 'authority', 'unit_manager', 'unit_hr'], {
  method: 'get',
  path: '/api/plans/current',
  tags: ['Kế hoạch'],
  summary: 'Kế hoạch đang áp dụng và tham số của phiên bản có hiệu lực',
  responses: {
    200: json(
      z.object({
        code: z.string(),
        title: z.string(),
        issuedBy: z.string(),
        issuedOn: z.string(),
        version: z.number(),
        effectiveFrom: z.string(),
        note: z.string().nullable(),
        params: planParamsSchema,
      }),
    ),
  },
});
