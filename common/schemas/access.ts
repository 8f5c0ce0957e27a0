import { z } from 'zod';
import { GRANT_STATUSES, ROLES } from '../enums.js';
import { CAPABILITIES, FEATURES } from '../permissions.js';

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
    /** The password was chosen by someone else: the web asks for a new one before anything else. */
    mustChangePassword: z.boolean(),
  }),
  grants: z.array(z.object({ role: z.enum(ROLES), unitId: z.string().nullable(), unitName: z.string().nullable() })),
  features: z.array(z.enum(FEATURES)),
  /** What the user may do within those areas, derived from the policies (the web shows what these allow). */
  capabilities: z.array(z.enum(CAPABILITIES)),
  csrfToken: z.string(),
  demo: z.boolean(),
  /** The province this deployment serves (how the interface names it), null before the first setup. */
  province: z
    .object({
      code: z.string(),
      name: z.string(),
      levelWord: z.enum(['thành phố', 'tỉnh']),
      placeName: z.string(),
      peoplesCommitteeName: z.string(),
      /** "UBND thành phố Cần Thơ" */
      committeeShortName: z.string(),
    })
    .nullable(),
  /** The code of the plan in force ("131/KH-UBND"), null before a plan is entered. */
  planCode: z.string().nullable(),
});

/** One account as listed: the grants name their unit. */
export const userRow = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  personId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  grants: z.array(
    z.object({
      id: z.string(),
      role: z.enum(ROLES),
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      /** proposed: waits for Sở Nội vụ's confirmation; revoked: kept as history */
      status: z.enum(GRANT_STATUSES),
    }),
  ),
});

export const userListResponse = z.object({ items: z.array(userRow), total: z.number() });
export const createdUserResponse = z.object({ id: z.string(), username: z.string() });

export const pendingGrantsResponse = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      grantId: z.string(),
      username: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES),
      unitId: z.string().nullable(),
      unitName: z.string().nullable(),
      personId: z.string().nullable(),
      proposedBy: z.string().nullable(),
      proposedByName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
