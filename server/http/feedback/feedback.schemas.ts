import { z } from 'zod';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, SECONDMENT_STATUSES } from '../../../common/secondment.js';
import { pageQuery, requiredText, shortText, uuid } from '../../../common/schemas/fields.js';
import { BODY_MAX, SUBJECT_MAX } from '../../domain/feedback/feedback.policy.js';

/** Contracts of the feedback API (S17): units and communes raise, Sở Nội vụ answers and closes. */

const kind = z.enum(FEEDBACK_KINDS, 'Loại kiến nghị không hợp lệ');
const status = z.enum(FEEDBACK_STATUSES, 'Trạng thái không hợp lệ');

export const feedbackFilters = z.object({
  status: status.optional(),
  kind: kind.optional(),
  unitId: uuid.optional(),
  q: shortText(100).optional(),
});

export const feedbackListQuery = feedbackFilters.extend(pageQuery);

const version = z.number('Thiếu phiên bản của kiến nghị').int().min(1);

export const feedbackInput = z.strictObject({
  kind,
  subject: requiredText(SUBJECT_MAX),
  body: requiredText(BODY_MAX),
  unitId: uuid.nullish(),
  secondmentId: uuid.nullish(),
});

export const feedbackReplyInput = z.strictObject({ version, body: requiredText(BODY_MAX) });
export const feedbackCloseInput = z.strictObject({ version });

const item = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind,
  subject: z.string(),
  status,
  authorName: z.string(),
  secondmentId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  replyCount: z.number(),
  lastAnswerAt: z.string().nullable(),
});

export const feedbackListResponse = z.object({
  items: z.array(item),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  byStatus: z.object({ open: z.number(), answered: z.number(), closed: z.number() }),
  waiting: z.number().meta({ description: 'Số kiến nghị trong phạm vi đang chờ Sở Nội vụ trả lời' }),
});

export const feedbackDetail = item.extend({
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
