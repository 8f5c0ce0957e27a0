import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { FeedbackDetail, FeedbackInput, FeedbackListQuery } from './feedback-types';

export const FEEDBACK_KEY = ['feedback'] as const;

/** One page of the items in the user's scope, with the counts per status and the number waiting for an answer. */
export function useFeedbackList(query: FeedbackListQuery) {
  return useQuery({
    queryKey: [...FEEDBACK_KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/feedback', { params: { query } })),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** One item with its thread and the actions the user may take on it. */
export function useFeedbackDetail(id: string | undefined) {
  return useQuery({
    queryKey: [...FEEDBACK_KEY, 'detail', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/feedback/{id}', { params: { path: { id: id! } } })),
    staleTime: 0,
  });
}

/** The secondments the user's unit sent or hosts, to cite one in a new item. */
export function useLinkableSecondments(enabled: boolean) {
  return useQuery({
    queryKey: [...FEEDBACK_KEY, 'secondments'],
    enabled,
    queryFn: async () => (await unwrap(api.GET('/api/feedback/secondments'))).items,
    staleTime: 60_000,
  });
}

function useAfterChange() {
  const qc = useQueryClient();
  return (detail: FeedbackDetail) => {
    qc.setQueryData([...FEEDBACK_KEY, 'detail', detail.id], detail);
    return qc.invalidateQueries({ queryKey: [...FEEDBACK_KEY, 'list'] });
  };
}

/** A unit or commune sends an item; 422 goes to the form. */
export function useRaiseFeedback() {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: FeedbackInput) => unwrap(api.POST('/api/feedback', { body })),
    onSuccess: after,
    meta: { silent: true },
  });
}

/** A reply in the thread (Sở Nội vụ's answer, or the unit's reply back), with the version read. */
export function useReplyFeedback(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (body: { version: number; body: string }) => unwrap(api.POST('/api/feedback/{id}/replies', { params: { path: { id } }, body })),
    onSuccess: after,
    meta: { silent: true },
  });
}

/** Sở Nội vụ closes the item. */
export function useCloseFeedback(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/feedback/{id}/close', { params: { path: { id } }, body: { version } })),
    onSuccess: after,
    meta: { silent: true },
  });
}
