import { z } from 'zod';
import { planParamsSchema } from '../plan-params.js';

/** The plan and the version of its parameters in force today. */
export const currentPlanResponse = z.object({
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
