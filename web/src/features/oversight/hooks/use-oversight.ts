import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { paths } from '../../../api/schema';

export type Dashboard = paths['/api/oversight/dashboard']['get']['responses'][200]['content']['application/json'];
export type OverdueResponse = paths['/api/oversight/overdue']['get']['responses'][200]['content']['application/json'];
export type OverdueListName = OverdueResponse['list'];
export type OverdueRow = OverdueResponse['items'][number];

/** The oversight dashboard (quota fulfilment, the path by step, communes, reports, returns due). */
export function useOversightDashboard() {
  return useQuery({ queryKey: ['oversight', 'dashboard'], queryFn: () => unwrap(api.GET('/api/oversight/dashboard')) });
}

/** One overdue list of Sở Nội vụ, a page at a time. */
export function useOverdueList(list: OverdueListName, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['oversight', 'overdue', list, page, pageSize],
    queryFn: () => unwrap(api.GET('/api/oversight/overdue', { params: { query: { list, page, pageSize } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type LateUnitReportRow = paths['/api/oversight/late-unit-reports']['get']['responses'][200]['content']['application/json']['items'][number];

/** The sending units whose report to Sở Nội vụ of a period of the plan's schedule is late, a page at a time. */
export function useLateUnitReports(page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['oversight', 'late-unit-reports', page, pageSize],
    queryFn: () => unwrap(api.GET('/api/oversight/late-unit-reports', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
