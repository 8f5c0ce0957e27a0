import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { paths } from '../../../api/schema';

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
export type AddUnitInput = Body<'/api/org-units'>;
export type RenameUnitInput = Body<'/api/org-units/{id}/rename'>;
export type MoveUnitInput = Body<'/api/org-units/{id}/move'>;
export type CloseUnitInput = Body<'/api/org-units/{id}/close'>;
export type MergeUnitsInput = Body<'/api/org-units/merge'>;
export type SplitUnitInput = Body<'/api/org-units/split'>;

/** A change of the organisation by Sở Nội vụ; the tree (and every list of units) is read again after it. */
export type OrgChangeCall =
  | { kind: 'add'; body: AddUnitInput }
  | { kind: 'rename'; id: string; body: RenameUnitInput }
  | { kind: 'move'; id: string; body: MoveUnitInput }
  | { kind: 'close'; id: string; body: CloseUnitInput }
  | { kind: 'merge'; body: MergeUnitsInput }
  | { kind: 'split'; body: SplitUnitInput };

export function useOrgChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: OrgChangeCall) => {
      switch (c.kind) {
        case 'add':
          return unwrap(api.POST('/api/org-units', { body: c.body }));
        case 'rename':
          return unwrap(api.POST('/api/org-units/{id}/rename', { params: { path: { id: c.id } }, body: c.body }));
        case 'move':
          return unwrap(api.POST('/api/org-units/{id}/move', { params: { path: { id: c.id } }, body: c.body }));
        case 'close':
          return unwrap(api.POST('/api/org-units/{id}/close', { params: { path: { id: c.id } }, body: c.body }));
        case 'merge':
          return unwrap(api.POST('/api/org-units/merge', { body: c.body }));
        case 'split':
          return unwrap(api.POST('/api/org-units/split', { body: c.body }));
      }
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['org-units'] });
      await qc.invalidateQueries({ queryKey: ['org-unit-events'] });
      await qc.invalidateQueries({ queryKey: ['cadres'] });
    },
    meta: { silent: true },
  });
}

/** The restructuring history of a unit (its own events and those that took from it), latest first. */
export function useUnitEvents(unitId: string | null) {
  return useQuery({
    enabled: !!unitId,
    queryKey: ['org-unit-events', unitId],
    queryFn: () => unwrap(api.GET('/api/org-units/{id}/events', { params: { path: { id: unitId! } } })),
  });
}
