import { z } from 'zod';
import { isoDate, pageQuery, requiredText, shortText, uuid } from '../../../common/schemas/fields.js';
import { NEED_COUNT_MAX, NEED_COUNT_MIN, REASON_MAX } from '../../../common/demand.js';
import { demandField, needStatus, needUrgency } from '../../../common/schemas/demand.js';
import { SHORTAGE_SORTS } from '../../db/repositories/demand.repository.js';

/** Requests of the demand API (S7): communes declare needs, Sở Nội vụ reviews them into rounds (responses: common/schemas/demand.ts). */

const version = z.number('Thiếu phiên bản').int().min(1);
const count = z
  .number('Số lượng phải là số')
  .int('Số lượng phải là số nguyên')
  .min(NEED_COUNT_MIN, `Số lượng ít nhất ${NEED_COUNT_MIN} người`)
  .max(NEED_COUNT_MAX, `Số lượng tối đa ${NEED_COUNT_MAX} người`);

export const needFields = z.strictObject({
  jobPostId: uuid.nullish(),
  field: demandField.nullish(),
  postTitle: shortText(200).nullish(),
  count,
  urgency: needUrgency.default('normal'),
  wantedFrom: isoDate.nullish(),
  wantedUntil: isoDate.nullish(),
  minEducation: shortText(50).nullish(),
  requiredRankGrade: shortText(20).nullish(),
  requiredPoliticalTheory: shortText(50).nullish(),
  standards: shortText(2000).nullish(),
  reason: requiredText(REASON_MAX),
});

export const needInput = needFields.extend({ unitId: uuid.nullish(), submit: z.boolean().default(false) });
export const needEditInput = needFields.extend({ version });
export const versionInput = z.strictObject({ version });
export const needWithdrawInput = z.strictObject({ version, reason: shortText(1000).nullish() });
export const needApproveInput = z.strictObject({ version, approvedCount: count, note: shortText(1000).nullish() });
export const needRejectInput = z.strictObject({ version, reason: requiredText(1000) });

export const needFilters = z.object({
  unitId: uuid.optional(),
  status: needStatus.optional(),
  roundId: uuid.optional(),
  field: demandField.optional(),
  unassigned: z.enum(['true', 'false']).optional(),
});
export const needListQuery = needFilters.extend(pageQuery);

export const shortageFilters = z.object({
  field: demandField.optional(),
  disadvantaged: z.enum(['true', 'false']).optional(),
  sort: z.enum(SHORTAGE_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export const shortageQuery = shortageFilters.extend(pageQuery);

export const roundInput = z.strictObject({ name: requiredText(200), note: shortText(2000).nullish() });
export const roundNeedsInput = z.strictObject({ version, add: z.array(uuid).max(2000).default([]), remove: z.array(uuid).max(2000).default([]) });
export const roundApproveInput = z.strictObject({ version, decisionNo: requiredText(50), approvedOn: isoDate });
