import { z } from 'zod';
import { cadreListQuery } from '../../../common/schemas/personnel.js';
import { fileDownload, idParam, secureRoute } from '../plugins/route.js';
import { personnelPolicy } from '../../domain/personnel/personnel.policy.js';
import { orgPolicy } from '../../domain/org/org.policy.js';
import { DOCX_TYPE, XLSX_TYPE } from '../plugins/file-response.js';

export const exportCadres = secureRoute(personnelPolicy.gate('read'), {
  method: 'get',
  path: '/api/cadres/export.xlsx',
  tags: ['Cán bộ'],
  summary: 'Xuất danh sách cán bộ (.xlsx) theo bộ lọc hiện tại, đúng cột của mẫu nhập liệu (tối đa 200.000 dòng; được ghi nhật ký)',
  request: { query: cadreListQuery },
  responses: { 200: fileDownload('Danh sách cán bộ', XLSX_TYPE) },
});

export const exportResume = secureRoute(personnelPolicy.gate('read'), {
  method: 'get',
  path: '/api/cadres/{id}/resume.docx',
  tags: ['Cán bộ'],
  summary: 'Sơ yếu lý lịch (Mẫu 2C) dạng .docx',
  request: { params: idParam },
  responses: { 200: fileDownload('Sơ yếu lý lịch', DOCX_TYPE) },
});

export const exportOrgUnits = secureRoute(orgPolicy.gate('read'), {
  method: 'get',
  path: '/api/org-units/export.xlsx',
  tags: ['Tổ chức bộ máy'],
  summary: 'Xuất danh sách đơn vị với biên chế được giao và số người hiện có (.xlsx)',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: { 200: fileDownload('Danh sách đơn vị', XLSX_TYPE) },
});
