import { z } from 'zod';
import { isoDate, pageQuery, requiredText, shortText, uuid } from './fields.js';
import {
  GUIDANCE_ACTIONS,
  INSPECTION_ACTIONS,
  INSPECTION_STATUSES,
  MEMBERS_MAX,
  RECOMMENDATION_ACTIONS,
  RECOMMENDATION_STATUSES,
  RECOMMENDATIONS_MAX,
} from '../inspections.js';

/** Contracts of the inspections and guidance API (Plan 131 IV.3): Sở Nội vụ's guidance, inspections and their recommendations. */

const version = z.number('Thiếu phiên bản').int().min(1);
export const inspectionStatus = z.enum(INSPECTION_STATUSES, 'Trạng thái không hợp lệ');
export const recommendationStatus = z.enum(RECOMMENDATION_STATUSES, 'Trạng thái không hợp lệ');

// ---------------------------------------------------------------- guidance

export const guidanceInput = z.strictObject({
  number: requiredText(50),
  issuedOn: isoDate,
  title: requiredText(500),
  summary: shortText(4000).nullish(),
  /** The units addressed; none: every unit. */
  unitIds: z.array(uuid).max(500).default([]),
  issuedBy: shortText(200).nullish(),
  body: shortText(50_000).nullish(),
});
export const guidanceEditInput = guidanceInput.extend({ version });
export const guidanceListQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), q: shortText(100).optional(), ...pageQuery });

export const guidanceDocument = z.object({
  id: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  units: z.array(z.object({ id: z.string(), name: z.string() })).describe('Đơn vị nhận; rỗng: tất cả các đơn vị'),
  issuedBy: z.string(),
  body: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  allowedActions: z.array(z.enum(GUIDANCE_ACTIONS)),
});
export const guidanceListResponse = z.object({ items: z.array(guidanceDocument), total: z.number(), page: z.number(), pageSize: z.number() });

// ---------------------------------------------------------------- inspections

const recommendationInput = z.strictObject({ text: requiredText(4000), deadline: isoDate });
const inspectionFields = {
  unitId: uuid,
  fromOn: isoDate,
  toOn: isoDate,
  members: z.array(requiredText(200)).max(MEMBERS_MAX, `Tối đa ${MEMBERS_MAX} thành viên`).default([]),
  subject: requiredText(500),
  findings: requiredText(20_000),
  recommendations: z.array(recommendationInput).max(RECOMMENDATIONS_MAX, `Tối đa ${RECOMMENDATIONS_MAX} kiến nghị`).default([]),
};
const conclusion = { conclusionNo: shortText(50).nullish(), concludedOn: isoDate.nullish() };
export const inspectionInput = z.strictObject({ ...inspectionFields, ...conclusion });
export const inspectionEditInput = z.strictObject({ ...inspectionFields, version });
export const inspectionConcludeInput = z.strictObject({ version, conclusionNo: requiredText(50), concludedOn: isoDate });
export const inspectionListQuery = z.object({ unitId: uuid.optional(), status: inspectionStatus.optional(), ...pageQuery });

export const answerInput = z.strictObject({ version, answer: requiredText(4000) });
export const acceptInput = z.strictObject({ version, note: shortText(2000).nullish() });
export const returnInput = z.strictObject({ version, reason: requiredText(2000) });

export const recommendation = z.object({
  id: z.string(),
  inspectionId: z.string(),
  seq: z.number(),
  text: z.string(),
  deadline: z.string(),
  status: recommendationStatus,
  overdue: z.boolean().describe('Đã quá hạn mà chưa được Sở Nội vụ chấp nhận kết quả'),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answeredByName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  version: z.number(),
  allowedActions: z.array(z.enum(RECOMMENDATION_ACTIONS)),
});

const inspectionHeader = {
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  fromOn: z.string(),
  toOn: z.string(),
  members: z.array(z.string()),
  subject: z.string(),
  status: inspectionStatus,
  conclusionNo: z.string().nullable(),
  concludedOn: z.string().nullable(),
  recommendations: z.number(),
  answered: z.number().describe('Kiến nghị đã trả lời hoặc đã hoàn thành'),
  accepted: z.number(),
  overdue: z.number(),
  version: z.number(),
  allowedActions: z.array(z.enum(INSPECTION_ACTIONS)),
};
export const inspectionSummary = z.object(inspectionHeader);
export const inspectionDetail = z.object({ ...inspectionHeader, findings: z.string(), items: z.array(recommendation), mayRecord: z.boolean() });
export const inspectionListResponse = z.object({
  items: z.array(inspectionSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  mayRecord: z.boolean(),
});
export const inspectableUnitsResponse = z.object({ items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() })) });

export type GuidanceInput = z.infer<typeof guidanceInput>;
export type InspectionInput = z.infer<typeof inspectionInput>;
