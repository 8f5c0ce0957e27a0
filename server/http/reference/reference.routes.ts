import { json, secureRoute } from '../plugins/route.js';
import { referenceLists } from '../../../common/schemas/reference.js';
import { accessPolicy } from '../../domain/access/access.policy.js';

export const getReference = secureRoute(accessPolicy.gate('session'), {
  method: 'get',
  path: '/api/reference',
  tags: ['Danh mục'],
  summary: 'Danh mục: dân tộc, ngạch, mức xếp loại, hình thức kỷ luật, lương cơ sở (theo ngày hiệu lực)',
  responses: { 200: json(referenceLists) },
});
