import { z } from 'zod';
import { UNIT_KINDS } from '../enums.js';
import { isoDate, requiredText, shortText, uuid } from './fields.js';

/** One org unit of the tree, with the staffing assigned for the year and the headcount of its whole subtree. */
export const unitNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  code: z.string(),
  name: z.string(),
  depth: z.number(),
  restructuredOn: z.string().nullable(),
  closedOn: z.string().nullable(),
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

/** The kinds of unit Sở Nội vụ creates and restructures (communes and wards come from the national list). */
export const MANAGED_UNIT_KINDS = ['department', 'sub_unit', 'public_service_unit'] as const;
export const ORG_EVENT_KINDS = ['formed', 'merged', 'split', 'renamed', 'moved', 'closed'] as const;
export type OrgEventKind = (typeof ORG_EVENT_KINDS)[number];

const unitCode = z
  .string()
  .trim()
  .min(1, 'Không được để trống')
  .max(20, 'Tối đa 20 ký tự')
  .regex(/^[A-Za-z0-9._-]+$/, 'Mã chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang');
/** The decision and date every change of the organisation carries. */
const dated = {
  effectiveOn: isoDate,
  decisionNo: shortText(50).nullish(),
  note: shortText(1000).nullish(),
};
const newUnit = z.object({
  code: unitCode,
  name: requiredText(300),
  shortName: shortText(100).nullish(),
  kind: z.enum(MANAGED_UNIT_KINDS),
  /** Empty: directly under the People's Committee. */
  parentId: uuid.nullish(),
});

export const addUnitBody = newUnit.extend(dated);
export const renameUnitBody = z.object({ name: requiredText(300), shortName: shortText(100).nullish(), ...dated });
export const moveUnitBody = z.object({ parentId: uuid.nullable(), ...dated });
export const closeUnitBody = z.object(dated);
export const mergeUnitsBody = z
  .object({
    sourceIds: z.array(uuid).min(1, 'Chọn ít nhất một đơn vị được hợp nhất').max(50),
    /** An existing unit receiving the sources, or a new one formed from them. */
    targetId: uuid.nullish(),
    newUnit: newUnit.nullish(),
    ...dated,
  })
  .refine((b) => !!b.targetId !== !!b.newUnit, { path: ['targetId'], message: 'Chọn đơn vị nhận hoặc khai báo đơn vị mới (một trong hai)' });
export const splitUnitBody = z.object({
  sourceId: uuid,
  /** The units formed from the source (new), or existing units taking part of its tasks. */
  into: z
    .array(
      z
        .object({ targetId: uuid.nullish(), newUnit: newUnit.nullish() })
        .refine((b) => !!b.targetId !== !!b.newUnit, { message: 'Chọn đơn vị có sẵn hoặc đơn vị mới' }),
    )
    .min(1, 'Cần ít nhất một đơn vị được tách ra')
    .max(20),
  ...dated,
});

export const orgEvent = z.object({
  id: z.string(),
  kind: z.enum(ORG_EVENT_KINDS),
  effectiveOn: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  sources: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  before: z.unknown(),
  after: z.unknown(),
  decisionNo: z.string().nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export const orgEventsResponse = z.object({ items: z.array(orgEvent) });
/** What a change of the organisation answers: the units it touched and the events it recorded. */
export const orgChangeResponse = z.object({ unitIds: z.array(z.string()), eventIds: z.array(z.string()), peopleMoved: z.number() });
export type OrgChange = z.infer<typeof orgChangeResponse>;
