import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { paths } from '../../../api/schema';

export type InboxResponse = paths['/api/inbox']['get']['responses'][200]['content']['application/json'];
export type InboxItem = InboxResponse['items'][number];
export type InboxKind = InboxItem['kind'];

/** Which items a page of the inbox shows: all, the overdue ones, or one kind. */
export type InboxFilter = 'all' | 'overdue' | InboxKind;

/** One page of the user's "việc cần xử lý" (computed by the server on each read), with the counts of every item. */
export function useInbox(page: number, pageSize: number, filter: InboxFilter) {
  const query = {
    page,
    pageSize,
    ...(filter === 'overdue' ? { overdue: 'true' as const } : filter === 'all' ? {} : { kind: filter }),
  };
  return useQuery({
    queryKey: ['inbox', 'page', page, pageSize, filter],
    queryFn: () => unwrap(api.GET('/api/inbox', { params: { query } })),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** How many items wait for the user, and how many are overdue: the header badge, refreshed every few minutes. */
export function useInboxCount(enabled = true) {
  return useQuery({
    queryKey: ['inbox', 'count'],
    queryFn: () => unwrap(api.GET('/api/inbox/count')),
    enabled,
    refetchInterval: 5 * 60_000,
    meta: { silent: true },
  });
}
