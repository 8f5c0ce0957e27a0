import { z } from 'zod';
import { OVERDUE_LISTS, SECONDMENT_STATUSES } from '../secondment.js';

/** The oversight dashboard: quota fulfilment per unit, the pipeline by step, host communes, reports, returns. */
export const dashboardResponse = z.object({
  today: z.string(),
  year: z.number(),
  totals: z.object({
    target: z.number(),
    fulfilled: z.number(),
    active: z.number(),
    inProgress: z.number(),
    overdueSteps: z.number(),
    awaitingPlacement: z.number(),
    communes: z.number(),
  }),
  quota: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      target: z.number().nullable(),
      proposed: z.number(),
      decided: z.number(),
      active: z.number(),
      completed: z.number(),
      returned: z.number(),
      fulfilled: z.number(),
      rate: z.number().nullable(),
    }),
  ),
  pipeline: z.array(z.object({ status: z.enum(SECONDMENT_STATUSES), label: z.string(), count: z.number(), overdue: z.number() })),
  hosts: z.array(z.object({ unitId: z.string(), unitName: z.string(), unitKind: z.string(), especiallyDisadvantaged: z.boolean(), active: z.number() })),
  reports: z.object({ due: z.number(), late: z.number(), aheadDays: z.number() }),
  returnsDue: z.object({
    days: z.number(),
    items: z.array(
      z.object({
        secondmentId: z.string(),
        personId: z.string(),
        personName: z.string(),
        sendingUnitName: z.string(),
        hostUnitName: z.string().nullable(),
        endDate: z.string(),
        daysLeft: z.number(),
      }),
    ),
  }),
});

/** One page of one of Sở Nội vụ's overdue lists. */
export const overdueListResponse = z.object({
  today: z.string(),
  list: z.enum(OVERDUE_LISTS),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  items: z.array(
    z.object({
      secondmentId: z.string(),
      subjectId: z.string(),
      personId: z.string(),
      personName: z.string(),
      status: z.string(),
      sendingUnitName: z.string(),
      hostUnitName: z.string().nullable(),
      date: z.string(),
      days: z.number(),
      detail: z.string(),
    }),
  ),
});

/** The sending units' reports to Sở Nội vụ past their deadline and not issued (the plan's report schedule), the longest late first. */
export const lateUnitReportsResponse = z.object({
  today: z.string(),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  items: z.array(
    z.object({
      reportId: z.string(),
      unitId: z.string(),
      unitName: z.string(),
      periodFrom: z.string(),
      periodTo: z.string(),
      dueOn: z.string(),
      status: z.enum(['draft', 'issued']),
      issuedOn: z.string().nullable(),
      /** Days past the deadline, to today. */
      days: z.number(),
    }),
  ),
});
