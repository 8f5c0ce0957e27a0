import { ROLES } from '../../../common/enums.js';
import { json, secureRoute } from '../plugins/route.js';
import { referenceLists } from '../../../common/schemas/reference.js';

export const getReference = secureRoute([...ROLES], {
  method: 'get',
  path: '/api/reference',
  tags: ['Danh mục'],
  summary: 'Danh mục: dân tộc, ngạch, mức xếp loại, hình thức kỷ luật, lương cơ sở (theo ngày hiệu lực)',
  responses: { 200: json(referenceLists) },
});
