import { z } from 'zod';
import { planParamsSchema } from '../plan-params.js';
import { PLAN_TEMPLATE_IDS } from '../plan-templates.js';
import { isoDate, requiredText, shortText, uuid } from './fields.js';

/** The plan and the version of its parameters in force today. */
export const currentPlanResponse = z.object({
  planId: z.string(),
  code: z.string(),
  title: z.string(),
  issuedBy: z.string(),
  issuedOn: z.string(),
  versionId: z.string(),
  version: z.number(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  params: planParamsSchema,
});

export const planVersion = z.object({
  id: z.string(),
  version: z.number(),
  effectiveFrom: z.string(),
  params: planParamsSchema,
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type PlanVersion = z.infer<typeof planVersion>;
export const planVersionsResponse = z.object({ items: z.array(planVersion) });

export const savedPlanVersion = z.object({ id: z.string(), version: z.number() });

/** What a change of the parameters would do (quotas and screening before → after). */
export const planChangePreview = z.record(z.string(), z.unknown());

/** A plan's number, e.g. "131/KH-UBND": digits, then a slash and the document-type/issuer sign. */
const planCode = requiredText(60).regex(/^\d+\/[\p{L}\d][\p{L}\d.-]*$/u, 'Số, ký hiệu có dạng số/ký hiệu, ví dụ 131/KH-UBND');

/** The identity of a plan as issued: number, title, issuing body and date. */
const planIdentity = {
  code: planCode,
  title: requiredText(1000),
  issuedBy: requiredText(300),
  issuedOn: isoDate,
};

/** "Tạo kế hoạch": identity, the date version 1 takes effect, its parameters and the template they started from. */
export const createPlanInput = z.strictObject({
  ...planIdentity,
  // empty: the province's People's Committee (province_settings)
  issuedBy: requiredText(300).optional(),
  effectiveFrom: isoDate,
  params: planParamsSchema,
  template: z.enum(PLAN_TEMPLATE_IDS).nullable().optional(),
  note: shortText(1000).optional(),
});
export type CreatePlanInput = z.infer<typeof createPlanInput>;

/** Corrections of a plan's identity; the parameters change by versions only. */
export const updatePlanInput = z
  .strictObject({
    code: planIdentity.code.optional(),
    title: planIdentity.title.optional(),
    issuedBy: planIdentity.issuedBy.optional(),
    issuedOn: isoDate.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Không có thay đổi nào');

/** A plan with every version of its parameters (newest first) and whether its text is attached. */
export const planSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  issuedBy: z.string(),
  issuedOn: z.string(),
  template: z.string().nullable(),
  document: z.object({ name: z.string(), type: z.string(), size: z.number() }).nullable(),
  /** The first version's effective date: from then on this plan takes over from the one before. */
  effectiveFrom: z.string().nullable(),
  /** Whether this is the plan in force today. */
  inForce: z.boolean(),
  versions: z.array(planVersion),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planListResponse = z.object({
  items: z.array(planSummary),
  /** The issuing body a new plan gets when none is entered: the province's People's Committee, once set up. */
  defaultIssuedBy: z.string().nullable(),
});

export const planCreated = z.object({ id: z.string(), code: z.string(), versionId: z.string(), version: z.number() });
export const planIdParam = z.object({ id: uuid });
export const planDocumentQuery = z.object({ fileName: shortText(200).optional() });
