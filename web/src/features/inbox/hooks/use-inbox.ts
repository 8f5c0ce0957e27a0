import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { paths } from '../../../api/schema';

export type InboxResponse = paths['/api/inbox']['get']['responses'][200]['content']['application/json'];
export type InboxItem = InboxResponse['items'][number];
export type InboxKind = InboxItem['kind'];

/** The user's "việc cần xử lý" (computed by the server on each read); refreshed every few minutes for the badge. */
export function useInbox(enabled = true) {
  return useQuery({
    queryKey: ['inbox'],
    queryFn: () => unwrap(api.GET('/api/inbox')),
    enabled,
    refetchInterval: 5 * 60_000,
    meta: { silent: true },
  });
}
