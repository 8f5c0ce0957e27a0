import { z } from 'zod';
import { UNIT_KINDS } from '../enums.js';

/** One org unit of the tree, with the staffing assigned for the year and the headcount of its whole subtree. */
export const unitNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  code: z.string(),
  name: z.string(),
  depth: z.number(),
  restructuredOn: z.string().nullable(),
  isEspeciallyDisadvantaged: z.boolean(),
  assignedStaffing: z.number().nullable(),
  headcount: z.number(),
});
export type UnitNode = z.infer<typeof unitNode>;

export const unitTreeResponse = z.object({ year: z.number(), items: z.array(unitNode) });

export const jobPostsResponse = z.object({ items: z.array(z.record(z.string(), z.unknown())) });

export const destination = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS), isEspeciallyDisadvantaged: z.boolean() });
export type Destination = z.infer<typeof destination>;
export const destinationsResponse = z.object({ items: z.array(destination) });
