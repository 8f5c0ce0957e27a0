import { z } from 'zod';
import * as s from '../../../common/schemas/training.js';
import { COURSE_KINDS } from '../../../common/training.js';
import { fileDownload, idParam, json, jsonBody, secureRoute } from '../plugins/route.js';
import { DOCX_TYPE, XLSX_TYPE } from '../plugins/file-response.js';
import { enrolmentPolicy, trainingPolicy } from '../../domain/training/training.policy.js';

const tags = ['Đào tạo, bồi dưỡng sau sắp xếp'];
const created = json(s.createdResponse);
const changed = json(s.statusChangedResponse);

export const listCourses = secureRoute(trainingPolicy.gate('read'), {
  method: 'get',
  path: '/api/training/courses',
  tags,
  summary: 'Danh mục khóa đào tạo, bồi dưỡng (số chỗ, đã duyệt, chờ duyệt)',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), kind: z.enum(COURSE_KINDS).optional() }) },
  responses: { 200: json(s.courseListResponse) },
});

export const createCourse = secureRoute(trainingPolicy.gate('manageCourses'), {
  method: 'post',
  path: '/api/training/courses',
  tags,
  summary: 'Sở Nội vụ thêm khóa học vào danh mục',
  request: { body: jsonBody(s.courseInput) },
  responses: { 201: created },
});

export const updateCourse = secureRoute(trainingPolicy.gate('manageCourses'), {
  method: 'put',
  path: '/api/training/courses/{id}',
  tags,
  summary: 'Sở Nội vụ sửa khóa học (đã có học viên được duyệt: không đổi chi phí, nguồn kinh phí, loại hình, địa điểm, năm; không giảm số chỗ dưới số đã duyệt)',
  request: { params: idParam, body: jsonBody(s.courseInput) },
  responses: { 200: json(s.courseUpdatedResponse) },
});

export const closeCourse = secureRoute(trainingPolicy.gate('manageCourses'), {
  method: 'post',
  path: '/api/training/courses/{id}/close',
  tags,
  summary: 'Sở Nội vụ dừng nhận đề cử cho khóa học (các hồ sơ đã đề cử vẫn được xét duyệt)',
  request: { params: idParam, body: jsonBody(s.courseCloseInput) },
  responses: { 200: changed },
});

export const listNeeds = secureRoute(trainingPolicy.gate('read'), {
  method: 'get',
  path: '/api/training/needs',
  tags,
  summary: 'Nhu cầu đào tạo theo vị trí việc làm sau sắp xếp (của đơn vị và từng người)',
  request: { query: z.object({ unitId: z.uuid().optional(), period: z.enum(['2025', '2026-2030']).optional() }) },
  responses: { 200: json(s.needListResponse) },
});

export const createNeed = secureRoute(trainingPolicy.gate('recordNeed'), {
  method: 'post',
  path: '/api/training/needs',
  tags,
  summary: 'Ghi nhận nhu cầu đào tạo (khoảng cách so với tiêu chuẩn vị trí việc làm được tính kèm)',
  request: { body: jsonBody(s.needInput) },
  responses: { 201: json(s.needCreatedResponse) },
});

export const checkEligibility = secureRoute(trainingPolicy.gate('checkEligibility'), {
  method: 'get',
  path: '/api/training/eligibility',
  tags,
  summary: 'Cán bộ có đủ điều kiện cử đi khóa học không: từng tiêu chí, lý do, căn cứ (Nghị định 171/2025)',
  request: { query: z.object({ personId: z.uuid(), courseId: z.uuid() }) },
  responses: { 200: json(s.trainingEligibility) },
});

export const listEnrolments = secureRoute(trainingPolicy.gate('listEnrolments'), {
  method: 'get',
  path: '/api/training/enrolments',
  tags,
  summary: 'Hồ sơ cử đi đào tạo trong phạm vi (cán bộ: của chính mình), kèm thao tác được phép',
  request: { query: s.enrolmentQuery },
  responses: { 200: json(s.enrolmentListResponse) },
});

export const nominate = secureRoute(trainingPolicy.gate('nominate'), {
  method: 'post',
  path: '/api/training/enrolments',
  tags,
  summary: 'Đơn vị đề cử cán bộ đi đào tạo, bồi dưỡng',
  request: { body: jsonBody(s.nominationInput) },
  responses: { 201: json(s.nominationResponse) },
});

export const approve = secureRoute(enrolmentPolicy.gate('approve', 'overBudget'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/approve',
  tags,
  summary: 'Sở Nội vụ phê duyệt (cam kết kinh phí); cấp có thẩm quyền phê duyệt vượt dự toán có lý do',
  request: { params: idParam, body: jsonBody(s.approveInput) },
  responses: { 200: changed },
});

export const refuse = secureRoute(enrolmentPolicy.gate('refuse'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/refuse',
  tags,
  summary: 'Sở Nội vụ không phê duyệt, ghi rõ lý do',
  request: { params: idParam, body: jsonBody(s.refuseInput) },
  responses: { 200: changed },
});

export const enrol = secureRoute(enrolmentPolicy.gate('enrol'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/enrol',
  tags,
  summary: 'Ghi nhận nhập học; ghi cam kết thời gian phục vụ',
  request: { params: idParam, body: jsonBody(s.enrolInput) },
  responses: { 200: changed },
});

