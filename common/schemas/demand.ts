import { z } from 'zod';
import { DEMAND_FIELDS, NEED_STATUSES, NEED_URGENCIES, ROUND_STATUSES } from '../demand.js';
import { UNIT_KINDS } from '../enums.js';

/** Responses of the demand API (S7): the communes' needs, the demand rounds, the shortages and the surplus. */

export const demandField = z.enum(DEMAND_FIELDS, 'Lĩnh vực không hợp lệ');
export const needUrgency = z.enum(NEED_URGENCIES, 'Mức độ cần thiết không hợp lệ');
export const needStatus = z.enum(NEED_STATUSES, 'Trạng thái không hợp lệ');
export const roundStatus = z.enum(ROUND_STATUSES, 'Trạng thái không hợp lệ');
export const NEED_ACTIONS = ['edit', 'submit', 'withdraw', 'approve', 'reject'] as const;

export const need = z.object({
  id: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  jobPostId: z.string().nullable(),
  postTitle: z.string().nullable(),
  field: demandField,
  count: z.number(),
  urgency: needUrgency,
  wantedFrom: z.string().nullable(),
  wantedUntil: z.string().nullable(),
  minEducation: z.string().nullable(),
  requiredRankGrade: z.string().nullable(),
  requiredPoliticalTheory: z.string().nullable(),
  standards: z.string().nullable(),
  reason: z.string(),
  status: needStatus,
  approvedCount: z.number().nullable(),
  reviewNote: z.string().nullable(),
  roundId: z.string().nullable(),
  roundName: z.string().nullable(),
  roundStatus: roundStatus.nullable(),
  frozen: z.boolean().meta({ description: 'Thuộc đợt tổng hợp đã phê duyệt: không thay đổi được nữa' }),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(NEED_ACTIONS)),
});
export type Need = z.infer<typeof need>;

export const needListResponse = z.object({ items: z.array(need), total: z.number(), page: z.number(), pageSize: z.number() });

export const round = z.object({
  id: z.string(),
  name: z.string(),
  status: roundStatus,
  approvedOn: z.string().nullable(),
  decisionNo: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  needs: z.number(),
  people: z.number().meta({ description: 'Tổng số người được chấp thuận trong đợt' }),
  communes: z.number(),
  allowedActions: z.array(z.enum(['arrange', 'approve'])),
});
export const roundListResponse = z.object({ items: z.array(round) });
export const roundDetail = round.extend({ items: z.array(need) });

const counts = { posts: z.number(), norm: z.number(), holders: z.number(), vacancies: z.number(), submitted: z.number(), approved: z.number() };
export const shortageRow = z.object({
  unitId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  isEspeciallyDisadvantaged: z.boolean(),
  ...counts,
  byField: z.array(z.object({ field: demandField, submitted: z.number(), approved: z.number() })),
});
export const shortagesResponse = z.object({ items: z.array(shortageRow), total: z.number(), page: z.number(), pageSize: z.number(), totals: z.object(counts) });

const holder = z.object({
  personId: z.string(),
  fullName: z.string(),
  secondedIn: z.boolean().meta({ description: 'Cán bộ được tăng cường về xã' }),
  sendingUnitName: z.string().nullable(),
});
export const communeDemand = z.object({
  unit: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS), isEspeciallyDisadvantaged: z.boolean() }),
  posts: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      field: demandField.nullable(),
      norm: z.number().nullable(),
      isKeyPost: z.boolean(),
      isLeadership: z.boolean(),
      minEducation: z.string().nullable(),
      requiredRankGrade: z.string().nullable(),
      requiredPoliticalTheory: z.string().nullable(),
      standards: z.string().nullable(),
      holders: z.array(holder),
      vacancy: z.number().nullable(),
    }),
  ),
  unplaced: z.array(holder).meta({ description: 'Cán bộ tăng cường về xã chưa gắn với vị trí việc làm nào' }),
  totals: z.object({ posts: z.number(), norm: z.number(), holders: z.number(), vacancies: z.number() }),
  keyLeaders: z.array(
    z.object({
      postId: z.string(),
      postTitle: z.string(),
      personId: z.string().nullable(),
      fullName: z.string().nullable(),
      secondedIn: z.boolean(),
      local: z.enum(['local', 'not_local', 'unknown', 'vacant']),
      reason: z.string(),
      clause: z.string().nullable(),
    }),
  ),
  needs: z.array(
    need.extend({
      assigned: z
        .array(z.object({ secondmentId: z.string(), fullName: z.string(), sendingUnitName: z.string(), status: z.string(), statusLabel: z.string() }))
        .meta({ description: 'Cán bộ được cử cho nhu cầu qua phương án ghép đã chấp nhận (xã, phường thấy từ khi có quyết định cử)' }),
    }),
  ),
  mayDeclare: z.boolean(),
});
export type CommuneDemand = z.infer<typeof communeDemand>;

export const surplusResponse = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      unitId: z.string(),
      code: z.string(),
      name: z.string(),
      assignedStaffing: z.number(),
      headcount: z.number(),
      excess: z.number(),
      restructuredOn: z.string().nullable(),
    }),
  ),
});
