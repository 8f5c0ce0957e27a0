import { z } from 'zod';
import { INBOX_KINDS, SECONDMENT_STATUSES } from '../secondment.js';
import { REPAYMENT_STATUSES } from '../training.js';
import { RECOMMENDATION_STATUSES } from '../inspections.js';
import { REPORT_STATUSES } from './reports.js';

export const inboxItem = z.object({
  key: z.string(),
  kind: z.enum(INBOX_KINDS),
  title: z.string(),
  /** The secondment; null for a training repayment (its enrolment is the subject). */
  secondmentId: z.string().nullable(),
  subjectId: z.string(),
  /** The secondment's status, the repayment's (repayment items), the recommendation's (inspection items) or the report's (the plan's report schedule). */
  status: z.union([z.enum(SECONDMENT_STATUSES), z.enum(REPAYMENT_STATUSES), z.enum(RECOMMENDATION_STATUSES), z.enum(REPORT_STATUSES)]),
  /** The cadre; null for an inspection's recommendation or a report of the schedule (they concern a unit). */
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  /** The sending unit (the budget unit of a repayment, the inspected or the reporting unit); null for the province's report. */
  sendingUnitId: z.string().nullable(),
  sendingUnitName: z.string(),
  hostUnitId: z.string().nullable(),
  hostUnitName: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  daysLeft: z.number(),
  link: z.string(),
});

/** One page of the inbox, with the counts of every item (not only the page's). */
export const inboxPageResponse = z.object({
  today: z.string(),
  total: z.number().describe('Tổng số việc (không theo bộ lọc)'),
  overdue: z.number().describe('Số việc quá hạn (không theo bộ lọc)'),
  countsByKind: z.record(z.enum(INBOX_KINDS), z.number()).describe('Số việc theo loại'),
  matching: z.number().describe('Số việc theo bộ lọc (để phân trang)'),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(inboxItem),
});

/** The bell in the header: how many items, how many overdue. */
export const inboxCountResponse = z.object({ today: z.string(), total: z.number(), overdue: z.number() });
