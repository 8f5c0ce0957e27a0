import { z } from 'zod';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, SECONDMENT_STATUSES } from '../secondment.js';

/** Responses of the feedback API (S17). */

export const feedbackKind = z.enum(FEEDBACK_KINDS, 'Loại kiến nghị không hợp lệ');

export const feedbackStatus = z.enum(FEEDBACK_STATUSES, 'Trạng thái không hợp lệ');

export const feedbackItem = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: feedbackKind,
  subject: z.string(),
  status: feedbackStatus,
  authorName: z.string(),
  secondmentId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  replyCount: z.number(),
  lastAnswerAt: z.string().nullable(),
});

export const feedbackListResponse = z.object({
  items: z.array(feedbackItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  byStatus: z.object({ open: z.number(), answered: z.number(), closed: z.number() }),
  waiting: z.number().meta({ description: 'Số kiến nghị trong phạm vi đang chờ Sở Nội vụ trả lời' }),
});

export const feedbackDetail = feedbackItem.extend({
  body: z.string(),
  secondment: z
    .object({ id: z.string(), personName: z.string(), sendingUnitName: z.string(), hostUnitName: z.string().nullable(), status: z.enum(SECONDMENT_STATUSES) })
    .nullable(),
  replies: z.array(z.object({ id: z.string(), body: z.string(), authorName: z.string(), fromHomeAffairs: z.boolean(), createdAt: z.string() })),
  allowedActions: z.array(z.enum(['reply', 'close'])),
});

export const linkableSecondments = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      personName: z.string(),
      personCode: z.string(),
      sendingUnitName: z.string(),
      hostUnitName: z.string().nullable(),
      status: z.enum(SECONDMENT_STATUSES),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
    }),
  ),
});
