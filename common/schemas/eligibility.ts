import { z } from 'zod';
import { CRITERIA, RESULTS, VERDICTS } from '../eligibility.js';
import { isoDate, pageQuery, shortText, uuid } from './fields.js';
import { planParamsSchema } from '../plan-params.js';

export const screeningQuery = z.object({
  unitId: uuid.optional(),
  referenceDate: isoDate.optional(),
  verdict: z.enum(VERDICTS).optional(),
  failing: z.enum(CRITERIA).optional(),
  targetGroup: z.coerce.number().int().min(1).max(3).optional(),
  q: shortText(100).optional(),
  destinationPostId: uuid.optional(),
  sort: z.enum(['priority', 'name']).default('priority'),
  ...pageQuery,
});
export type ScreeningQuery = z.infer<typeof screeningQuery>;

export const criterionVerdict = z.object({
  criterion: z.enum(CRITERIA),
  result: z.enum(RESULTS),
  reason: z.string(),
  clause: z.string(),
  facts: z.record(z.string(), z.unknown()).optional(),
});

const planVersionRef = z.object({ id: z.string(), code: z.string(), version: z.number(), effectiveFrom: z.string() });

export const screeningItem = z.object({
  personId: z.string(),
  code: z.string(),
  fullName: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  positionTitle: z.string().nullable(),
  unitName: z.string(),
  sendingUnitName: z.string().nullable(),
  verdict: z.enum(VERDICTS),
  targetGroup: z.number(),
  targetGroupReason: z.string(),
  priorityScore: z.number().nullable(),
  priorityParts: z.array(z.object({ factor: z.string(), label: z.string(), points: z.number() })),
  criteria: z.array(criterionVerdict),
});

export const screeningSummary = z.object({
  total: z.number(),
  byVerdict: z.record(z.string(), z.number()),
  byFailing: z.record(z.string(), z.number()),
  byUnknown: z.record(z.string(), z.number()),
  byTargetGroup: z.record(z.string(), z.number()),
});

export const screeningResponse = z.object({
  planVersion: planVersionRef,
  referenceDate: z.string(),
  summary: screeningSummary,
  items: z.array(screeningItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const personScreening = screeningItem.extend({ planVersion: planVersionRef, referenceDate: z.string() });

export const assessmentInput = z.object({
  assessedOn: isoDate,
  politicalOk: z.enum(['yes', 'no']),
  capacityOk: z.enum(['yes', 'no']),
  prestigeOk: z.enum(['yes', 'no']),
  prospectsOk: z.enum(['yes', 'no']),
  note: shortText(2000).nullable().optional(),
});

export const quotaRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  restructuredOn: z.string().nullable(),
  restructuredAfterPlan: z.boolean(),
  assignedStaffing: z.number().nullable(),
  exact: z.string().nullable(),
  target: z.number().nullable(),
  explanation: z.string(),
  proposed: z.number(),
  decided: z.number(),
  active: z.number(),
  gap: z.number().nullable(),
});
export const quotaResponse = z.object({
  year: z.number(),
  planVersion: planVersionRef,
  rate: z.number(),
  rounding: z.string(),
  items: z.array(quotaRow),
  totals: z.object({ assignedStaffing: z.number(), target: z.number(), proposed: z.number(), decided: z.number(), active: z.number(), gap: z.number() }),
});

export const planVersionInput = z.object({
  /** The plan the version belongs to; absent: the plan in force today. */
  planId: z.uuid('Mã định danh không hợp lệ').optional(),
  effectiveFrom: isoDate,
  note: shortText(1000).min(1, 'Ghi rõ lý do, căn cứ thay đổi'),
  params: planParamsSchema,
});

export const whatIfInput = z.object({ params: planParamsSchema, referenceDate: isoDate.optional(), year: z.number().int().min(2000).max(2100).optional() });

export const assessmentRecorded = z.object({ id: z.string() });
