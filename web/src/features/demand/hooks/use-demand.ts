import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';

/** Names for the demand API shapes, derived from the generated schema (never copied by hand). */
export type ShortageQuery = NonNullable<paths['/api/demand/shortages']['get']['parameters']['query']>;
export type ShortagesResponse = paths['/api/demand/shortages']['get']['responses'][200]['content']['application/json'];
export type ShortageRow = ShortagesResponse['items'][number];
export type CommuneDemand = paths['/api/demand/communes/{id}']['get']['responses'][200]['content']['application/json'];
type CommuneNeed = CommuneDemand['needs'][number];
/** A need as every list gives it; the commune's page adds who was sent for it (`assigned`). */
export type Need = Omit<CommuneNeed, 'assigned'> & Partial<Pick<CommuneNeed, 'assigned'>>;
export type NeedInput = paths['/api/demand/needs']['post']['requestBody']['content']['application/json'];
export type NeedListQuery = NonNullable<paths['/api/demand/needs']['get']['parameters']['query']>;
export type Round = paths['/api/demand/rounds']['get']['responses'][200]['content']['application/json']['items'][number];
export type RoundDetail = paths['/api/demand/rounds/{id}']['get']['responses'][200]['content']['application/json'];
export type Surplus = paths['/api/demand/surplus']['get']['responses'][200]['content']['application/json'];

export const DEMAND_KEY = ['demand'] as const;

export function useShortages(query: ShortageQuery, enabled = true) {
  return useQuery({
    queryKey: [...DEMAND_KEY, 'shortages', query],
    enabled,
    queryFn: () => unwrap(api.GET('/api/demand/shortages', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCommuneDemand(id: string | undefined) {
  return useQuery({
    queryKey: [...DEMAND_KEY, 'commune', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/demand/communes/{id}', { params: { path: { id: id! } } })),
  });
}

export function useNeeds(query: NeedListQuery, enabled = true) {
  return useQuery({
    queryKey: [...DEMAND_KEY, 'needs', query],
    enabled,
    queryFn: () => unwrap(api.GET('/api/demand/needs', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useRounds(enabled = true) {
  return useQuery({ queryKey: [...DEMAND_KEY, 'rounds'], enabled, queryFn: async () => (await unwrap(api.GET('/api/demand/rounds'))).items });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: [...DEMAND_KEY, 'round', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/demand/rounds/{id}', { params: { path: { id: id! } } })),
  });
}

export function useSurplus(enabled = true) {
  return useQuery({ queryKey: [...DEMAND_KEY, 'surplus'], enabled, queryFn: () => unwrap(api.GET('/api/demand/surplus')) });
}

/** Every demand query is refreshed after a change: the table, the commune page, the lists and the rounds all count needs. */
function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: DEMAND_KEY });
}

export function useDeclareNeed() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: NeedInput) => unwrap(api.POST('/api/demand/needs', { body })), onSuccess: refresh, meta: { silent: true } });
}

export function useEditNeed(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Omit<NeedInput, 'unitId' | 'submit'> & { version: number }) =>
      unwrap(api.PATCH('/api/demand/needs/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
    meta: { silent: true },
  });
}

export type NeedStep =
  | { step: 'submit'; version: number }
  | { step: 'withdraw'; version: number; reason?: string }
  | { step: 'approve'; version: number; approvedCount: number; note?: string }
  | { step: 'reject'; version: number; reason: string };

export function useNeedStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, s }: { id: string; s: NeedStep }) => {
      const path = { id };
      switch (s.step) {
        case 'submit':
          return unwrap(api.POST('/api/demand/needs/{id}/submit', { params: { path }, body: { version: s.version } }));
        case 'withdraw':
          return unwrap(api.POST('/api/demand/needs/{id}/withdraw', { params: { path }, body: { version: s.version, reason: s.reason ?? null } }));
        case 'approve':
          return unwrap(
            api.POST('/api/demand/needs/{id}/approve', { params: { path }, body: { version: s.version, approvedCount: s.approvedCount, note: s.note ?? null } }),
          );
        case 'reject':
          return unwrap(api.POST('/api/demand/needs/{id}/reject', { params: { path }, body: { version: s.version, reason: s.reason } }));
      }
    },
    onSuccess: refresh,
    meta: { silent: true },
  });
}

export function useCreateRound() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { name: string; note?: string | null }) => unwrap(api.POST('/api/demand/rounds', { body })),
    onSuccess: refresh,
    meta: { silent: true },
  });
}

export function useArrangeRound(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { version: number; add?: string[]; remove?: string[] }) =>
      unwrap(
        api.POST('/api/demand/rounds/{id}/needs', { params: { path: { id } }, body: { version: body.version, add: body.add ?? [], remove: body.remove ?? [] } }),
      ),
    onSuccess: refresh,
    meta: { silent: true },
  });
}

export function useApproveRound(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { version: number; decisionNo: string; approvedOn: string }) =>
      unwrap(api.POST('/api/demand/rounds/{id}/approve', { params: { path: { id } }, body })),
    onSuccess: refresh,
    meta: { silent: true },
  });
}
