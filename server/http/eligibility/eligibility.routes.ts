import { z } from 'zod';
import { assessmentInput, assessmentRecorded, personScreening, screeningQuery, screeningResponse } from '../../../common/schemas/eligibility.js';
import { isoDate, uuid } from '../../../common/schemas/fields.js';
import { fileDownload, idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { DOCX_TYPE, XLSX_TYPE } from '../plugins/file-response.js';
import { eligibilityPolicy } from '../../domain/eligibility/eligibility.policy.js';

const tags = ['Sàng lọc, đánh giá điều kiện'];

export const screen = secureRoute(eligibilityPolicy.gate('screen'), {
  method: 'get',
  path: '/api/eligibility',
  tags,
  summary: 'Sàng lọc cán bộ trong phạm vi: kết luận, từng tiêu chí, nhóm đối tượng, điểm ưu tiên; thống kê theo kết luận và tiêu chí',
  request: { query: screeningQuery },
  responses: { 200: json(screeningResponse) },
});

export const explain = secureRoute(eligibilityPolicy.gate('explain'), {
  method: 'get',
  path: '/api/eligibility/people/{id}',
  tags,
  summary: 'Giải thích kết luận của một cán bộ: từng tiêu chí, dữ liệu đã dùng, căn cứ pháp lý',
  request: { params: idParam, query: z.object({ referenceDate: isoDate.optional(), destinationPostId: uuid.optional() }) },
  responses: { 200: json(personScreening) },
});

export const assess = secureRoute(eligibilityPolicy.gate('assess'), {
  method: 'post',
  path: '/api/eligibility/people/{id}/assessments',
  tags,
  summary: 'Đơn vị nơi đi nhận xét, đánh giá cán bộ (chính trị, năng lực, uy tín, triển vọng)',
  request: { params: idParam, body: jsonBody(assessmentInput) },
  responses: { 201: json(assessmentRecorded) },
});

export const exportXlsx = secureRoute(eligibilityPolicy.gate('screen'), {
  method: 'get',
  path: '/api/eligibility/export.xlsx',
  tags,
  summary: 'Xuất kết quả sàng lọc (theo bộ lọc hiện tại) ra Excel, kèm lý do từng tiêu chí',
  request: { query: screeningQuery },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const exportAnnex = secureRoute(eligibilityPolicy.gate('screen'), {
  method: 'get',
  path: '/api/eligibility/annex.docx',
  tags,
  summary: 'Danh sách đề xuất (người đủ điều kiện, theo thứ tự ưu tiên) dạng phụ lục văn bản hành chính (.docx)',
  request: { query: screeningQuery },
  responses: { 200: fileDownload('Tệp .docx', DOCX_TYPE) },
});
