import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../api/client';
import { circumstanceInput, disciplineInput, planningInput, proceedingInput, trainingHistoryInput, workHistoryInput } from '../../../../../common/schemas/personnel';
import { isApiError, unwrap } from '../../../api/errors';
import type {
  CadreUpdate,
  CircumstanceInput,
  DisciplineInput,
  PlanningInput,
  ProceedingCloseInput,
  ProceedingInput,
  RatingInput,
  TrainingHistoryInput,
  WorkHistoryInput,
} from '../../../api/types';

export const profileKey = (id: string) => ['cadres', 'profile', id] as const;

/** The résumé of one cadre as the user may see it (sensitive sections null when not allowed). */
export function useCadreProfile(id: string) {
  return useQuery({
    queryKey: profileKey(id),
    queryFn: () => unwrap(api.GET('/api/cadres/{id}', { params: { path: { id } } })),
    staleTime: 0,
    meta: { silent: true },
  });
}

export function useCadreHistory(id: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['cadres', 'history', id, page, pageSize],
    queryFn: () => unwrap(api.GET('/api/cadres/{id}/history', { params: { path: { id }, query: { page, pageSize } } })),
    enabled,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** After any change the profile (new version), its history and the list are read again. */
function useRefreshCadre(id: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: profileKey(id) }),
      qc.invalidateQueries({ queryKey: ['cadres', 'history', id] }),
      qc.invalidateQueries({ queryKey: ['cadres', 'list'] }),
    ]);
}

