import { fileDownload, json, jsonBody, secureRoute } from '../plugins/route.js';
import {
  referenceLists,
  referencePreview,
  referencePreviewInput,
  referenceSaveInput,
  referenceTablesResponse,
  savedReferenceChange,
} from '../../../common/schemas/reference.js';
import { accessPolicy } from '../../domain/access/access.policy.js';
import { referencePolicy } from '../../domain/reference/reference.policy.js';
import { XLSX_TYPE } from '../plugins/file-response.js';

export const getReference = secureRoute(accessPolicy.gate('session'), {
  method: 'get',
  path: '/api/reference',
  tags: ['Danh mục'],
  summary: 'Danh mục: dân tộc, ngạch, mức xếp loại, hình thức kỷ luật, lương cơ sở (theo ngày hiệu lực)',
  responses: { 200: json(referenceLists) },
});

const tags = ['Văn bản, danh mục có thời hạn'];
const manage = referencePolicy.gate('manage');

export const listTables = secureRoute(manage, {
  method: 'get',
  path: '/api/reference/tables',
  tags,
  summary: 'Các danh mục có thời hạn (lương cơ sở, mức trợ cấp, thời hạn kỷ luật, chức danh chủ chốt, quy định đào tạo): các dòng, văn bản căn cứ, lịch sử thay đổi',
  responses: { 200: json(referenceTablesResponse) },
});

export const previewChange = secureRoute(manage, {
  method: 'post',
  path: '/api/reference/preview',
  tags,
  summary: 'Dự kiến thay đổi: dòng dự thảo làm thay đổi kết quả sàng lọc, chế độ, kinh phí bổ sung, bồi hoàn thế nào (không lưu)',
  request: { body: jsonBody(referencePreviewInput) },
  responses: { 200: json(referencePreview) },
});

export const exportPreview = secureRoute(manage, {
  method: 'post',
  path: '/api/reference/preview.xlsx',
  tags,
  summary: 'Dự kiến thay đổi ra Excel (cùng số liệu như trên màn hình)',
  request: { body: jsonBody(referencePreviewInput) },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const saveChange = secureRoute(manage, {
  method: 'post',
  path: '/api/reference/changes',
  tags,
  summary: 'Lưu thay đổi danh mục (văn bản căn cứ và lý do bắt buộc); dòng đã có hiệu lực chỉ được kết thúc hiệu lực',
  request: { body: jsonBody(referenceSaveInput) },
  responses: { 201: json(savedReferenceChange) },
});
