import { z } from 'zod';
import type { Role } from '../../../common/enums.js';
import { cadreListQuery } from '../../../common/schemas/personnel.js';
import { fileDownload, idParam, secureRoute } from '../plugins/route.js';
import { DOCX_TYPE, XLSX_TYPE } from '../plugins/file-response.js';

const CADRE_READERS: Role[] = ['home_affairs', 'authority', 'unit_manager', 'unit_hr', 'host', 'cadre'];
const UNIT_VIEWERS: Role[] = ['admin', 'home_affairs', 'authority', 'unit_manager', 'unit_hr', 'host'];

export const exportCadres = secureRoute(CADRE_READERS, {
  method: 'get',
  path: '/api/cadres/export.xlsx',
  tags: ['Cán bộ'],
  summary: 'Xuất danh sách cán bộ (.xlsx) theo bộ lọc hiện tại, đúng cột của mẫu nhập liệu (tối đa 200.000 dòng; được ghi nhật ký)',
  request: { query: cadreListQuery },
  responses: { 200: fileDownload('Danh sách cán bộ', XLSX_TYPE) },
});

export const exportResume = secureRoute(CADRE_READERS, {
  method: 'get',
  path: '/api/cadres/{id}/resume.docx',
  tags: ['Cán bộ'],
  summary: 'Sơ yếu lý lịch (Mẫu 2C) dạng .docx',
  request: { params: idParam },
  responses: { 200: fileDownload('Sơ yếu lý lịch', DOCX_TYPE) },
});

export const exportOrgUnits = secureRoute(UNIT_VIEWERS, {
  method: 'get',
  path: '/api/org-units/export.xlsx',
  tags: ['Tổ chức bộ máy'],
  summary: 'Xuất danh sách đơn vị với biên chế được giao và số người hiện có (.xlsx)',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
  responses: { 200: fileDownload('Danh sách đơn vị', XLSX_TYPE) },
});
