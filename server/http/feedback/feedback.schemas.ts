import { z } from 'zod';
import { pageQuery, requiredText, shortText, uuid } from '../../../common/schemas/fields.js';
import { BODY_MAX, SUBJECT_MAX } from '../../domain/feedback/feedback.policy.js';
import { feedbackKind as kind, feedbackStatus as status } from '../../../common/schemas/feedback.js';

/** Requests of the feedback API (S17): units and communes raise, Sở Nội vụ answers and closes (responses: common/schemas/feedback.ts). */

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