/** PATCH with the version read: the caller shows 409 (someone else saved) and 422 (field issues) itself. */
export function useUpdateCadre(id: string) {
  const refresh = useRefreshCadre(id);
  return useMutation({
    mutationFn: (body: CadreUpdate) => unwrap(api.PATCH('/api/cadres/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
    // someone else saved first: read the record again so the next edit starts from their version
    onError: (err) => (isApiError(err, 409) ? refresh() : undefined),
    meta: { silent: true },
  });
}

export type RecordKind = 'planning' | 'work-history' | 'training-history' | 'discipline' | 'proceedings' | 'circumstances';
export interface RecordInputs {
  planning: PlanningInput;
  'work-history': WorkHistoryInput;
  'training-history': TrainingHistoryInput;
  discipline: DisciplineInput;
  proceedings: ProceedingInput;
  circumstances: CircumstanceInput;
}

/** The API's own request schemas of each kind of record: the form's values are checked by them before sending. */
export const RECORD_INPUT_SCHEMAS: { [K in RecordKind]: z.ZodType<RecordInputs[K]> } = {
  planning: planningInput,
  'work-history': workHistoryInput,
  'training-history': trainingHistoryInput,
  discipline: disciplineInput,
  proceedings: proceedingInput,
  circumstances: circumstanceInput,
};

async function saveRecord<K extends RecordKind>(kind: K, id: string, recordId: string | null, body: RecordInputs[K]) {
  const one = { params: { path: { id } } };
  const each = (rid: string) => ({ params: { path: { id, recordId: rid } } });
  switch (kind) {
    case 'planning':
      return recordId
        ? unwrap(api.PUT('/api/cadres/{id}/planning/{recordId}', { ...each(recordId), body: body as PlanningInput }))
        : unwrap(api.POST('/api/cadres/{id}/planning', { ...one, body: body as PlanningInput }));
    case 'work-history':
      return recordId
        ? unwrap(api.PUT('/api/cadres/{id}/work-history/{recordId}', { ...each(recordId), body: body as WorkHistoryInput }))
        : unwrap(api.POST('/api/cadres/{id}/work-history', { ...one, body: body as WorkHistoryInput }));
    case 'training-history':
      return recordId
        ? unwrap(api.PUT('/api/cadres/{id}/training-history/{recordId}', { ...each(recordId), body: body as TrainingHistoryInput }))
        : unwrap(api.POST('/api/cadres/{id}/training-history', { ...one, body: body as TrainingHistoryInput }));
    case 'discipline':
      return recordId
        ? unwrap(api.PUT('/api/cadres/{id}/discipline/{recordId}', { ...each(recordId), body: body as DisciplineInput }))
        : unwrap(api.POST('/api/cadres/{id}/discipline', { ...one, body: body as DisciplineInput }));
    case 'proceedings':
      return recordId
        ? unwrap(api.PUT('/api/cadres/{id}/proceedings/{recordId}', { ...each(recordId), body: body as ProceedingInput }))
        : unwrap(api.POST('/api/cadres/{id}/proceedings', { ...one, body: body as ProceedingInput }));
    case 'circumstances':
      return recordId
        ? unwrap(api.PUT('/api/cadres/{id}/circumstances/{recordId}', { ...each(recordId), body: body as CircumstanceInput }))
        : unwrap(api.POST('/api/cadres/{id}/circumstances', { ...one, body: body as CircumstanceInput }));
  }
  throw new Error(`unknown record kind ${String(kind)}`);
}

async function deleteRecord(kind: RecordKind, id: string, recordId: string) {
  const params = { path: { id, recordId } };
  switch (kind) {
    case 'planning':
      return unwrap(api.DELETE('/api/cadres/{id}/planning/{recordId}', { params }));
    case 'work-history':
      return unwrap(api.DELETE('/api/cadres/{id}/work-history/{recordId}', { params }));
    case 'training-history':
      return unwrap(api.DELETE('/api/cadres/{id}/training-history/{recordId}', { params }));
    case 'discipline':
      return unwrap(api.DELETE('/api/cadres/{id}/discipline/{recordId}', { params }));
    case 'proceedings':
      return unwrap(api.DELETE('/api/cadres/{id}/proceedings/{recordId}', { params }));
    case 'circumstances':
      return unwrap(api.DELETE('/api/cadres/{id}/circumstances/{recordId}', { params }));
  }
}

/** Adds or changes a planning, work-history, training or discipline row (422 issues go to the form). */
export function useSaveRecord<K extends RecordKind>(id: string, kind: K) {
  const refresh = useRefreshCadre(id);
  return useMutation({
    mutationFn: ({ recordId, body }: { recordId: string | null; body: RecordInputs[K] }) => saveRecord(kind, id, recordId, body),
    onSuccess: refresh,
    meta: { silent: true },
  });
}

/** Closes an open proceeding on a date with its outcome (from that day it no longer bars sending or training). */
export function useCloseProceeding(id: string) {
  const refresh = useRefreshCadre(id);
  return useMutation({
    mutationFn: ({ recordId, body }: { recordId: string; body: ProceedingCloseInput }) =>
      unwrap(api.POST('/api/cadres/{id}/proceedings/{recordId}/close', { params: { path: { id, recordId } }, body })),
    onSuccess: refresh,
  });
}

export function useDeleteRecord(id: string, kind: RecordKind) {
  const refresh = useRefreshCadre(id);
  return useMutation({ mutationFn: (recordId: string) => deleteRecord(kind, id, recordId), onSuccess: refresh });
}

export function useSaveRating(id: string) {
  const refresh = useRefreshCadre(id);
  return useMutation({
    mutationFn: (body: RatingInput) => unwrap(api.PUT('/api/cadres/{id}/ratings', { params: { path: { id } }, body })),
    onSuccess: refresh,
    meta: { silent: true },
  });
}

export function useDeleteRating(id: string) {
  const refresh = useRefreshCadre(id);
  return useMutation({
    mutationFn: (year: number) => unwrap(api.DELETE('/api/cadres/{id}/ratings/{year}', { params: { path: { id, year } } })),
    onSuccess: refresh,
  });
}

/** Job posts of a unit, for the "vị trí việc làm" select. */
export function useJobPosts(unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['org-units', 'job-posts', unitId],
    enabled: !!unitId,
    queryFn: async () => {
      const r = await unwrap(api.GET('/api/org-units/{id}/job-posts', { params: { path: { id: unitId! } } }));
      // the OpenAPI document types job posts as free records (see the hand-over note)
      return r.items.map((p) => ({ id: String(p.id), title: String(p.title ?? ''), isLeadership: Boolean(p.isLeadership) }));
    },
    staleTime: 5 * 60_000,
  });
}
