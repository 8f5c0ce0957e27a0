import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { GuidanceInput, InspectionInput } from '../../../api/types';

/** The guidance documents the user may read (the server keeps those addressed to the user's unit, or to all). */
export const useGuidance = (page: number, pageSize: number) =>
  useQuery({ queryKey: ['guidance', page, pageSize], queryFn: () => unwrap(api.GET('/api/guidance', { params: { query: { page, pageSize } } })) });

/** The inspections the user may see (the inspected unit: its own). */
export const useInspections = (page: number, pageSize: number) =>
  useQuery({ queryKey: ['inspections', page, pageSize], queryFn: () => unwrap(api.GET('/api/inspections', { params: { query: { page, pageSize } } })) });

export const useInspection = (id: string | null) =>
  useQuery({
    queryKey: ['inspections', 'one', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/inspections/{id}', { params: { path: { id: id! } } })),
  });

/** The units Sở Nội vụ may inspect, for the form. */
export const useInspectableUnits = (enabled: boolean) =>
  useQuery({ queryKey: ['inspections', 'units'], enabled, queryFn: () => unwrap(api.GET('/api/inspections/units')) });

function useInvalidating<T, R>(fn: (v: T) => Promise<R>, key: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, meta: { silent: true }, onSuccess: () => qc.invalidateQueries({ queryKey: [key] }) });
}

export const useIssueGuidance = () => useInvalidating((body: GuidanceInput) => unwrap(api.POST('/api/guidance', { body })), 'guidance');
export const useRecordInspection = () => useInvalidating((body: InspectionInput) => unwrap(api.POST('/api/inspections', { body })), 'inspections');
export const useConcludeInspection = () =>
  useInvalidating(
    (v: { id: string; version: number; conclusionNo: string; concludedOn: string }) =>
      unwrap(
        api.POST('/api/inspections/{id}/conclude', {
          params: { path: { id: v.id } },
          body: { version: v.version, conclusionNo: v.conclusionNo, concludedOn: v.concludedOn },
        }),
      ),
    'inspections',
  );

export type RecommendationStep =
  | { action: 'answer'; id: string; version: number; answer: string }
  | { action: 'accept'; id: string; version: number; note?: string | null }
  | { action: 'return'; id: string; version: number; reason: string };

export const useRecommendationStep = () =>
  useInvalidating((s: RecommendationStep) => {
    const path = { id: s.id };
    if (s.action === 'answer')
      return unwrap(api.POST('/api/inspections/recommendations/{id}/answer', { params: { path }, body: { version: s.version, answer: s.answer } }));
    if (s.action === 'accept')
      return unwrap(api.POST('/api/inspections/recommendations/{id}/accept', { params: { path }, body: { version: s.version, note: s.note ?? null } }));
    return unwrap(api.POST('/api/inspections/recommendations/{id}/return', { params: { path }, body: { version: s.version, reason: s.reason } }));
  }, 'inspections');
