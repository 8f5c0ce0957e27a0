import { z } from 'zod';
import { DECISION_KINDS } from '../../../common/secondment.js';
import { pageQuery } from '../../../common/schemas/fields.js';
import { fileDownload, idParam, json, secureRoute } from '../plugins/route.js';
import { DOCX_TYPE, XLSX_TYPE } from '../plugins/file-response.js';
import { decisionPolicy } from '../../domain/secondment-documents/decision.policy.js';
import { entitlementsPolicy } from '../../domain/secondment-entitlements/entitlements.policy.js';

const tags = ['Tăng cường: chế độ, quyết định'];

const entitlementState = z.enum(['expected', 'entitled', 'done', 'pending', 'not_applicable']);
const entitlement = z.object({
  code: z.enum(['keep_salary', 'one_off_allowance', 'disadvantaged_package', 'extra_step']),
  title: z.string(),
  clause: z.string(),
  state: entitlementState,
  stateLabel: z.string(),
  applies: z.boolean(),
  explanation: z.string(),
  payer: z.string().nullable(),
  amountVnd: z.number().int().nullable().meta({ description: 'Số tiền (đồng, số nguyên): trợ cấp một lần, hoặc lương hằng tháng của kỳ đầu' }),
  periods: z
    .array(z.object({ from: z.string(), to: z.string().nullable(), baseSalaryVnd: z.number().int(), instrument: z.string(), monthlyVnd: z.number().int() }))
    .optional(),
  step: z
    .object({
      rankCode: z.string().nullable(),
      rankName: z.string().nullable(),
      stepBefore: z.number().int().nullable(),
      coefficientBefore: z.string().nullable(),
      stepAfter: z.number().int().nullable(),
      coefficientAfter: z.string().nullable(),
      lastStep: z.number().int().nullable(),
      atLastStep: z.boolean(),
    })
    .optional(),
});

export const entitlementsResponse = z.object({
  secondmentId: z.string(),
  personId: z.string(),
  fullName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  sendingUnitName: z.string(),
  hostUnitName: z.string().nullable(),
  hostEspeciallyDisadvantaged: z.boolean().nullable(),
  tentative: z.boolean(),
  applies: z.boolean(),
  note: z.string(),
  referenceStartDate: z.string().nullable(),
  baseSalaryOnStart: z.object({ amountVnd: z.number().int(), effectiveFrom: z.string(), instrument: z.string() }).nullable(),
  entitlements: z.array(entitlement),
});

const decisionFilters = {
  kind: z.enum(DECISION_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
};

const decisionItem = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  number: z.string(),
  decidedOn: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  note: z.string().nullable(),
  count: z.number().int(),
});

export const listDecisions = secureRoute(decisionPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments/decisions',
  tags,
  summary: 'Danh sách quyết định cử, gia hạn, kết thúc trước thời hạn, tiếp nhận trở lại (trong phạm vi)',
  request: { query: z.object({ ...decisionFilters, ...pageQuery }) },
  responses: { 200: json(z.object({ items: z.array(decisionItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })) },
});

export const exportDecisions = secureRoute(decisionPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments/decisions.xlsx',
  tags,
  summary: 'Xuất danh sách quyết định (theo bộ lọc) ra Excel',
  request: { query: z.object(decisionFilters) },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const decisionDocument = secureRoute(decisionPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments/decisions/{id}/document.docx',
  tags,
  summary: 'Quyết định (.docx, thể thức Nghị định 30/2020/NĐ-CP), kèm phụ lục danh sách đối với quyết định cử; được ghi nhật ký',
  request: { params: idParam },
  responses: { 200: fileDownload('Tệp .docx', DOCX_TYPE) },
});

export const financeList = secureRoute(entitlementsPolicy.gate('financeList'), {
  method: 'get',
  path: '/api/secondments/entitlements.xlsx',
  tags,
  summary: 'Danh sách chi trả chế độ (trợ cấp một lần hoặc chế độ theo Nghị định 76/2019/NĐ-CP, nguồn chi trả, nâng bậc lương) của các trường hợp bắt đầu trong năm',
  request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
  responses: { 200: fileDownload('Tệp .xlsx', XLSX_TYPE) },
});

export const entitlements = secureRoute(entitlementsPolicy.gate('read'), {
  method: 'get',
  path: '/api/secondments/{id}/entitlements',
  tags,
  summary: 'Chế độ, chính sách của một trường hợp tăng cường (khoản 1 Điều 12 Nghị định 178/2024/NĐ-CP): căn cứ, số tiền, người chi trả; được ghi nhật ký',
  request: { params: idParam },
  responses: { 200: json(entitlementsResponse) },
});
