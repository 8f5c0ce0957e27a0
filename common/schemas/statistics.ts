import { z } from 'zod';
import { isoDate, pageQuery, uuid } from './fields.js';
import { CATEGORIES } from '../enums.js';
import { FIGURE_GROUPS, reportFigure } from './reports.js';

/**
 * The statistics page and the lists behind the report's figures (PRODUCT S12): the same figures as the report, by
 * the same code, for any period, unit and category; each figure that counts rows opens the list of what it counts.
 */

const periodFields = {
  from: isoDate,
  to: isoDate,
  /** The sending unit whose subtree is counted; a unit's user is held to its own subtree. */
  unitId: uuid.optional(),
  /** The cadres' category (cán bộ, công chức, viên chức); all when omitted. */
  category: z.enum(CATEGORIES).optional(),
};
const toNotBeforeFrom = <T extends { from: string; to: string }>(x: T) => x.to >= x.from;
const toMessage = { path: ['to'], message: 'Ngày cuối kỳ không được trước ngày đầu kỳ' };

export const statisticsQuery = z.object(periodFields).refine(toNotBeforeFrom, toMessage);
export type StatisticsQuery = z.infer<typeof statisticsQuery>;
export const statisticsXlsxQuery = z.object({ ...periodFields, group: z.enum(FIGURE_GROUPS).optional() }).refine(toNotBeforeFrom, toMessage);

export const figureRowsQuery = z.object({ ...periodFields, ...pageQuery }).refine(toNotBeforeFrom, toMessage);
export type FigureRowsQuery = z.infer<typeof figureRowsQuery>;
export const figureKeyParam = z.object({ key: z.string().max(80) });

/** A figure as the statistics page and the report page show it: `listed` when it counts rows that can be listed. */
export const listedFigure = reportFigure.extend({ listed: z.boolean() });

export const statisticsResponse = z.object({
  from: z.string(),
  to: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  category: z.enum(CATEGORIES).nullable(),
  figures: z.array(listedFigure),
});
export type StatisticsResponse = z.infer<typeof statisticsResponse>;

/** One row counted by a figure: a cadre's secondment, a host commune, a report due, a seat on a course, a budget movement. */
export const figureRow = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  personCode: z.string().nullable(),
  fullName: z.string().nullable(),
  category: z.string().nullable(),
  unitName: z.string().nullable(),
  sendingUnitName: z.string().nullable(),
  hostUnitName: z.string().nullable(),
  targetGroup: z.number().nullable(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  /** Only in the lists by ethnicity, and only for the people whose sensitive part the user may read. */
  ethnicity: z.string().nullable(),
  educationLevel: z.string().nullable(),
  politicalTheory: z.string().nullable(),
  /** The date that counts: the send decision, the end of the term, the evaluation, the due date, the course's start, the entry. */
  date: z.string().nullable(),
  detail: z.string().nullable(),
  status: z.string().nullable(),
  amount: z.number().nullable(),
});
export type FigureRow = z.infer<typeof figureRow>;

/** The kinds of rows a figure counts, each with its own columns on the page. */
export const FIGURE_ROW_KINDS = [
  'sent',
  'hosts',
  'returns',
  'evaluations',
  'cadre_reports',
  'courses',
  'enrolments',
  'ledger',
  'payments',
  'paid_cadres',
  'feedback',
  'inspections',
  'recommendations',
  'unit_reports',
] as const;

export const figureRowsResponse = z.object({
  key: z.string(),
  kind: z.enum(FIGURE_ROW_KINDS),
  from: z.string(),
  to: z.string(),
  unitId: z.string().nullable(),
  category: z.enum(CATEGORIES).nullable(),
  /** True for money figures: the figure is the sum of the rows' amounts, not their number. */
  sums: z.boolean(),
  total: z.number().int(),
  sum: z.number(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(figureRow),
});
export type FigureRowsResponse = z.infer<typeof figureRowsResponse>;
