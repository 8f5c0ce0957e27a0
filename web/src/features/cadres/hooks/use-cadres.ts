import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { CadreListQuery } from '../../../api/types';

/** One page of the cadre list (the server filters, sorts in Vietnamese order and pages). */
export function useCadreList(query: CadreListQuery) {
  return useQuery({
    queryKey: ['cadres', 'list', query],
    queryFn: () => unwrap(api.GET('/api/cadres', { params: { query } })),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
