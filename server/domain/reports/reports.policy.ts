import { definePolicy, type Who } from '../access/policy.js';

/** Where a report sits and whose it is: the province's (no unit) or a sending unit's own report to Sở Nội vụ. */
export interface ReportPlace {
  unitPath: readonly string[] | null;
  status: 'draft' | 'issued';
}

/** The state the table reads: whose draft it is decides who edits and issues it; an issued report is frozen. */
export type ReportState = 'province_draft' | 'unit_draft' | 'issued';

const UNIT: Who = [
  ['unit_manager', 'unit'],
  ['unit_hr', 'unit'],
];
const WRITERS: Who = [['home_affairs', 'province'], ...UNIT];

/**
 * Reports on the plan's results (Plan 131 IV.3; PRODUCT S12): Sở Nội vụ of the province drafts, edits and issues the
 * report to the People's Committee, which (the authority) reads it; a sending unit drafts, edits and issues its own
 * report to Sở Nội vụ, which Sở Nội vụ and the authority read. A unit never sees the province's report nor another
 * unit's (the list and the reads are scoped by `reportsScope`).
 */
export const reportsPolicy = definePolicy<ReportPlace, 'read' | 'edit' | 'issue', 'draft' | 'list' | 'statistics', ReportState>({
  resource: 'reports',
  actions: {
    read: { who: [['home_affairs', 'province'], ['authority', 'province'], ...UNIT], text: 'xem báo cáo', unlisted: true },
    edit: {
      who: WRITERS,
      states: ['province_draft', 'unit_draft'],
      onlyBy: { province_draft: ['home_affairs'], unit_draft: ['unit_manager', 'unit_hr'] },
      text: 'sửa báo cáo',
      outOfState: 'Báo cáo đã ban hành: nội dung và số liệu không thay đổi được nữa.',
    },
    issue: {
      who: WRITERS,
      states: ['province_draft', 'unit_draft'],
      onlyBy: { province_draft: ['home_affairs'], unit_draft: ['unit_manager', 'unit_hr'] },
      text: 'ban hành báo cáo',
      outOfState: 'Báo cáo đã được ban hành.',
    },
  },
  gates: {
    draft: { who: WRITERS },
    list: { who: [['home_affairs', 'province'], ['authority', 'province'], ...UNIT] },
    /** The statistics page and the lists behind the figures: the province (or its subtree), a unit its own subtree. */
    statistics: { who: [['home_affairs', 'province'], ['authority', 'province'], ...UNIT] },
  },
  place: (r) => ({ province: [r.unitPath ?? null], unit: [r.unitPath ?? null] }),
  state: (r) => (r.status === 'issued' ? 'issued' : r.unitPath ? 'unit_draft' : 'province_draft'),
});