export const pay = secureRoute(enrolmentPolicy.gate('pay', 'overBudget'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/payments',
  tags,
  summary: 'Ghi nhận chi thực tế cho khóa học (đồng)',
  request: { params: idParam, body: jsonBody(s.paymentInput) },
  responses: { 200: json(s.paymentResponse) },
});

export const complete = secureRoute(enrolmentPolicy.gate('complete'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/complete',
  tags,
  summary: 'Ghi nhận hoàn thành: kết quả, số văn bằng, chứng chỉ',
  request: { params: idParam, body: jsonBody(s.completeInput) },
  responses: { 200: changed },
});

export const end = secureRoute(enrolmentPolicy.gate('fail', 'withdraw'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/end',
  tags,
  summary: 'Rút khỏi khóa học (hoàn lại kinh phí chưa chi) hoặc ghi nhận không đạt',
  request: { params: idParam, body: jsonBody(s.endInput) },
  responses: { 200: changed },
});

export const repay = secureRoute(enrolmentPolicy.gate('repay'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/repayment',
  tags,
  summary: 'Tính và ghi nhận bồi hoàn chi phí đào tạo khi thôi việc trước thời hạn cam kết',
  request: { params: idParam, body: jsonBody(s.repaymentInput) },
  responses: { 201: json(s.repaymentResponse) },
});

// the repayment procedure (Decree 171/2025 Art. 9–13): taken by those who record repayments
export const repaymentCouncil = secureRoute(enrolmentPolicy.gate('repay'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/repayment/council',
  tags,
  summary: 'Thành lập Hội đồng xác định chi phí bồi hoàn (số quyết định, ngày, thành viên)',
  request: { params: idParam, body: jsonBody(s.repaymentCouncilInput) },
  responses: { 200: json(s.repaymentStepResponse) },
});

export const repaymentDecision = secureRoute(enrolmentPolicy.gate('repay'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/repayment/decision',
  tags,
  summary: 'Ghi nhận quyết định bồi hoàn (hạn nộp 120 ngày kể từ ngày quyết định)',
  request: { params: idParam, body: jsonBody(s.repaymentDecisionInput) },
  responses: { 200: json(s.repaymentStepResponse) },
});

export const repaymentPayment = secureRoute(enrolmentPolicy.gate('repay'), {
  method: 'post',
  path: '/api/training/enrolments/{id}/repayment/payments',
  tags,
  summary: 'Ghi nhận số tiền bồi hoàn đã nộp (nộp nhiều lần đến khi đủ)',
  request: { params: idParam, body: jsonBody(s.repaymentPaymentInput) },
  responses: { 200: json(s.repaymentStepResponse) },
});

export const getBudgets = secureRoute(trainingPolicy.gate('read'), {
  method: 'get',
  path: '/api/training/budgets',
  tags,
  summary: 'Dự toán, đã cam kết, đã chi theo đơn vị và nguồn kinh phí; diễn biến theo tháng',
  request: { query: s.budgetQuery },
  responses: { 200: json(s.budgetOverview) },
});

export const setRegularBudget = secureRoute(trainingPolicy.gate('manageBudgets'), {
  method: 'put',
  path: '/api/training/budgets/regular',
  tags,
  summary: 'Nhập kinh phí đào tạo, bồi dưỡng thường xuyên của đơn vị trong năm',
  request: { body: jsonBody(s.regularBudgetInput) },
  responses: { 200: json(s.budgetAmountResponse) },
});

export const computeSupplementary = secureRoute(trainingPolicy.gate('manageBudgets'), {
  method: 'post',
  path: '/api/training/budgets/supplementary',
  tags,
  summary: 'Tính kinh phí bổ sung = tỷ lệ × tổng quỹ lương cơ bản năm đầu sau sắp xếp (kèm công thức, dữ liệu)',
  request: { body: jsonBody(s.supplementaryInput) },
  responses: { 200: json(s.supplementaryBudgetResponse) },
});

export const overrideBudget = secureRoute(trainingPolicy.gate('overrideBudget'), {
  method: 'post',
  path: '/api/training/budgets/{id}/override',
  tags,
  summary: 'Điều chỉnh kinh phí bổ sung đã tính, ghi rõ lý do và người điều chỉnh',
  request: { params: idParam, body: jsonBody(s.budgetOverrideInput) },
  responses: { 200: json(s.budgetAmountResponse) },
});

export const exportPlan = secureRoute(trainingPolicy.gate('read'), {
  method: 'get',
  path: '/api/training/plan.xlsx',
  tags,
  summary: 'Kế hoạch đào tạo, bồi dưỡng của đơn vị (nhu cầu, cử đi, kinh phí) ra Excel',
  request: { query: s.planExportQuery },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const exportSummary = secureRoute(trainingPolicy.gate('reports'), {
  method: 'get',
  path: '/api/training/summary.xlsx',
  tags,
  summary: 'Tổng hợp toàn tỉnh, thành phố theo lĩnh vực ưu tiên, loại hình, đơn vị ra Excel',
  request: { query: s.planExportQuery },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const exportDecision = secureRoute(trainingPolicy.gate('reports'), {
  method: 'get',
  path: '/api/training/courses/{id}/decision.docx',
  tags,
  summary: 'Quyết định cử cán bộ đi đào tạo, bồi dưỡng (.docx, thể thức Nghị định 30/2020)',
  request: { params: idParam, query: s.decisionQuery },
  responses: { 200: fileDownload('Tệp .docx', DOCX_TYPE) },
});
